import { and, asc, eq, gte, inArray, isNull, min } from 'drizzle-orm';
import { getDb } from '../db/client';
import {
	assignments,
	attemptAnswers,
	classMembers,
	classes,
	moduleProgress,
	quizAttempts,
	scenarioRuns,
	users
} from '../db/schema';
import { randomId } from '../security/random';
import { generateJoinCode } from './join-code';
import type { FirstAnswer } from './question-analysis';
import { checkKey, firstChecks } from '../learning/question-checks';
import { isUniqueViolation } from '../db/errors';

export type ClassRow = typeof classes.$inferSelect;

const DAY_MS = 24 * 60 * 60 * 1000;

function insertWithFreshCode<T>(attempt: (code: string) => T): T {
	// Codes are drawn from 31^6 ≈ 887 million; a clash with an active class just draws again.
	for (let i = 0; ; i++) {
		try {
			return attempt(generateJoinCode());
		} catch (e) {
			if (!isUniqueViolation(e) || i > 20) throw e;
		}
	}
}

export function createClass(
	ownerId: string,
	input: { name: string; school: string; ageGroup: string },
	now = new Date()
): ClassRow {
	return insertWithFreshCode((joinCode) =>
		getDb()
			.insert(classes)
			.values({
				id: randomId(),
				ownerId,
				...input,
				joinCode,
				createdAt: now
			})
			.returning()
			.get()
	);
}

/** How many classes a professional created in the 24 hours before `now` (the daily quota). */
export function classesCreatedToday(ownerId: string, now = new Date()): number {
	return getDb()
		.select({ id: classes.id })
		.from(classes)
		.where(
			and(eq(classes.ownerId, ownerId), gte(classes.createdAt, new Date(now.getTime() - DAY_MS)))
		)
		.all().length;
}

export function classesOf(ownerId: string): (ClassRow & { pupils: number })[] {
	const db = getDb();
	const rows = db
		.select()
		.from(classes)
		.where(eq(classes.ownerId, ownerId))
		.orderBy(asc(classes.archivedAt), asc(classes.name))
		.all();
	const counts = rows.length
		? db
				.select({ classId: classMembers.classId })
				.from(classMembers)
				.where(
					inArray(
						classMembers.classId,
						rows.map((r) => r.id)
					)
				)
				.all()
		: [];
	return rows.map((r) => ({ ...r, pupils: counts.filter((c) => c.classId === r.id).length }));
}

export function getClass(id: string): ClassRow | undefined {
	return getDb().select().from(classes).where(eq(classes.id, id)).get();
}

export function newJoinCode(classId: string): void {
	insertWithFreshCode((joinCode) =>
		getDb().update(classes).set({ joinCode }).where(eq(classes.id, classId)).run()
	);
}

export function setJoiningOpen(classId: string, open: boolean): void {
	getDb().update(classes).set({ joiningOpen: open }).where(eq(classes.id, classId)).run();
}

export function archiveClass(classId: string, now = new Date()): void {
	getDb()
		.update(classes)
		.set({ archivedAt: now, joiningOpen: false })
		.where(eq(classes.id, classId))
		.run();
}

export type JoinResult =
	| { ok: true; classRow: ClassRow; alreadyMember: boolean }
	| { ok: false; error: 'code_unknown' | 'joining_closed' };

/** Joins a young person to the active class with this code. */
export function joinClassWithCode(
	userId: string,
	username: string,
	code: string,
	now = new Date()
): JoinResult {
	const db = getDb();
	const classRow = db
		.select()
		.from(classes)
		.where(and(eq(classes.joinCode, code), isNull(classes.archivedAt)))
		.get();
	if (!classRow) return { ok: false, error: 'code_unknown' };
	if (!classRow.joiningOpen) return { ok: false, error: 'joining_closed' };
	const inserted = db
		.insert(classMembers)
		.values({ classId: classRow.id, userId, displayName: username, joinedAt: now })
		.onConflictDoNothing()
		.run();
	return { ok: true, classRow, alreadyMember: inserted.changes === 0 };
}

export function findActiveClassByCode(code: string): ClassRow | undefined {
	return getDb()
		.select()
		.from(classes)
		.where(and(eq(classes.joinCode, code), isNull(classes.archivedAt)))
		.get();
}

export interface Member {
	userId: string;
	displayName: string;
	username: string;
	joinedAt: Date;
}

export function membersOf(classId: string): Member[] {
	return getDb()
		.select({
			userId: classMembers.userId,
			displayName: classMembers.displayName,
			username: users.username,
			joinedAt: classMembers.joinedAt
		})
		.from(classMembers)
		.innerJoin(users, eq(users.id, classMembers.userId))
		.where(eq(classMembers.classId, classId))
		.orderBy(asc(classMembers.displayName))
		.all();
}

export function isMember(classId: string, userId: string): boolean {
	return !!getDb()
		.select()
		.from(classMembers)
		.where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)))
		.get();
}

export function renameMember(classId: string, userId: string, displayName: string): boolean {
	return (
		getDb()
			.update(classMembers)
			.set({ displayName })
			.where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)))
			.run().changes === 1
	);
}

