import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb, prepared } from '../db/client';
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
	/** The furthest step of the lesson opened; null before step 2. */
	lessonStep: number | null;
}

export function statusOf(progress: ModuleProgress | undefined): ModuleStatus {
	if (!progress) return 'not_started';
	return progress.completedAt ? 'completed' : 'in_progress';
}

const upsertOpened = prepared((db) =>
	db
		.insert(moduleProgress)
		.values({
			userId: sql.placeholder('userId'),
			moduleSlug: sql.placeholder('moduleSlug'),
			firstOpenedAt: sql.placeholder('now'),
			lastOpenedAt: sql.placeholder('now')
		})
		.onConflictDoUpdate({
			target: [moduleProgress.userId, moduleProgress.moduleSlug],
			set: { lastOpenedAt: sql`excluded.last_opened_at` }
		})
		.prepare()
);

/** Notes that the person opened the module (first time and most recent). */
export function recordModuleOpened(userId: string, moduleSlug: string, now = new Date()): void {
	upsertOpened().run({ userId, moduleSlug, now });
}

const upsertLessonStep = prepared((db) =>
	db
		.insert(moduleProgress)
		.values({
			userId: sql.placeholder('userId'),
			moduleSlug: sql.placeholder('moduleSlug'),
			firstOpenedAt: sql.placeholder('now'),
			lastOpenedAt: sql.placeholder('now'),
			lessonStep: sql.placeholder('step')
		})
		.onConflictDoUpdate({
			target: [moduleProgress.userId, moduleProgress.moduleSlug],
			set: {
				lessonStep: sql`max(coalesce(${moduleProgress.lessonStep}, 0), excluded.lesson_step)`,
				lastOpenedAt: sql`excluded.last_opened_at`
			}
		})
		.prepare()
);

/** Remembers the furthest step of the lesson the person has opened, so the module opens there. */
export function recordLessonStep(
	userId: string,
	moduleSlug: string,
	step: number,
	now = new Date()
): void {
	upsertLessonStep().run({ userId, moduleSlug, step, now });
}

const insertAttempt = prepared((db) =>
	db
		.insert(quizAttempts)
		.values({
			userId: sql.placeholder('userId'),
			moduleSlug: sql.placeholder('moduleSlug'),
			correctCount: sql.placeholder('correctCount'),
			questionCount: sql.placeholder('questionCount'),
			score: sql.placeholder('score'),
			passed: sql.placeholder('passed'),
			fromVisit: sql.placeholder('fromVisit'),
			createdAt: sql.placeholder('now')
		})
		.returning({ id: quizAttempts.id })
		.prepare()
);

const insertAnswer = prepared((db) =>
	db
		.insert(attemptAnswers)
		.values({
			attemptId: sql.placeholder('attemptId'),
			questionId: sql.placeholder('questionId'),
			answer: sql.placeholder('answer'),
			correct: sql.placeholder('correct')
		})
		.prepare()
);

/** Counts the attempt in the module's progress; a pass completes it, once. */
const upsertAttempted = prepared((db) =>
	db
		.insert(moduleProgress)
		.values({
			userId: sql.placeholder('userId'),
			moduleSlug: sql.placeholder('moduleSlug'),
			firstOpenedAt: sql.placeholder('now'),
			lastOpenedAt: sql.placeholder('now'),
			// Raw (milliseconds or null): drizzle's date mapping cannot take a null placeholder.
			completedAt: sql`${sql.placeholder('completedAtMs')}`,
			bestScore: sql.placeholder('score'),
			attempts: 1
		})
		.onConflictDoUpdate({
			target: [moduleProgress.userId, moduleProgress.moduleSlug],
			set: {
				attempts: sql`${moduleProgress.attempts} + 1`,
				bestScore: sql`max(coalesce(${moduleProgress.bestScore}, 0), excluded.best_score)`,
				completedAt: sql`coalesce(${moduleProgress.completedAt}, excluded.completed_at)`,
				lastOpenedAt: sql`excluded.last_opened_at`
			}
		})
		.prepare()
);

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
	return getDb().transaction(() => {
		const attempt = insertAttempt().get({
			userId,
			moduleSlug,
			correctCount: grade.correctCount,
			questionCount: grade.questionCount,
			score: grade.score,
			passed: grade.passed,
			fromVisit: options.fromVisit ?? false,
			now
		})!;
		for (const r of grade.results ?? []) {
			insertAnswer().run({
				attemptId: attempt.id,
				questionId: r.questionId,
				answer: r.answer,
				correct: r.correct
			});
		}
		upsertAttempted().run({
			userId,
			moduleSlug,
			now,
			completedAtMs: grade.passed ? now.getTime() : null,
			score: grade.score
		});
		return attempt.id;
	});
}

export function progressByModule(userId: string): Map<string, ModuleProgress> {
	const rows = getDb().select().from(moduleProgress).where(eq(moduleProgress.userId, userId)).all();
	return new Map(rows.map((r) => [r.moduleSlug, r]));
}

const progressOf = prepared((db) =>
	db
		.select()
		.from(moduleProgress)
		.where(
			and(
				eq(moduleProgress.userId, sql.placeholder('userId')),
				eq(moduleProgress.moduleSlug, sql.placeholder('moduleSlug'))
			)
		)
		.prepare()
);

export function moduleProgressFor(userId: string, moduleSlug: string): ModuleProgress | undefined {
	return progressOf().get({ userId, moduleSlug });
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
