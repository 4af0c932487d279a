import { and, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import {
	assignments,
	classes,
	measureAccountTokens,
	measureParticipants,
	measures,
	themeDays
} from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { randomCode } from '../security/codes';
import { randomId } from '../security/random';

export type MeasureRow = typeof measures.$inferSelect;

/** What a measure belongs to: one of the professional's class assignments or theme days. */
export type MeasureTarget = { kind: 'assignment'; id: number } | { kind: 'themeDay'; id: string };

export const MEASURE_CODE_LENGTH = 6;

/** A measure left open this long closes by itself, so no token is kept for long. */
export const MEASURE_MAX_OPEN_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export function createMeasure(
	ownerId: string,
	measureSlug: string,
	target: MeasureTarget,
	now = new Date()
): MeasureRow {
	// 31^6 codes; a clash with an open measure draws again.
	for (let i = 0; ; i++) {
		try {
			return getDb()
				.insert(measures)
				.values({
					id: randomId(),
					code: randomCode(MEASURE_CODE_LENGTH),
					measureSlug,
					ownerId,
					assignmentId: target.kind === 'assignment' ? target.id : null,
					themeDayId: target.kind === 'themeDay' ? target.id : null,
					phase: 'before',
					createdAt: now
				})
				.returning()
				.get();
		} catch (e) {
			if (!isUniqueViolation(e) || i > 20) throw e;
		}
	}
}

export function getMeasure(id: string): MeasureRow | undefined {
	return getDb().select().from(measures).where(eq(measures.id, id)).get();
}

/** The measure participants reach with this code: the open one, else the last closed one. */
export function measureByCode(code: string): MeasureRow | undefined {
	return getDb()
		.select()
		.from(measures)
		.where(eq(measures.code, code))
		.orderBy(sql`${measures.phase} = 'closed'`, desc(measures.createdAt))
		.get();
}

/** The professional's measures, newest first, with what each belongs to. */
export function measuresOf(ownerId: string) {
	return getDb()
		.select({
			measure: measures,
			className: classes.name,
			moduleSlug: assignments.moduleSlug,
			themeDayTitle: themeDays.title
		})
		.from(measures)
		.leftJoin(assignments, eq(assignments.id, measures.assignmentId))
		.leftJoin(classes, eq(classes.id, assignments.classId))
		.leftJoin(themeDays, eq(themeDays.id, measures.themeDayId))
		.where(eq(measures.ownerId, ownerId))
		.orderBy(desc(measures.createdAt))
		.all();
}

/** Moves from the before-answers to the after-answers; false unless it was taking before-answers. */
export function openAfter(measureId: string, now = new Date()): boolean {
	return (
		getDb()
			.update(measures)
			.set({ phase: 'after', afterOpenedAt: now })
			.where(and(eq(measures.id, measureId), eq(measures.phase, 'before')))
			.run().changes === 1
	);
}

/**
 * Closes a measure for good: nobody answers any more, and every token that could find a
 * participant's answers again is deleted (the hashes and the accounts' tokens). The pairing of
 * before and after stays, with nobody behind it.
 */
export function closeMeasure(measureId: string, now = new Date()): boolean {
	return getDb().transaction((tx) => {
		const closed =
			tx
				.update(measures)
				.set({ phase: 'closed', closedAt: now })
				.where(and(eq(measures.id, measureId), ne(measures.phase, 'closed')))
				.run().changes === 1;
		if (!closed) return false;
		tx.update(measureParticipants)
			.set({ tokenHash: null })
			.where(eq(measureParticipants.measureId, measureId))
			.run();
		tx.delete(measureAccountTokens).where(eq(measureAccountTokens.measureId, measureId)).run();
		return true;
	});
}

/** Closes every measure open longer than MEASURE_MAX_OPEN_DAYS (a daily job); how many. */
export function closeStaleMeasures(now = new Date()): number {
	const stale = getDb()
		.select({ id: measures.id })
		.from(measures)
		.where(
			and(
				ne(measures.phase, 'closed'),
				lt(measures.createdAt, new Date(now.getTime() - MEASURE_MAX_OPEN_DAYS * DAY_MS))
			)
		)
		.all();
	return stale.filter((m) => closeMeasure(m.id, now)).length;
}

/** How many measures a professional made in the 24 hours before `now` (the daily quota). */
export function measuresCreatedToday(ownerId: string, now = new Date()): number {
	return getDb()
		.select({ id: measures.id })
		.from(measures)
		.where(
			and(eq(measures.ownerId, ownerId), sql`${measures.createdAt} >= ${now.getTime() - DAY_MS}`)
		)
		.all().length;
}

export function measuresByIds(ids: string[]): MeasureRow[] {
	return ids.length ? getDb().select().from(measures).where(inArray(measures.id, ids)).all() : [];
}
