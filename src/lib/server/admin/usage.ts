import { count, gt, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { moduleProgress, quizAttempts, users } from '../db/schema';

/** Anonymous figures for the municipality: counts only, never who. */
export function usageFigures(now = new Date()) {
	const db = getDb();
	const byRole = db.select({ role: users.role, n: count() }).from(users).groupBy(users.role).all();
	const monthAgo = new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000);
	return {
		usersByRole: Object.fromEntries(byRole.map((r) => [r.role, r.n])) as Record<string, number>,
		users: byRole.reduce((sum, r) => sum + r.n, 0),
		activeLast30Days: db
			.select({ n: count() })
			.from(users)
			.where(gt(users.lastActiveAt, monthAgo))
			.get()!.n,
		attempts: db.select({ n: count() }).from(quizAttempts).get()!.n,
		completedModules: db
			.select({ n: count() })
			.from(moduleProgress)
			.where(isNotNull(moduleProgress.completedAt))
			.get()!.n,
		completionsByModule: db
			.select({ slug: moduleProgress.moduleSlug, n: count() })
			.from(moduleProgress)
			.where(isNotNull(moduleProgress.completedAt))
			.groupBy(moduleProgress.moduleSlug)
			.orderBy(sql`count(*) desc`)
			.all()
	};
}
