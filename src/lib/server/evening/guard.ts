import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '../auth/guards';
import { getPoll, type PollRow } from './poll-store';

/**
 * A youth poll, if the signed-in professional opened it; 404 for anyone else. Administrators
 * do not open other people's polls (least privilege).
 */
export function requirePollOwner(event: Pick<RequestEvent, 'locals' | 'url'>, id: string): PollRow {
	const user = requireRole(event, 'professional', 'admin');
	const poll = getPoll(id);
	if (!poll || poll.ownerId !== user.id) error(404, 'Not found');
	return poll;
}
