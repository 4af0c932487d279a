/** The step a module page shows when it shows the whole lesson on one page (/trin/alle). */
export const WHOLE_LESSON = 0;

/**
 * The step a module page shows: the one in its address (`/trin/<n>`, or the whole lesson for
 * `/trin/alle`), else the furthest the signed-in person has reached, else the first. Null when
 * the address names a step the lesson does not have.
 */
export function stepToShow(
	param: string | undefined,
	stepCount: number,
	reached: number | null
): number | null {
	if (param === 'alle') return WHOLE_LESSON;
	if (param !== undefined) return postedStep(param, stepCount);
	return Math.min(Math.max(reached ?? 1, 1), stepCount);
}

/** A step number sent by the page, if the lesson has that step. */
export function postedStep(value: FormDataEntryValue | null, stepCount: number): number | null {
	const step = typeof value === 'string' && /^[1-9]$/.test(value) ? Number(value) : null;
	return step !== null && step <= stepCount ? step : null;
}
