import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import type { MeasureKind } from '$lib/measures/types';
import { getDb } from '../db/client';
import { measureAnswers, measureParticipants } from '../db/schema';
import type { MeasureDefinition } from '../content/measures';
import { figure, meanOf, type Figure, type Tally } from './minimum-group';

/** One measure's raw numbers: never shown as they are, only through `figure`. */
export interface MeasureTallies {
	/** Participants who answered before, after, and both (paired). */
	before: number;
	after: number;
	paired: number;
	/** Per question, over the paired participants only: the same people before and after. */
	questions: Map<string, { before: Tally; after: Tally }>;
}

const EMPTY: Tally = { people: 0, sum: 0 };

/** The tallies of each of these measures (a measure nobody answered has zeros). */
export function measureTallies(measureIds: string[]): Map<string, MeasureTallies> {
	const result = new Map<string, MeasureTallies>(
		measureIds.map((id) => [id, { before: 0, after: 0, paired: 0, questions: new Map() }])
	);
	if (!measureIds.length) return result;
	const db = getDb();
	const p = measureParticipants;
	const counts = db
		.select({
			measureId: p.measureId,
			before: sql<number>`sum(${p.beforeAt} is not null)`,
			after: sql<number>`sum(${p.afterAt} is not null)`,
			paired: sql<number>`sum(${p.beforeAt} is not null and ${p.afterAt} is not null)`
		})
		.from(p)
		.where(inArray(p.measureId, measureIds))
		.groupBy(p.measureId)
		.all();
	for (const c of counts)
		Object.assign(result.get(c.measureId)!, {
			before: Number(c.before),
			after: Number(c.after),
			paired: Number(c.paired)
		});
	const a = measureAnswers;
	const answers = db
		.select({
			measureId: p.measureId,
			questionId: a.questionId,
			phase: a.phase,
			people: sql<number>`count(*)`,
			sum: sql<number>`sum(${a.value})`
		})
		.from(a)
		.innerJoin(p, sql`${p.id} = ${a.participantId}`)
		.where(and(inArray(p.measureId, measureIds), isNotNull(p.beforeAt), isNotNull(p.afterAt)))
		.groupBy(p.measureId, a.questionId, a.phase)
		.all();
	for (const row of answers) {
		const questions = result.get(row.measureId)!.questions;
		const q = questions.get(row.questionId) ?? { before: EMPTY, after: EMPTY };
		q[row.phase] = { people: Number(row.people), sum: Number(row.sum) };
		questions.set(row.questionId, q);
	}
	return result;
}

/** A question's before and after, as shown: percent right, or the mean on the 1–5 scale. */
export interface QuestionResult {
	id: string;
	kind: MeasureKind;
	label: string;
	text: string;
	/** Percent right (knowledge, whole percent) or mean 1–5 (one decimal); null when hidden. */
	before: number | null;
	after: number | null;
	change: number | null;
	/** How many paired participants the two figures are about. */
	people: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function shownValue(kind: MeasureKind, f: Figure): number | null {
	const mean = meanOf(f);
	if (mean === null) return null;
	return kind === 'viden' ? Math.round(mean * 100) : round1(mean);
}

/**
 * Before and after per question over whole measures of the same kind (one, for a class or a
 * theme day; several, across a municipality). Each measure is one group: with fewer than 10
 * paired participants it is in no figure at all.
 */
export function questionResults(
	definition: MeasureDefinition,
	groups: MeasureTallies[]
): { paired: Figure; questions: QuestionResult[] } {
	const paired = figure(groups.map((g) => ({ people: g.paired, sum: g.paired })));
	const questions = definition.questions.map((q) => {
		// A question's groups are the measures' paired participants, whole.
		const tallies = groups.map((g) => g.questions.get(q.id) ?? { before: EMPTY, after: EMPTY });
		const before = figure(tallies.map((t) => t.before));
		const after = figure(tallies.map((t) => t.after));
		const b = shownValue(q.kind, before);
		const a = shownValue(q.kind, after);
		return {
			id: q.id,
			kind: q.kind,
			label: q.label,
			text: q.text,
			before: b,
			after: a,
			change: a !== null && b !== null ? round1(a - b) : null,
			people: before.shown ? before.people : null
		};
	});
	return { paired, questions };
}

/** How many answered before, after and both: each figure only for 10 people or more. */
export function participantFigures(groups: MeasureTallies[]) {
	const count = (pick: (g: MeasureTallies) => number) =>
		figure(groups.map((g) => ({ people: pick(g), sum: pick(g) })));
	return {
		before: count((g) => g.before),
		after: count((g) => g.after),
		paired: count((g) => g.paired)
	};
}
