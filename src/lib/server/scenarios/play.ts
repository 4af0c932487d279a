import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PlayedTurn, Scenario, ScenarioPlayView, ScenarioStep } from '$lib/scenarios/types';
import { serverKey } from '../learning/server-key';

/** The replies chosen so far, as indexes into each step's choices. */
export type ScenarioPath = number[];

export interface Replayed {
	turns: PlayedTurn[];
	current: ScenarioStep;
}

/**
 * Plays a path through a scenario from its start: every step passed with the reply chosen to
 * it, and the step reached. Null when the path does not fit the scenario (a choice that does
 * not exist, or a path that goes on after an ending).
 */
export function replay(scenario: Scenario, path: ScenarioPath): Replayed | null {
	const turns: PlayedTurn[] = [];
	let current = scenario.steps[scenario.start];
	for (const index of path) {
		const choice = current.choices[index];
		if (!choice) return null;
		turns.push({
			stepId: current.id,
			messages: current.messages,
			reply: { text: choice.text, feedback: choice.feedback, risky: choice.risky }
		});
		current = scenario.steps[choice.next];
	}
	return { turns, current };
}

/*
 * Without JavaScript every reply is a form post, so the path so far travels in a hidden field.
 * It is signed with a server key: a visitor needs no account, and a forged path is refused
 * rather than played (it could otherwise record an ending that was never reached).
 */
const signature = (slug: string, path: string) =>
	createHmac('sha256', serverKey('scenario-path'))
		.update(`${slug}|${path}`)
		.digest('base64url')
		.slice(0, 22);

export function signPath(slug: string, path: ScenarioPath): string {
	const plain = path.join('.');
	return `${plain}~${signature(slug, plain)}`;
}

export function readSignedPath(slug: string, token: string): ScenarioPath | null {
	const match = /^((?:\d{1,2}(?:\.\d{1,2}){0,23})?)~([A-Za-z0-9_-]{22})$/.exec(token);
	if (!match) return null;
	const [, plain, given] = match;
	const expected = Buffer.from(signature(slug, plain));
	if (!timingSafeEqual(Buffer.from(given), expected)) return null;
	return plain === '' ? [] : plain.split('.').map(Number);
}

/** The step a path reaches after one more reply, or null when that reply is not on offer. */
export function choose(
	scenario: Scenario,
	path: ScenarioPath,
	choice: number
): { path: ScenarioPath; replayed: Replayed } | null {
	const next = [...path, choice];
	const replayed = replay(scenario, next);
	return replayed ? { path: next, replayed } : null;
}

/** The page's view of a path (the start when the path is empty). */
export function playView(scenario: Scenario, path: ScenarioPath): ScenarioPlayView | null {
	const replayed = replay(scenario, path);
	if (!replayed) return null;
	const { current } = replayed;
	return {
		token: signPath(scenario.slug, path),
		turns: replayed.turns,
		step: {
			id: current.id,
			messages: current.messages,
			choices: current.choices.map((c) => c.text),
			selfReply: current.selfReply,
			ending: current.ending
		}
	};
}
