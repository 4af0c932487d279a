import { beforeEach, describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { useTestDatabase, insertTestUser } from '$testing/test-db';
import type { AppDatabase } from '$lib/server/db/client';
import {
	assignments,
	classes,
	measureAccountTokens,
	measureParticipants,
	users
} from '$lib/server/db/schema';
import { deleteUser } from '$lib/server/auth/user';
import type { MeasureDefinition } from '$lib/server/content/measures';
import { closeMeasure, closeStaleMeasures, createMeasure, getMeasure, openAfter } from './measures';
import {
	answeredPhases,
	existingToken,
	measureDataOf,
	saveAnswers,
	tokenForAnswering
} from './participation';
import { answerField, parseAnswers } from './answer-form';
import { measureTallies, participantFigures, questionResults } from './results';

/** Cookies as a browser keeps them between requests. */
function browser(): Cookies & { jar: Map<string, string> } {
	const jar = new Map<string, string>();
	return {
		jar,
		get: (name: string) => jar.get(name),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => void jar.delete(name)
	} as unknown as Cookies & { jar: Map<string, string> };
}
const url = new URL('http://localhost/maaling/X');

const definition = {
	slug: 'test',
	locale: 'da',
	title: 'Test',
	audience: 'unge',
	summary: '',
	intro: '',
	sources: [],
	lix: 20,
	questions: [
		{
			id: 'viden',
			kind: 'viden',
			label: 'Viden',
			text: 'Hvad gør du?',
			module: 'sextortion',
			options: [
				{ id: 'ret', text: 'Det rigtige', correct: true },
				{ id: 'galt', text: 'Det forkerte' }
			]
		},
		{ id: 'tryg', kind: 'tryghed', label: 'Tryg', text: 'Jeg ved, hvor der er hjælp.' }
	]
} as MeasureDefinition;

function form(values: Record<string, string>) {
	const f = new FormData();
	for (const [k, v] of Object.entries(values)) f.set(answerField(k), v);
	return f;
}
function answer(measureId: string, token: string, right: boolean, scale: number) {
	const parsed = parseAnswers(
		definition,
		form({ viden: right ? 'ret' : 'galt', tryg: String(scale) })
	);
	if (!parsed.ok) throw new Error('invalid');
	return saveAnswers(getMeasure(measureId)!, token, parsed.answers);
}

let db: AppDatabase;
let assignmentId: number;

beforeEach(() => {
	db = useTestDatabase();
	insertTestUser(db, 'laerer', { role: 'professional' });
	db.insert(classes)
		.values({
			id: 'k1',
			ownerId: 'laerer',
			name: '7.A',
			school: 'Skolen',
			ageGroup: '7',
			joinCode: 'ABCDEF',
			createdAt: new Date()
		})
		.run();
	assignmentId = db
		.insert(assignments)
		.values({ classId: 'k1', moduleSlug: 'sextortion', createdAt: new Date() })
		.returning()
		.get().id;
});

describe('answering a measure', () => {
	it('checks that every question is answered with one of its options or a step of 1–5', () => {
		expect(parseAnswers(definition, form({ viden: 'ret', tryg: '5' }))).toEqual({
			ok: true,
			answers: [
				{ questionId: 'viden', value: 1 },
				{ questionId: 'tryg', value: 5 }
			]
		});
		expect(parseAnswers(definition, form({ viden: 'findes-ikke', tryg: '6' }))).toEqual({
			ok: false,
			values: { 'q-viden': 'findes-ikke', 'q-tryg': '6' },
			errors: {
				'q-viden': {
					key: 'error_measure_answer_missing',
					params: { number: 1, question: 'Viden' }
				},
				'q-tryg': { key: 'error_measure_answer_missing', params: { number: 2, question: 'Tryg' } }
			}
		});
	});

	it('pairs before and after through the token the browser keeps, for this measure only', () => {
		const measure = createMeasure('laerer', 'test', { kind: 'assignment', id: assignmentId });
		const other = createMeasure('laerer', 'test', { kind: 'assignment', id: assignmentId });
		const cookies = browser();
		const token = tokenForAnswering(measure, { userId: null, cookies, url });
		expect(cookies.jar.get('maaling')).toBe(`${measure.id}.${token}`);
		expect(answer(measure.id, token, false, 2)).toBe('saved');
		expect(answer(measure.id, token, true, 4)).toBe('already_answered');
		// The same browser on another measure is a stranger there: the cookie names its measure.
		expect(existingToken(other, { userId: null, cookies, url })).toBeNull();

		expect(openAfter(measure.id)).toBe(true);
		const again = tokenForAnswering(getMeasure(measure.id)!, { userId: null, cookies, url });
		expect(again).toBe(token);
		expect(answer(measure.id, again, true, 4)).toBe('saved');
		expect(answeredPhases(measure.id, token)).toEqual({ before: true, after: true });

		// Someone who only answers after is no pair.
		const late = tokenForAnswering(getMeasure(measure.id)!, {
			userId: null,
			cookies: browser(),
			url
		});
		expect(answer(measure.id, late, true, 5)).toBe('saved');
		const tallies = measureTallies([measure.id]).get(measure.id)!;
		expect([tallies.before, tallies.after, tallies.paired]).toEqual([1, 2, 1]);
		expect(tallies.questions.get('viden')).toEqual({
			before: { people: 1, sum: 0 },
			after: { people: 1, sum: 1 }
		});
	});

	it("pairs a signed-in person's answers on two devices through the account", () => {
		insertTestUser(db, 'elev');
		const measure = createMeasure('laerer', 'test', { kind: 'assignment', id: assignmentId });
		const schoolComputer = tokenForAnswering(measure, { userId: 'elev', cookies: browser(), url });
		answer(measure.id, schoolComputer, false, 1);
		openAfter(measure.id);
		const ipad = tokenForAnswering(getMeasure(measure.id)!, {
			userId: 'elev',
			cookies: browser(),
			url
		});
		expect(ipad).toBe(schoolComputer);
		answer(measure.id, ipad, true, 5);
		expect(measureTallies([measure.id]).get(measure.id)!.paired).toBe(1);
	});

	it('deletes every token when the measure closes, and the answers stay, with nobody behind them', () => {
		insertTestUser(db, 'elev');
		const measure = createMeasure('laerer', 'test', { kind: 'assignment', id: assignmentId });
		const cookies = browser();
		answer(measure.id, tokenForAnswering(measure, { userId: 'elev', cookies, url }), true, 3);
		answer(measure.id, tokenForAnswering(measure, { userId: null, cookies, url }), true, 3);
		expect(db.select().from(measureAccountTokens).all()).toHaveLength(1);

		expect(closeMeasure(measure.id)).toBe(true);
		expect(db.select().from(measureAccountTokens).all()).toEqual([]);
		expect(
			db
				.select()
				.from(measureParticipants)
				.all()
				.map((p) => p.tokenHash)
		).toEqual([null, null]);
		const closed = getMeasure(measure.id)!;
		// The browser's old cookie finds nothing, and nobody can answer any more.
		expect(
			answeredPhases(measure.id, existingToken(closed, { userId: null, cookies, url }))
		).toEqual({
			before: false,
			after: false
		});
		expect(answer(measure.id, 'ny', true, 3)).toBe('closed');
		expect(measureTallies([measure.id]).get(measure.id)!.before).toBe(2);
	});

	it("deletes the account's token with the account; the answer stays anonymous", () => {
		insertTestUser(db, 'elev');
		const measure = createMeasure('laerer', 'test', { kind: 'assignment', id: assignmentId });
		answer(
			measure.id,
			tokenForAnswering(measure, { userId: 'elev', cookies: browser(), url }),
			true,
			3
		);
		deleteUser('elev');
		expect(
			db
				.select()
				.from(users)
				.all()
				.map((u) => u.id)
		).toEqual(['laerer']);
		expect(db.select().from(measureAccountTokens).all()).toEqual([]);
		expect(measureTallies([measure.id]).get(measure.id)!.before).toBe(1);
	});

	it('gives a signed-in person their own answers in their data while the measure is open, and none after', () => {
		insertTestUser(db, 'elev');
		const measure = createMeasure('laerer', 'test', { kind: 'assignment', id: assignmentId });
		answer(
			measure.id,
			tokenForAnswering(measure, { userId: 'elev', cookies: browser(), url }),
			true,
			4
		);
		const [own] = measureDataOf('elev').answered;
		expect(own.measure).toBe('test');
		expect(own.answeredBeforeAt).not.toBeNull();
		expect(own.answers).toHaveLength(2);
		expect(own.answers).toEqual(
			expect.arrayContaining([
				{ phase: 'before', questionId: 'viden', value: 1 },
				{ phase: 'before', questionId: 'tryg', value: 4 }
			])
		);
		expect(measureDataOf('laerer').made.map((m) => m.code)).toEqual([measure.code]);
		closeMeasure(measure.id);
		expect(measureDataOf('elev').answered).toEqual([]);
	});

	it('closes measures left open for 90 days, with their tokens', () => {
		const old = createMeasure(
			'laerer',
			'test',
			{ kind: 'assignment', id: assignmentId },
			new Date('2026-01-01')
		);
		const recent = createMeasure(
			'laerer',
			'test',
			{ kind: 'assignment', id: assignmentId },
			new Date('2026-03-15')
		);
		expect(closeStaleMeasures(new Date('2026-04-02'))).toBe(1);
		expect(getMeasure(old.id)!.phase).toBe('closed');
		expect(getMeasure(recent.id)!.phase).toBe('before');
	});
});

describe("a measure's figures", () => {
	function measureWith(pairs: number) {
		const measure = createMeasure('laerer', 'test', { kind: 'assignment', id: assignmentId });
		const tokens = Array.from({ length: pairs }, () =>
			tokenForAnswering(measure, { userId: null, cookies: browser(), url })
		);
		tokens.forEach((t, i) => answer(measure.id, t, i % 2 === 0, 2));
		openAfter(measure.id);
		tokens.forEach((t) => answer(measure.id, t, true, 4));
		closeMeasure(measure.id);
		return measureTallies([measure.id]).get(measure.id)!;
	}

	it('shows nothing for 9 pairs and the change per question for 10', () => {
		const nine = questionResults(definition, [measureWith(9)]);
		expect(nine.paired).toEqual({ shown: false });
		expect(nine.questions.map((q) => [q.before, q.after, q.change])).toEqual([
			[null, null, null],
			[null, null, null]
		]);
		expect(participantFigures([measureWith(9)]).before).toEqual({ shown: false });

		const ten = questionResults(definition, [measureWith(10)]);
		expect(ten.paired).toMatchObject({ shown: true, people: 10 });
		expect(ten.questions.map((q) => [q.label, q.before, q.after, q.change, q.people])).toEqual([
			['Viden', 50, 100, 50, 10],
			['Tryg', 2, 4, 2, 10]
		]);
	});
});
