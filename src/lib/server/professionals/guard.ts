import { error, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/user';

/** A signed-in professional not yet approved (waiting or refused); anyone else gets 404. */
export function requireApplicant(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = requireUser(event);
	if (user.role !== 'professional' || !user.pending) error(404, 'Not found');
	return user;
}
