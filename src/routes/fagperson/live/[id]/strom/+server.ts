import type { RequestHandler } from './$types';
import { requireLiveOwner } from '$lib/server/live/guard';
import { sseResponse } from '$lib/server/live/sse';

/** Live counts for the control view; `?visning=skaerm` leaves out nicknames (projector). */
export const GET: RequestHandler = (event) => {
	const room = requireLiveOwner(event, event.params.id);
	const names = event.url.searchParams.get('visning') !== 'skaerm';
	return sseResponse((stream) => room.subscribeHost(stream, names));
};
