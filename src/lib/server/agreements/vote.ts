import type { Cookies } from '@sveltejs/kit';
import type { ErrorMessage } from '$lib/i18n';
import { field } from '../http/form';
import { RateLimiter } from '../security/rate-limiter';
import { QUOTAS } from '../security/quotas';
import { isCodeShape, normaliseCode } from '../security/codes';
import { hashSecret } from '../security/secret-hash';
import { LINK_CODE_LENGTH } from '../evening/poll-store';
import { eveningAnswersByAddress } from '../evening/answer-poll';
import { participationHash, participationToken } from '../evening/participation';
import { votable } from './majority';
import { AGREEMENT_TEXT_MAX } from './forms';
import {
	AGREEMENT_VOTING_DAYS,
	addAgreement,
	agreementSetByCode,
	agreementsOf,
	castVotes,
	votedOn,
	votingOpen,
	waitingProposals,
	type AgreementSetRow
} from './store';

const proposalsByAddress = new RateLimiter(QUOTAS.agreementProposalsPerHour, 60 * 60 * 1000);

/** The set of an /aftaler/<code> address, or undefined. */
export function agreementSetOfLink(code: string): AgreementSetRow | undefined {
	const normalised = normaliseCode(code);
	return isCodeShape(normalised, LINK_CODE_LENGTH) ? agreementSetByCode(normalised) : undefined;
}

const cookiePath = (set: AgreementSetRow) => `/aftaler/${set.code}`;

/** The agreements this browser may still vote on, and how many it has voted on. */
export function ballotOf(set: AgreementSetRow, cookies: Cookies) {
	const hash = participationHash(cookies);
	const voted = hash ? votedOn(set.id, hash) : new Set<number>();
	const open = votable(agreementsOf(set.id));
	return {
		toVote: open.filter((a) => !voted.has(a.id)).map(({ id, text }) => ({ id, text })),
		voted: open.filter((a) => voted.has(a.id)).map(({ id, text }) => ({ id, text }))
	};
}

/** Why a set takes no more votes or proposals: published, or past its days. */
const closed = (set: AgreementSetRow): VoteOutcome => ({
	ok: false,
	status: 400,
	error: set.publishedAt
		? 'agreements_voting_closed'
		: { key: 'agreements_voting_expired', params: { days: AGREEMENT_VOTING_DAYS } }
});

export type VoteOutcome =
	{ ok: true; counted: number } | { ok: false; status: number; error: ErrorMessage };

/** One browser's votes: `a-<id>` is "ja" or "nej"; a blank agreement can be voted on later. */
export function submitVotes(
	set: AgreementSetRow,
	form: FormData,
	cookies: Cookies,
	url: URL,
	address: string
): VoteOutcome {
	if (!votingOpen(set)) return closed(set);
	const votes = new Map<number, boolean>();
	for (const a of votable(agreementsOf(set.id))) {
		const v = field(form, `a-${a.id}`);
		if (v === 'ja' || v === 'nej') votes.set(a.id, v === 'ja');
	}
	if (votes.size === 0) return { ok: false, status: 400, error: 'agreements_vote_one' };
	if (!eveningAnswersByAddress.take(`aftaler|${set.id}|${address}`))
		return { ok: false, status: 429, error: 'evening_slow_down' };
	const token = participationToken(cookies, cookiePath(set), url.protocol === 'https:');
	const counted = castVotes(set.id, hashSecret(token), votes);
	if (counted === 0) return { ok: false, status: 409, error: 'agreements_already_voted' };
	return { ok: true, counted };
}

/** A participant's proposal: kept for the professional, shown to no one until approved. */
export function submitProposal(
	set: AgreementSetRow,
	text: string,
	address: string,
	now = new Date()
): VoteOutcome {
	if (!votingOpen(set, now)) return closed(set);
	const tidy = text.trim().replace(/\s+/g, ' ');
	if (!tidy) return { ok: false, status: 400, error: 'agreements_text_required' };
	if (tidy.length > AGREEMENT_TEXT_MAX)
		return {
			ok: false,
			status: 400,
			error: { key: 'error_too_long', params: { max: AGREEMENT_TEXT_MAX } }
		};
	const key = `${set.id}|${address}`;
	if (
		proposalsByAddress.retryAfter(key) > 0 ||
		waitingProposals(set.id) >= QUOTAS.agreementProposalsWaiting
	)
		return { ok: false, status: 429, error: 'agreements_proposals_full' };
	proposalsByAddress.hit(key);
	addAgreement(set.id, { text: tidy, proposed: true });
	return { ok: true, counted: 0 };
}
