import type { Cookies } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n';
import { QUOTAS, TokenBucket } from '../security/quotas';
import { normaliseCode, isCodeShape } from '../security/codes';
import { participationHash, participationToken } from './participation';
import { hashSecret } from '../security/secret-hash';
import {
	LINK_CODE_LENGTH,
	answerPoll,
	hasAnswered,
	pollByCode,
	pollOpen,
	type PollRow
} from './poll-store';
import { pollQuestions, readPollAnswers } from './polls';

/** Answers by link from one address, per poll or agreement vote. */
export const eveningAnswersByAddress = new TokenBucket(
	QUOTAS.eveningAnswerBurst,
	QUOTAS.eveningAnswersPerSecond
);

/** The poll of a /stemmer/<code> address, or undefined. */
export function pollOfLink(code: string): PollRow | undefined {
	const normalised = normaliseCode(code);
	return isCodeShape(normalised, LINK_CODE_LENGTH) ? pollByCode(normalised) : undefined;
}

/** Whether this browser has already answered the poll. */
export function answeredHere(poll: PollRow, cookies: Cookies): boolean {
	const hash = participationHash(cookies);
	return hash !== null && hasAnswered(poll.id, hash);
}

export type SubmitOutcome = { ok: true } | { ok: false; status: number; error: MessageKey };

/**
 * One browser's answers to a poll: counted once, with the browser's one-time token marked as
 * having answered. The token is made here, with the first answer, and kept in a cookie for the
 * poll's address only.
 */
export function submitPollAnswers(
	poll: PollRow,
	form: FormData,
	cookies: Cookies,
	url: URL,
	address: string
): SubmitOutcome {
	if (!pollOpen(poll)) return { ok: false, status: 400, error: 'poll_closed_answer' };
	const answers = readPollAnswers(pollQuestions(poll), form);
	if (answers.size === 0) return { ok: false, status: 400, error: 'poll_answer_one' };
	if (!eveningAnswersByAddress.take(`poll|${poll.id}|${address}`))
		return { ok: false, status: 429, error: 'evening_slow_down' };
	const token = participationToken(cookies, `/stemmer/${poll.code}`, url.protocol === 'https:');
	const outcome = answerPoll(poll.id, hashSecret(token), answers);
	if (outcome === 'already') return { ok: false, status: 409, error: 'poll_already_answered' };
	if (outcome === 'closed') return { ok: false, status: 400, error: 'poll_closed_answer' };
	return { ok: true };
}
