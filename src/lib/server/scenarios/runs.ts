import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '../db/client';
import { scenarioRuns } from '../db/schema';
import type { ScenarioPath } from './play';

/** Stores that a signed-in person played a scenario to an ending. */
export function recordScenarioRun(
	userId: string,
	scenarioSlug: string,
	path: ScenarioPath,
	endingStep: string,
	now = new Date()
): void {
	getDb()
		.insert(scenarioRuns)
		.values({ userId, scenarioSlug, path, endingStep, completedAt: now })
		.run();
}

/** The scenarios a person has played to an ending, with when they first did. */
export function practisedScenarios(userId: string): Map<string, Date> {
	const rows = getDb()
		.select({ slug: scenarioRuns.scenarioSlug, at: scenarioRuns.completedAt })
		.from(scenarioRuns)
		.where(eq(scenarioRuns.userId, userId))
		.orderBy(asc(scenarioRuns.id))
		.all();
	const first = new Map<string, Date>();
	for (const r of rows) if (!first.has(r.slug)) first.set(r.slug, r.at);
	return first;
}

/** Each person's first run of a scenario (the one the class analysis counts). */
export function firstScenarioRuns(
	userIds: string[],
	scenarioSlug: string
): { userId: string; path: ScenarioPath; endingStep: string; completedAt: Date }[] {
	if (!userIds.length) return [];
	const rows = getDb()
		.select()
		.from(scenarioRuns)
		.where(and(inArray(scenarioRuns.userId, userIds), eq(scenarioRuns.scenarioSlug, scenarioSlug)))
		.orderBy(asc(scenarioRuns.id))
		.all();
	const first = new Map<string, (typeof rows)[number]>();
	for (const r of rows) if (!first.has(r.userId)) first.set(r.userId, r);
	return [...first.values()].map((r) => ({
		userId: r.userId,
		path: r.path,
		endingStep: r.endingStep,
		completedAt: r.completedAt
	}));
}
