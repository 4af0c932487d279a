import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, max, or, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { agreementBallots, agreementSets, agreements } from '../db/schema';
import { randomId } from '../security/random';
import { withFreshCode } from '../evening/poll-store';

export type AgreementSetRow = typeof agreementSets.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;

export function createAgreementSet(
	input: {
		ownerId: string;
		themeDayId: string | null;
		classId: string | null;
		yearGroup: string | null;
	},
	now = new Date()
): AgreementSetRow {
	return withFreshCode((code) =>
		getDb()
			.insert(agreementSets)
			.values({ id: randomId(), code, ...input, createdAt: now })
			.returning()
			.get()
	);
}

/** Voting on a set closes by itself this many days after the set was made, published or not. */
export const AGREEMENT_VOTING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When voting on the set closes by itself. */
export function votingClosesAt(set: Pick<AgreementSetRow, 'createdAt'>): Date {
	return new Date(set.createdAt.getTime() + AGREEMENT_VOTING_DAYS * DAY_MS);
}

/** Whether people can still vote and propose: not published, and not past its days. */
export function votingOpen(
	set: Pick<AgreementSetRow, 'createdAt' | 'publishedAt'>,
	now = new Date()
): boolean {
	return set.publishedAt === null && now < votingClosesAt(set);
}

export function getAgreementSet(id: string): AgreementSetRow | undefined {
	return getDb().select().from(agreementSets).where(eq(agreementSets.id, id)).get();
}

export function agreementSetByCode(code: string): AgreementSetRow | undefined {
	return getDb().select().from(agreementSets).where(eq(agreementSets.code, code)).get();
}

export function agreementSetsOf(ownerId: string): AgreementSetRow[] {
	return getDb()
		.select()
		.from(agreementSets)
		.where(eq(agreementSets.ownerId, ownerId))
		.orderBy(desc(agreementSets.createdAt))
		.all();
}

/** A set's agreements and waiting proposals, in their order. */
export function agreementsOf(setId: string): AgreementRow[] {
	return getDb()
		.select()
		.from(agreements)
		.where(eq(agreements.setId, setId))
		.orderBy(asc(agreements.position), asc(agreements.id))
		.all();
}

/** Adds an agreement at the end: the professional's (approved at once) or a proposal. */
export function addAgreement(
	setId: string,
	input: { text: string; libraryId?: string | null; proposed?: boolean },
	now = new Date()
): AgreementRow {
	const db = getDb();
	return db.transaction((tx) => {
		const last = tx
			.select({ n: max(agreements.position) })
			.from(agreements)
			.where(eq(agreements.setId, setId))
			.get();
		return tx
			.insert(agreements)
			.values({
				setId,
				text: input.text,
				libraryId: input.libraryId ?? null,
				proposed: input.proposed ?? false,
				approvedAt: input.proposed ? null : now,
				position: (last?.n ?? 0) + 1,
				createdAt: now
			})
			.returning()
			.get();
	});
}

const inSet = (setId: string, id: number) =>
	and(eq(agreements.setId, setId), eq(agreements.id, id));

/** The professional rewords an agreement or a proposal; false when it is not in the set. */
export function editAgreement(setId: string, id: number, text: string): boolean {
	return getDb().update(agreements).set({ text }).where(inSet(setId, id)).run().changes > 0;
}

/** Removes an agreement, or rejects a proposal (it is deleted, not kept). */
export function removeAgreement(setId: string, id: number): boolean {
	return getDb().delete(agreements).where(inSet(setId, id)).run().changes > 0;
}

/** Approves a waiting proposal, perhaps reworded: from now on it is voted on and can be shown. */
export function approveProposal(
	setId: string,
	id: number,
	text: string,
	now = new Date()
): boolean {
	return (
		getDb()
			.update(agreements)
			.set({ approvedAt: now, text })
			.where(and(inSet(setId, id), isNull(agreements.approvedAt)))
			.run().changes > 0
	);
}

export function waitingProposals(setId: string): number {
	return getDb()
		.select({ id: agreements.id })
		.from(agreements)
		.where(and(eq(agreements.setId, setId), isNull(agreements.approvedAt)))
		.all().length;
}

