import { m } from '$lib/paraglide/messages';

type Message = (params?: Record<string, unknown>) => string;

/** A message chosen at run time by its key (server errors arrive as keys). */
export function message(key: string, params: Record<string, unknown> = {}): string {
	const fn = (m as unknown as Record<string, Message | undefined>)[key];
	return fn ? fn(params) : key;
}

/** Field → error key (with optional parameters) as returned by form actions. */
export type FieldErrors = Record<string, string | { key: string; params: Record<string, unknown> }>;

export function translateErrors(errors: FieldErrors | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, e] of Object.entries(errors ?? {})) {
		out[name] = typeof e === 'string' ? message(e) : message(e.key, e.params);
	}
	return out;
}
