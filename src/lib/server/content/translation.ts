import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { text } from './schema';
import type { ConversationCards, HelpSource } from './schema';
import type { ContentProblem, Question } from './types';

/**
 * Translations of Danish content (content/<locale>/…) follow the Danish original. Each one
 * records which Danish version it was translated from (`translatedFrom`, a hash of the Danish
 * text) and how it was checked (`translationReview`). When the Danish text changes, the
 * translation is stale and the reader gets the Danish original until it is brought up to date:
 * an old translation could repeat a fact the Danish version has corrected.
 */

/** The hash of a Danish text a translation is made from: 12 hex digits, line endings ignored. */
export function sourceHash(parts: readonly (string | null | undefined)[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(`${(part ?? '').replace(/\r\n/g, '\n').trim()}\u0000`);
	return hash.digest('hex').slice(0, 12);
}

export const translationFields = {
	translatedFrom: z
		.string('skriv hvilken dansk version det er oversat fra (npm run content:translation)')
		.regex(/^[0-9a-f]{12}$/, '12 tegn 0-9/a-f fra npm run content:translation'),
	/** How the translation was checked, e.g. "tilbageoversat og sammenlignet 2026-12-02". */
	translationReview: text(200)
};

/**
 * A translated lesson's front matter holds only what is read: title, summary and takeaways.
 * Facts about the module (age, minutes, sources, review date, quiz placement) come from the
 * Danish original, so a translation cannot disagree with it.
 */
export const translatedLessonFrontMatterSchema = z.strictObject({
	title: text(80),
	summary: text(240),
	takeaways: z.array(text(120)).length(3, 'præcis 3 korte linjer').optional(),
	...translationFields
});
export type TranslatedLessonFrontMatter = z.infer<typeof translatedLessonFrontMatterSchema>;

export type TranslationState = 'current' | 'stale';

export const translationState = (recorded: string, danish: string): TranslationState =>
	recorded === danish ? 'current' : 'stale';

/** A stale translation is not an error: the Danish original is shown until it is updated. */
export const staleWarning = (file: string, recorded: string, danish: string): ContentProblem => ({
	file,
	field: 'translatedFrom',
	message: `oversat fra en ældre dansk version (${recorded}, nu ${danish}); den danske vises, til oversættelsen er opdateret`
});

/**
 * What differs between a translated quiz and the Danish one, beyond the words: the same
 * questions in the same order, of the same type, with the same options in the same order, the
 * same right answers and the same groups. Grading and statistics depend on these ids.
 */
export function quizStructureDifferences(danish: Question[], translated: Question[]): string[] {
	const found: string[] = [];
	const ids = (qs: { id: string }[]) => qs.map((q) => q.id).join(', ');
	if (ids(danish) !== ids(translated)) {
		found.push(
			`spørgsmålene skal være de samme som på dansk og i samme rækkefølge: ${ids(danish)}`
		);
		return found;
	}
	danish.forEach((d, i) => {
		const t = translated[i];
		if (d.type !== t.type) {
			found.push(`spørgsmål "${d.id}" skal have type ${d.type} som på dansk`);
			return;
		}
		if (ids(d.options) !== ids(t.options)) {
			found.push(
				`spørgsmål "${d.id}": svarmulighederne skal være de samme og i samme rækkefølge som på dansk: ${ids(d.options)}`
			);
			return;
		}
		d.options.forEach((o, j) => {
			const other = t.options[j];
			if (o.correct !== other.correct)
				found.push(`spørgsmål "${d.id}", svar "${o.id}": correct skal være som på dansk`);
			if ((o.group ?? null) !== (other.group ?? null))
				found.push(`spørgsmål "${d.id}", punkt "${o.id}": group skal være som på dansk`);
		});
	});
	return found;
}

/** Conversation cards: the same number of questions as the Danish ones. */
export function cardsStructureDifferences(
	danish: ConversationCards | null,
	translated: ConversationCards | null
): string[] {
	if (!translated) return [];
	if (!danish) return ['modulet har ingen samtalekort på dansk; slet cards.yaml'];
	return danish.questions.length === translated.questions.length
		? []
		: [`samtalekortene skal have ${danish.questions.length} spørgsmål som på dansk`];
}

/**
 * The help page in another language: the same emergency numbers, services, contacts and
 * situations as the Danish page. Only names, descriptions, labels and advice are translated.
 */
export function helpStructureDifferences(danish: HelpSource, translated: HelpSource): string[] {
	const found: string[] = [];
	const same = (what: string, a: unknown, b: unknown) => {
		if (JSON.stringify(a) !== JSON.stringify(b)) found.push(`${what} skal være som på dansk`);
	};
	same(
		'emergency (numrene)',
		danish.emergency.map((e) => e.href),
		translated.emergency.map((e) => e.href)
	);
	const facts = (s: HelpSource['services'][number]) => ({
		id: s.id,
		anonymous: s.anonymous,
		contact: s.contact.map((c) => [c.kind, c.href]),
		source: s.source.url,
		lastChecked: s.lastChecked
	});
	same(
		'services (id, anonymous, contact, source, lastChecked)',
		danish.services.map(facts),
		translated.services.map(facts)
	);
	const situations = (h: HelpSource) =>
		h.situations.map((s) => ({ id: s.id, services: s.services }));
	same('situations (id og services)', situations(danish), situations(translated));
	same('lastChecked', danish.lastChecked, translated.lastChecked);
	return found;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
/** What a module's translator translates; the rest of the front matter are facts kept from Danish. */
const TRANSLATED_FRONT_MATTER = ['title', 'summary', 'takeaways', 'stepQuestions'] as const;

const readIfExists = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : null);

/**
 * The version of a Danish module a translation is made from: its title, summary, takeaways,
 * lesson text, quiz and conversation cards. A new source or review date does not make
 * translations stale; any change of what is read does.
 */
export function moduleSourceHash(danishDir: string): string | null {
	const lesson = readIfExists(join(danishDir, 'lesson.md'));
	const fm = lesson === null ? null : FRONT_MATTER.exec(lesson);
	if (!lesson || !fm) return null;
	let front: Record<string, unknown>;
	try {
		front = (parse(fm[1]) ?? {}) as Record<string, unknown>;
	} catch {
		return null;
	}
	const read = Object.fromEntries(TRANSLATED_FRONT_MATTER.map((k) => [k, front[k] ?? null]));
	return sourceHash([
		JSON.stringify(read),
		lesson.slice(fm[0].length),
		readIfExists(join(danishDir, 'quiz.yaml')),
		readIfExists(join(danishDir, 'cards.yaml'))
	]);
}

/** The version of a Danish file translated as a whole (the help page, a plain page). */
export const fileSourceHash = (path: string): string | null => {
	const text = readIfExists(path);
	return text === null ? null : sourceHash([text]);
};
