import { createHash } from 'node:crypto';

/** Messages of one language: key → text with {parameters}. */
export type Messages = Record<string, string>;

/** Key → a short hash of the Danish text the translation was made from. */
export type TranslatedFrom = Record<string, string>;

export interface MessageReport {
	locale: string;
	/** Keys with no translation; the interface shows the Danish text. */
	missing: string[];
	/** Keys that do not exist in Danish. */
	extra: string[];
	/** Keys whose {parameters} differ from the Danish message. */
	parameters: string[];
	/** Keys whose Danish text changed after the translation was made (or was never recorded). */
	stale: string[];
}

export const sourceHash = (danish: string) =>
	createHash('sha256').update(danish).digest('hex').slice(0, 10);

const parametersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

export function checkMessages(
	locale: string,
	danish: Messages,
	translated: Messages,
	from: TranslatedFrom
): MessageReport {
	const keys = Object.keys(danish);
	const present = keys.filter((k) => typeof translated[k] === 'string' && translated[k] !== '');
	return {
		locale,
		missing: keys.filter((k) => !present.includes(k)),
		extra: Object.keys(translated).filter((k) => !(k in danish)),
		parameters: present.filter(
			(k) => parametersOf(danish[k]).join() !== parametersOf(translated[k]).join()
		),
		stale: present.filter((k) => from[k] !== sourceHash(danish[k]))
	};
}

/** Records that `keys` of a translation now follow the current Danish text. */
export function markTranslated(
	danish: Messages,
	from: TranslatedFrom,
	keys: string[]
): TranslatedFrom {
	const next = { ...from };
	for (const key of keys) if (key in danish) next[key] = sourceHash(danish[key]);
	return Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
}