/** Removes a pupil from the class (or the pupil leaves); their own progress stays theirs. */
export function removeMember(classId: string, userId: string): boolean {
	return (
		getDb()
			.delete(classMembers)
			.where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)))
			.run().changes === 1
	);
}

export type AssignmentRow = typeof assignments.$inferSelect;

export function assignModule(
	classId: string,
	input: { moduleSlug: string; dueDate: string | null; note: string | null },
	now = new Date()
): boolean {
	return (
		getDb()
			.insert(assignments)
			.values({ classId, ...input, createdAt: now })
			.onConflictDoUpdate({
				target: [assignments.classId, assignments.moduleSlug],
				set: { dueDate: input.dueDate, note: input.note }
			})
			.run().changes === 1
	);
}

export function assignmentsOf(classId: string): AssignmentRow[] {
	return getDb()
		.select()
		.from(assignments)
		.where(eq(assignments.classId, classId))
		.orderBy(asc(assignments.createdAt), asc(assignments.id))
		.all();
}

export function removeAssignment(classId: string, assignmentId: number): boolean {
	return (
		getDb()
			.delete(assignments)
			.where(and(eq(assignments.classId, classId), eq(assignments.id, assignmentId)))
			.run().changes === 1
	);
}

/** A pupil's assignments across the active classes they are in. */
export function assignmentsForPupil(userId: string) {
	return getDb()
		.select({
			id: assignments.id,
			moduleSlug: assignments.moduleSlug,
			dueDate: assignments.dueDate,
			note: assignments.note,
			className: classes.name,
			classId: classes.id
		})
		.from(assignments)
		.innerJoin(classMembers, eq(classMembers.classId, assignments.classId))
		.innerJoin(classes, eq(classes.id, assignments.classId))
		.where(and(eq(classMembers.userId, userId), isNull(classes.archivedAt)))
		.orderBy(asc(assignments.dueDate), asc(assignments.id))
		.all();
}

/** The classes a pupil is in (for /mig and "leave class"). */
export function classesOfPupil(userId: string) {
	return getDb()
		.select({ id: classes.id, name: classes.name, school: classes.school })
		.from(classMembers)
		.innerJoin(classes, eq(classes.id, classMembers.classId))
		.where(and(eq(classMembers.userId, userId), isNull(classes.archivedAt)))
		.orderBy(asc(classes.name))
		.all();
}

/** Progress rows of the members for the given modules. */
/**
 * The members' progress in the assigned modules and scenarios. A scenario counts as done from
 * the first time it was played to an ending; it has no score.
 */
export function memberProgress(
	userIds: string[],
	slugs: string[]
): { userId: string; moduleSlug: string; completedAt: Date | null; bestScore: number | null }[] {
	if (!userIds.length || !slugs.length) return [];
	const db = getDb();
	const modules = db
		.select()
		.from(moduleProgress)
		.where(and(inArray(moduleProgress.userId, userIds), inArray(moduleProgress.moduleSlug, slugs)))
		.all();
	const scenarios = db
		.select({
			userId: scenarioRuns.userId,
			moduleSlug: scenarioRuns.scenarioSlug,
			completedAt: min(scenarioRuns.completedAt)
		})
		.from(scenarioRuns)
		.where(and(inArray(scenarioRuns.userId, userIds), inArray(scenarioRuns.scenarioSlug, slugs)))
		.groupBy(scenarioRuns.userId, scenarioRuns.scenarioSlug)
		.all();
	return [...modules, ...scenarios.map((r) => ({ ...r, bestScore: null }))];
}

/** Each member's answers at their first recorded attempt at the module. */
export function firstAttemptAnswers(userIds: string[], moduleSlug: string): FirstAnswer[] {
	if (!userIds.length) return [];
	const db = getDb();
	const attempts = db
		.select({ id: quizAttempts.id, userId: quizAttempts.userId })
		.from(quizAttempts)
		.where(
			and(
				inArray(quizAttempts.userId, userIds),
				eq(quizAttempts.moduleSlug, moduleSlug),
				eq(quizAttempts.fromVisit, false)
			)
		)
		.orderBy(asc(quizAttempts.id))
		.all();
	const first = new Map<string, number>();
	for (const a of attempts) if (!first.has(a.userId)) first.set(a.userId, a.id);
	const ids = [...first.values()];
	if (!ids.length) return [];
	const owner = new Map([...first.entries()].map(([u, id]) => [id, u]));
	// A question checked step by step before submitting counts with the answer first checked.
	const checks = firstChecks([...first.keys()], moduleSlug);
	return db
		.select()
		.from(attemptAnswers)
		.where(inArray(attemptAnswers.attemptId, ids))
		.all()
		.map((r) => {
			const userId = owner.get(r.attemptId)!;
			const checked = checks.get(checkKey(userId, r.questionId));
			return {
				userId,
				questionId: r.questionId,
				answer: checked?.answer ?? r.answer,
				correct: checked?.correct ?? r.correct
			};
		});
}
