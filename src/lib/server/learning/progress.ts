import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { attemptAnswers, moduleProgress, quizAttempts } from '../db/schema';
import type { Module } from '../content/types';
import type { Answer, AttemptGrade } from './grading';

export type ModuleStatus = 'not_started' | 'in_progress' | 'completed';

export interface ModuleProgress {
	moduleSlug: string;
	firstOpenedAt: Date;
	lastOpenedAt: Date;
	completedAt: Date | null;
	bestScore: number | null;
	attempts: number;
}

export function statusOf(progress: ModuleProgress | undefined): ModuleStatus {
	if (!progress) return 'not_started';
	return progress.completedAt ? 'completed' : 'in_progress';
}

/** Notes that the person opened the module (first time and most recent). */
export function recordModuleOpened(userId: string, moduleSlug: string, now = new Date()): void {
	getDb()
		.insert(moduleProgress)
		.values({ userId, moduleSlug, firstOpenedAt: now, lastOpenedAt: now })
		.onConflictDoUpdate({
			target: [moduleProgress.userId, moduleProgress.moduleSlug],
			set: { lastOpenedAt: now }
		})
		.run();
}

/** Stores an attempt with its answers and updates the module's progress, in one transaction. */
export function recordAttempt(
	userId: string,
	moduleSlug: string,
	grade: Pick<AttemptGrade, 'correctCount' | 'questionCount' | 'score' | 'passed'> & {
		results?: { questionId: string; answer: Answer; correct: boolean }[];
	},
	options: { now?: Date; fromVisit?: boolean } = {}
): number {
	const now = options.now ?? new Date();
	const db = getDb();
	return db.transaction((tx) => {
		const attempt = tx
			.insert(quizAttempts)
			.values({
				userId,
				moduleSlug,
				correctCount: grade.correctCount,
				questionCount: grade.questionCount,
				score: grade.score,
				passed: grade.passed,
				fromVisit: options.fromVisit ?? false,
				createdAt: now
			})
			.returning({ id: quizAttempts.id })
			.get();
		if (grade.results?.length) {
			tx.insert(attemptAnswers)
				.values(
					grade.results.map((r) => ({
						attemptId: attempt.id,
						questionId: r.questionId,
						answer: r.answer,
						correct: r.correct
					}))
				)
				.run();
		}
		tx.insert(moduleProgress)
			.values({
				userId,
				moduleSlug,
				firstOpenedAt: now,
				lastOpenedAt: now,
				completedAt: grade.passed ? now : null,
				bestScore: grade.score,
				attempts: 1
			})
			.onConflictDoUpdate({
				target: [moduleProgress.userId, moduleProgress.moduleSlug],
				set: {
					attempts: sql`${moduleProgress.attempts} + 1`,
					bestScore: sql`max(coalesce(${moduleProgress.bestScore}, 0), ${grade.score})`,
					completedAt: grade.passed
						? sql`coalesce(${moduleProgress.completedAt}, ${now.getTime()})`
						: sql`${moduleProgress.completedAt}`,
					lastOpenedAt: now
				}
			})
			.run();
		return attempt.id;
	});
}

export function progressByModule(userId: string): Map<string, ModuleProgress> {
	const rows = getDb().select().from(moduleProgress).where(eq(moduleProgress.userId, userId)).all();
	return new Map(rows.map((r) => [r.moduleSlug, r]));
}

export function moduleProgressFor(userId: string, moduleSlug: string): ModuleProgress | undefined {
	return getDb()
		.select()
		.from(moduleProgress)
		.where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleSlug, moduleSlug)))
		.get();
}

export interface TrackProgress {
	done: number;
	total: number;
	complete: boolean;
	/** The most recently opened module that is not completed yet. */
	resume: Module | null;
	/** When the last module of the track was completed. */
	completedAt: Date | null;
}

export function trackProgress(
	modules: Module[],
	progress: Map<string, ModuleProgress>
): TrackProgress {
	const done = modules.filter((mod) => statusOf(progress.get(mod.slug)) === 'completed');
	const inProgress = modules
		.filter((mod) => statusOf(progress.get(mod.slug)) === 'in_progress')
		.sort(
			(a, b) =>
				progress.get(b.slug)!.lastOpenedAt.getTime() - progress.get(a.slug)!.lastOpenedAt.getTime()
		);
	const complete = modules.length > 0 && done.length === modules.length;
	const completedAt = complete
		? new Date(Math.max(...done.map((mod) => progress.get(mod.slug)!.completedAt!.getTime())))
		: null;
	return {
		done: done.length,
		total: modules.length,
		complete,
		resume: inProgress[0] ?? null,
		completedAt
	};
}

export function attemptsFor(userId: string) {
	return getDb()
		.select()
		.from(quizAttempts)
		.where(eq(quizAttempts.userId, userId))
		.orderBy(desc(quizAttempts.createdAt))
		.all();
}
