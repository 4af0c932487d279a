import { Marked, type Token, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import DOMPurify from 'isomorphic-dompurify';
import { dirOf } from '../../locales';
import type { LessonSection } from './lesson-steps';
import {
	mockMessageExtension,
	type MockMessageFinding,
	type MockMessageLabels
} from './mock-message';

export const CALLOUT_KINDS = ['tip', 'advarsel', 'hjaelp', 'refleksion'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

export interface RenderedMarkdown {
	html: string;
	/** Every link target, to check that links to other modules exist. */
	links: string[];
	/** Every image, to check that the file exists and has alt text. */
	images: { src: string; alt: string }[];
	/** Every `:::besked` block, valid or with its problems. */
	mockMessages: MockMessageFinding[];
}

/** The same, with the HTML cut into the lesson's `##` sections (lesson-steps.ts). */
export interface RenderedSections extends Omit<RenderedMarkdown, 'html'> {
	sections: LessonSection[];
}

export interface MarkdownOptions {
	/** Default heading of each call-out box, in the page's language. */
	calloutLabels: Record<CalloutKind, string>;
	/** What a mock message block says about itself, in the page's language; lessons only. */
	mockMessageLabels?: MockMessageLabels;
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

/** Reads Markdown into tokens with our blocks, noting links, images and mock messages. */
function parse(options: MarkdownOptions, markdown: string) {
	const links: string[] = [];
	const images: { src: string; alt: string }[] = [];
	const mockMessages: MockMessageFinding[] = [];
	const marked = new Marked({ gfm: true, async: false });
	marked.use({
		extensions: [
			calloutExtension(options.calloutLabels),
			...(options.mockMessageLabels
				? [mockMessageExtension(options.mockMessageLabels, mockMessages)]
				: [])
		],
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
	const tokens = marked.lexer(markdown);
	marked.walkTokens(tokens, (token) => {
		if (token.type === 'link') links.push((token as Tokens.Link).href);
		if (token.type === 'image') {
			const image = token as Tokens.Image;
			images.push({ src: image.href, alt: image.text.trim() });
			if (options.imageBase && !/^(\/|https?:)/.test(image.href)) {
				image.href = `${options.imageBase}/${image.href}`;
			}
		}
	});
	const html = (part: Token[]) => {
		const parsed = marked.parser(part) as string;
		const raw = options.rtl ? isolateNumberGroups(parsed) : parsed;
		return DOMPurify.sanitize(raw, { ADD_ATTR: ['loading'] });
	};
	return { tokens, html, found: { links, images, mockMessages } };
}

/** A Markdown renderer with our call-out and mock-message blocks; output is sanitised. */
export function createMarkdownRenderer(
	options: MarkdownOptions
): (markdown: string) => RenderedMarkdown {
	return (markdown) => {
		const { tokens, html, found } = parse(options, markdown);
		return { html: html(tokens), ...found };
	};
}

const wordCount = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
const plainText = (markdown: string) => markdown.replace(/[*_`]/g, '').trim();

/** The same renderer, cutting the HTML at each top-level `##` heading. */
export function createSectionRenderer(
	options: MarkdownOptions
): (markdown: string) => RenderedSections {
	return (markdown) => {
		const { tokens, html, found } = parse(options, markdown);
		const parts: { title: string | null; tokens: Token[] }[] = [];
		for (const token of tokens) {
			if (token.type === 'heading' && token.depth === 2)
				parts.push({ title: plainText(token.text), tokens: [token] });
			else if (parts.length) parts.at(-1)!.tokens.push(token);
			else parts.push({ title: null, tokens: [token] });
		}
		const sections = parts.map((part) => ({
			title: part.title,
			words: wordCount(part.tokens.map((t) => t.raw).join('')),
			html: html(part.tokens)
		}));
		return { sections, ...found };
	};
}