/** The agreements this browser has voted on (its token's markers). */
export function votedOn(setId: string, tokenHash: Buffer): Set<number> {
	return new Set(
		getDb()
			.select({ id: agreementBallots.agreementId })
			.from(agreementBallots)
			.where(and(eq(agreementBallots.setId, setId), eq(agreementBallots.tokenHash, tokenHash)))
			.all()
			.map((r) => r.id)
	);
}

/**
 * Counts one browser's votes, each agreement at most once per token: the marker says that it
 * voted, the counters what. Agreements not approved or not in the set are left out. Returns how
 * many votes were counted.
 */
export function castVotes(
	setId: string,
	tokenHash: Buffer,
	votes: ReadonlyMap<number, boolean>,
	now = new Date()
): number {
	if (votes.size === 0) return 0;
	const db = getDb();
	return db.transaction((tx) => {
		const set = tx.select().from(agreementSets).where(eq(agreementSets.id, setId)).get();
		if (!set || !votingOpen(set, now)) return 0;
		const open = new Set(
			tx
				.select({ id: agreements.id })
				.from(agreements)
				.where(
					and(
						eq(agreements.setId, setId),
						isNotNull(agreements.approvedAt),
						inArray(agreements.id, [...votes.keys()])
					)
				)
				.all()
				.map((r) => r.id)
		);
		let counted = 0;
		for (const [id, yes] of votes) {
			if (!open.has(id)) continue;
			const marked = tx
				.insert(agreementBallots)
				.values({ agreementId: id, setId, tokenHash })
				.onConflictDoNothing()
				.run();
			if (marked.changes === 0) continue;
			tx.update(agreements)
				.set(yes ? { yes: sql`${agreements.yes} + 1` } : { no: sql`${agreements.no} + 1` })
				.where(eq(agreements.id, id))
				.run();
			counted++;
		}
		return counted;
	});
}

export function setPublished(setId: string, published: boolean, now = new Date()): void {
	getDb()
		.update(agreementSets)
		.set({ publishedAt: published ? now : null })
		.where(eq(agreementSets.id, setId))
		.run();
}

/** Published sets of a theme day, or of any of some classes, the newest first. */
export function publishedSets(where: { themeDayId: string } | { classIds: string[] }) {
	if ('classIds' in where && !where.classIds.length) return [];
	return getDb()
		.select()
		.from(agreementSets)
		.where(
			and(
				isNotNull(agreementSets.publishedAt),
				'themeDayId' in where
					? eq(agreementSets.themeDayId, where.themeDayId)
					: inArray(agreementSets.classId, where.classIds)
			)
		)
		.orderBy(desc(agreementSets.publishedAt))
		.all();
}

export const BALLOTS_KEPT_AFTER_CLOSING_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the vote markers of sets published more than 24 hours ago, or whose voting closed by
 * itself more than 24 hours ago; the yes and no counts stay. Returns the sets purged.
 */
export function purgeBallots(now = new Date()): string[] {
	const db = getDb();
	return db.transaction((tx) => {
		const purged = tx
			.update(agreementSets)
			.set({ ballotsPurgedAt: now })
			.where(
				and(
					isNull(agreementSets.ballotsPurgedAt),
					or(
						and(
							isNotNull(agreementSets.publishedAt),
							lt(agreementSets.publishedAt, new Date(now.getTime() - BALLOTS_KEPT_AFTER_CLOSING_MS))
						),
						lt(
							agreementSets.createdAt,
							new Date(
								now.getTime() - AGREEMENT_VOTING_DAYS * DAY_MS - BALLOTS_KEPT_AFTER_CLOSING_MS
							)
						)
					)
				)
			)
			.returning({ id: agreementSets.id })
			.all()
			.map((r) => r.id);
		for (const id of purged)
			tx.delete(agreementBallots).where(eq(agreementBallots.setId, id)).run();
		return purged;
	});
}

/** The sets of agreements made for a theme day. */
export function agreementSetsOfThemeDay(themeDayId: string): AgreementSetRow[] {
	return getDb()
		.select()
		.from(agreementSets)
		.where(eq(agreementSets.themeDayId, themeDayId))
		.orderBy(desc(agreementSets.createdAt))
		.all();
}
