import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '../db/client';
import { questionChecks, quizAttempts } from '../db/schema';
import type { Answer } from './grading';

/**
 * Keeps the first answer a person checked for a question, as long as they have not yet
 * submitted the module's quiz. The class analysis counts first attempts; without this a pupil
 * could check an answer, see that it is wrong, change it and submit, and the analysis would
 * count the corrected answer as right first time.
 */
export function recordFirstCheck(
	userId: string,
	moduleSlug: string,
	check: { questionId: string; answer: Answer; correct: boolean },
	now = new Date()
): void {
	const db = getDb();
	db.transaction(() => {
		const submitted = db
			.select({ id: quizAttempts.id })
			.from(quizAttempts)
			.where(
				and(
					eq(quizAttempts.userId, userId),
					eq(quizAttempts.moduleSlug, moduleSlug),
					eq(quizAttempts.fromVisit, false)
				)
			)
			.get();
		if (submitted) return;
		db.insert(questionChecks)
			.values({
				userId,
				moduleSlug,
				questionId: check.questionId,
				answer: check.answer,
				correct: check.correct,
				checkedAt: now
			})
			.onConflictDoNothing()
			.run();
	});
}

/** The first checked answers of these people in one module, by user and question. */
export function firstChecks(
	userIds: string[],
	moduleSlug: string
): Map<string, { answer: Answer; correct: boolean }> {
	if (!userIds.length) return new Map();
	const rows = getDb()
		.select()
		.from(questionChecks)
		.where(and(inArray(questionChecks.userId, userIds), eq(questionChecks.moduleSlug, moduleSlug)))
		.all();
	return new Map(rows.map((r) => [checkKey(r.userId, r.questionId), r]));
}

export const checkKey = (userId: string, questionId: string) => `${userId}\u0000${questionId}`;
