import { content } from '../content/library';
import { statusOf, type ModuleProgress } from '../learning/progress';
import { isOverdue } from './due-date';
import { assignmentsForPupil } from './classes';

/** A pupil's assignments with title, due date and status, for /mig and the track pages. */
export function pupilAssignments(
	userId: string,
	progress: Map<string, ModuleProgress>,
	locale: string
) {
	const modules = content(locale).modules;
	return assignmentsForPupil(userId).flatMap((a) => {
		const mod = modules.get(a.moduleSlug);
		if (!mod) return [];
		const status = statusOf(progress.get(a.moduleSlug));
		return [
			{
				id: a.id,
				className: a.className,
				slug: mod.slug,
				track: mod.track,
				title: mod.title,
				dueDate: a.dueDate,
				note: a.note,
				status,
				overdue: isOverdue(a.dueDate, status === 'completed')
			}
		];
	});
}
