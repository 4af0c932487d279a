import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { field } from '$lib/server/http/form';
import { joinAddress, requireLiveOwner } from '$lib/server/live/guard';
import { commandLiveRoom } from '$lib/server/live/rooms';
import { isLiveCommand } from '$lib/server/live/state-machine';

export const load: PageServerLoad = (event) => {
	const room = requireLiveOwner(event, event.params.id);
	const host = room.hostView(true);
	return {
		id: room.id,
		host,
		join: joinAddress(event.url),
		summary: host.phase === 'ended' ? room.summary() : []
	};
};

export const actions: Actions = {
	styr: async (event) => {
		const room = requireLiveOwner(event, event.params.id);
		const command = field(await event.request.formData(), 'command');
		if (!isLiveCommand(command) || !commandLiveRoom(room, command))
			return fail(409, { error: 'live_command_illegal' });
		redirect(303, `/fagperson/live/${room.id}`);
	}
};
