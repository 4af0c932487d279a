import { z } from 'zod';

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

import { isMunicipality } from '../../municipalities';

export { TRACKS, type TrackId } from '../../tracks';
export { locales as LOCALES, type Locale as ContentLocale } from '../../locales';

export const text = (max: number) =>
	z.string().trim().min(1, 'må ikke være tom').max(max, `højst ${max} tegn`);
const httpsUrl = z.url({ protocol: /^https$/, error: 'skal være en https-adresse' });
export const isoDate = z
	.union([z.string(), z.date()])
	.transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
	.pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'skal være en dato som ÅÅÅÅ-MM-DD'));

export const sourceSchema = z.strictObject({ title: text(200), url: httpsUrl });

export const lessonFrontMatterSchema = z.strictObject({
	title: text(80),
	summary: text(240),
	minutes: z.int('skal være et helt tal').min(1).max(20),
	ages: z
		.tuple([z.int().min(6).max(99), z.int().min(6).max(99)])
		.refine(([a, b]) => a <= b, 'første alder skal være mindst lige så lav som anden'),
	topics: z
		.array(z.string().regex(/^[a-zæøå0-9-]+$/, 'små bogstaver og bindestreg'))
		.min(1)
		.max(6),
	passMark: z.int().min(1).max(100).default(80),
	sources: z.array(sourceSchema).min(1, 'mindst én kilde'),
	lastReviewed: isoDate,
	/** What the reader has learned, in three short lines, shown when the module is passed. */
	takeaways: z.array(text(120)).length(3, 'præcis 3 korte linjer').optional(),
	/** A quiz question to answer between two steps: { <step it follows>: <question id> }. */
	stepQuestions: z
		.record(
			z.string().regex(/^[1-9]$/, 'nøglen er nummeret på det trin, spørgsmålet står efter'),
			z.string().regex(idPattern, 'et spørgsmåls id fra quiz.yaml')
		)
		.optional()
});
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;

const optionSchema = z.strictObject({
	id: z.string().regex(idPattern, 'små bogstaver, tal og bindestreg'),
	text: text(400),
	correct: z.boolean().optional(),
	feedback: text(1200)
});
const itemSchema = z.strictObject({
	id: z.string().regex(idPattern, 'små bogstaver, tal og bindestreg'),
	text: text(400),
	feedback: text(1200),
	/** Steps with the same group stand next to each other and may come in any order among themselves. */
	group: z.string().regex(idPattern, 'små bogstaver, tal og bindestreg').optional()
});
const questionBase = {
	id: z.string().regex(idPattern, 'små bogstaver, tal og bindestreg'),
	prompt: text(1200),
	explanation: text(1500)
};

export const questionSchema = z.discriminatedUnion(
	'type',
	[
		z.strictObject({
			...questionBase,
			type: z.literal('single'),
			options: z
				.array(optionSchema)
				.min(2, 'mindst 2 svarmuligheder')
				.max(6, 'højst 6 svarmuligheder')
				.refine(
					(o) => o.filter((x) => x.correct).length === 1,
					'præcis én svarmulighed skal have correct: true'
				)
		}),
		z.strictObject({
			...questionBase,
			type: z.literal('multiple'),
			options: z
				.array(optionSchema)
				.min(3, 'mindst 3 svarmuligheder')
				.max(6, 'højst 6 svarmuligheder')
				.refine((o) => o.some((x) => x.correct), 'mindst én svarmulighed skal have correct: true')
		}),
		z.strictObject({
			...questionBase,
			type: z.literal('truefalse'),
			answer: z.boolean('skal være true eller false'),
			feedbackTrue: text(1200),
			feedbackFalse: text(1200)
		}),
		z.strictObject({
			...questionBase,
			type: z.literal('order'),
			items: z.array(itemSchema).min(3, 'mindst 3 punkter at ordne').max(6, 'højst 6 punkter')
		})
	],
	{ error: 'type skal være single, multiple, truefalse eller order' }
);
export type QuestionSource = z.infer<typeof questionSchema>;

export const quizSchema = z.strictObject({
	questions: z.array(questionSchema).min(1, 'mindst ét spørgsmål')
});

export const cardsSchema = z.strictObject({
	summary: text(800),
	questions: z.array(text(300)).min(3, 'mindst 3 spørgsmål').max(5, 'højst 5 spørgsmål'),
	tip: text(800)
});
export type ConversationCards = z.infer<typeof cardsSchema>;

