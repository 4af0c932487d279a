import { findAssignable, type Assignable } from '../content/library';
import { assignmentsOf } from './classes';

export interface ClassAssignment extends Assignable {
	id: number;
	/** The stored slug (a module's or a scenario's). */
	moduleSlug: string;
	dueDate: string | null;
	note: string | null;
}

/** A class's assignments with what each is (module or scenario); ones no longer in content/ are left out. */
export function classAssignments(classId: string, locale: string): ClassAssignment[] {
	return assignmentsOf(classId).flatMap((a) => {
		const assignable = findAssignable(locale, a.moduleSlug);
		return assignable
			? [{ ...assignable, id: a.id, moduleSlug: a.moduleSlug, dueDate: a.dueDate, note: a.note }]
			: [];
	});
}
