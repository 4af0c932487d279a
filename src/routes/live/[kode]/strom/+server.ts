import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { participantOf } from '$lib/server/live/join-page';
import { lastEventId, sseResponse } from '$lib/server/live/sse';

/** The participant's live updates (Server-Sent Events), in the language they read. */
export const GET: RequestHandler = ({ params, cookies, request, locals }) => {
	const found = participantOf(params.kode, cookies);
	if (!found) error(404, 'Not found');
	return sseResponse((stream) =>
		found.room.subscribeParticipant(
			found.participantId,
			stream,
			lastEventId(request),
			locals.locale
		)
	);
};
