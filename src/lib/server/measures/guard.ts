import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '../auth/guards';
import { getMeasure, type MeasureRow } from './measures';

/**
 * The measure, if the signed-in professional made it; 404 for anyone else. Administrators and
 * coordinators do not open other people's measures: coordinators see figures across many, only
 * at /koordinator.
 */
export function requireMeasureOwner(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	measureId: string
): MeasureRow {
	const user = requireRole(event, 'professional', 'admin');
	const measure = getMeasure(measureId);
	if (!measure || measure.ownerId !== user.id) error(404, 'Not found');
	return measure;
}
