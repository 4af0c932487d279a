/**
 * HTML the server renders into the page once. In the page's data it travels as an empty
 * stand-in (see `transport` in src/hooks.ts): the browser keeps the server's copy while the page
 * hydrates, instead of receiving the same HTML a second time inside the page's script. Data the
 * browser fetches when navigating carries plain strings.
 */
export class ServerHtml {
	constructor(readonly html: string) {}
}

export type PageHtml = string | ServerHtml;

/**
 * What the browser's stand-in holds. While hydrating, Svelte keeps the server's HTML when an
 * `{@html}` value differs from it (the documented `hydration_html_changed` case); the value must
 * not be empty, which Svelte would take as "no HTML here".
 */
export const KEEP_SERVER_COPY = ' ';

/** `html` inside the page, or a ServerHtml for the page the server renders. */
export function pageHtml(html: string, isDataRequest: boolean): PageHtml {
	return isDataRequest ? html : new ServerHtml(html);
}

export function htmlOf(value: PageHtml): string {
	return typeof value === 'string' ? value : value.html;
}
