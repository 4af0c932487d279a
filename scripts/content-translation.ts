/**
 * Translations of the content, beside the Danish originals.
 *
 *   npm run content:translation                 which translations are current, stale or missing
 *   npm run content:translation -- mark <path>  record that a translation is made from today's
 *                                               Danish version (sets translatedFrom)
 *
 * <path> is a translated module folder (content/ar/foraeldre/<slug>), conversation cards translated
 * alone (content/ar/unge/<slug>/cards.yaml), the translated help page (content/ar/hjaelp/help.yaml)
 * or a translated page (content/ar/sider/privatliv.md).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { LOCALES, TRACKS } from '../src/lib/server/content/schema';
import { fileSourceHash, moduleSourceHash } from '../src/lib/server/content/translation';

const root = resolve(process.env.CONTENT_DIR ?? 'content');

interface Translatable {
	/** Where the translation lives, relative to content/<locale>/. */
	path: string;
	/** The file that records translatedFrom. */
	recordIn: string;
	danishHash: string | null;
	/** Cards translated with their whole module are recorded in the module's lesson.md. */
	partOf?: string;
}

function translatables(): Translatable[] {
	const found: Translatable[] = [];
	for (const track of TRACKS) {
		const dir = join(root, 'da', track);
		if (!existsSync(dir)) continue;
		for (const slug of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
			found.push({
				path: join(track, slug.name),
				recordIn: join(track, slug.name, 'lesson.md'),
				danishHash: moduleSourceHash(join(dir, slug.name))
			});
			// Conversation cards may be translated alone, for parents, while the module stays Danish.
			const cards = join(track, slug.name, 'cards.yaml');
			if (existsSync(join(dir, slug.name, 'cards.yaml')))
				found.push({
					path: cards,
					recordIn: cards,
					danishHash: fileSourceHash(join(dir, slug.name, 'cards.yaml')),
					partOf: join(track, slug.name, 'lesson.md')
				});
		}
	}
	found.push({
		path: join('hjaelp', 'help.yaml'),
		recordIn: join('hjaelp', 'help.yaml'),
		danishHash: fileSourceHash(join(root, 'da', 'hjaelp', 'help.yaml'))
	});
	const pages = join(root, 'da', 'sider');
	if (existsSync(pages))
		for (const page of readdirSync(pages).filter((f) => f.endsWith('.md')))
			found.push({
				path: join('sider', page),
				recordIn: join('sider', page),
				danishHash: fileSourceHash(join(pages, page))
			});
	return found;
}

const recorded = (file: string): string | null =>
	existsSync(file)
		? (/^translatedFrom:\s*['"]?([0-9a-f]+)/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '')
		: null;

function status() {
	const items = translatables();
	for (const locale of LOCALES.filter((l) => l !== 'da')) {
		const current: string[] = [];
		const stale: string[] = [];
		// Cards translated with their module are not counted on their own.
		const own = items.filter((i) => !(i.partOf && existsSync(join(root, locale, i.partOf))));
		for (const item of own) {
			const found = recorded(join(root, locale, item.recordIn));
			if (found === null) continue;
			(found === item.danishHash ? current : stale).push(item.path);
		}
		console.log(
			`${locale}: ${current.length}/${own.length} current, ${stale.length} stale, ${own.length - current.length - stale.length} not translated`
		);
		for (const path of stale) console.log(`  stale (the Danish text changed): ${path}`);
	}
}

function mark(target: string) {
	const rel = relative(root, resolve(target)).split(sep);
	const [locale, ...rest] = rel;
	const item = translatables().find(
		(t) => t.path === rest.join(sep) || t.recordIn === rest.join(sep)
	);
	if (!LOCALES.includes(locale as never) || locale === 'da' || !item?.danishHash) {
		console.error(`Ukendt oversættelse: ${target}`);
		process.exit(1);
	}
	const file = join(root, locale, item.recordIn);
	if (!existsSync(file)) {
		console.error(`Filen findes ikke: ${relative(process.cwd(), file)}`);
		process.exit(1);
	}
	// Quoted: a hash of only digits would otherwise be read as a number.
	const line = `translatedFrom: '${item.danishHash}'`;
	const text = readFileSync(file, 'utf8');
	const updated = /^translatedFrom:.*$/m.test(text)
		? text.replace(/^translatedFrom:.*$/m, line)
		: file.endsWith('.md')
			? text.replace(/^---\r?\n/, `---\n${line}\n`)
			: `${line}\n${text}`;
	writeFileSync(file, updated);
	console.log(`${relative(process.cwd(), file)}: ${line}`);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'mark' && args.length > 0) for (const target of args) mark(target);
else if (command === undefined) status();
else {
	console.error('Brug: npm run content:translation [-- mark <sti> …]');
	process.exit(1);
}
