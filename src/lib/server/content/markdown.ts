import { Marked, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import DOMPurify from 'isomorphic-dompurify';
import { dirOf } from '../../locales';

export const CALLOUT_KINDS = ['tip', 'advarsel', 'hjaelp', 'refleksion'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

export interface RenderedMarkdown {
	html: string;
	/** Every link target, to check that links to other modules exist. */
	links: string[];
	/** Every image, to check that the file exists and has alt text. */
	images: { src: string; alt: string }[];
}

export interface MarkdownOptions {
	/** Default heading of each call-out box, in the page's language. */
	calloutLabels: Record<CalloutKind, string>;
	/** URL prefix for images that sit next to the module's files. */
	imageBase?: string;
	/** Right-to-left text: numbers written in groups (phone numbers) keep their order. */
	rtl?: boolean;
}

interface CalloutToken extends Tokens.Generic {
	type: 'callout';
	kind: CalloutKind;
	title: string;
	tokens: Tokens.Generic[];
}

const escapeHtml = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

function calloutExtension(labels: Record<CalloutKind, string>): TokenizerAndRendererExtension {
	const pattern = new RegExp(
		`^:::(${CALLOUT_KINDS.join('|')})(?:[ \\t]+([^\\n]*))?\\n([\\s\\S]*?)\\n:::[ \\t]*(?:\\n+|$)`
	);
	return {
		name: 'callout',
		level: 'block',
		start: (src) => src.match(/^:::/m)?.index,
		tokenizer(src) {
			const match = pattern.exec(src);
			if (!match) return undefined;
			const token: CalloutToken = {
				type: 'callout',
				raw: match[0],
				kind: match[1] as CalloutKind,
				title: match[2]?.trim() ?? '',
				tokens: []
			};
			this.lexer.blockTokens(match[3], token.tokens);
			return token;
		},
		renderer(token) {
			const t = token as CalloutToken;
			const title = escapeHtml(t.title || labels[t.kind]);
			const body = this.parser.parse(t.tokens);
			return `<aside class="callout callout-${t.kind}" aria-label="${title}"><p class="callout-title">${title}</p>${body}</aside>\n`;
		}
	};
}

const NUMBER_GROUPS = /\d{2,4}(?:[ \u00a0]\d{2,4})+/g;

/**
 * In right-to-left text, the bidi algorithm shows "116 111" as "111 116": each group of digits
 * reads left to right, but the groups follow the text's direction. Isolating the whole number
 * left-to-right keeps it in order. Only text between tags is touched.
 */
export const isolateNumberGroups = (html: string): string =>
	html.replace(
		/>([^<]+)</g,
		(_, text: string) => `>${text.replace(NUMBER_GROUPS, '<span dir="ltr">$&</span>')}<`
	);

/** The options for text written in `locale`. */
export const markdownIn = (
	locale: string,
	calloutLabels: Record<CalloutKind, string>
): MarkdownOptions => ({ calloutLabels, rtl: dirOf(locale) === 'rtl' });

/** A Markdown renderer with our call-out blocks; output is sanitised. */
export function createMarkdownRenderer(
	options: MarkdownOptions
): (markdown: string) => RenderedMarkdown {
	return (markdown) => {
		const links: string[] = [];
		const images: { src: string; alt: string }[] = [];
		const marked = new Marked({ gfm: true, async: false });
		marked.use({
			extensions: [calloutExtension(options.calloutLabels)],
			walkTokens(token) {
				if (token.type === 'link') links.push((token as Tokens.Link).href);
				if (token.type === 'image') {
					const image = token as Tokens.Image;
					images.push({ src: image.href, alt: image.text.trim() });
					if (options.imageBase && !/^(\/|https?:)/.test(image.href)) {
						image.href = `${options.imageBase}/${image.href}`;
					}
				}
			},
			renderer: {
				link({ href, tokens }) {
					const inner = this.parser.parseInline(tokens);
					const external = /^https?:\/\//.test(href);
					return external
						? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${inner}</a>`
						: `<a href="${escapeHtml(href)}">${inner}</a>`;
				},
				image({ href, text }) {
					return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}" loading="lazy">`;
				}
			}
		});
		const parsed = marked.parse(markdown) as string;
		const raw = options.rtl ? isolateNumberGroups(parsed) : parsed;
		const html = DOMPurify.sanitize(raw, { ADD_ATTR: ['loading'] });
		return { html, links, images };
	};
}
