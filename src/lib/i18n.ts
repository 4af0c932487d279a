import { m } from '$lib/paraglide/messages';

/** The name of any interface message (messages/da.json). */
export type MessageKey = keyof typeof m;

type Message = (params?: Record<string, unknown>) => string;

export function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(m, key);
}

/**
 * A message chosen at run time by its name, e.g. `theme_audience_${audience}`; server errors
 * arrive as keys. An unknown name comes back as itself rather than failing the page.
 */
export function message(key: string, params: Record<string, unknown> = {}): string {
	return isMessageKey(key) ? (m[key] as Message)(params) : key;
}

/** A message key, with parameters when the message has any ("Højst {max} tegn."). */
export type ErrorMessage = MessageKey | { key: MessageKey; params: Record<string, unknown> };

/** Field → error as returned by form actions. */
export type FieldErrors = Record<string, ErrorMessage>;

/** What the page gets back from an action; keys are checked where they are made (FieldErrors). */
type ReceivedError = string | { key: string; params: Record<string, unknown> };

export function translateError(e: ReceivedError): string {
	return typeof e === 'string' ? message(e) : message(e.key, e.params);
}

export function translateErrors(
	errors: Record<string, ReceivedError> | undefined
): Record<string, string> {
	return Object.fromEntries(
		Object.entries(errors ?? {}).map(([name, e]) => [name, translateError(e)])
	);
}
