import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '../auth/guards';
import { liveRoomById } from './rooms';
import type { LiveRoom } from './room';

/** The session, if the signed-in professional started it; 404 for anyone else. */
export function requireLiveOwner(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	sessionId: string
): LiveRoom {
	const user = requireRole(event, 'professional', 'admin');
	const room = liveRoomById(sessionId);
	if (!room || room.ownerId !== user.id) error(404, 'Not found');
	return room;
}

/** The address participants type, e.g. "sammenpaanettet.dk/live". */
export function joinAddress(url: URL): { href: string; label: string } {
	return { href: `${url.origin}/live`, label: `${url.host}/live` };
}
