import type { Scenario, ScenarioPlayView } from '$lib/scenarios/types';
import type { SessionUser } from '../auth/user';
import { field } from '../http/form';
import { choose, playView, readSignedPath } from './play';
import { recordScenarioRun } from './runs';

export type TurnOutcome =
	{ ok: true; view: ScenarioPlayView } | { ok: false; problem: 'expired' | 'choice' };

/**
 * One reply in a scenario played alone: the signed path so far (`vej`) and the reply chosen
 * (`valg`). Reaching an ending is stored for a signed-in person.
 */
export function takeScenarioTurn(
	scenario: Scenario,
	form: FormData,
	user: SessionUser | null
): TurnOutcome {
	const path = readSignedPath(scenario.slug, field(form, 'vej'));
	if (!path) return { ok: false, problem: 'expired' };
	const choice = Number(field(form, 'valg'));
	const chosen = Number.isInteger(choice) ? choose(scenario, path, choice) : null;
	if (!chosen) return { ok: false, problem: 'choice' };
	const reached = chosen.replayed.current;
	if (reached.ending && user) recordScenarioRun(user.id, scenario.slug, chosen.path, reached.id);
	return { ok: true, view: playView(scenario, chosen.path)! };
}
