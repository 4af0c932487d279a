/**
 * Checks the interface translations in messages/<locale>.json against the Danish messages:
 * missing keys, keys Danish does not have, changed {parameters}, and translations whose Danish
 * text changed since they were made (messages/translated-from/<locale>.json records a hash of the
 * Danish text per key). Exits 1 on extra keys or changed parameters; with --complete also on
 * missing or stale translations.
 *
 *   npm run i18n:check                     report every language
 *   npm run i18n:check -- --mark ar k1 k2  record that k1 and k2 in Arabic follow today's Danish
 *   npm run i18n:check -- --mark ar --all  the same for every key Arabic has
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import settings from '../project.inlang/settings.json' with { type: 'json' };
import {
	checkMessages,
	markTranslated,
	type Messages,
	type TranslatedFrom
} from './lib/message-check';

const read = <T>(path: string, empty: T): T =>
	existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : empty;
const messages = (locale: string) => {
	const { $schema: _, ...rest } = read<Messages>(`messages/${locale}.json`, {});
	return rest;
};
const fromPath = (locale: string) => `messages/translated-from/${locale}.json`;

const danish = messages(settings.baseLocale);
const args = process.argv.slice(2);

if (args[0] === '--mark') {
	const [, locale, ...keys] = args;
	const translated = messages(locale);
	const chosen = keys[0] === '--all' ? Object.keys(translated) : keys;
	const from = markTranslated(danish, read<TranslatedFrom>(fromPath(locale), {}), chosen);
	writeFileSync(fromPath(locale), JSON.stringify(from, null, '\t') + '\n');
	console.log(`${locale}: ${chosen.length} keys marked as translated from today's Danish`);
	process.exit(0);
}

const complete = args.includes('--complete');
let failed = false;
for (const locale of settings.locales.filter((l) => l !== settings.baseLocale)) {
	const report = checkMessages(
		locale,
		danish,
		messages(locale),
		read<TranslatedFrom>(fromPath(locale), {})
	);
	const total = Object.keys(danish).length;
	console.log(
		`${locale}: ${total - report.missing.length}/${total} translated, ${report.stale.length} stale, ` +
			`${report.missing.length} missing, ${report.extra.length} extra, ${report.parameters.length} with other parameters`
	);
	for (const [label, keys] of [
		['extra (not in Danish)', report.extra],
		['other {parameters} than Danish', report.parameters],
		['missing', report.missing],
		['stale (Danish changed since)', report.stale]
	] as const)
		if (keys.length)
			console.log(
				`  ${label}: ${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ` … and ${keys.length - 12} more` : ''}`
			);
	if (report.extra.length || report.parameters.length) failed = true;
	if (complete && (report.missing.length || report.stale.length)) failed = true;
}
process.exit(failed ? 1 : 0);
