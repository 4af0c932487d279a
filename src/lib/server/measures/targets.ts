import { and, asc, eq, isNull } from 'drizzle-orm';
import { getDb } from '../db/client';
import { assignments, classes, themeDays } from '../db/schema';
import { findAssignable } from '../content/library';
import { formatDate } from '$lib/format';
import type { MeasureTarget } from './measures';

/** Something a measure can belong to, as the professional chooses it: `opgave-12`, `temadag-ab12`. */
export interface TargetChoice {
	value: string;
	label: string;
}

export interface TargetChoices {
	/** Per class: its assignments. */
	classes: { name: string; choices: TargetChoice[] }[];
	themeDays: TargetChoice[];
}

/** The professional's own class assignments (classes in use) and theme days (not cancelled). */
export function targetChoices(ownerId: string, locale: string): TargetChoices {
	const db = getDb();
	const rows = db
		.select({ id: assignments.id, slug: assignments.moduleSlug, className: classes.name })
		.from(assignments)
		.innerJoin(classes, eq(classes.id, assignments.classId))
		.where(and(eq(classes.ownerId, ownerId), isNull(classes.archivedAt)))
		.orderBy(asc(classes.name), asc(assignments.id))
		.all();
	const byClass = new Map<string, TargetChoice[]>();
	for (const row of rows) {
		const title = findAssignable(locale, row.slug)?.title ?? row.slug;
		const list = byClass.get(row.className) ?? [];
		list.push({ value: `opgave-${row.id}`, label: `${row.className}: ${title}` });
		byClass.set(row.className, list);
	}
	const days = db
		.select({ id: themeDays.id, title: themeDays.title, startsAt: themeDays.startsAt })
		.from(themeDays)
		.where(and(eq(themeDays.organiserId, ownerId), isNull(themeDays.cancelledAt)))
		.orderBy(asc(themeDays.startsAt))
		.all();
	return {
		classes: [...byClass].map(([name, choices]) => ({ name, choices })),
		themeDays: days.map((d) => ({
			value: `temadag-${d.id}`,
			label: `${d.title} (${formatDate(d.startsAt, locale)})`
		}))
	};
}

/** The target a form value names, if it is one of the professional's own; else undefined. */
export function ownTarget(ownerId: string, value: string): MeasureTarget | undefined {
	const db = getDb();
	const assignment = /^opgave-(\d+)$/.exec(value);
	if (assignment) {
		const id = Number(assignment[1]);
		const row = db
			.select({ id: assignments.id })
			.from(assignments)
			.innerJoin(classes, eq(classes.id, assignments.classId))
			.where(and(eq(assignments.id, id), eq(classes.ownerId, ownerId), isNull(classes.archivedAt)))
			.get();
		return row ? { kind: 'assignment', id } : undefined;
	}
	const day = /^temadag-([a-z0-9]+)$/.exec(value);
	if (day) {
		const row = db
			.select({ id: themeDays.id })
			.from(themeDays)
			.where(
				and(
					eq(themeDays.id, day[1]),
					eq(themeDays.organiserId, ownerId),
					isNull(themeDays.cancelledAt)
				)
			)
			.get();
		return row ? { kind: 'themeDay', id: row.id } : undefined;
	}
	return undefined;
}
