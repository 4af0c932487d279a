import type { YouthFigures } from '$lib/evening/types';
import { MINIMUM_GROUP_SIZE } from '../measures/minimum-group';

/*
 * The minimum group size (one number for the whole product, in measures/minimum-group.ts): the
 * young people's answers to a question are shown only when at least this many answered it, so
 * no one's answer can be picked out. Every youth figure shown, on a page, the projector or in a
 * live session, passes through `youthFigures`.
 */

/** A question's counts per option, or "too few to show" below the minimum group size. */
export function youthFigures(counts: readonly number[]): YouthFigures {
	const answered = counts.reduce((sum, n) => sum + n, 0);
	return answered >= MINIMUM_GROUP_SIZE
		? { shown: true, answered, counts: [...counts] }
		: { shown: false };
}

/** Whether a live round's figures may be shown, counted by the answers that came in. */
export function enoughAnswers(answered: number): boolean {
	return answered >= MINIMUM_GROUP_SIZE;
}
