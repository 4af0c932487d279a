import { beforeEach, describe, expect, it } from 'vitest';
import { insertTestUser, useTestDatabase } from '$testing/test-db';
import type { AppDatabase } from '$lib/server/db/client';
import {
	assignments,
	classMembers,
	classes,
	moduleProgress,
	professionalApplications,
	themeDays
} from '$lib/server/db/schema';
import type { MeasureDefinition } from '$lib/server/content/measures';
import { closeMeasure, createMeasure, getMeasure, openAfter } from '$lib/server/measures/measures';
import { saveAnswers } from '$lib/server/measures/participation';
import type { Figure } from '$lib/server/measures/minimum-group';
import { buildReport, type ActivityFigures } from './report';
import { loadReportUnits } from './units';

const definition = {
	slug: 'unge',
	locale: 'da',
	title: 'Unge',
	audience: 'unge',
	questions: [
		{
			id: 'v',
			kind: 'viden',
			label: 'Viden',
			text: '?',
			module: 'x',
			options: [{ id: 'a', text: 'a', correct: true }]
		}
	]
} as unknown as MeasureDefinition;
const definitions = new Map([['unge', definition]]);

let db: AppDatabase;
let n = 0;

function professional(id: string, municipality: string) {
	insertTestUser(db, id, { role: 'professional' });
	db.insert(professionalApplications)
		.values({
			userId: id,
			workplace: 'Skole',
			municipality,
			status: 'approved',
			submittedAt: new Date()
		})
		.run();
}

/** A class of `size` pupils made on `day`; `completed` of them completed the assigned module. */
function classOf(owner: string, school: string, size: number, day: string, completed = 0) {
	const id = `k${++n}`;
	db.insert(classes)
		.values({
			id,
			ownerId: owner,
			name: id,
			school,
			ageGroup: '7',
			joinCode: id,
			createdAt: new Date(`${day}T10:00:00Z`)
		})
		.run();
	const assignmentId = db
		.insert(assignments)
		.values({ classId: id, moduleSlug: 'grooming', createdAt: new Date() })
		.returning()
		.get().id;
	for (let i = 0; i < size; i++) {
		const pupil = insertTestUser(db, `${id}-elev${i}`);
		db.insert(classMembers)
			.values({ classId: id, userId: pupil, displayName: pupil, joinedAt: new Date() })
			.run();
		if (i < completed)
			db.insert(moduleProgress)
				.values({
					userId: pupil,
					moduleSlug: 'grooming',
					firstOpenedAt: new Date(),
					lastOpenedAt: new Date(),
					completedAt: new Date()
				})
				.run();
	}
	return assignmentId;
}

/** A closed measure on a class assignment with `pairs` people answering before (wrong) and after (right). */
function measureOn(owner: string, assignmentId: number, pairs: number, day: string) {
	const measure = createMeasure(
		owner,
		'unge',
		{ kind: 'assignment', id: assignmentId },
		new Date(`${day}T10:00:00Z`)
	);
	for (let i = 0; i < pairs; i++) saveAnswers(measure, `t${i}`, [{ questionId: 'v', value: 0 }]);
	openAfter(measure.id);
	for (let i = 0; i < pairs; i++)
		saveAnswers(getMeasure(measure.id)!, `t${i}`, [{ questionId: 'v', value: 1 }]);
	closeMeasure(measure.id);
}

const report = (from: string, to: string, municipality: string | null = null) =>
	buildReport(loadReportUnits(new Date('2026-12-01')), { from, to, municipality }, definitions);

const value = (f: Figure) => (f.shown ? f.sum : 0);
/** What subtracting rows from a total leaves, for every figure about people. */
function remainder(total: ActivityFigures, rows: ActivityFigures[]) {
	const minus = (pick: (a: ActivityFigures) => Figure) =>
		value(pick(total)) - rows.reduce((s, r) => s + value(pick(r)), 0);
	return {
		participants: minus((a) => a.participants),
		modules: minus((a) => a.modulesCompleted),
		scenarios: minus((a) => a.scenariosCompleted)
	};
}

