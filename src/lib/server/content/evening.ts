import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import type { AgreementSuggestion, Dilemma, PollQuestion } from '$lib/evening/types';
import {
	EVENING_MINIMUMS,
	agreementFileSchema,
	dilemmaFileSchema,
	pollFileSchema
} from './evening-schema';
import { parseYamlWithLines, yamlFilesIn } from './yaml-file';
import { lix } from './lix';
import { TRACK_RULES } from './curriculum-rules';
import type { ContentProblem } from './types';

/** The evening's libraries, in file order (files sorted by name). */
export interface EveningLibrary {
	pollGroups: { title: string; questions: PollQuestion[] }[];
	questions: Map<string, PollQuestion>;
	dilemmas: Map<string, Dilemma>;
	agreements: Map<string, AgreementSuggestion>;
}

export const EMPTY_EVENING: EveningLibrary = {
	pollGroups: [],
	questions: new Map(),
	dilemmas: new Map(),
	agreements: new Map()
};

/** Young people read all of it, many with Danish as a second language: the youth track's LIX. */
const MAX_LIX = TRACK_RULES.unge.maxLix;

/**
 * Reads every YAML file of one folder with a schema; an id used twice (also across files) is a
 * problem on the line where it is used again. Each file's text must read as easily as a youth
 * lesson.
 */
function readFolder<S extends z.ZodType, T extends { id: string }>(
	dir: string,
	schema: S,
	items: (value: z.infer<S>) => { key: string; list: T[]; text: string[] },
	problems: ContentProblem[],
	each: (value: z.infer<S>, list: T[]) => void
): Map<string, T> {
	const found = new Map<string, T>();
	// An installation without the folder has no evening content (the pages say so).
	for (const { file, source } of yamlFilesIn(dir, problems)) {
		const { value, lineAt } = parseYamlWithLines(source, schema, file, problems);
		if (!value) continue;
		const { key, list, text } = items(value);
		const readability = lix(text.join('\n\n')).lix;
		if (readability > MAX_LIX)
			problems.push({ file, message: `LIX ${readability} er over grænsen ${MAX_LIX}` });
		const kept: T[] = [];
		list.forEach((item, i) => {
			if (found.has(item.id)) {
				problems.push({
					file,
					line: lineAt([key, i, 'id']),
					field: `${key}.${i}.id`,
					message: `id "${item.id}" er allerede brugt; vælg et andet`
				});
				return;
			}
			found.set(item.id, item);
			kept.push(item);
		});
		each(value, kept);
	}
	return found;
}

function atLeast(
	dir: string,
	what: string,
	count: number,
	min: number,
	problems: ContentProblem[]
): void {
	if (count < min && existsSync(dir))
		problems.push({
			file: relative(process.cwd(), dir),
			message: `mindst ${min} ${what} i alt (har ${count})`
		});
}

/** content/da/stemmer, dilemmaer and aftaler: Danish only (they are shared in a room). */
export function loadEvening(root: string, problems: ContentProblem[]): EveningLibrary {
	const base = join(root, 'da');
	const pollGroups: EveningLibrary['pollGroups'] = [];
	const questions = readFolder(
		join(base, 'stemmer'),
		pollFileSchema,
		(file) => ({
			key: 'questions',
			list: file.questions.map((q) => ({ ...q, group: file.title })),
			text: file.questions.flatMap((q) => [q.prompt, ...q.options.map((o) => o.text)])
		}),
		problems,
		(file, kept) => pollGroups.push({ title: file.title, questions: kept })
	);
	const dilemmas = readFolder(
		join(base, 'dilemmaer'),
		dilemmaFileSchema,
		(file) => ({
			key: 'dilemmas',
			list: file.dilemmas,
			text: file.dilemmas.flatMap((d) => [d.title, d.situation, d.statement, ...d.talkAbout])
		}),
		problems,
		() => {}
	);
	const agreements = readFolder(
		join(base, 'aftaler'),
		agreementFileSchema,
		(file) => ({
			key: 'agreements',
			list: file.agreements,
			text: file.agreements.flatMap((a) => [a.text, a.why])
		}),
		problems,
		() => {}
	);
	atLeast(join(base, 'stemmer'), 'spørgsmål', questions.size, EVENING_MINIMUMS.questions, problems);
	atLeast(join(base, 'dilemmaer'), 'dilemmaer', dilemmas.size, EVENING_MINIMUMS.dilemmas, problems);
	atLeast(
		join(base, 'aftaler'),
		'aftaleforslag',
		agreements.size,
		EVENING_MINIMUMS.agreements,
		problems
	);
	return { pollGroups, questions, dilemmas, agreements };
}
