import { beforeEach, describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { useTestDatabase } from '$testing/test-db';
import { createUser } from '../auth/user';
import { initContent } from '../content/library';
import { joinLiveSession, participantOf, wrongLiveCodesByAddress } from './join-page';
import { resetLiveRooms, startLiveSession } from './rooms';

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
	});

	async function room() {
		const pro = await createUser({
			username: 'fagperson',
			password: 'et godt kodeord',
			role: 'professional'
		});
		if (!pro.ok) throw new Error('user');
		return startLiveSession({
			kind: 'quiz',
			ownerId: pro.user.id,
			track: 'unge',
			moduleSlug: 'grooming',
			themeDayId: null
		})!;
	}

	it('lets 300 people from one address join, with a cookie for this session only', async () => {
		const { code } = await room();
		for (let i = 0; i < 300; i++) {
			const cookies = cookieJar();
			const result = joinLiveSession({ code, nickname: `Deltager ${i}` }, '10.0.0.1', cookies, url);
			expect(result).toEqual({ ok: true, code });
			expect(cookies.jar.get('live')?.path).toBe(`/live/${code}`);
			if (i === 299) expect(participantOf(code, cookies)).not.toBeNull();
		}
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
