import { classesOf, getClass } from '../classes/classes';
import { getThemeDay, themeDaysOf } from '../themedays/theme-days';

/**
 * Who a poll or an agreement vote is for: one of the professional's theme days, one of their
 * classes, or (agreements only) a year group known by its name. The form's value is
 * "temadag:<id>", "klasse:<id>" or "aargang".
 */
export type Scope =
	| { kind: 'temadag'; themeDayId: string; classId: null }
	| { kind: 'klasse'; themeDayId: null; classId: string }
	| { kind: 'aargang'; themeDayId: null; classId: null };

export interface ScopeOption {
	value: string;
	label: string;
}

/** The professional's theme days and classes (not archived), for the form's select. */
export function scopeOptions(ownerId: string): {
	themeDays: ScopeOption[];
	classes: ScopeOption[];
} {
	return {
		themeDays: themeDaysOf(ownerId)
			.filter((d) => !d.cancelledAt)
			.map((d) => ({ value: `temadag:${d.id}`, label: d.title })),
		classes: classesOf(ownerId)
			.filter((c) => !c.archivedAt)
			.map((c) => ({ value: `klasse:${c.id}`, label: `${c.name}, ${c.school}` }))
	};
}

/** The scope chosen, if it is the professional's own; null for anything else. */
export function readScope(value: string, ownerId: string, yearGroupAllowed: boolean): Scope | null {
	const [kind, id] = value.split(':');
	if (kind === 'aargang' && id === undefined && yearGroupAllowed)
		return { kind, themeDayId: null, classId: null };
	if (kind === 'temadag' && id) {
		const day = getThemeDay(id);
		return day && day.organiserId === ownerId ? { kind, themeDayId: id, classId: null } : null;
	}
	if (kind === 'klasse' && id) {
		const row = getClass(id);
		return row && row.ownerId === ownerId && !row.archivedAt
			? { kind, themeDayId: null, classId: id }
			: null;
	}
	return null;
}

/** The name of what a poll or an agreement vote is for, as shown on its pages. */
export function scopeName(row: {
	themeDayId: string | null;
	classId: string | null;
	yearGroup?: string | null;
}): { kind: Scope['kind']; name: string; themeDaySlug: string | null } {
	if (row.themeDayId) {
		const day = getThemeDay(row.themeDayId);
		return { kind: 'temadag', name: day?.title ?? '', themeDaySlug: day?.slug ?? null };
	}
	if (row.classId) {
		const c = getClass(row.classId);
		return { kind: 'klasse', name: c ? `${c.name}, ${c.school}` : '', themeDaySlug: null };
	}
	return { kind: 'aargang', name: row.yearGroup ?? '', themeDaySlug: null };
}
