import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '../auth/guards';
import { getClass, type ClassRow } from './classes';

/**
 * The class, if the signed-in person owns it; 404 for anyone else. Administrators too: they
 * approve professionals and see anonymous figures, but do not open other people's classes,
 * pupils' progress or make password codes for pupils (least privilege).
 */
export function requireClassOwner(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	classId: string
): ClassRow {
	const user = requireRole(event, 'professional', 'admin');
	const classRow = getClass(classId);
	if (!classRow || classRow.ownerId !== user.id) error(404, 'Not found');
	return classRow;
}
