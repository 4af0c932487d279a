import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { field } from '$lib/server/http/form';
import { joinAddress, requireLiveOwner } from '$lib/server/live/guard';
import { qrDataUrl } from '$lib/server/classes/qr';
import {
	commandLiveRoom,
	removeLiveParticipant,
	setLiveHideCounts,
	setLiveLocked
} from '$lib/server/live/rooms';
import { isLiveCommand } from '$lib/server/live/state-machine';
import type { LiveRoom } from '$lib/server/live/room';
import { content } from '$lib/server/content/library';
import { teacherSection } from '$lib/server/scenarios/teacher-section';
import { DISCUSSION_SECTION } from '$lib/server/content/curriculum-rules';
import { MINIMUM_GROUP_SIZE } from '$lib/server/measures/minimum-group';

export const load: PageServerLoad = async (event) => {
	const room = requireLiveOwner(event, event.params.id);
	const host = room.hostView(true);
	const join = joinAddress(event.url);
	return {
		id: room.id,
		host,
		join,
		qr: host.phase === 'ended' ? null : await qrDataUrl(`${join.href}?kode=${room.code}`),
		summary: host.phase === 'ended' ? room.summary() : [],
		discussionHtml: discussionOf(room),
		minimum: MINIMUM_GROUP_SIZE,
		resultsHref: room.activity.resultsHref ?? null
	};
};

/**
 * The discussion questions from the teacher notes, for the control view: a scenario's per step,
 * a module's for the talk after the quiz.
 */
function discussionOf(room: LiveRoom): string {
	const library = content('da');
	const notes =
		room.activity.kind === 'scenario'
			? library.scenarios.get(room.activity.slug)?.teacherHtml
			: library.modules.get(room.activity.slug)?.teacherHtml;
	return notes ? teacherSection(notes, DISCUSSION_SECTION) : '';
}

export const actions: Actions = {
	styr: async (event) => {
		const room = requireLiveOwner(event, event.params.id);
		const form = await event.request.formData();
		const command = field(form, 'command');
		const reply = field(form, 'svar') === '' ? null : Number(field(form, 'svar'));
		// Ending early is asked once more: a slip of the finger would end a hall's quiz.
		if (command === 'end' && field(form, 'bekraeft') !== 'ja') return { confirmEnd: true };
		if (!isLiveCommand(command) || !commandLiveRoom(room, command, reply))
			return fail(409, { error: 'live_command_illegal' });
		redirect(303, `/fagperson/live/${room.id}`);
	},
	tal: async (event) => {
		const room = requireLiveOwner(event, event.params.id);
		setLiveHideCounts(room, field(await event.request.formData(), 'skjul') === 'ja');
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
