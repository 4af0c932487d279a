import { describe, expect, it } from 'vitest';
import type { Scenario, ScenarioStep } from '$lib/scenarios/types';
import { analyseScenario } from './scenario-analysis';

const step = (id: string, nexts: string[]): ScenarioStep => ({
	id,
	messages: [{ text: `besked i ${id}` }],
	choices: nexts.map((next, i) => ({
		text: `${id} svar ${i}`,
		next,
		risky: i === 0,
		feedback: ''
	})),
	selfReply: null,
	ending: null
});
const ending = (id: string, outcome: 'godt' | 'svaert'): ScenarioStep => ({
	...step(id, []),
	ending: { title: id, outcome, wentWellHtml: '', nowWhatHtml: '', notYourFault: '', help: [] }
});
const scenario = {
	slug: 'oev-test',
	start: 'a',
	steps: {
		a: step('a', ['b', 'godt']),
		b: step('b', ['svaert', 'godt']),
		godt: ending('godt', 'godt'),
		svaert: ending('svaert', 'svaert')
	}
} as unknown as Scenario;

describe('scenario analysis', () => {
	it('counts each choice among the pupils who reached the step, and the endings reached', () => {
		const analysis = analyseScenario(scenario, [
			{ path: [0, 0] },
			{ path: [0, 1] },
			{ path: [1] },
			{ path: [0, 1] }
		]);
		expect(analysis.steps.map((s) => [s.stepId, s.reached, s.choices.map((c) => c.count)])).toEqual(
			[
				['a', 4, [3, 1]],
				['b', 3, [1, 2]]
			]
		);
		expect(analysis.steps[0].choices.map((c) => c.share)).toEqual([75, 25]);
		expect(analysis.steps[1].context).toBe('besked i b');
		expect(analysis.endings).toEqual([
			{ stepId: 'godt', title: 'godt', outcome: 'godt', count: 3 },
			{ stepId: 'svaert', title: 'svaert', outcome: 'svaert', count: 1 }
		]);
	});
	it('leaves out runs that no longer fit a changed scenario', () => {
		expect(analyseScenario(scenario, [{ path: [0, 5] }]).steps).toEqual([]);
	});
});
