import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '../auth/guards';
import { getClass, type ClassRow } from './classes';

/** The class, if the signed-in person owns it (or is an administrator); 404 for anyone else. */
export function requireClassOwner(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	classId: string
): ClassRow {
	const user = requireRole(event, 'professional', 'admin');
	const classRow = getClass(classId);
	if (!classRow || (classRow.ownerId !== user.id && user.role !== 'admin')) error(404, 'Not found');
	return classRow;
}
