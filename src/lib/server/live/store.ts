import { and, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { hashSecret } from '../security/secret-hash';
import { getDb, prepared } from '../db/client';
import { liveAnswerCounts, liveAnswers, liveParticipants, liveSessions } from '../db/schema';
import { randomId } from '../security/random';
import { newNonce } from '../learning/quiz-form';
import { generateLiveCode } from './code';
import type { LiveState } from './state-machine';
import { isUniqueViolation } from '../db/errors';

export type LiveSessionRow = typeof liveSessions.$inferSelect;
export type LiveParticipantRow = typeof liveParticipants.$inferSelect;

export function createLiveSession(
	input: {
		ownerId: string;
		kind: 'quiz' | 'scenario';
		generatedNames: boolean;
		teams: boolean;
		track: string;
		moduleSlug: string;
		themeDayId: string | null;
	},
	now = new Date()
): LiveSessionRow {
	// 10^6 codes; a clash with a running session just draws again.
	for (let i = 0; ; i++) {
		try {
			return getDb()
				.insert(liveSessions)
				.values({
					id: randomId(),
					code: generateLiveCode(),
					...input,
					state: 'waiting',
					questionIndex: -1,
					shuffleSeed: newNonce(),
					createdAt: now
				})
				.returning()
				.get();
		} catch (e) {
			if (!isUniqueViolation(e) || i > 50) throw e;
		}
	}
}

export function liveSessionById(id: string): LiveSessionRow | undefined {
	return getDb().select().from(liveSessions).where(eq(liveSessions.id, id)).get();
}

/** The running session with this code, or else the most recent one that used it. */
export function liveSessionByCode(code: string): LiveSessionRow | undefined {
	return getDb()
		.select()
		.from(liveSessions)
		.where(and(eq(liveSessions.code, code), isNull(liveSessions.purgedAt)))
		.orderBy(sql`${liveSessions.endedAt} is not null`, desc(liveSessions.createdAt))
		.limit(1)
		.get();
}

export function liveSessionsOf(ownerId: string): LiveSessionRow[] {
	return getDb()
		.select()
		.from(liveSessions)
		.where(eq(liveSessions.ownerId, ownerId))
		.orderBy(sql`${liveSessions.endedAt} is not null`, desc(liveSessions.createdAt))
		.limit(50)
		.all();
}

/** A professional's sessions that have not ended, the oldest first. */
export function runningSessionsOf(ownerId: string): LiveSessionRow[] {
	return getDb()
		.select()
		.from(liveSessions)
		.where(and(eq(liveSessions.ownerId, ownerId), isNull(liveSessions.endedAt)))
		.orderBy(liveSessions.createdAt)
		.all();
}

export function saveLocked(id: string, locked: boolean): void {
	getDb().update(liveSessions).set({ locked }).where(eq(liveSessions.id, id)).run();
}

export function saveHideCounts(id: string, hideCounts: boolean): void {
	getDb().update(liveSessions).set({ hideCounts }).where(eq(liveSessions.id, id)).run();
}

/**
 * Removes a participant: marked removed (their cookie stops working), their answers deleted
 * and taken off the anonymous counts, in one transaction.
 */
export function removeStoredParticipant(
	sessionId: string,
	participantId: string,
	answered: { round: number; keys: string[] }[],
	now = new Date()
): void {
	const db = getDb();
	db.transaction(() => {
		db.update(liveParticipants)
			.set({ removedAt: now })
			.where(and(eq(liveParticipants.id, participantId), eq(liveParticipants.sessionId, sessionId)))
			.run();
		db.delete(liveAnswers).where(eq(liveAnswers.participantId, participantId)).run();
		for (const { round, keys } of answered)
			for (const key of keys)
				db.update(liveAnswerCounts)
					.set({ count: sql`max(${liveAnswerCounts.count} - 1, 0)` })
					.where(
						and(
							eq(liveAnswerCounts.sessionId, sessionId),
							eq(liveAnswerCounts.questionIndex, round),
							eq(liveAnswerCounts.optionKey, key)
						)
					)
					.run();
	});
}

export function saveLiveState(
	id: string,
	state: LiveState,
	scenarioPath: number[],
	now = new Date()
): void {
	getDb()
		.update(liveSessions)
		.set({
			state: state.phase,
			questionIndex: state.questionIndex,
			scenarioPath,
			...(state.phase === 'ended' ? { endedAt: now } : {})
		})
		.where(eq(liveSessions.id, id))
		.run();
}

/** Adds a participant; null when the nickname is taken in this session. */
export function insertParticipant(
	sessionId: string,
	nickname: string,
	teamSize = 1,
	now = new Date()
): { participant: LiveParticipantRow; token: string } | null {
	const id = randomId();
	const secret = randomBytes(20).toString('base64url');
	try {
		const participant = getDb()
			.insert(liveParticipants)
			.values({
				id,
				sessionId,
				nickname,
				nicknameKey: nickname.toLocaleLowerCase('da'),
				secretHash: hashSecret(secret),
				joinedAt: now,
				teamSize
			})
			.returning()
			.get();
		return { participant, token: `${id}.${secret}` };
	} catch (e) {
		if (isUniqueViolation(e)) return null;
		throw e;
	}
}

/** The participants still in a session (not removed), in the order they joined. */
export function participantsOf(sessionId: string): LiveParticipantRow[] {
	return getDb()
		.select()
		.from(liveParticipants)
		.where(and(eq(liveParticipants.sessionId, sessionId), isNull(liveParticipants.removedAt)))
		.orderBy(liveParticipants.joinedAt)
		.all();
}

/** Splits a participant cookie into id and secret hash; null when it is malformed. */
export function readParticipantToken(token: string): { id: string; secretHash: Buffer } | null {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined) return null;
	return { id, secretHash: hashSecret(secret) };
}

