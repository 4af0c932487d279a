import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '$testing/test-db';
import { getDb } from '../db/client';
import { createUser } from '../auth/user';
import { recordAttempt } from '../learning/progress';
import type { Question } from '../content/types';
import { isCodeShape } from '../security/codes';
import { generateJoinCode } from './join-code';
import { isOverdue, isValidDate, todayInDenmark } from './due-date';
import { csvCell, toCsv } from './csv';
import { analyseQuestions } from './question-analysis';
import { buildClassGrid } from './grid';
import {
	archiveClass,
	classesCreatedToday,
	createClass,
	firstAttemptAnswers,
	joinClassWithCode,
	membersOf,
	newJoinCode,
	removeMember,
	setJoiningOpen
} from './classes';
import { createResetCode, resetPasswordWithCode } from './password-reset';
import { checkKey, firstChecks, recordFirstCheck } from '../learning/question-checks';

describe('join codes', () => {
	it('are 6 characters from the code alphabet', () => {
		for (let i = 0; i < 500; i++) expect(isCodeShape(generateJoinCode(), 6)).toBe(true);
	});
});

describe('due dates', () => {
	it('are overdue from the day after, in Danish time, unless done', () => {
		// 23:30 UTC on 10 March is already 11 March in Copenhagen.
		const lateEvening = new Date('2026-03-10T23:30:00Z');
		expect(todayInDenmark(lateEvening)).toBe('2026-03-11');
		expect(isOverdue('2026-03-10', false, lateEvening)).toBe(true);
		expect(isOverdue('2026-03-11', false, lateEvening)).toBe(false);
		expect(isOverdue('2026-03-10', true, lateEvening)).toBe(false);
		expect(isOverdue(null, false, lateEvening)).toBe(false);
		expect(isValidDate('2026-02-30')).toBe(false);
		expect(isValidDate('2026-02-28')).toBe(true);
	});
});

