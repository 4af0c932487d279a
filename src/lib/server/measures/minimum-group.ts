/**
 * Figures, never people: the minimum group size, in this one place. Every figure about young
 * people or parents that a page shows, a CSV exports or a chart draws is made here.
 */
export const MINIMUM_GROUP_SIZE = 10;

/**
 * One group's part of a figure: how many people it holds and the sum of what is counted for
 * them (answers right, 1–5 answers added up, modules completed, the people themselves).
 * A group is indivisible: a class, the participants of one measure, a theme day's respondents.
 */
export interface Tally {
	people: number;
	sum: number;
}

/** A figure as views, exports and charts get it: its numbers, or nothing at all. */
export type Figure =
	{ shown: true; people: number; sum: number; groups: number } | { shown: false };

export const HIDDEN: Figure = { shown: false };

/**
 * The rule. A group of fewer than MINIMUM_GROUP_SIZE people is left out of every figure: not
 * only out of its own row, but out of every total and every filter it falls in. So each figure
 * is a sum over whole groups of at least that size, and the difference of any two figures
 * (a municipality's total minus all but one of its schools, one period minus a shorter one) is
 * again a sum over whole such groups: zero, or at least MINIMUM_GROUP_SIZE people. A figure with
 * no group left is hidden.
 *
 * This holds only when every group sits in exactly one row of each breakdown and one period:
 * callers assign a group to one school, municipality and date, and add figures, never count
 * distinct people across groups (which would not add up, and the gap would be a figure too).
 */
export function figure(groups: readonly Tally[]): Figure {
	const counted = groups.filter((g) => g.people >= MINIMUM_GROUP_SIZE);
	if (counted.length === 0) return HIDDEN;
	return {
		shown: true,
		people: counted.reduce((n, g) => n + g.people, 0),
		sum: counted.reduce((n, g) => n + g.sum, 0),
		groups: counted.length
	};
}

/** Whether a group of this size may be part of any figure. */
export const isLargeEnough = (people: number) => people >= MINIMUM_GROUP_SIZE;

/** How many people a shown figure is about; null when hidden. */
export const peopleIn = (f: Figure): number | null => (f.shown ? f.people : null);

/** What a shown figure counts (answers right, modules completed …); null when hidden. */
export const sumOf = (f: Figure): number | null => (f.shown ? f.sum : null);

/** The mean per person of a shown figure (share right as 0–1, or a 1–5 mean); null when hidden. */
export function meanOf(f: Figure): number | null {
	return f.shown ? f.sum / f.people : null;
}
