import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '$testing/test-db';
import { createUser } from '../auth/user';
import type { Module } from '../content/types';
import {
	moduleProgressFor,
	progressByModule,
	recordAttempt,
	recordLessonStep,
	recordModuleOpened,
	statusOf,
	trackProgress
} from './progress';

let userId: string;
beforeEach(async () => {
	useTestDatabase();
	const created = await createUser({ username: 'elev', password: 'x'.repeat(8), role: 'youth' });
	if (!created.ok) throw new Error();
	userId = created.user.id;
});

const attempt = (score: number, passed: boolean) => ({
	correctCount: score / 20,
	questionCount: 5,
	score,
	passed,
	results: [{ questionId: 'q1', answer: ['a'], correct: passed }]
});

describe('progress', () => {
	it('goes from not started to in progress to completed, keeping the best score', () => {
		expect(statusOf(moduleProgressFor(userId, 'm'))).toBe('not_started');
		recordModuleOpened(userId, 'm', new Date('2026-01-01'));
		expect(statusOf(moduleProgressFor(userId, 'm'))).toBe('in_progress');
		recordAttempt(userId, 'm', attempt(40, false), { now: new Date('2026-01-02') });
		recordAttempt(userId, 'm', attempt(100, true), { now: new Date('2026-01-03') });
		recordAttempt(userId, 'm', attempt(60, false), { now: new Date('2026-01-04') });
		const p = moduleProgressFor(userId, 'm')!;
		expect(p).toMatchObject({
			attempts: 3,
			bestScore: 100,
			completedAt: new Date('2026-01-03'),
			firstOpenedAt: new Date('2026-01-01')
		});
		expect(statusOf(p)).toBe('completed');
	});

	it('remembers the furthest step of the lesson, also when the person goes back', () => {
		recordModuleOpened(userId, 'trin', new Date('2026-01-01'));
		expect(moduleProgressFor(userId, 'trin')!.lessonStep).toBeNull();
		recordLessonStep(userId, 'trin', 3, new Date('2026-01-02'));
		recordLessonStep(userId, 'trin', 2, new Date('2026-01-03'));
		expect(moduleProgressFor(userId, 'trin')).toMatchObject({
			lessonStep: 3,
			lastOpenedAt: new Date('2026-01-03'),
			attempts: 0
		});
		// A step opened before the module page (a link straight to a step) starts the progress too.
		recordLessonStep(userId, 'direkte', 2, new Date('2026-01-04'));
		expect(statusOf(moduleProgressFor(userId, 'direkte'))).toBe('in_progress');
	});

	it('opening a module again keeps when it was first opened and moves when it was last', () => {
		recordModuleOpened(userId, 'igen', new Date('2026-01-01'));
		recordModuleOpened(userId, 'igen', new Date('2026-03-05'));
		expect(moduleProgressFor(userId, 'igen')).toMatchObject({
			firstOpenedAt: new Date('2026-01-01'),
			lastOpenedAt: new Date('2026-03-05'),
			attempts: 0
		});
	});

	it('summarises a track: done, total, where to resume, when completed', () => {
		const mod = (slug: string) => ({ slug }) as Module;
		const modules = [mod('a'), mod('b'), mod('c')];
		recordAttempt(userId, 'a', attempt(100, true), { now: new Date('2026-02-01') });
		recordModuleOpened(userId, 'c', new Date('2026-02-02'));
		recordModuleOpened(userId, 'b', new Date('2026-02-03'));
		let summary = trackProgress(modules, progressByModule(userId));
		expect(summary).toMatchObject({ done: 1, total: 3, complete: false, completedAt: null });
		expect(summary.resume?.slug).toBe('b');
		recordAttempt(userId, 'b', attempt(80, true), { now: new Date('2026-02-04') });
		recordAttempt(userId, 'c', attempt(100, true), { now: new Date('2026-02-05') });
		summary = trackProgress(modules, progressByModule(userId));
		expect(summary).toMatchObject({
			done: 3,
			complete: true,
			completedAt: new Date('2026-02-05'),
			resume: null
		});
	});
});