beforeEach(() => {
	db = useTestDatabase();
	n = 0;
	professional('herlev', 'Herlev');
	professional('gladsaxe', 'Gladsaxe');
	// Herlev: School A 12 pupils (3 completed), School B 15 (5), School C 7 (2), all in February.
	const a = classOf('herlev', 'Skole A', 12, '2026-02-02', 3);
	classOf('herlev', 'Skole B', 15, '2026-02-03', 5);
	const c = classOf('herlev', 'Skole C', 7, '2026-02-04', 2);
	// Gladsaxe: one class of exactly 10 and one of 9.
	classOf('gladsaxe', 'Skole G', 10, '2026-02-05', 4);
	classOf('gladsaxe', 'Skole H', 9, '2026-02-06', 9);
	// March: School B gets a second class of 9 pupils, all of whom completed the module.
	classOf('herlev', 'skole b ', 9, '2026-03-10', 9);
	// Measures: 12 pairs in School A; 9 pairs in School C.
	measureOn('herlev', a, 12, '2026-02-10');
	measureOn('herlev', c, 9, '2026-02-11');
});

describe("the coordinator's report never shows a figure for fewer than 10 people", () => {
	it('hides a class of 9 and shows a class of 10', () => {
		const gladsaxe = report('2026-01-01', '2026-12-31', 'Gladsaxe');
		const [g, h] = gladsaxe.schools;
		expect([g.school, g.participants, g.modulesCompleted]).toEqual([
			'Skole G',
			{ shown: true, people: 10, sum: 10, groups: 1 },
			{ shown: true, people: 10, sum: 4, groups: 1 }
		]);
		expect([h.school, h.participants, h.modulesCompleted]).toEqual([
			'Skole H',
			{ shown: false },
			{ shown: false }
		]);
		// The municipality's total is the class of 10 alone: nothing of the 9 in it.
		expect(gladsaxe.total.participants).toEqual(g.participants);
	});

	it("refuses the subtraction attack: Herlev's total minus all its schools but one leaves nothing", () => {
		const herlev = report('2026-01-01', '2026-12-31', 'Herlev');
		const shown = herlev.schools.filter((s) => s.participants.shown);
		expect(herlev.schools.map((s) => [s.school, s.participants.shown])).toEqual([
			['Skole A', true],
			['Skole B', true],
			['Skole C', false]
		]);
		expect(remainder(herlev.total, shown)).toEqual({ participants: 0, modules: 0, scenarios: 0 });
		// The same with the municipalities' rows of the whole report, and its total.
		const all = report('2026-01-01', '2026-12-31');
		expect(remainder(all.total, all.municipalities)).toEqual({
			participants: 0,
			modules: 0,
			scenarios: 0
		});
		// School B's class of 9 ("skole b ") is the same school, and still in no figure.
		expect(value(herlev.schools[1].participants)).toBe(15);
	});

	it('refuses differencing two periods: February–March minus February leaves nothing', () => {
		const february = report('2026-02-01', '2026-02-28', 'Herlev');
		const toMarch = report('2026-02-01', '2026-03-31', 'Herlev');
		expect(remainder(toMarch.total, [february.total])).toEqual({
			participants: 0,
			modules: 0,
			scenarios: 0
		});
		expect(report('2026-03-01', '2026-03-31', 'Herlev').total.participants).toEqual({
			shown: false
		});
	});

	it('counts before and after only from measures with 10 pairs or more', () => {
		const [measure] = report('2026-01-01', '2026-12-31', 'Herlev').beforeAfter;
		expect(measure.paired).toEqual({ shown: true, people: 12, sum: 12, groups: 1 });
		expect(measure.questions.map((q) => [q.before, q.after, q.change, q.people])).toEqual([
			[0, 100, 100, 12]
		]);
		// A period with only the measure of 9 pairs has no figures at all.
		const c = report('2026-02-11', '2026-02-11', 'Herlev').beforeAfter[0];
		expect(c.paired).toEqual({ shown: false });
		expect(c.questions[0].before).toBeNull();
	});

	it('counts theme days held (public facts), and their measures only from 10 respondents', () => {
		db.insert(themeDays)
			.values({
				id: 'td',
				slug: 'td',
				organiserId: 'herlev',
				title: 'Temadag',
				startsAt: new Date('2026-04-01T15:00:00Z'),
				endsAt: new Date('2026-04-01T18:00:00Z'),
				place: 'Hallen',
				municipality: 'Herlev',
				audience: 'begge',
				description: '',
				contact: '',
				publishedAt: new Date(),
				createdAt: new Date(),
				updatedAt: new Date()
			})
			.run();
		const measure = createMeasure('herlev', 'unge', { kind: 'themeDay', id: 'td' });
		for (let i = 0; i < 9; i++) saveAnswers(measure, `p${i}`, [{ questionId: 'v', value: 1 }]);
		closeMeasure(measure.id);
		const april = report('2026-04-01', '2026-04-30', 'Herlev');
		expect(april.total.themeDaysHeld).toBe(1);
		expect(april.total.participants).toEqual({ shown: false });
	});
});
