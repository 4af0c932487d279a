import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './types';
import { slugPattern } from './schema';

/**
 * The YAML files of a content folder, in name order, read: `file` for problems, `slug` the name
 * without `.yaml`. A missing folder has none. With `slugNames`, a file whose name is not a slug
 * (small letters, digits, hyphens) is reported and left out, as its name is used in addresses.
 */
export function yamlFilesIn(
	dir: string,
	problems: ContentProblem[],
	{ slugNames = false } = {}
): { file: string; slug: string; source: string }[] {
	if (!existsSync(dir)) return [];
	const files = [];
	for (const entry of readdirSync(dir)
		.filter((f) => f.endsWith('.yaml'))
		.sort()) {
		const file = relative(process.cwd(), join(dir, entry));
		const slug = entry.slice(0, -'.yaml'.length);
		if (slugNames && !slugPattern.test(slug)) {
			problems.push({ file, message: 'filnavnet skal være små bogstaver, tal og bindestreg' });
			continue;
		}
		files.push({ file, slug, source: readFileSync(join(dir, entry), 'utf8') });
	}
	return files;
}

/**
 * Parses YAML and validates it with a schema; problems name the file, the line and the
 * field. `firstLine` is where the YAML starts in the file (front matter starts on line 2).
 */
export function parseYaml<T extends z.ZodType>(
	source: string,
	schema: T,
	file: string,
	problems: ContentProblem[],
	firstLine = 1
): z.infer<T> | null {
	return parseYamlWithLines(source, schema, file, problems, firstLine).value;
}

/** As parseYaml, and the line of any field, for problems found after the schema check. */
export function parseYamlWithLines<T extends z.ZodType>(
	source: string,
	schema: T,
	file: string,
	problems: ContentProblem[],
	firstLine = 1
): { value: z.infer<T> | null; lineAt: (path: (string | number)[]) => number } {
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter, prettyErrors: false });
	const lineAt = (path: (string | number)[]) => lineOf(doc, path, lineCounter) + firstLine - 1;
	if (doc.errors.length > 0) {
		for (const e of doc.errors) {
			const line = lineCounter.linePos(e.pos[0]).line + firstLine - 1;
			problems.push({ file, line, message: `YAML kan ikke læses: ${e.message.split('\n')[0]}` });
		}
		return { value: null, lineAt };
	}
	const result = schema.safeParse(doc.toJS());
	if (result.success) return { value: result.data, lineAt };
	for (const issue of result.error.issues) {
		const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
		problems.push({
			file,
			line: lineAt(path),
			field: path.join('.') || undefined,
			message: issue.message
		});
	}
	return { value: null, lineAt };
}

/** The line of the deepest node on the path that exists (a missing field points at its parent). */
export function lineOf(doc: Document, path: (string | number)[], lineCounter: LineCounter): number {
	for (let n = path.length; n >= 0; n--) {
		const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
		if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
	}
	return 1;
}
