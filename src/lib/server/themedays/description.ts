import DOMPurify from 'isomorphic-dompurify';
import { calloutLabels } from '../content/library';
import { createMarkdownRenderer } from '../content/markdown';
import type { ContentLocale } from '../content/schema';

const renderers = new Map<ContentLocale, ReturnType<typeof createMarkdownRenderer>>();

/**
 * An organiser's description as safe HTML: the content Markdown (sanitised), without images,
 * which would be fetched from other hosts.
 */
export function renderDescription(markdown: string, locale: string): string {
	const key: ContentLocale = locale === 'en' ? 'en' : 'da';
	let render = renderers.get(key);
	if (!render) {
		render = createMarkdownRenderer({ calloutLabels: calloutLabels(key) });
		renderers.set(key, render);
	}
	return DOMPurify.sanitize(render(markdown).html, { FORBID_TAGS: ['img'] });
}
