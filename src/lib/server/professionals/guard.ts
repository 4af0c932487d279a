import { error, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '../auth/guards';
import { needsApproval, type SessionUser } from '../auth/user';

/** A signed-in professional or coordinator not yet approved (waiting or refused); anyone else 404. */
export function requireApplicant(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = requireUser(event);
	if (!needsApproval(user.role) || !user.pending) error(404, 'Not found');
	return user;
}
