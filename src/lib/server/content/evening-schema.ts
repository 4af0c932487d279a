import { z } from 'zod';
import { idPattern, text } from './schema';

/*
 * The theme-day evening's libraries: poll questions for the young people (stemmer), dilemma
 * cards (dilemmaer) and suggested agreements (aftaler). Each folder holds YAML files of the
 * shapes below; content/README.md documents them.
 */

const id = z.string().regex(idPattern, 'små bogstaver, tal og bindestreg');

/** Who a dilemma or an agreement is written for. */
export const EVENING_AUDIENCES = ['unge', 'foraeldre', 'begge'] as const;
const audience = z.enum(EVENING_AUDIENCES, {
	error: 'audience skal være unge, foraeldre eller begge'
});

export const pollFileSchema = z.strictObject({
	/** The group the questions are listed under when a professional chooses them. */
	title: text(80),
	questions: z
		.array(
			z.strictObject({
				id,
				/** Asked to the young person ("du"); the parents guess what the young people answered. */
				prompt: text(200),
				options: z
					.array(z.strictObject({ id, text: text(80) }))
					.min(2, 'mindst 2 svarmuligheder')
					.max(6, 'højst 6 svarmuligheder')
					.refine(
						(o) => new Set(o.map((x) => x.id)).size === o.length,
						'hver svarmulighed skal have sit eget id'
					)
			})
		)
		.min(1, 'mindst ét spørgsmål')
});

export const dilemmaFileSchema = z.strictObject({
	title: text(80),
	dilemmas: z
		.array(
			z.strictObject({
				id,
				title: text(60),
				audience,
				/** What happens, in two to four short sentences. */
				situation: text(500),
				/** What people say enig / uenig / ved ikke to. */
				statement: text(200),
				/** Questions for the table talk after the vote. */
				talkAbout: z.array(text(200)).min(2, 'mindst 2 spørgsmål').max(4, 'højst 4 spørgsmål')
			})
		)
		.min(1, 'mindst ét dilemma')
});

export const agreementFileSchema = z.strictObject({
	title: text(80),
	agreements: z
		.array(
			z.strictObject({
				id,
				audience,
				/** The agreement as people will read it on the published page ("Vi …"). */
				text: text(160),
				/** Why it helps, for the professional who proposes it. */
				why: text(300)
			})
		)
		.min(1, 'mindst én aftale')
});

/** How many of each the library must hold (content:check refuses fewer). */
export const EVENING_MINIMUMS = { questions: 20, dilemmas: 12, agreements: 15 } as const;
