import { describe, expect, it } from 'vitest';
import { graphProblems, type Graph } from './graph';

const step = (...choices: (string | [string, 'risky'])[]) => ({
	ending: false,
	choices: choices.map((c) =>
		typeof c === 'string' ? { next: c, risky: false } : { next: c[0], risky: true }
	)
});
const end = { ending: true, choices: [] };

describe('scenario graphs', () => {
	it('accept a graph where every path reaches an ending', () => {
		const graph: Graph = {
			a: step('b', ['c', 'risky']),
			b: step('godt', 'c'),
			c: step('godt', 'svaert'),
			godt: end,
			svaert: end
		};
		expect(graphProblems(graph, 'a')).toEqual([]);
	});
	it('find a missing start, a choice to nowhere and a step nobody reaches', () => {
		expect(graphProblems({ a: end }, 'x')[0].message).toMatch(/start-trinnet "x" findes ikke/);
		expect(graphProblems({ a: step('b', 'nowhere'), b: end }, 'a')).toEqual([
			{ step: 'a', message: 'svar 2 fører til "nowhere", som ikke findes' }
		]);
		expect(graphProblems({ a: step('b', 'b'), b: end, glemt: end }, 'a')).toEqual([
			{ step: 'glemt', message: 'trinnet kan ikke nås fra start' }
		]);
	});
	it('find a loop', () => {
		const problems = graphProblems({ a: step('b', 'slut'), b: step('a', 'slut'), slut: end }, 'a');
		expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/går i ring/));
	});
	it('allow at most 12 choices from the start to an ending', () => {
		const chain = (n: number): Graph => {
			const graph: Graph = { slut: end };
			for (let i = 0; i < n; i++) graph[`t${i}`] = step(i + 1 < n ? `t${i + 1}` : 'slut', 'slut');
			return graph;
		};
		expect(graphProblems(chain(12), 't0')).toEqual([]);
		expect(graphProblems(chain(13), 't0')[0].message).toMatch(/er 13 svar; højst 12/);
	});
	it('after a risky reply, every step still has a way out', () => {
		const trapped: Graph = {
			a: step(['b', 'risky'], 'godt'),
			b: step(['c', 'risky'], ['svaert', 'risky']),
			c: step('godt', 'svaert'),
			godt: end,
			svaert: end
		};
		expect(graphProblems(trapped, 'a')).toEqual([
			{
				step: 'b',
				message:
					'efter et risikabelt svar skal hvert trin have mindst ét svar, der ikke er risikabelt (en vej ud)'
			}
		]);
	});
});
