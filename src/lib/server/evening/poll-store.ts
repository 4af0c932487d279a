import { and, count, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { youthPollCounts, youthPollTokens, youthPolls } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { randomId } from '../security/random';
import { randomCode } from '../security/codes';

export type PollRow = typeof youthPolls.$inferSelect;

/** The code in a poll's or an agreement vote's link: typed from a board now and then. */
export const LINK_CODE_LENGTH = 8;

/** Inserts a row with a fresh link code; a clash (1 in 31^8) draws again. */
export function withFreshCode<T>(insert: (code: string) => T): T {
	for (let i = 0; ; i++) {
		try {
			return insert(randomCode(LINK_CODE_LENGTH));
		} catch (e) {
			if (!isUniqueViolation(e) || i > 20) throw e;
		}
	}
}

export function createPoll(
	input: {
		ownerId: string;
		themeDayId: string | null;
		classId: string | null;
		questionIds: string[];
	},
	now = new Date()
): PollRow {
	return withFreshCode((code) =>
		getDb()
			.insert(youthPolls)
			.values({ id: randomId(), code, ...input, createdAt: now })
			.returning()
			.get()
	);
}

export function getPoll(id: string): PollRow | undefined {
	return getDb().select().from(youthPolls).where(eq(youthPolls.id, id)).get();
}

export function pollByCode(code: string): PollRow | undefined {
	return getDb().select().from(youthPolls).where(eq(youthPolls.code, code)).get();
}

/** A professional's polls, the newest first. */
export function pollsOf(ownerId: string): PollRow[] {
	return getDb()
		.select()
		.from(youthPolls)
		.where(eq(youthPolls.ownerId, ownerId))
		.orderBy(desc(youthPolls.createdAt))
		.all();
}

/** A poll closes by itself this many days after it was opened: no browser's marker is kept long. */
export const POLL_MAX_OPEN_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When the poll closes by itself, unless it is closed before. */
export function pollClosesAt(poll: Pick<PollRow, 'createdAt'>): Date {
	return new Date(poll.createdAt.getTime() + POLL_MAX_OPEN_DAYS * DAY_MS);
}

/** Whether the poll takes answers: not closed, and not past its days (the job may be behind). */
export function pollOpen(poll: Pick<PollRow, 'createdAt' | 'closedAt'>, now = new Date()): boolean {
	return poll.closedAt === null && now < pollClosesAt(poll);
}

/** Records the closing of the open polls past their days, for the purge; returns them. */
export function closeStalePolls(now = new Date()): string[] {
	return getDb()
		.update(youthPolls)
		.set({ closedAt: now })
		.where(
			and(
				isNull(youthPolls.closedAt),
				lt(youthPolls.createdAt, new Date(now.getTime() - POLL_MAX_OPEN_DAYS * DAY_MS))
			)
		)
		.returning({ id: youthPolls.id })
		.all()
		.map((r) => r.id);
}

export function setPollClosed(id: string, closed: boolean, now = new Date()): void {
	getDb()
		.update(youthPolls)
		.set({ closedAt: closed ? now : null })
		.where(eq(youthPolls.id, id))
		.run();
}

export type PollAnswerOutcome = 'ok' | 'already' | 'closed';

/**
 * Stores one browser's answers as counts: its token's hash is marked as answered and each chosen
 * option counted, in one transaction. A token that has answered before changes nothing.
 */
export function answerPoll(
	pollId: string,
	tokenHash: Buffer,
	answers: ReadonlyMap<string, string>,
	now = new Date()
): PollAnswerOutcome {
	const db = getDb();
	return db.transaction((tx) => {
		const poll = tx.select().from(youthPolls).where(eq(youthPolls.id, pollId)).get();
		if (!poll || !pollOpen(poll, now)) return 'closed';
		const marked = tx
			.insert(youthPollTokens)
			.values({ pollId, tokenHash, answeredAt: now })
			.onConflictDoNothing()
			.run();
		if (marked.changes === 0) return 'already';
		for (const [questionId, optionId] of answers) addCount(tx, pollId, questionId, optionId, 1);
		return 'ok';
	});
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

function addCount(
	db: Tx | ReturnType<typeof getDb>,
	pollId: string,
	questionId: string,
	optionId: string,
	delta: number
): void {
	db.insert(youthPollCounts)
		.values({ pollId, questionId, optionId, count: Math.max(0, delta) })
		.onConflictDoUpdate({
			target: [youthPollCounts.pollId, youthPollCounts.questionId, youthPollCounts.optionId],
			set: { count: sql`max(${youthPollCounts.count} + ${delta}, 0)` }
		})
		.run();
}

/** Adds (or takes back) answers given in a live session; the caller holds the transaction. */
export function addPollCounts(
	pollId: string,
	questionId: string,
	optionIds: readonly string[],
	delta: 1 | -1
): void {
	for (const optionId of optionIds) addCount(getDb(), pollId, questionId, optionId, delta);
}

export function hasAnswered(pollId: string, tokenHash: Buffer): boolean {
	return !!getDb()
		.select({ pollId: youthPollTokens.pollId })
		.from(youthPollTokens)
		.where(and(eq(youthPollTokens.pollId, pollId), eq(youthPollTokens.tokenHash, tokenHash)))
		.get();
}

/** questionId → optionId → count. */
export function pollCounts(pollId: string): Map<string, Map<string, number>> {
	const out = new Map<string, Map<string, number>>();
	for (const r of getDb()
		.select()
		.from(youthPollCounts)
		.where(eq(youthPollCounts.pollId, pollId))
		.all()) {
		if (!out.has(r.questionId)) out.set(r.questionId, new Map());
		out.get(r.questionId)!.set(r.optionId, r.count);
	}
	return out;
}

/** How many browsers answered by link (live participants are counted per question). */
export function linkAnswerCount(pollId: string): number {
	return getDb()
		.select({ n: count() })
		.from(youthPollTokens)
		.where(eq(youthPollTokens.pollId, pollId))
		.get()!.n;
}

export const TOKENS_KEPT_AFTER_CLOSING_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the participation markers of polls closed more than 24 hours ago; the counts stay.
 * Returns the polls purged.
 */
export function purgePollTokens(now = new Date()): string[] {
	const db = getDb();
	return db.transaction((tx) => {
		const purged = tx
			.update(youthPolls)
			.set({ tokensPurgedAt: now })
			.where(
				and(
					isNotNull(youthPolls.closedAt),
					isNull(youthPolls.tokensPurgedAt),
					lt(youthPolls.closedAt, new Date(now.getTime() - TOKENS_KEPT_AFTER_CLOSING_MS))
				)
			)
			.returning({ id: youthPolls.id })
			.all()
			.map((r) => r.id);
		for (const id of purged) tx.delete(youthPollTokens).where(eq(youthPollTokens.pollId, id)).run();
		return purged;
	});
}

/** The polls opened for a theme day (by its organiser). */
export function pollsOfThemeDay(themeDayId: string): PollRow[] {
	return getDb()
		.select()
		.from(youthPolls)
		.where(eq(youthPolls.themeDayId, themeDayId))
		.orderBy(desc(youthPolls.createdAt))
		.all();
}