export type StoredAnswer = typeof liveAnswers.$inferSelect;

export function answersOf(sessionId: string): StoredAnswer[] {
	return getDb().select().from(liveAnswers).where(eq(liveAnswers.sessionId, sessionId)).all();
}

/**
 * insertAnswer's statements and transaction, built once per database: a hall of a thousand
 * answers within seconds, and building drizzle queries and a transaction wrapper for each
 * answer took most of the answer's CPU time.
 */
const answerStatements = prepared((db) => {
	const placeholder = (name: string) => sql.placeholder(name);
	const insert = db
		.insert(liveAnswers)
		.values({
			participantId: placeholder('participantId'),
			sessionId: placeholder('sessionId'),
			questionIndex: placeholder('questionIndex'),
			answer: placeholder('answer'),
			correct: placeholder('correct'),
			answeredAt: placeholder('answeredAt')
		})
		.onConflictDoNothing()
		.prepare();
	const count = db
		.insert(liveAnswerCounts)
		.values({
			sessionId: placeholder('sessionId'),
			questionIndex: placeholder('questionIndex'),
			optionKey: placeholder('optionKey'),
			count: 1
		})
		.onConflictDoUpdate({
			target: [
				liveAnswerCounts.sessionId,
				liveAnswerCounts.questionIndex,
				liveAnswerCounts.optionKey
			],
			set: { count: sql`${liveAnswerCounts.count} + 1` }
		})
		.prepare();
	return db.$client.transaction((answer: StoredAnswer, countKeys: string[]): boolean => {
		if (insert.run(answer).changes === 0) return false;
		for (const optionKey of countKeys)
			count.run({ sessionId: answer.sessionId, questionIndex: answer.questionIndex, optionKey });
		return true;
	});
});

/**
 * Stores one answer and adds it to the anonymous counts in one transaction; false when the
 * participant has already answered this question.
 */
export function insertAnswer(
	answer: Omit<StoredAnswer, 'answeredAt'>,
	countKeys: string[],
	now = new Date()
): boolean {
	return answerStatements()({ ...answer, answeredAt: now }, countKeys);
}

/** questionIndex → optionKey → count; kept after nicknames and answers are deleted. */
export function answerCountsOf(sessionId: string): Map<number, Map<string, number>> {
	const rows = getDb()
		.select()
		.from(liveAnswerCounts)
		.where(eq(liveAnswerCounts.sessionId, sessionId))
		.all();
	const out = new Map<number, Map<string, number>>();
	for (const r of rows) {
		if (!out.has(r.questionIndex)) out.set(r.questionIndex, new Map());
		out.get(r.questionIndex)!.set(r.optionKey, r.count);
	}
	return out;
}

export const PURGE_AFTER_MS = 24 * 60 * 60 * 1000;
/** A session nobody ended is ended after this long, so its data is purged too. */
export const ABANDONED_AFTER_MS = 12 * 60 * 60 * 1000;

/**
 * Ends sessions left running for 12 hours and deletes nicknames and answers of sessions that
 * ended more than 24 hours ago; the answer counts stay. Returns the purged session ids.
 */
export function purgeLiveData(now = new Date()): { ended: string[]; purged: string[] } {
	const db = getDb();
	return db.transaction((tx) => {
		const ended = tx
			.update(liveSessions)
			.set({ state: 'ended', endedAt: now })
			.where(
				and(
					isNull(liveSessions.endedAt),
					lt(liveSessions.createdAt, new Date(now.getTime() - ABANDONED_AFTER_MS))
				)
			)
			.returning({ id: liveSessions.id })
			.all()
			.map((r) => r.id);
		const purged = tx
			.update(liveSessions)
			.set({ purgedAt: now })
			.where(
				and(
					isNotNull(liveSessions.endedAt),
					isNull(liveSessions.purgedAt),
					lt(liveSessions.endedAt, new Date(now.getTime() - PURGE_AFTER_MS))
				)
			)
			.returning({ id: liveSessions.id })
			.all()
			.map((r) => r.id);
		for (const id of purged) {
			// Answers go with their participant (ON DELETE CASCADE).
			tx.delete(liveParticipants).where(eq(liveParticipants.sessionId, id)).run();
		}
		return { ended, purged };
	});
}
