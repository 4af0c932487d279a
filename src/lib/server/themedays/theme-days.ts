import { and, asc, desc, eq, gte, isNotNull, isNull, lt, like } from 'drizzle-orm';
import { getDb } from '../db/client';
import { themeDays } from '../db/schema';
import { randomId } from '../security/random';
import { toCopenhagen } from './copenhagen-time';
import { themeDaySlug, uniqueSlug } from './slug';
import type { Audience, ThemeDayInput } from './theme-day-form';

type ThemeDayRecord = typeof themeDays.$inferSelect;

/** A theme day with its programmes read from JSON. */
export interface ThemeDay extends Omit<
	ThemeDayRecord,
	'youthProgramme' | 'parentProgramme' | 'audience'
> {
	audience: Audience;
	youthProgramme: string[];
	parentProgramme: string[];
}

function parseProgramme(json: string): string[] {
	try {
		const value: unknown = JSON.parse(json);
		return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
	} catch {
		return [];
	}
}

function toThemeDay(row: ThemeDayRecord): ThemeDay {
	return {
		...row,
		youthProgramme: parseProgramme(row.youthProgramme),
		parentProgramme: parseProgramme(row.parentProgramme)
	};
}

function columnsOf(input: ThemeDayInput) {
	return {
		...input,
		youthProgramme: JSON.stringify(input.youthProgramme),
		parentProgramme: JSON.stringify(input.parentProgramme)
	};
}

function freeSlug(input: ThemeDayInput, ownId?: string): string {
	const base = themeDaySlug(input.title, toCopenhagen(input.startsAt).date);
	const db = getDb();
	const taken = new Set(
		db
			.select({ id: themeDays.id, slug: themeDays.slug })
			.from(themeDays)
			.where(like(themeDays.slug, `${base}%`))
			.all()
			.filter((r) => r.id !== ownId)
			.map((r) => r.slug)
	);
	return uniqueSlug(base, (s) => taken.has(s));
}

/** A new theme day, as a draft. */
export function createThemeDay(organiserId: string, input: ThemeDayInput, now = new Date()) {
	const row = getDb()
		.insert(themeDays)
		.values({
			id: randomId(),
			slug: freeSlug(input),
			organiserId,
			...columnsOf(input),
			createdAt: now,
			updatedAt: now
		})
		.returning()
		.get();
	return toThemeDay(row);
}

/**
 * Saves changes. The address follows the title and date while the day is a draft; once
 * published it stays, because posters with its QR code may already hang somewhere.
 */
export function updateThemeDay(id: string, input: ThemeDayInput, now = new Date()): ThemeDay {
	const current = getThemeDay(id);
	if (!current) throw new Error(`No theme day ${id}`);
	const slug = current.publishedAt ? current.slug : freeSlug(input, id);
	return toThemeDay(
		getDb()
			.update(themeDays)
			.set({ ...columnsOf(input), slug, updatedAt: now })
			.where(eq(themeDays.id, id))
			.returning()
			.get()
	);
}

export function getThemeDay(id: string): ThemeDay | undefined {
	const row = getDb().select().from(themeDays).where(eq(themeDays.id, id)).get();
	return row && toThemeDay(row);
}

export function getThemeDayBySlug(slug: string): ThemeDay | undefined {
	const row = getDb().select().from(themeDays).where(eq(themeDays.slug, slug)).get();
	return row && toThemeDay(row);
}

export function publishThemeDay(id: string, now = new Date()): void {
	getDb()
		.update(themeDays)
		.set({ publishedAt: now, updatedAt: now })
		.where(and(eq(themeDays.id, id), isNull(themeDays.publishedAt)))
		.run();
}

export function unpublishThemeDay(id: string, now = new Date()): void {
	getDb()
		.update(themeDays)
		.set({ publishedAt: null, updatedAt: now })
		.where(eq(themeDays.id, id))
		.run();
}

/** A cancelled day stays on its page (people may have the date in their calendar), marked as such. */
export function cancelThemeDay(id: string, now = new Date()): void {
	getDb()
		.update(themeDays)
		.set({ cancelledAt: now, updatedAt: now })
		.where(and(eq(themeDays.id, id), isNull(themeDays.cancelledAt)))
		.run();
}

/** How many theme days a professional created in the 24 hours before `now` (the daily quota). */
export function themeDaysCreatedToday(organiserId: string, now = new Date()): number {
	const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
	return getDb()
		.select({ id: themeDays.id })
		.from(themeDays)
		.where(and(eq(themeDays.organiserId, organiserId), gte(themeDays.createdAt, since)))
		.all().length;
}

/** The organiser's own theme days, the newest date first. */
export function themeDaysOf(organiserId: string): ThemeDay[] {
	return getDb()
		.select()
		.from(themeDays)
		.where(eq(themeDays.organiserId, organiserId))
		.orderBy(desc(themeDays.startsAt))
		.all()
		.map(toThemeDay);
}

/**
 * Published theme days, optionally in one municipality: those not yet over (soonest first)
 * and those that are (most recent first). Cancelled days are listed, marked by the caller.
 */
export function publishedThemeDays(options: { municipality?: string | null; now?: Date } = {}): {
	upcoming: ThemeDay[];
	past: ThemeDay[];
} {
	const now = options.now ?? new Date();
	const db = getDb();
	const base = and(
		isNotNull(themeDays.publishedAt),
		options.municipality ? eq(themeDays.municipality, options.municipality) : undefined
	);
	return {
		upcoming: db
			.select()
			.from(themeDays)
			.where(and(base, gte(themeDays.endsAt, now)))
			.orderBy(asc(themeDays.startsAt), asc(themeDays.title))
			.all()
			.map(toThemeDay),
		past: db
			.select()
			.from(themeDays)
			.where(and(base, lt(themeDays.endsAt, now)))
			.orderBy(desc(themeDays.startsAt), asc(themeDays.title))
			.all()
			.map(toThemeDay)
	};
}

/** The next published theme days that go ahead, for the front page. */
export function nextThemeDays(limit = 3, now = new Date()): ThemeDay[] {
	return getDb()
		.select()
		.from(themeDays)
		.where(
			and(
				isNotNull(themeDays.publishedAt),
				isNull(themeDays.cancelledAt),
				gte(themeDays.endsAt, now)
			)
		)
		.orderBy(asc(themeDays.startsAt))
		.limit(limit)
		.all()
		.map(toThemeDay);
}

/** Municipalities that have at least one published theme day, for the filter. */
export function municipalitiesWithThemeDays(): string[] {
	return getDb()
		.selectDistinct({ municipality: themeDays.municipality })
		.from(themeDays)
		.where(isNotNull(themeDays.publishedAt))
		.all()
		.map((r) => r.municipality)
		.sort((a, b) => a.localeCompare(b, 'da'));
}