describe('CSV', () => {
	it('escapes separators, quotes and newlines, keeps æøå and starts with a BOM', () => {
		expect(csvCell('Søren; "Sø"')).toBe('"Søren; ""Sø"""');
		expect(csvCell('to\nlinjer')).toBe('"to\nlinjer"');
		const csv = toCsv([
			['Navn', 'Æblemodul'],
			['Åse', 80]
		]);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toBe('\uFEFFNavn;Æblemodul\r\nÅse;80\r\n');
	});
	it('neutralises cells that a spreadsheet would run as formulas', () => {
		for (const evil of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)'])
			expect(csvCell(evil).replace(/^"/, '')).toMatch(/^'/);
	});
});

describe('question analysis', () => {
	const q: Question = {
		id: 'q',
		type: 'single',
		prompt: 'Hvad gør du?',
		explanation: '',
		options: [
			{ id: 'a', text: 'Fortæller det', feedback: '', correct: true },
			{ id: 'b', text: 'Betaler', feedback: '', correct: false },
			{ id: 'c', text: 'Sletter alt', feedback: '', correct: false }
		]
	};
	it('gives the share right first time and the most common wrong answer', () => {
		const answers = [
			{ userId: '1', questionId: 'q', answer: ['a'], correct: true },
			{ userId: '2', questionId: 'q', answer: ['b'], correct: false },
			{ userId: '3', questionId: 'q', answer: ['b'], correct: false },
			{ userId: '4', questionId: 'q', answer: ['c'], correct: false }
		];
		expect(analyseQuestions([q], answers, { true: 'Sandt', false: 'Falsk' })[0]).toMatchObject({
			answered: 4,
			rightFirstTime: 1,
			rightShare: 25,
			commonWrong: { text: 'Betaler', count: 2 }
		});
	});
	it('has no wrong answer when everyone was right', () => {
		expect(
			analyseQuestions([q], [{ userId: '1', questionId: 'q', answer: ['a'], correct: true }], {
				true: 'S',
				false: 'F'
			})[0].commonWrong
		).toBeNull();
	});
});

describe('class grid', () => {
	it('marks passed, practised, in progress, not started and overdue, and sorts', () => {
		const now = new Date('2026-05-01T10:00:00Z');
		const grid = buildClassGrid(
			[
				{ userId: 'u1', displayName: 'Bo' },
				{ userId: 'u2', displayName: 'Anna' }
			],
			[
				{ moduleSlug: 'm1', dueDate: '2026-04-30', kind: 'module' },
				{ moduleSlug: 'm2', dueDate: null, kind: 'module' },
				{ moduleSlug: 'oev', dueDate: null, kind: 'scenario' }
			],
			[
				{ userId: 'u1', moduleSlug: 'm1', completedAt: new Date('2026-04-29'), bestScore: 83 },
				{ userId: 'u1', moduleSlug: 'm2', completedAt: null, bestScore: 50 },
				{ userId: 'u1', moduleSlug: 'oev', completedAt: new Date('2026-04-29'), bestScore: null }
			],
			'fremskridt',
			now
		);
		expect(grid.map((r) => r.name)).toEqual(['Bo', 'Anna']);
		expect(grid[0].cells).toEqual([
			{ status: 'passed', score: 83 },
			{ status: 'in_progress', score: 50 },
			{ status: 'practised', score: null }
		]);
		expect(grid[0].passed).toBe(2);
		expect(grid[1].cells.map((c) => c.status)).toEqual(['overdue', 'not_started', 'not_started']);
		expect(
			buildClassGrid(
				[
					{ userId: 'u1', displayName: 'Bo' },
					{ userId: 'u2', displayName: 'Anna' }
				],
				[],
				[]
			).map((r) => r.name)
		).toEqual(['Anna', 'Bo']);
	});
});

describe('classes in the database', () => {
	let teacher: string;
	let pupil: string;
	beforeEach(async () => {
		useTestDatabase();
		const t = await createUser({
			username: 'laerer',
			password: 'x'.repeat(8),
			role: 'professional'
		});
		const p = await createUser({ username: 'elev', password: 'x'.repeat(8), role: 'youth' });
		if (!t.ok || !p.ok) throw new Error();
		teacher = t.user.id;
		pupil = p.user.id;
	});

	it('joins with a code, refuses a closed or archived class', () => {
		const c = createClass(teacher, { name: '7.A', school: 'Skolen', ageGroup: '7. klasse' });
		expect(joinClassWithCode(pupil, 'elev', 'XXXXXX')).toEqual({
			ok: false,
			error: 'code_unknown'
		});
		expect(joinClassWithCode(pupil, 'elev', c.joinCode)).toMatchObject({
			ok: true,
			alreadyMember: false
		});
		expect(joinClassWithCode(pupil, 'elev', c.joinCode)).toMatchObject({
			ok: true,
			alreadyMember: true
		});
		expect(membersOf(c.id).map((m) => m.displayName)).toEqual(['elev']);
		setJoiningOpen(c.id, false);
		expect(joinClassWithCode(pupil, 'elev', c.joinCode)).toEqual({
			ok: false,
			error: 'joining_closed'
		});
		setJoiningOpen(c.id, true);
		const old = c.joinCode;
		newJoinCode(c.id);
		expect(joinClassWithCode(pupil, 'elev', old)).toEqual({ ok: false, error: 'code_unknown' });
		archiveClass(c.id);
		expect(removeMember(c.id, pupil)).toBe(true);
	});

	it('keeps join codes unique among active classes; archiving frees the code', () => {
		const a = createClass(teacher, { name: 'A', school: 'S', ageGroup: '7' });
		const b = createClass(teacher, { name: 'B', school: 'S', ageGroup: '7' });
		const sqlite = getDb().$client;
		const setCode = sqlite.prepare('update classes set join_code = ? where id = ?');
		expect(() => setCode.run(a.joinCode, b.id)).toThrow(/UNIQUE/);
		archiveClass(a.id);
		setCode.run(a.joinCode, b.id);
		expect(joinClassWithCode(pupil, 'elev', a.joinCode)).toMatchObject({
			ok: true,
			classRow: { id: b.id }
		});
	});

	it("reads each pupil's first attempt only", () => {
		const c = createClass(teacher, { name: '7.A', school: 'Skolen', ageGroup: '7. klasse' });
		joinClassWithCode(pupil, 'elev', c.joinCode);
		recordAttempt(pupil, 'm', {
			correctCount: 0,
			questionCount: 1,
			score: 0,
			passed: false,
			results: [{ questionId: 'q', answer: ['b'], correct: false }]
		});
		recordAttempt(pupil, 'm', {
			correctCount: 1,
			questionCount: 1,
			score: 100,
			passed: true,
			results: [{ questionId: 'q', answer: ['a'], correct: true }]
		});
		expect(firstAttemptAnswers([pupil], 'm')).toEqual([
			{ userId: pupil, questionId: 'q', answer: ['b'], correct: false }
		]);
	});

	it('counts the answer first checked step by step, not a corrected final answer', () => {
		const c = createClass(teacher, { name: '7.B', school: 'Skolen', ageGroup: '7. klasse' });
		joinClassWithCode(pupil, 'elev', c.joinCode);
		// Checked wrong, then checked again right, then submitted right.
		recordFirstCheck(pupil, 'm', { questionId: 'q', answer: ['b'], correct: false });
		recordFirstCheck(pupil, 'm', { questionId: 'q', answer: ['a'], correct: true });
		const right = { questionId: 'q', answer: ['a'], correct: true };
		const rightAttempt = { correctCount: 1, questionCount: 1, score: 100, passed: true };
		recordAttempt(pupil, 'm', { ...rightAttempt, results: [right] });
		expect(firstAttemptAnswers([pupil], 'm')).toEqual([
			{ userId: pupil, questionId: 'q', answer: ['b'], correct: false }
		]);
		// Checks after the first submission change nothing (a second try may be checked freely).
		recordFirstCheck(pupil, 'm', { questionId: 'r', answer: ['x'], correct: false });
		expect(firstChecks([pupil], 'm').has(checkKey(pupil, 'r'))).toBe(false);
	});

	it('counts the classes a professional created in the last 24 hours (the daily quota)', () => {
		const now = new Date('2026-06-02T12:00:00Z');
		const input = { name: '7.A', school: 'Skolen', ageGroup: '7. klasse' };
		createClass(teacher, input, new Date('2026-06-01T11:59:00Z'));
		createClass(teacher, input, new Date('2026-06-01T12:01:00Z'));
		createClass(teacher, input, new Date('2026-06-02T11:00:00Z'));
		expect(classesCreatedToday(teacher, now)).toBe(2);
		expect(classesCreatedToday(pupil, now)).toBe(0);
	});

	it('resets a password with a one-time code', async () => {
		const code = createResetCode(pupil, teacher);
		expect(await resetPasswordWithCode('elev', 'WRONGCOD', 'ny lang kode her')).toBe(false);
		expect(await resetPasswordWithCode('elev', code, 'ny lang kode her')).toBe(true);
		expect(await resetPasswordWithCode('elev', code, 'en anden kode her')).toBe(false);
		const expired = createResetCode(pupil, teacher, new Date('2020-01-01'));
		expect(await resetPasswordWithCode('elev', expired, 'ny lang kode her')).toBe(false);
	});
});