export const trackSchema = z.strictObject({
	title: text(80),
	intro: text(2000),
	modules: z.array(z.string().regex(slugPattern, 'slug: små bogstaver, tal og bindestreg')).min(1),
	/** Practice scenarios (content/<locale>/scenarier/<slug>), shown under "Øv dig". */
	scenarios: z
		.array(z.string().regex(slugPattern, 'slug: små bogstaver, tal og bindestreg'))
		.default([])
});

const contactSchema = z.strictObject({
	kind: z.enum(['phone', 'chat', 'web', 'sms', 'email']),
	label: text(120),
	href: z
		.string()
		.regex(/^(https:\/\/|tel:|sms:|mailto:)/, 'skal starte med https://, tel:, sms: eller mailto:')
});

const helpServiceSchema = z.strictObject({
	id: z.string().regex(idPattern),
	name: text(120),
	helpsWith: text(600),
	forWhom: text(200),
	/** Left out when no source says whether the service can be used anonymously. */
	anonymous: z.boolean().optional(),
	hours: text(200).optional(),
	contact: z.array(contactSchema).min(1),
	source: sourceSchema,
	/** When this entry's numbers and addresses were last checked; the page's date when left out. */
	lastChecked: isoDate.optional()
});

export const helpSchema = z.strictObject({
	title: text(80),
	intro: text(2000),
	lastChecked: isoDate,
	emergency: z
		.array(
			z.strictObject({
				name: text(80),
				text: text(300),
				href: z.string().regex(/^tel:/),
				label: text(60)
			})
		)
		.min(1),
	services: z.array(helpServiceSchema).min(1),
	situations: z
		.array(
			z.strictObject({
				id: z.string().regex(idPattern),
				title: text(120),
				advice: text(2000),
				services: z.array(z.string()).min(1)
			})
		)
		.min(1)
});
export type HelpSource = z.infer<typeof helpSchema>;

/** content/<locale>/kommuner/<slug>.yaml: the help a municipality offers, shown on /hjaelp. */
export const localHelpSchema = z.strictObject({
	name: text(120),
	municipality: z
		.string()
		.refine(isMunicipality, 'skal være en kommunes navn som i kommunelisten, fx Herlev'),
	intro: text(600).optional(),
	services: z
		.array(helpServiceSchema.extend({ lastChecked: isoDate }))
		.min(1, 'mindst én tjeneste')
		.max(6, 'højst 6 tjenester')
});

export const pageFrontMatterSchema = z.strictObject({
	title: text(80),
	updated: isoDate
});

/**
 * A link printed on a made-up message card: shown as text, never clickable, and always under
 * the reserved .example domain, so no card points at a real site.
 */
const exampleLink = z
	.string()
	.regex(
		/^[a-z0-9.-]+\.example(\/[\w\-./?=&%]*)?$/,
		'skal være en opdigtet adresse under .example, fx pakke-dk.example/betal'
	);

export const MESSAGE_CHANNELS = ['sms', 'mail', 'annonce', 'chat', 'opslag'] as const;

/** One printable card of a material: a made-up message, or a short text (a statement, a step). */
export const materialCardSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({
			kind: z.literal('besked'),
			channel: z.enum(MESSAGE_CHANNELS, {
				error: `channel skal være ${MESSAGE_CHANNELS.join(', ')}`
			}),
			from: text(60),
			subject: text(100).optional(),
			text: text(600),
			link: exampleLink.optional(),
			/** The answer key for the teacher, printed on a page of its own. */
			answer: text(600).optional()
		}),
		z.strictObject({
			kind: z.literal('tekst'),
			text: text(300),
			answer: text(600).optional()
		})
	],
	{ error: 'kind skal være besked eller tekst' }
);
export type MaterialCardSource = z.infer<typeof materialCardSchema>;

/** content/<locale>/materialer/<slug>.yaml: cards a module's lesson plan uses, to print. */
export const materialSchema = z.strictObject({
	title: text(80),
	/** The module whose teacher notes use the material. */
	module: z.string().regex(slugPattern, 'slug: små bogstaver, tal og bindestreg'),
	summary: text(240),
	/** Markdown for the teacher: how the cards are used in the lesson. */
	instructions: text(1500),
	cards: z.array(materialCardSchema).min(2, 'mindst 2 kort').max(12, 'højst 12 kort')
});
