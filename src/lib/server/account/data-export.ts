import { eq, inArray, or, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import {
	attemptAnswers,
	cardTalks,
	classMembers,
	classes,
	familyCodes,
	familyLinks,
	moduleProgress,
	professionalApplications,
	questionChecks,
	scenarioRuns,
	quizAttempts,
	sessions,
	themeDays,
	users
} from '../db/schema';
import { measureDataOf } from '../measures/participation';

/** Everything stored about a person, for "download my data" (GDPR art. 15 and 20). */
export function exportUserData(userId: string) {
	const db = getDb();
	const user = db.select().from(users).where(eq(users.id, userId)).get();
	if (!user) return null;
	const attempts = db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId)).all();
	const answers = attempts.length
		? db
				.select()
				.from(attemptAnswers)
				.where(
					inArray(
						attemptAnswers.attemptId,
						attempts.map((a) => a.id)
					)
				)
				.all()
		: [];
	const links = db
		.select({ link: familyLinks, otherUsername: users.username })
		.from(familyLinks)
		.innerJoin(
			users,
			eq(
				users.id,
				sql`case when ${familyLinks.youthId} = ${userId} then ${familyLinks.parentId} else ${familyLinks.youthId} end`
			)
		)
		.where(or(eq(familyLinks.youthId, userId), eq(familyLinks.parentId, userId)))
		.all();
	const talks = links.length
		? db
				.select()
				.from(cardTalks)
				.where(
					inArray(
						cardTalks.linkId,
						links.map((l) => l.link.id)
					)
				)
				.all()
		: [];
	const measureData = measureDataOf(userId);
	return {
		exportedAt: new Date().toISOString(),
		account: {
			id: user.id,
			username: user.username,
			displayName: user.displayName,
			role: user.role,
			approvedAt: user.approvedAt?.toISOString() ?? null,
			createdAt: user.createdAt.toISOString(),
			lastActiveAt: user.lastActiveAt.toISOString()
		},
		professionalApplication:
			db
				.select({
					workplace: professionalApplications.workplace,
					municipality: professionalApplications.municipality,
					status: professionalApplications.status,
					declineReason: professionalApplications.declineReason,
					submittedAt: professionalApplications.submittedAt,
					decidedAt: professionalApplications.decidedAt,
					welcomedAt: professionalApplications.welcomedAt
				})
				.from(professionalApplications)
				.where(eq(professionalApplications.userId, userId))
				.get() ?? null,
		sessions: db
			.select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
			.from(sessions)
			.where(eq(sessions.userId, userId))
			.all(),
		progress: db
			.select()
			.from(moduleProgress)
			.where(eq(moduleProgress.userId, userId))
			.all()
			.map(({ userId: _, ...p }) => p),
		quizAttempts: attempts.map(({ userId: _, ...a }) => ({
			...a,
			answers: answers.filter((x) => x.attemptId === a.id).map(({ attemptId: __, ...x }) => x)
		})),
		questionChecks: db
			.select()
			.from(questionChecks)
			.where(eq(questionChecks.userId, userId))
			.all()
			.map(({ userId: _, ...c }) => c),
		scenarioRuns: db
			.select()
			.from(scenarioRuns)
			.where(eq(scenarioRuns.userId, userId))
			.all()
			.map(({ userId: _, ...r }) => r),
		classMemberships: db
			.select({
				className: classes.name,
				school: classes.school,
				displayName: classMembers.displayName,
				joinedAt: classMembers.joinedAt
			})
			.from(classMembers)
			.innerJoin(classes, eq(classes.id, classMembers.classId))
			.where(eq(classMembers.userId, userId))
			.all(),
		classesOwned: db
			.select({
				name: classes.name,
				school: classes.school,
				ageGroup: classes.ageGroup,
				createdAt: classes.createdAt,
				archivedAt: classes.archivedAt
			})
			.from(classes)
			.where(eq(classes.ownerId, userId))
			.all(),
		themeDaysOrganised: db
			.select({
				slug: themeDays.slug,
				title: themeDays.title,
				startsAt: themeDays.startsAt,
				endsAt: themeDays.endsAt,
				place: themeDays.place,
				municipality: themeDays.municipality,
				audience: themeDays.audience,
				description: themeDays.description,
				youthProgramme: themeDays.youthProgramme,
				parentProgramme: themeDays.parentProgramme,
				contact: themeDays.contact,
				publishedAt: themeDays.publishedAt,
				cancelledAt: themeDays.cancelledAt,
				createdAt: themeDays.createdAt,
				updatedAt: themeDays.updatedAt
			})
			.from(themeDays)
			.where(eq(themeDays.organiserId, userId))
			.all()
			.map((d) => ({
				...d,
				youthProgramme: JSON.parse(d.youthProgramme) as string[],
				parentProgramme: JSON.parse(d.parentProgramme) as string[]
			})),
		/** Before-and-after measures answered while they are open (1/0 for right or not, 1–5 on a scale). */
		measuresAnswered: measureData.answered,
		measuresCreated: measureData.made,
		familyCodes: db
			.select({
				createdAt: familyCodes.createdAt,
				expiresAt: familyCodes.expiresAt,
				usedAt: familyCodes.usedAt
			})
			.from(familyCodes)
			.where(eq(familyCodes.youthId, userId))
			.all(),
		familyLinks: links.map(({ link: l, otherUsername }) => ({
			id: l.id,
			you: l.youthId === userId ? 'youth' : 'parent',
			other: otherUsername,
			status: l.status,
			createdAt: l.createdAt,
			decidedAt: l.decidedAt,
			endedAt: l.endedAt,
			cardsTalkedAbout: talks
				.filter((t) => t.linkId === l.id)
				.map(({ moduleSlug, talkedAt }) => ({ moduleSlug, talkedAt }))
		}))
	};
}
