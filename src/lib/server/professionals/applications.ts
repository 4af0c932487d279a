import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { getDb } from '../db/client';
import { professionalApplications, users } from '../db/schema';
import { invalidateUserSessions } from '../auth/session';
import { APPROVED_ROLES, approveProfessional } from '../auth/user';
import type { ApplicationInput } from './application-form';
import { typicalWaitDays } from './waiting-time';

export type Application = typeof professionalApplications.$inferSelect;
export type ApplicationStatus = Application['status'];

/** How many recent decisions the typical waiting time is taken from. */
const RECENT_DECISIONS = 20;

const isApplicant = (userId: string) =>
	and(eq(users.id, userId), inArray(users.role, [...APPROVED_ROLES]), isNull(users.approvedAt));

/**
 * Stores what the applicant wrote and puts the application (back) in the administrator's queue:
 * a new application, an update while waiting, or applying again after a refusal.
 */
export function submitApplication(userId: string, input: ApplicationInput, now = new Date()) {
	const fields = {
		workplace: input.workplace,
		municipality: input.municipality,
		status: 'pending' as const,
		declineReason: null,
		submittedAt: now,
		decidedAt: null
	};
	getDb()
		.insert(professionalApplications)
		.values({ userId, ...fields })
		.onConflictDoUpdate({ target: professionalApplications.userId, set: fields })
		.run();
}

export function applicationOf(userId: string): Application | undefined {
	return getDb()
		.select()
		.from(professionalApplications)
		.where(eq(professionalApplications.userId, userId))
		.get();
}

/**
 * Professionals and coordinators waiting for a decision, the longest waiting first. Accounts from before
 * applications existed have no workplace or municipality; refused ones are not waiting.
 */
export function pendingApplicants() {
	return getDb()
		.select({
			id: users.id,
			username: users.username,
			role: users.role,
			createdAt: users.createdAt,
			workplace: professionalApplications.workplace,
			municipality: professionalApplications.municipality,
			submittedAt: professionalApplications.submittedAt
		})
		.from(users)
		.leftJoin(professionalApplications, eq(professionalApplications.userId, users.id))
		.where(
			and(
				inArray(users.role, [...APPROVED_ROLES]),
				isNull(users.approvedAt),
				or(isNull(professionalApplications.status), ne(professionalApplications.status, 'declined'))
			)
		)
		.orderBy(asc(users.createdAt))
		.all();
}

/**
 * Approves a waiting professional; false when there is no such person. Their sessions end, so
 * the next sign-in brings the professional's pages (and the welcome).
 */
export function approveApplicant(userId: string, now = new Date()): boolean {
	const db = getDb();
	const approved = db.transaction((tx) => {
		if (!approveProfessional(userId, now)) return false;
		tx.update(professionalApplications)
			.set({ status: 'approved', declineReason: null, decidedAt: now })
			.where(eq(professionalApplications.userId, userId))
			.run();
		return true;
	});
	if (approved) invalidateUserSessions(userId);
	return approved;
}

/**
 * Refuses a waiting professional with a reason they will read; false when there is no such
 * person or they were refused already. The account stays and works as a parent's account.
 */
export function declineApplicant(userId: string, reason: string, now = new Date()): boolean {
	const db = getDb();
	return db.transaction((tx) => {
		if (!tx.select({ id: users.id }).from(users).where(isApplicant(userId)).get()) return false;
		const decision = { status: 'declined' as const, declineReason: reason, decidedAt: now };
		const current = tx
			.select({ status: professionalApplications.status })
			.from(professionalApplications)
			.where(eq(professionalApplications.userId, userId))
			.get();
		if (current?.status === 'declined') return false;
		if (current)
			tx.update(professionalApplications)
				.set(decision)
				.where(eq(professionalApplications.userId, userId))
				.run();
		else
			// An account from before applications: the refusal still needs a place to live.
			tx.insert(professionalApplications)
				.values({ userId, workplace: '', municipality: '', submittedAt: now, ...decision })
				.run();
		return true;
	});
}

/** Whether an approved professional has still to see the welcome on /fagperson. */
export function welcomeDue(userId: string): boolean {
	const row = getDb()
		.select({ id: professionalApplications.userId })
		.from(professionalApplications)
		.where(
			and(
				eq(professionalApplications.userId, userId),
				eq(professionalApplications.status, 'approved'),
				isNull(professionalApplications.welcomedAt)
			)
		)
		.get();
	return row !== undefined;
}

export function dismissWelcome(userId: string, now = new Date()): void {
	getDb()
		.update(professionalApplications)
		.set({ welcomedAt: now })
		.where(
			and(eq(professionalApplications.userId, userId), isNull(professionalApplications.welcomedAt))
		)
		.run();
}

/** The typical wait for a decision lately, in days, or null when there are too few decisions. */
export function currentWaitDays(): number | null {
	const recent = getDb()
		.select({
			submittedAt: professionalApplications.submittedAt,
			decidedAt: professionalApplications.decidedAt
		})
		.from(professionalApplications)
		.where(isNotNull(professionalApplications.decidedAt))
		.orderBy(desc(professionalApplications.decidedAt))
		.limit(RECENT_DECISIONS)
		.all();
	return typicalWaitDays(
		recent.map((r) => Math.max(0, r.decidedAt!.getTime() - r.submittedAt.getTime()))
	);
}

/** What a pending applicant (professional or coordinator) sees of their own application. */
export function applicantView(userId: string) {
	const application = applicationOf(userId);
	return {
		status: application?.status === 'declined' ? ('declined' as const) : ('pending' as const),
		workplace: application?.workplace ?? '',
		municipality: application?.municipality ?? '',
		reason: application?.declineReason ?? null,
		submittedAt: application?.submittedAt.toISOString() ?? null,
		waitDays: currentWaitDays()
	};
}
