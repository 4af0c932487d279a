import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '$testing/test-db';
import type { Scenario, ScenarioStep } from '$lib/scenarios/types';
import { choose, playView, readSignedPath, replay, signPath } from './play';

const step = (id: string, nexts: string[]): ScenarioStep => ({
	id,
	messages: [{ text: `besked i ${id}` }],
	choices: nexts.map((next, i) => ({
		text: `svar ${i}`,
		next,
		risky: i === 0,
		feedback: `fordi ${i}`
	})),
	selfReply: null,
	ending: null
});
const ending = (id: string): ScenarioStep => ({
	...step(id, []),
	ending: {
		title: 'Slut',
		outcome: 'godt',
		wentWellHtml: '',
		nowWhatHtml: '',
		notYourFault: 'Ikke din skyld.',
		help: []
	}
});
const scenario = {
	slug: 'oev-test',
	start: 'a',
	steps: { a: step('a', ['b', 'slut']), b: step('b', ['slut', 'slut']), slut: ending('slut') }
} as unknown as Scenario;

beforeEach(() => useTestDatabase());

describe('playing a scenario', () => {
	it('replays a path: every step with the reply chosen, then the step reached', () => {
		const played = replay(scenario, [0, 1])!;
		expect(played.turns.map((t) => [t.stepId, t.reply?.text, t.reply?.risky])).toEqual([
			['a', 'svar 0', true],
			['b', 'svar 1', false]
		]);
		expect(played.current.id).toBe('slut');
	});
	it('refuses a reply that is not on offer and a path that goes on after the ending', () => {
		expect(replay(scenario, [2])).toBeNull();
		expect(replay(scenario, [1, 0])).toBeNull();
		expect(choose(scenario, [0], 5)).toBeNull();
		expect(choose(scenario, [0], 1)!.path).toEqual([0, 1]);
	});
});

describe('the signed path', () => {
	it('comes back as the path it was signed with, also the empty start', () => {
		expect(readSignedPath('oev-test', signPath('oev-test', [0, 1]))).toEqual([0, 1]);
		expect(readSignedPath('oev-test', signPath('oev-test', []))).toEqual([]);
		expect(playView(scenario, [])!.token).toMatch(/^~/);
	});
	it('refuses a changed path, another scenario’s path, a bad signature and junk', () => {
		const token = signPath('oev-test', [0]);
		const signature = token.split('~')[1];
		expect(readSignedPath('oev-test', `1~${signature}`)).toBeNull();
		expect(readSignedPath('oev-andet', token)).toBeNull();
		expect(readSignedPath('oev-test', `0~${'A'.repeat(22)}`)).toBeNull();
		for (const junk of ['', '0', '~', 'x~y', `${'0.'.repeat(40)}0~${signature}`])
			expect(readSignedPath('oev-test', junk)).toBeNull();
	});
});
