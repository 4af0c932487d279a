/**
 * The rules a scenario's graph must follow, on its bare shape: which step each choice leads to,
 * which choices are risky, which steps are endings. content:check reports what these return.
 */
export interface GraphStep {
	ending: boolean;
	choices: { next: string; risky: boolean }[];
}
export type Graph = Record<string, GraphStep>;

/** The longest a player can go from the start to an ending, in choices. */
export const MAX_CHOICES_TO_ENDING = 12;

export interface GraphProblem {
	/** The step the problem is about (its field in the YAML: steps.<id>). */
	step: string;
	message: string;
}

export function graphProblems(graph: Graph, start: string): GraphProblem[] {
	if (!graph[start]) return [{ step: start, message: `start-trinnet "${start}" findes ikke` }];
	const problems: GraphProblem[] = [];
	for (const [id, step] of Object.entries(graph))
		step.choices.forEach((c, i) => {
			if (!graph[c.next])
				problems.push({
					step: id,
					message: `svar ${i + 1} fører til "${c.next}", som ikke findes`
				});
		});
	if (problems.length) return problems;

	const reachable = reachableFrom([start], graph);
	for (const id of Object.keys(graph))
		if (!reachable.has(id)) problems.push({ step: id, message: `trinnet kan ikke nås fra start` });

	const depth = longestPaths(graph, start);
	if (depth.loop)
		problems.push({
			step: depth.loop,
			message: 'scenariet går i ring: et svar fører tilbage til et trin, man allerede har været på'
		});
	else if (depth.choices > MAX_CHOICES_TO_ENDING)
		problems.push({
			step: start,
			message: `den længste vej til en afslutning er ${depth.choices} svar; højst ${MAX_CHOICES_TO_ENDING}`
		});

	// It is never too late: after a risky reply, every step still offers a way out.
	const afterRisk = reachableFrom(
		Object.values(graph).flatMap((s) => s.choices.filter((c) => c.risky).map((c) => c.next)),
		graph
	);
	for (const id of afterRisk) {
		const step = graph[id];
		if (!step.ending && step.choices.every((c) => c.risky))
			problems.push({
				step: id,
				message:
					'efter et risikabelt svar skal hvert trin have mindst ét svar, der ikke er risikabelt (en vej ud)'
			});
	}
	return problems;
}

function reachableFrom(starts: string[], graph: Graph): Set<string> {
	const seen = new Set<string>();
	const queue = [...starts];
	while (queue.length) {
		const id = queue.pop()!;
		if (seen.has(id) || !graph[id]) continue;
		seen.add(id);
		for (const c of graph[id].choices) queue.push(c.next);
	}
	return seen;
}

/** The most choices on any path from `start` to an ending, or the step where a loop closes. */
function longestPaths(graph: Graph, start: string): { choices: number; loop: string | null } {
	const memo = new Map<string, number>();
	const onPath = new Set<string>();
	let loop: string | null = null;
	const visit = (id: string): number => {
		if (memo.has(id)) return memo.get(id)!;
		if (onPath.has(id)) {
			loop ??= id;
			return 0;
		}
		onPath.add(id);
		const step = graph[id];
		const longest = step.ending ? 0 : Math.max(...step.choices.map((c) => 1 + visit(c.next)));
		onPath.delete(id);
		memo.set(id, longest);
		return longest;
	};
	const choices = visit(start);
	return { choices, loop };
}
