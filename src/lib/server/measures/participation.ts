import type { Cookies } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { measureAccountTokens, measureAnswers, measureParticipants, measures } from '../db/schema';
import { generateSecureRandomString } from '../security/random';
import { hashSecret } from '../security/secret-hash';
import type { MeasureRow } from './measures';

/**
 * How a participant's before-answers and after-answers find each other: a random token for this
 * one measure, kept by the participant's browser (a cookie that only this measure's page gets) or,
 * when signed in, by the account. Only the token's hash is stored beside the answers; the token
 * itself is deleted when the measure closes (and with the account).
 */
export const MEASURE_COOKIE = 'maaling';
const COOKIE_MAX_AGE_S = 100 * 24 * 60 * 60;

type Who = { userId: string | null; cookies: Cookies; url: URL };

const cookiePath = (measure: MeasureRow) => `/maaling/${measure.code}`;

function cookieToken(cookies: Cookies, measure: MeasureRow): string | null {
	const [measureId, token] = (cookies.get(MEASURE_COOKIE) ?? '').split('.');
	return measureId === measure.id && token ? token : null;
}

function accountToken(userId: string, measureId: string): string | null {
	return (
		getDb()
			.select({ token: measureAccountTokens.token })
			.from(measureAccountTokens)
			.where(
				and(eq(measureAccountTokens.userId, userId), eq(measureAccountTokens.measureId, measureId))
			)
			.get()?.token ?? null
	);
}

/** The participant's token, if they have one for this measure. */
export function existingToken(measure: MeasureRow, who: Who): string | null {
	return (
		(who.userId ? accountToken(who.userId, measure.id) : null) ?? cookieToken(who.cookies, measure)
	);
}

/**
 * The participant's token, made when missing. A signed-in person keeps it in the account (one
 * they already had in this browser comes along); anyone else gets it in a cookie.
 */
export function tokenForAnswering(measure: MeasureRow, who: Who): string {
	const existing = existingToken(measure, who);
	if (who.userId) {
		const token = existing ?? generateSecureRandomString();
		getDb()
			.insert(measureAccountTokens)
			.values({ userId: who.userId, measureId: measure.id, token })
			.onConflictDoNothing()
			.run();
		return accountToken(who.userId, measure.id)!;
	}
	const token = existing ?? generateSecureRandomString();
	who.cookies.set(MEASURE_COOKIE, `${measure.id}.${token}`, {
		path: cookiePath(measure),
		httpOnly: true,
		sameSite: 'lax',
		secure: who.url.protocol === 'https:',
		maxAge: COOKIE_MAX_AGE_S
	});
	return token;
}

/** Which of the two the participant with this token has answered. */
export function answeredPhases(measureId: string, token: string | null) {
	const row = token
		? getDb()
				.select({ beforeAt: measureParticipants.beforeAt, afterAt: measureParticipants.afterAt })
				.from(measureParticipants)
				.where(
					and(
						eq(measureParticipants.measureId, measureId),
						eq(measureParticipants.tokenHash, hashSecret(token))
					)
				)
				.get()
		: undefined;
	return { before: !!row?.beforeAt, after: !!row?.afterAt };
}

export type AnswerOutcome = 'saved' | 'already_answered' | 'closed';

/**
 * Stores one participant's answers for the phase the measure is in. Each phase is answered
 * once; an after-answer without a before-answer counts as an after-answer only.
 */
export function saveAnswers(
	measure: MeasureRow,
	token: string,
	answers: { questionId: string; value: number }[],
	now = new Date()
): AnswerOutcome {
	const tokenHash = hashSecret(token);
	return getDb().transaction((tx) => {
		// The phase as it is now, not as the page saw it: it may have moved on since.
		const phase = tx
			.select({ phase: measures.phase })
			.from(measures)
			.where(eq(measures.id, measure.id))
			.get()?.phase;
		if (!phase || phase === 'closed') return 'closed';
		tx.insert(measureParticipants)
			.values({ measureId: measure.id, tokenHash })
			.onConflictDoNothing()
			.run();
		const participant = tx
			.select()
			.from(measureParticipants)
			.where(
				and(
					eq(measureParticipants.measureId, measure.id),
					eq(measureParticipants.tokenHash, tokenHash)
				)
			)
			.get()!;
		if ((phase === 'before' ? participant.beforeAt : participant.afterAt) !== null)
			return 'already_answered';
		tx.update(measureParticipants)
			.set(phase === 'before' ? { beforeAt: now } : { afterAt: now })
			.where(eq(measureParticipants.id, participant.id))
			.run();
		tx.insert(measureAnswers)
			.values(answers.map((a) => ({ participantId: participant.id, phase, ...a })))
			.run();
		return 'saved';
	});
}

/**
 * For "download my data": the measures this account answered while they are open (afterwards
 * no token links the answers to anyone), with the answers as stored, and the measures the
 * person made as a professional, without anyone's answers.
 */
export function measureDataOf(userId: string) {
	const db = getDb();
	const answered = db
		.select({ token: measureAccountTokens.token, measure: measures })
		.from(measureAccountTokens)
		.innerJoin(measures, eq(measures.id, measureAccountTokens.measureId))
		.where(eq(measureAccountTokens.userId, userId))
		.all()
		.map(({ token, measure }) => {
			const participant = db
				.select()
				.from(measureParticipants)
				.where(
					and(
						eq(measureParticipants.measureId, measure.id),
						eq(measureParticipants.tokenHash, hashSecret(token))
					)
				)
				.get();
			return {
				measure: measure.measureSlug,
				code: measure.code,
				answeredBeforeAt: participant?.beforeAt ?? null,
				answeredAfterAt: participant?.afterAt ?? null,
				answers: participant
					? db
							.select({
								phase: measureAnswers.phase,
								questionId: measureAnswers.questionId,
								value: measureAnswers.value
							})
							.from(measureAnswers)
							.where(eq(measureAnswers.participantId, participant.id))
							.all()
					: []
			};
		});
	const made = db
		.select({
			measure: measures.measureSlug,
			code: measures.code,
			phase: measures.phase,
			createdAt: measures.createdAt,
			afterOpenedAt: measures.afterOpenedAt,
			closedAt: measures.closedAt
		})
		.from(measures)
		.where(eq(measures.ownerId, userId))
		.all();
	return { answered, made };
}
