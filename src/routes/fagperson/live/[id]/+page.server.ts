import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { field } from '$lib/server/http/form';
import { joinAddress, requireLiveOwner } from '$lib/server/live/guard';
import { commandLiveRoom, removeLiveParticipant, setLiveLocked } from '$lib/server/live/rooms';
import { isLiveCommand } from '$lib/server/live/state-machine';
import type { LiveRoom } from '$lib/server/live/room';
import { content } from '$lib/server/content/library';
import { teacherSection } from '$lib/server/scenarios/teacher-section';
import { SCENARIO_DISCUSSION } from '$lib/server/content/scenarios';

export const load: PageServerLoad = (event) => {
	const room = requireLiveOwner(event, event.params.id);
	const host = room.hostView(true);
	return {
		id: room.id,
		host,
		join: joinAddress(event.url),
		summary: host.phase === 'ended' ? room.summary() : [],
		discussionHtml: discussionOf(room)
	};
};

/** A scenario's discussion questions (per step, from its teacher notes) for the control view. */
function discussionOf(room: LiveRoom): string {
	if (room.activity.kind !== 'scenario') return '';
	const scenario = content('da').scenarios.get(room.activity.slug);
	return scenario ? teacherSection(scenario.teacherHtml, SCENARIO_DISCUSSION) : '';
}

export const actions: Actions = {
	styr: async (event) => {
		const room = requireLiveOwner(event, event.params.id);
		const form = await event.request.formData();
		const command = field(form, 'command');
		const reply = field(form, 'svar') === '' ? null : Number(field(form, 'svar'));
		if (!isLiveCommand(command) || !commandLiveRoom(room, command, reply))
			return fail(409, { error: 'live_command_illegal' });
		redirect(303, `/fagperson/live/${room.id}`);
	},
	laas: async (event) => {
		const room = requireLiveOwner(event, event.params.id);
		setLiveLocked(room, field(await event.request.formData(), 'laast') === 'ja');
		redirect(303, `/fagperson/live/${room.id}`);
	},
	fjern: async (event) => {
		const room = requireLiveOwner(event, event.params.id);
		if (!removeLiveParticipant(room, field(await event.request.formData(), 'deltager')))
			return fail(404, { error: 'error_not_found' });
		return { removed: true };
	}
};
