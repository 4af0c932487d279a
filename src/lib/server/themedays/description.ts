import DOMPurify from 'isomorphic-dompurify';
import { calloutLabels } from '../content/library';
import { createMarkdownRenderer } from '../content/markdown';
import type { ContentLocale } from '../content/schema';
import { toLocale } from '$lib/locales';

const renderers = new Map<ContentLocale, ReturnType<typeof createMarkdownRenderer>>();

/**
 * What an organiser's description may contain: text structure and links. No images (fetched from
 * other hosts), no forms (a fake sign-in inside a trusted page), no inline styles (the CSP would
 * refuse them anyway).
 */
const ALLOWED_TAGS = [
	'p',
	'br',
	'strong',
	'em',
	'b',
	'i',
	'ul',
	'ol',
	'li',
	'a',
	'h2',
	'h3',
	'h4',
	'blockquote',
	'code',
	'pre',
	'hr',
	'aside',
	'div',
	'span'
];
const ALLOWED_ATTR = ['href', 'rel', 'class', 'role', 'aria-label'];

/** An organiser's description as safe HTML: the content Markdown, sanitised to the list above. */
export function renderDescription(markdown: string, locale: string): string {
	const key: ContentLocale = toLocale(locale);
	let render = renderers.get(key);
	if (!render) {
		render = createMarkdownRenderer({ calloutLabels: calloutLabels(key) });
		renderers.set(key, render);
	}
	return DOMPurify.sanitize(render(markdown).html, { ALLOWED_TAGS, ALLOWED_ATTR });
}
