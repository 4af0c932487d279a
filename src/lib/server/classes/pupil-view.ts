import { findAssignable } from '../content/library';
import { statusOf, type ModuleProgress } from '../learning/progress';
import { practisedScenarios } from '../scenarios/runs';
import { isOverdue } from './due-date';
import { assignmentsForPupil } from './classes';

/** A pupil's assignments (modules and scenarios) with title, due date and status, for /mig and the track pages. */
export function pupilAssignments(
	userId: string,
	progress: Map<string, ModuleProgress>,
	locale: string
) {
	const assigned = assignmentsForPupil(userId);
	const practised = assigned.length ? practisedScenarios(userId) : new Map();
	return assigned.flatMap((a) => {
		const item = findAssignable(locale, a.moduleSlug);
		if (!item) return [];
		const status =
			item.kind === 'scenario'
				? practised.has(item.slug)
					? ('completed' as const)
					: ('not_started' as const)
				: statusOf(progress.get(a.moduleSlug));
		return [
			{
				id: a.id,
				className: a.className,
				slug: item.slug,
				kind: item.kind,
				href: item.href,
				track: item.track,
				title: item.title,
				dueDate: a.dueDate,
				note: a.note,
				status,
				overdue: isOverdue(a.dueDate, status === 'completed')
			}
		];
	});
}
