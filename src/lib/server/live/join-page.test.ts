import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { useTestDatabase } from '$testing/test-db';
import { createUser } from '../auth/user';
import { initContent } from '../content/library';
import {
	joinLiveSession,
	nicknameChoices,
	participantOf,
	wrongLiveCodesByAddress
} from './join-page';
import { resetLiveRooms, setLiveLocked, startLiveSession } from './rooms';
import type { LiveRoom } from './room';

/** Starts a session that must start (the test's setup). */
function mustStart(input: Parameters<typeof startLiveSession>[0]): LiveRoom {
	const started = startLiveSession(input);
	if (!started.ok) throw new Error(`not started: ${started.reason}`);
	return started.room;
}

initContent();

/** Just enough of SvelteKit's cookies for the join: what was set, by name. */
function cookieJar(): Cookies & { jar: Map<string, { value: string; path: string }> } {
	const jar = new Map<string, { value: string; path: string }>();
	return {
		jar,
		get: (name: string) => jar.get(name)?.value,
		set: (name: string, value: string, opts: { path: string }) =>
			jar.set(name, { value, path: opts.path })
	} as unknown as Cookies & { jar: Map<string, { value: string; path: string }> };
}

const url = new URL('http://localhost/live');

describe('joining a live session', () => {
	beforeEach(() => {
		useTestDatabase();
		resetLiveRooms();
		wrongLiveCodesByAddress.reset('10.0.0.1');
		// Only the clock is faked: joining is limited by time, not by timers.
		vi.useFakeTimers({ toFake: ['Date'] });
	});
	afterEach(() => vi.useRealTimers());

	let owners = 0;
	async function owner() {
		const pro = await createUser({
			username: `fagperson${++owners}`,
			password: 'et godt kodeord',
			role: 'professional'
		});
		if (!pro.ok) throw new Error('user');
		return pro.user.id;
	}

	async function room() {
		return mustStart({
			kind: 'quiz',
			ownerId: await owner(),
			track: 'unge',
			moduleSlug: 'grooming',
			themeDayId: null
		});
	}

	it('lets 300 people from one address join within a minute, with a cookie for this session only', async () => {
		const { code } = await room();
		const start = Date.now();
		for (let i = 0; i < 300; i++) {
			// A hall arrives at a human pace: 300 in 30 seconds.
			vi.setSystemTime(start + i * 100);
			const cookies = cookieJar();
			const result = joinLiveSession({ code, nickname: `Deltager ${i}` }, '10.0.0.1', cookies, url);
			expect(result).toEqual({ ok: true, code });
			expect(cookies.jar.get('live')?.path).toBe(`/live/${code}`);
			if (i === 299) expect(participantOf(code, cookies)).not.toBeNull();
		}
	});

	it('slows down a script joining from one address faster than any class, and counts it', async () => {
		const live = await room();
		const joinedNow = () =>
			joinLiveSession({ code: live.code, nickname: 'Ny elev' }, '10.0.0.9', cookieJar(), url);
		const outcomes = Array.from({ length: 200 }, (_, i) =>
			joinLiveSession({ code: live.code, nickname: `Bot ${i}` }, '10.0.0.9', cookieJar(), url)
		);
		expect(outcomes.filter((o) => o.ok)).toHaveLength(150);
		expect(outcomes.at(-1)).toMatchObject({ status: 429, error: 'live_join_slow_down' });
		expect(live.hostView(true).throttled).toBe(50);
		// Another address (another school) is not held back.
		expect(
			joinLiveSession({ code: live.code, nickname: 'Nabo' }, '10.0.0.8', cookieJar(), url)
		).toMatchObject({ ok: true });
		// A second later the bucket has room again.
		vi.setSystemTime(Date.now() + 1000);
		expect(joinedNow()).toMatchObject({ ok: true });
	});

	it('a locked session takes nobody new; a generated-names session takes only generated names', async () => {
		const live = await room();
		setLiveLocked(live, true);
		expect(
			joinLiveSession({ code: live.code, nickname: 'Sen' }, '10.0.0.1', cookieJar(), url)
		).toMatchObject({ ok: false, error: 'live_locked' });
		setLiveLocked(live, false);
		expect(
			joinLiveSession({ code: live.code, nickname: 'Sen' }, '10.0.0.1', cookieJar(), url)
		).toMatchObject({ ok: true });

		const named = mustStart({
			kind: 'quiz',
			ownerId: await owner(),
			track: 'unge',
			moduleSlug: 'grooming',
			themeDayId: null,
			generatedNames: true
		});
		expect(
			joinLiveSession({ code: named.code, nickname: 'Troldmand' }, '10.0.0.1', cookieJar(), url)
		).toMatchObject({ ok: false, field: 'nickname', error: 'live_nickname_pick' });
		const offered = nicknameChoices(named.code, '10.0.0.1')!.names;
		expect(offered).toHaveLength(6);
		expect(
			joinLiveSession({ code: named.code, nickname: offered[0] }, '10.0.0.1', cookieJar(), url)
		).toMatchObject({ ok: true });
		expect(nicknameChoices(live.code, '10.0.0.1')).toBeNull();
	});

	it('a team joins on one shared device with a generated team name and the number of pupils', async () => {
		const teams = mustStart({
			kind: 'quiz',
			ownerId: await owner(),
			track: 'unge',
			moduleSlug: 'grooming',
			themeDayId: null,
			teams: true
		});
		const choices = nicknameChoices(teams.code, '10.0.0.1')!;
		expect(choices.teams).toBe(true);
		const join = (teamSize: string, i: number) =>
			joinLiveSession(
				{ code: teams.code, nickname: choices.names[i], teamSize },
				'10.0.0.1',
				cookieJar(),
				url
			);
		expect(join('', 0)).toMatchObject({ ok: false, field: 'teamSize' });
		expect(join('16', 0)).toMatchObject({ ok: false, field: 'teamSize' });
		expect(join('4', 0)).toMatchObject({ ok: true });
		expect(join('5', 1)).toMatchObject({ ok: true });
		const host = teams.hostView(true);
		expect([host.teams, host.participantCount, host.pupilCount]).toEqual([true, 2, 9]);
	});

	it('counts wrong codes per address and stops guessing after 100', async () => {
		const { code } = await room();
		const wrong = code === '000000' ? '000001' : '000000';
		for (let i = 0; i < 100; i++)
			expect(
				joinLiveSession({ code: wrong, nickname: 'Gætter' }, '10.0.0.1', cookieJar(), url)
			).toMatchObject({ error: 'live_code_unknown' });
		expect(
			joinLiveSession({ code, nickname: 'Gætter' }, '10.0.0.1', cookieJar(), url)
		).toMatchObject({ status: 429, error: 'live_too_many_tries' });
		expect(joinLiveSession({ code, nickname: 'Nabo' }, '10.0.0.2', cookieJar(), url)).toMatchObject(
			{ ok: true }
		);
	});

	it('explains bad input in the field it belongs to', async () => {
		const { code } = await room();
		expect(
			joinLiveSession({ code: '12 34', nickname: 'Bo' }, '10.0.0.1', cookieJar(), url)
		).toMatchObject({ field: 'code', error: 'live_code_invalid' });
		expect(joinLiveSession({ code, nickname: 'B' }, '10.0.0.1', cookieJar(), url)).toMatchObject({
			field: 'nickname',
			error: 'live_nickname_length'
		});
		expect(
			joinLiveSession(
				{ code: ` ${code.slice(0, 3)} ${code.slice(3)} `, nickname: '  Bo  ' },
				'10.0.0.1',
				cookieJar(),
				url
			)
		).toEqual({ ok: true, code });
		expect(joinLiveSession({ code, nickname: 'bo' }, '10.0.0.1', cookieJar(), url)).toMatchObject({
			field: 'nickname',
			error: 'live_nickname_taken'
		});
	});
});
