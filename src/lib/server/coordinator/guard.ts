import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole, requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/user';

/**
 * An approved coordinator; anyone else gets 404, administrators too: they approve coordinators
 * but have no use for the partnership's figures (least privilege).
 */
export function requireCoordinator(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	return requireRole(event, 'coordinator');
}

/** A coordinator, approved or still waiting (who sees the application's status); else 404. */
export function requireCoordinatorAccount(
	event: Pick<RequestEvent, 'locals' | 'url'>
): SessionUser {
	const user = requireUser(event);
	if (user.role !== 'coordinator') error(404, 'Not found');
	return user;
}
