import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '../auth/guards';
import { getAgreementSet, type AgreementSetRow } from './store';

/** A set of agreements, if the signed-in professional made it; 404 for anyone else. */
export function requireAgreementSetOwner(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	id: string
): AgreementSetRow {
	const user = requireRole(event, 'professional', 'admin');
	const set = getAgreementSet(id);
	if (!set || set.ownerId !== user.id) error(404, 'Not found');
	return set;
}
