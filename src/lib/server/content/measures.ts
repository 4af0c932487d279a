import { join } from 'node:path';
import { z } from 'zod';
import { MEASURE_KINDS, type MeasureView } from '../../measures/types';
import { idPattern, slugPattern, sourceSchema, text, type ContentLocale } from './schema';
import { lix } from './lix';
import { TRACK_RULES } from './curriculum-rules';
import type { ContentProblem, Module } from './types';
import { parseYamlWithLines, yamlFilesIn } from './yaml-file';

const id = z
	.string({ error: 'skal være tekst, fx a eller hjaelp' })
	.regex(idPattern, 'små bogstaver, tal og bindestreg');

/** The limits content/README.md gives writers of a measure. */
export const MEASURE_RULES = { minQuestions: 6, maxQuestions: 10, minKnowledge: 2 } as const;

const optionSchema = z.strictObject({
	id,
	text: text(200),
	correct: z.boolean().optional()
});

const questionSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({
			id,
			kind: z.literal('viden'),
			label: text(40),
			text: text(300),
			/** The module whose advice makes the right answer right. */
			module: z.string().regex(slugPattern, 'slug: små bogstaver, tal og bindestreg'),
			options: z
				.array(optionSchema)
				.min(3, 'mindst 3 svarmuligheder')
				.max(5, 'højst 5 svarmuligheder')
				.refine(
					(o) => o.filter((x) => x.correct).length === 1,
					'præcis én svarmulighed skal have correct: true'
				)
				.refine(
					(o) => new Set(o.map((x) => x.id)).size === o.length,
					'to svarmuligheder har samme id'
				)
		}),
		...(['tryghed', 'handling'] as const).map((kind) =>
			z.strictObject({ id, kind: z.literal(kind), label: text(40), text: text(200) })
		)
	],
	{ error: `kind skal være ${MEASURE_KINDS.join(', ')}` }
);

/** content/<locale>/maalinger/<slug>.yaml: the same questions, asked before and after. */
export const measureSchema = z
	.strictObject({
		title: text(80),
		audience: z.enum(['unge', 'foraeldre'], { error: 'audience skal være unge eller foraeldre' }),
		/** For the professional who picks a measure. */
		summary: text(240),
		/** For the participant, above the questions. */
		intro: text(400),
		sources: z.array(sourceSchema).min(1, 'mindst én kilde'),
		questions: z
			.array(questionSchema)
			.min(MEASURE_RULES.minQuestions, `mindst ${MEASURE_RULES.minQuestions} spørgsmål`)
			.max(MEASURE_RULES.maxQuestions, `højst ${MEASURE_RULES.maxQuestions} spørgsmål`)
	})
	.superRefine((m, ctx) => {
		const ids = new Set<string>();
		m.questions.forEach((q, i) => {
			if (ids.has(q.id))
				ctx.addIssue({
					code: 'custom',
					path: ['questions', i, 'id'],
					message: 'id bruges allerede'
				});
			ids.add(q.id);
		});
		const count = (kind: string) => m.questions.filter((q) => q.kind === kind).length;
		if (count('viden') < MEASURE_RULES.minKnowledge)
			ctx.addIssue({
				code: 'custom',
				path: ['questions'],
				message: `mindst ${MEASURE_RULES.minKnowledge} spørgsmål med kind: viden`
			});
		for (const kind of ['tryghed', 'handling'])
			if (count(kind) === 0)
				ctx.addIssue({
					code: 'custom',
					path: ['questions'],
					message: `mindst ét spørgsmål med kind: ${kind}`
				});
	});

type MeasureSource = z.infer<typeof measureSchema>;
export type MeasureQuestionSource = MeasureSource['questions'][number];

/** A measure as the server holds it: with the right answers. */
export interface MeasureDefinition extends MeasureSource {
	slug: string;
	/** The language it is written in: Danish where no translation exists. */
	locale: ContentLocale;
	/** Readability of everything a participant reads. */
	lix: number;
}

/** What a page may see: no right answers. */
export function measureView(m: MeasureDefinition): MeasureView {
	return {
		slug: m.slug,
		locale: m.locale,
		title: m.title,
		audience: m.audience,
		summary: m.summary,
		intro: m.intro,
		questions: m.questions.map((q) => ({
			id: q.id,
			kind: q.kind,
			label: q.label,
			text: q.text,
			options: q.kind === 'viden' ? q.options.map((o) => ({ id: o.id, text: o.text })) : []
		}))
	};
}

function participantText(m: MeasureSource): string {
	return [
		m.intro,
		...m.questions.flatMap((q) => [
			q.text,
			...(q.kind === 'viden' ? q.options.map((o) => o.text) : [])
		])
	].join('\n\n');
}

/**
 * content/<locale>/maalinger/*.yaml. Each knowledge question names the module whose advice it
 * asks about, which must exist; the text must be as easy to read as the audience's track.
 */
export function loadMeasures(
	root: string,
	locale: ContentLocale,
	modules: Map<string, Module>,
	problems: ContentProblem[]
): Map<string, MeasureDefinition> {
	const measures = new Map<string, MeasureDefinition>();
	const dir = join(root, locale, 'maalinger');
	for (const { file, slug, source } of yamlFilesIn(dir, problems, { slugNames: true })) {
		const { value, lineAt } = parseYamlWithLines(source, measureSchema, file, problems);
		if (!value) continue;
		let ok = true;
		value.questions.forEach((q, i) => {
			if (q.kind === 'viden' && !modules.has(q.module)) {
				ok = false;
				problems.push({
					file,
					line: lineAt(['questions', i, 'module']),
					field: `questions.${i}.module`,
					message: `modulet "${q.module}" findes ikke`
				});
			}
		});
		const readability = lix(participantText(value)).lix;
		const maxLix = TRACK_RULES[value.audience].maxLix;
		if (readability > maxLix) {
			ok = false;
			problems.push({
				file,
				message: `LIX ${readability} er over grænsen ${maxLix} for ${value.audience}`
			});
		}
		if (ok) measures.set(slug, { ...value, slug, locale, lix: readability });
	}
	return measures;
}
