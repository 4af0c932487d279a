/**
 * A lesson is read in 3–5 short steps, split at its `##` headings; the text before the first
 * heading belongs to step 1. content/README.md says the same to authors.
 */
export const STEP_COUNT = { min: 3, max: 5 } as const;

/** A `##` section of a lesson as the Markdown renderer gives it. */
export interface LessonSection {
	/** The section's `##` heading as plain text; null for text before any heading. */
	title: string | null;
	words: number;
	html: string;
}

export interface LessonStep {
	/** The heading the step starts with. */
	title: string;
	html: string;
}

/**
 * When a lesson has more than `max` sections, neighbouring ones are joined: each time the two
 * neighbours with the fewest words together become one step (the earlier pair on a tie), so
 * steps stay about the same length and no heading moves. Returns each step's section indexes.
 */
export function groupSections(words: number[], max: number = STEP_COUNT.max): number[][] {
	const groups = words.map((count, i) => ({ words: count, sections: [i] }));
	while (groups.length > max) {
		let best = 0;
		for (let i = 1; i < groups.length - 1; i++)
			if (groups[i].words + groups[i + 1].words < groups[best].words + groups[best + 1].words)
				best = i;
		const [a, b] = groups.slice(best, best + 2);
		groups.splice(best, 2, { words: a.words + b.words, sections: [...a.sections, ...b.sections] });
	}
	return groups.map((g) => g.sections);
}

/** The text before the first heading joins the first section. */
function withIntroJoined(sections: LessonSection[]): LessonSection[] {
	const [intro, first, ...rest] = sections;
	if (!intro || intro.title !== null || !first) return sections;
	return [
		{ title: first.title, words: intro.words + first.words, html: intro.html + first.html },
		...rest
	];
}

export function lessonSteps(sections: LessonSection[]): LessonStep[] {
	const joined = withIntroJoined(sections);
	return groupSections(joined.map((s) => s.words)).map((indexes) => ({
		title: joined[indexes[0]].title ?? '',
		html: indexes.map((i) => joined[i].html).join('')
	}));
}

/** Why a lesson cannot be read in steps, or null. */
export function stepsProblem(sections: LessonSection[]): string | null {
	const count = withIntroJoined(sections).filter((s) => s.title !== null).length;
	return count >= STEP_COUNT.min
		? null
		: `teksten kan ikke deles i ${STEP_COUNT.min}–${STEP_COUNT.max} trin: den har ${count} afsnit med ##-overskrift; skriv mindst ${STEP_COUNT.min}`;
}
