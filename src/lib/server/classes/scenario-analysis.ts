import type { Scenario } from '$lib/scenarios/types';
import { replay, type ScenarioPath } from '../scenarios/play';

export interface StepAnalysis {
	stepId: string;
	/** The step's last incoming message, so the teacher sees where in the chat it is. */
	context: string;
	/** Pupils whose first run passed this step. */
	reached: number;
	choices: { text: string; risky: boolean; count: number; share: number }[];
}

export interface ScenarioAnalysis {
	steps: StepAnalysis[];
	endings: { stepId: string; title: string; outcome: string; count: number }[];
}

const share = (count: number, of: number) => (of ? Math.round((100 * count) / of) : 0);

/**
 * What a class chose in a scenario, by the same rule as the question analysis: each pupil's
 * first run only, counts and shares, never who chose what. Steps in the order they are met.
 */
export function analyseScenario(
	scenario: Scenario,
	firstRuns: { path: ScenarioPath }[]
): ScenarioAnalysis {
	const chosen = new Map<string, number[]>();
	const endings = new Map<string, number>();
	for (const run of firstRuns) {
		const played = replay(scenario, run.path);
		if (!played) continue; // the scenario changed since; that run no longer fits
		played.turns.forEach((turn, i) => {
			const counts = chosen.get(turn.stepId) ?? scenario.steps[turn.stepId].choices.map(() => 0);
			counts[run.path[i]]++;
			chosen.set(turn.stepId, counts);
		});
		endings.set(played.current.id, (endings.get(played.current.id) ?? 0) + 1);
	}
	const order = stepOrder(scenario);
	return {
		steps: order
			.filter((id) => chosen.has(id))
			.map((id) => {
				const step = scenario.steps[id];
				const counts = chosen.get(id)!;
				const reached = counts.reduce((a, b) => a + b, 0);
				const last = step.messages.at(-1);
				return {
					stepId: id,
					context: last ? ('text' in last && last.text ? last.text : last.card!.title) : '',
					reached,
					choices: step.choices.map((c, i) => ({
						text: c.text,
						risky: c.risky,
						count: counts[i],
						share: share(counts[i], reached)
					}))
				};
			}),
		endings: order
			.filter((id) => endings.has(id))
			.map((id) => ({
				stepId: id,
				title: scenario.steps[id].ending!.title,
				outcome: scenario.steps[id].ending!.outcome,
				count: endings.get(id)!
			}))
	};
}

/** Steps breadth-first from the start: roughly the order a player meets them. */
function stepOrder(scenario: Scenario): string[] {
	const order: string[] = [];
	const queue = [scenario.start];
	while (queue.length) {
		const id = queue.shift()!;
		if (order.includes(id)) continue;
		order.push(id);
		queue.push(...scenario.steps[id].choices.map((c) => c.next));
	}
	return order;
}
