/**
 * A before-and-after measure as pages see it. The right answers of knowledge questions stay on
 * the server: the page gets the options only.
 */
export const MEASURE_KINDS = ['viden', 'tryghed', 'handling'] as const;
/** viden: a scenario with one right answer; tryghed and handling: agreement on a 1–5 scale. */
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** The five steps of the agreement scale, stored as 1–5. */
export const SCALE = [1, 2, 3, 4, 5] as const;

export interface MeasureQuestionView {
	id: string;
	kind: MeasureKind;
	/** Short name for charts and tables. */
	label: string;
	text: string;
	/** Knowledge questions only. */
	options: { id: string; text: string }[];
}

export interface MeasureView {
	slug: string;
	/** The language the questions are written in (Danish where no translation exists). */
	locale: string;
	title: string;
	audience: 'unge' | 'foraeldre';
	summary: string;
	intro: string;
	questions: MeasureQuestionView[];
}

export type MeasurePhase = 'before' | 'after' | 'closed';
