import type { MessageKey } from '$lib/i18n';
import type { Cookies } from '@sveltejs/kit';
import { RateLimiter } from '../security/rate-limiter';
import { isLiveCode, normaliseLiveCode } from './code';
import { generatedNicknames, isGeneratedNickname, nicknameProblem, tidyNickname } from './nickname';
import { QUOTAS, TokenBucket } from '../security/quotas';
import { joinLiveRoom, liveRoomByCode } from './rooms';
import { readParticipantToken } from './store';
import type { LiveRoom } from './room';

/**
 * Wrong codes per address. Only failures count: a whole school hall behind one address
 * joins freely, while guessing the 10^6 codes stays slow.
 */
export const wrongLiveCodesByAddress = new RateLimiter(100, 15 * 60 * 1000);

const joinsByAddress = new TokenBucket(QUOTAS.liveJoinBurst, QUOTAS.liveJoinsPerSecond);

export const PARTICIPANT_COOKIE = 'live';
const DAY = 24 * 60 * 60;

export type JoinResult =
	| { ok: true; code: string }
	| {
			ok: false;
			status: number;
			field: 'code' | 'nickname' | 'teamSize';
			error: MessageKey;
			params?: Record<string, unknown>;
	  };

/** Pupils sharing one device in a team session. */
export const TEAM_SIZE = { min: 1, max: 15 };

export function joinLiveSession(
	input: { code: string; nickname: string; teamSize?: string },
	address: string,
	cookies: Cookies,
	url: URL
): JoinResult {
	const code = normaliseLiveCode(input.code);
	const wait = wrongLiveCodesByAddress.retryAfter(address);
	if (wait > 0)
		return {
			ok: false,
			status: 429,
			field: 'code',
			error: 'live_too_many_tries',
			params: { minutes: Math.ceil(wait / 60) }
		};
	if (!isLiveCode(code))
		return { ok: false, status: 400, field: 'code', error: 'live_code_invalid' };
	const nickname = tidyNickname(input.nickname);
	const problem = nicknameProblem(nickname);
	if (problem) return { ok: false, status: 400, field: 'nickname', error: problem };
	const room = liveRoomByCode(code);
	if (!room) {
		wrongLiveCodesByAddress.hit(address);
		return { ok: false, status: 400, field: 'code', error: 'live_code_unknown' };
	}
	if (room.generatedNames && !isGeneratedNickname(nickname))
		return { ok: false, status: 400, field: 'nickname', error: 'live_nickname_pick' };
	const teamSize = Number(input.teamSize);
	if (
		room.teams &&
		!(Number.isInteger(teamSize) && teamSize >= TEAM_SIZE.min && teamSize <= TEAM_SIZE.max)
	)
		return {
			ok: false,
			status: 400,
			field: 'teamSize',
			error: 'live_team_size_invalid',
			params: TEAM_SIZE
		};
	// A hall behind one address joins in a burst at a human pace; a script joining faster is
	// slowed down, and the professional sees how often.
	if (!joinsByAddress.take(`${room.id}|${address}`)) {
		room.noteThrottled();
		return { ok: false, status: 429, field: 'code', error: 'live_join_slow_down' };
	}
	const joined = joinLiveRoom(room, nickname, teamSize);
	if (!joined.ok)
		return {
			ok: false,
			status: 400,
			field: joined.reason === 'live_nickname_taken' ? 'nickname' : 'code',
			error: joined.reason
		};
	// The cookie goes only to this session's pages, and is gone after a day.
	cookies.set(PARTICIPANT_COOKIE, joined.token, {
		path: `/live/${code}`,
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: DAY
	});
	return { ok: true, code };
}

/** The room and participant of a /live/<code> request, or null when the cookie does not fit. */
export function participantOf(
	code: string,
	cookies: Cookies
): { room: LiveRoom; participantId: string; nickname: string } | null {
	const token = readParticipantToken(cookies.get(PARTICIPANT_COOKIE) ?? '');
	if (!token || !isLiveCode(code)) return null;
	const room = liveRoomByCode(code);
	const participant = room?.participant(token.id, token.secretHash);
	return room && participant
		? { room, participantId: participant.id, nickname: participant.nickname }
		: null;
}

/**
 * The generated nicknames to offer on the join page, when the code belongs to a session that
 * only takes those; null otherwise. A code looked up here counts like a typed one: an unknown
 * code is a wrong guess for the address, so the page cannot be used to find running sessions.
 */
export function nicknameChoices(
	typedCode: string,
	address: string
): { names: string[]; teams: boolean } | null {
	const code = normaliseLiveCode(typedCode);
	if (!isLiveCode(code) || wrongLiveCodesByAddress.retryAfter(address) > 0) return null;
	const room = liveRoomByCode(code);
	if (!room) {
		wrongLiveCodesByAddress.hit(address);
		return null;
	}
	return room.generatedNames ? { names: generatedNicknames(6), teams: room.teams } : null;
}
