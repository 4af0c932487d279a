import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { getDb } from '../db/client';
import { cardTalks, familyCodes, familyLinks, moduleProgress, users } from '../db/schema';
import { FAMILY_CODE_LIFETIME_MS, generateFamilyCode } from './family-code';
import {
	MAX_PARENTS_PER_YOUTH,
	nextLinkStatus,
	type LinkAction,
	type LinkStatus
} from './link-state';
import { modulesParentMaySee, type ParentVisibleModule } from './parent-view';

export interface FamilyCode {
	code: string;
	expiresAt: Date;
}

/** A new code for the young person; any earlier unused code stops working. */
export function createFamilyCode(youthId: string, now = new Date()): FamilyCode {
	const db = getDb();
	return db.transaction((tx) => {
		tx.delete(familyCodes)
			.where(and(eq(familyCodes.youthId, youthId), isNull(familyCodes.usedAt)))
			.run();
		for (;;) {
			const code = generateFamilyCode();
			const expiresAt = new Date(now.getTime() + FAMILY_CODE_LIFETIME_MS);
			const inserted = tx
				.insert(familyCodes)
				.values({ code, youthId, createdAt: now, expiresAt })
				.onConflictDoNothing()
				.run();
			if (inserted.changes === 1) return { code, expiresAt };
		}
	});
}

export function currentFamilyCode(youthId: string, now = new Date()): FamilyCode | null {
	const row = getDb()
		.select()
		.from(familyCodes)
		.where(
			and(
				eq(familyCodes.youthId, youthId),
				isNull(familyCodes.usedAt),
				gt(familyCodes.expiresAt, now)
			)
		)
		.get();
	return row ? { code: row.code, expiresAt: row.expiresAt } : null;
}

export type RequestLinkError = 'code_invalid' | 'already_linked' | 'too_many_parents';

/** A parent enters a code: the code is used up and a link waits for the young person's answer. */
export function requestFamilyLink(
	parentId: string,
	code: string,
	now = new Date()
): { ok: true } | { ok: false; error: RequestLinkError } {
	const db = getDb();
	return db.transaction((tx) => {
		const row = tx.select().from(familyCodes).where(eq(familyCodes.code, code)).get();
		if (!row || row.usedAt || row.expiresAt <= now || row.youthId === parentId)
			return { ok: false, error: 'code_invalid' } as const;
		const youth = tx
			.select({ role: users.role })
			.from(users)
			.where(eq(users.id, row.youthId))
			.get();
		if (youth?.role !== 'youth') return { ok: false, error: 'code_invalid' } as const;
		const open = tx
			.select()
			.from(familyLinks)
			.where(
				and(
					eq(familyLinks.youthId, row.youthId),
					inArray(familyLinks.status, ['requested', 'active'])
				)
			)
			.all();
		if (open.some((l) => l.parentId === parentId))
			return { ok: false, error: 'already_linked' } as const;
		if (open.filter((l) => l.status === 'active').length >= MAX_PARENTS_PER_YOUTH) {
			return { ok: false, error: 'too_many_parents' } as const;
		}
		tx.update(familyCodes).set({ usedAt: now }).where(eq(familyCodes.code, code)).run();
		tx.insert(familyLinks)
			.values({ youthId: row.youthId, parentId, status: 'requested', createdAt: now })
			.run();
		return { ok: true } as const;
	});
}

/**
 * Moves a link on, if the person is on the right side of it: only the young person
 * confirms or declines; either side may end it. False when not allowed.
 */
export function changeFamilyLink(
	userId: string,
	linkId: number,
	action: LinkAction,
	now = new Date()
): boolean {
	const db = getDb();
	return db.transaction((tx) => {
		const link = tx.select().from(familyLinks).where(eq(familyLinks.id, linkId)).get();
		if (!link) return false;
		const isYouth = link.youthId === userId;
		if (!isYouth && !(action === 'end' && link.parentId === userId)) return false;
		const next = nextLinkStatus(link.status, action);
		if (!next) return false;
		if (next === 'active') {
			const active = tx
				.select({ id: familyLinks.id })
				.from(familyLinks)
				.where(and(eq(familyLinks.youthId, link.youthId), eq(familyLinks.status, 'active')))
				.all();
			if (active.length >= MAX_PARENTS_PER_YOUTH) return false;
		}
		tx.update(familyLinks)
			.set(next === 'ended' ? { status: next, endedAt: now } : { status: next, decidedAt: now })
			.where(eq(familyLinks.id, linkId))
			.run();
		if (next === 'ended') tx.delete(cardTalks).where(eq(cardTalks.linkId, linkId)).run();
		return true;
	});
}

export interface FamilyLinkSummary {
	id: number;
	status: LinkStatus;
	otherName: string;
	createdAt: Date;
}

const displayName = (u: { username: string; displayName: string | null }) =>
	u.displayName ?? u.username;

/** Links that are waiting or active, seen from one side, with the name of the person on the other. */
function openLinks(side: 'youth' | 'parent', userId: string): FamilyLinkSummary[] {
	const mine = side === 'youth' ? familyLinks.youthId : familyLinks.parentId;
	const theirs = side === 'youth' ? familyLinks.parentId : familyLinks.youthId;
	return getDb()
		.select({
			id: familyLinks.id,
			status: familyLinks.status,
			createdAt: familyLinks.createdAt,
			username: users.username,
			displayName: users.displayName
		})
		.from(familyLinks)
		.innerJoin(users, eq(users.id, theirs))
		.where(and(eq(mine, userId), inArray(familyLinks.status, ['requested', 'active'])))
		.orderBy(desc(familyLinks.createdAt))
		.all()
		.map((r) => ({
			id: r.id,
			status: r.status,
			createdAt: r.createdAt,
			otherName: displayName(r)
		}));
}

export const linksOfYouth = (youthId: string) => openLinks('youth', youthId);
export const linksOfParent = (parentId: string) => openLinks('parent', parentId);

/** Exactly what a linked parent sees of a child, also shown to the child. */
export function familyViewOfYouth(
	youthId: string,
	titleOf: (slug: string) => string | undefined
): ParentVisibleModule[] {
	const progress = getDb()
		.select()
		.from(moduleProgress)
		.where(eq(moduleProgress.userId, youthId))
		.all();
	return modulesParentMaySee(progress, titleOf);
}

/** The active link of this parent, or null: the guard for every parent-side family page. */
export function activeLinkForParent(parentId: string, linkId: number) {
	return (
		getDb()
			.select({
				id: familyLinks.id,
				youthId: familyLinks.youthId,
				username: users.username,
				displayName: users.displayName
			})
			.from(familyLinks)
			.innerJoin(users, eq(users.id, familyLinks.youthId))
			.where(
				and(
					eq(familyLinks.id, linkId),
					eq(familyLinks.parentId, parentId),
					eq(familyLinks.status, 'active')
				)
			)
			.get() ?? null
	);
}

export function talkedAboutCards(linkId: number): Set<string> {
	return new Set(
		getDb()
			.select({ slug: cardTalks.moduleSlug })
			.from(cardTalks)
			.where(eq(cardTalks.linkId, linkId))
			.all()
			.map((r) => r.slug)
	);
}

export function markCardTalkedAbout(
	linkId: number,
	moduleSlug: string,
	talked: boolean,
	now = new Date()
): void {
	const db = getDb();
	if (talked)
		db.insert(cardTalks).values({ linkId, moduleSlug, talkedAt: now }).onConflictDoNothing().run();
	else
		db.delete(cardTalks)
			.where(and(eq(cardTalks.linkId, linkId), eq(cardTalks.moduleSlug, moduleSlug)))
			.run();
}
