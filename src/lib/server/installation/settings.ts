import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { isMunicipality } from '../../municipalities';

/*
 * One settings file per installation: who runs it, how to reach them, their data protection
 * officer and the municipalities it serves. Read and validated once at start-up; a problem
 * stops the start with a Danish message naming the file, the line and the field.
 */

export const EXAMPLE_FILE = 'installation.example.yaml';
export const DEFAULT_FILE = 'installation.yaml';

const text = (field: string, max: number) =>
	z
		.string({ error: `${field} mangler` })
		.trim()
		.min(1, `${field} mangler`)
		.max(max, `${field} må højst være ${max} tegn`);

const email = z
	.string({ error: 'skal være en e-mailadresse' })
	.trim()
	.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'skal være en e-mailadresse, som navn@kommune.dk');

const phone = z
	.string({ error: 'skal være et telefonnummer' })
	.trim()
	.regex(/^(\+\d{2}\s?)?\d{2}(\s?\d{2}){3}$/, 'skal være et telefonnummer, som 39 57 57 05');

const web = z
	.string({ error: 'skal være en adresse' })
	.trim()
	.regex(/^https:\/\/[^\s/]+\.[^\s]+$/, 'skal være en https-adresse, som https://kommune.dk');

/** Contact details: an e-mail address or a phone number at least, and perhaps a web page. */
const contactFields = { email: email.optional(), phone: phone.optional(), web: web.optional() };
const reachable = [
	(c: { email?: string; phone?: string }) => Boolean(c.email || c.phone),
	'skal have en e-mailadresse eller et telefonnummer'
] as const;

const schema = z.strictObject({
	organisation: z.strictObject({
		name: text('navnet', 120),
		address: text('adressen', 200).optional(),
		web: web.optional()
	}),
	contact: z.strictObject(contactFields).refine(...reachable),
	dataProtectionOfficer: z
		.strictObject({ name: text('navnet', 120), ...contactFields })
		.refine(...reachable),
	municipalities: z
		.array(
			z
				.string({ error: 'skal være navnet på en kommune' })
				.trim()
				.refine(
					isMunicipality,
					'er ikke en dansk kommune; skriv kortnavnet, som "Gladsaxe" eller "København"'
				),
			{ error: 'skal være en liste af kommuner' }
		)
		.min(1, 'skal nævne mindst én kommune')
		.refine((list) => new Set(list).size === list.length, 'nævner den samme kommune to gange')
});

export type InstallationSettings = z.infer<typeof schema>;

export class InstallationError extends Error {}

/** Parses and validates the file's text; throws an InstallationError listing every problem. */
export function parseInstallationSettings(source: string, file: string): InstallationSettings {
	const lineCounter = new LineCounter();
	const document = parseDocument(source, { lineCounter, prettyErrors: false });
	if (document.errors.length > 0) {
		const error = document.errors[0];
		const { line } = lineCounter.linePos(error.pos[0]);
		throw new InstallationError(
			`Indstillingsfilen ${file} kan ikke læses (linje ${line}): ${error.message.split('\n')[0]}`
		);
	}
	const parsed = schema.safeParse(document.toJS() ?? {});
	if (parsed.success) return parsed.data;
	const lineOf = (path: string[]) => {
		const node = document.getIn(path, true) as { range?: [number, number] } | undefined;
		return node?.range ? `:${lineCounter.linePos(node.range[0]).line}` : '';
	};
	const problems = parsed.error.issues.flatMap((issue) => {
		const path = issue.path.map(String);
		if (issue.code === 'unrecognized_keys')
			return issue.keys.map(
				(key) => `  ${file}${lineOf([...path, key])} ${[...path, key].join('.')}: ukendt felt`
			);
		const message =
			issue.code === 'invalid_type' && !document.hasIn(path)
				? 'mangler'
				: issue.code === 'invalid_type' && issue.expected === 'object'
					? 'skal være en gruppe af felter'
					: issue.message;
		return [`  ${file}${lineOf(path)} ${path.join('.') || 'filen'}: ${message}`];
	});
	throw new InstallationError(
		`Indstillingsfilen ${file} har ${problems.length} fejl:\n${problems.join('\n')}`
	);
}

/** Which file to read: INSTALLATION_FILE, else installation.yaml, else the example file. */
export function installationFile(
	env: Record<string, string | undefined> = process.env,
	exists: (path: string) => boolean = existsSync
): { path: string; isExample: boolean } {
	const chosen = env.INSTALLATION_FILE?.trim();
	if (chosen) return { path: chosen, isExample: false };
	if (exists(resolve(DEFAULT_FILE))) return { path: DEFAULT_FILE, isExample: false };
	return { path: EXAMPLE_FILE, isExample: true };
}

let current: InstallationSettings | null = null;

/** Reads and validates the settings file once; throws an InstallationError (Danish). */
export function initInstallation(env: Record<string, string | undefined> = process.env) {
	const { path, isExample } = installationFile(env);
	let source: string;
	try {
		source = readFileSync(resolve(path), 'utf8');
	} catch {
		throw new InstallationError(
			`Indstillingsfilen ${resolve(path)} findes ikke. Kopiér ${EXAMPLE_FILE} dertil og ret den til, ` +
				'eller sæt INSTALLATION_FILE til den rigtige sti.'
		);
	}
	current = parseInstallationSettings(source, path);
	if (isExample)
		console.warn(
			`Bruger eksempelindstillingerne i ${EXAMPLE_FILE}: kopiér den til ${DEFAULT_FILE} (eller sæt ` +
				'INSTALLATION_FILE) og skriv jeres egen organisation, kontakt og databeskyttelsesrådgiver.'
		);
	return current;
}

export function installation(): InstallationSettings {
	current ??= initInstallation();
	return current;
}
