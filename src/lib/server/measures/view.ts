import { eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { assignments, classes, themeDays } from '../db/schema';
import { content, findAssignable } from '../content/library';
import type { MeasureDefinition } from '../content/measures';
import type { MeasureRow } from './measures';

/** What a measure belongs to, as pages name it: a class's module or a theme day. */
export type MeasureContext =
	| { kind: 'assignment'; className: string; title: string; href: string | null }
	| { kind: 'themeDay'; title: string; href: string | null };

export function measureContext(measure: MeasureRow, locale: string): MeasureContext | null {
	const db = getDb();
	if (measure.assignmentId !== null) {
		const row = db
			.select({ slug: assignments.moduleSlug, className: classes.name })
			.from(assignments)
			.innerJoin(classes, eq(classes.id, assignments.classId))
			.where(eq(assignments.id, measure.assignmentId))
			.get();
		if (!row) return null;
		const assignable = findAssignable(locale, row.slug);
		return {
			kind: 'assignment',
			className: row.className,
			title: assignable?.title ?? row.slug,
			href: assignable?.href ?? null
		};
	}
	const day = db
		.select({ title: themeDays.title, slug: themeDays.slug, publishedAt: themeDays.publishedAt })
		.from(themeDays)
		.where(eq(themeDays.id, measure.themeDayId ?? ''))
		.get();
	if (!day) return null;
	return {
		kind: 'themeDay',
		title: day.title,
		href: day.publishedAt ? `/temadage/${day.slug}` : null
	};
}

/** The measure's questions, from content; undefined if the file was removed since. */
export function measureDefinition(
	measure: MeasureRow,
	locale: string
): MeasureDefinition | undefined {
	return content(locale).measures.get(measure.measureSlug);
}
