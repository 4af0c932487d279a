import type { TokenizerAndRendererExtension, Tokens } from 'marked';

/**
 * A mock message in a lesson: a text-only picture of an SMS, a chat, a social-media post, a
 * payment request or a login page, drawn like the practice scenarios' chat. Authors write
 *
 *     :::besked sms fra="Ukendt nummer"
 *     Din pakke venter. Betal 19 kr. her: postnord-levering.info
 *     :::
 *
 * content/README.md describes the syntax. The text is shown as written (never as Markdown or a
 * link: a phishing address in an example must not be clickable).
 */
export const MOCK_MESSAGE_KINDS = ['sms', 'chat', 'opslag', 'betaling', 'login'] as const;
export type MockMessageKind = (typeof MOCK_MESSAGE_KINDS)[number];

/** Kinds drawn as chat bubbles; the others are one card. */
const BUBBLE_KINDS: readonly MockMessageKind[] = ['sms', 'chat'];
/** Cards whose first paragraph is their title (the amount, the page's name). */
const TITLED_CARDS: readonly MockMessageKind[] = ['betaling', 'login'];
const OWN_PREFIX = /^(?:Du|You):[ \t]*/;

export const MOCK_MESSAGE_LIMITS = { messages: 8, chars: 400, from: 40, app: 30 } as const;

export interface MockMessage {
	kind: MockMessageKind;
	/** Who it is from; for a login page, the address shown in its address bar. */
	from: string;
	app: string | null;
	/** Paragraphs: chat bubbles, or a card's title and lines. */
	messages: { own: boolean; text: string }[];
}

export interface MockMessageLabels {
	/** The block's heading, e.g. "Sms fra Ukendt nummer" or "Chat med Alex_13 på Roblox". */
	heading: (kind: MockMessageKind, from: string, app: string | null) => string;
	/** Read before each of the other side's messages: "Ukendt nummer skriver:". */
	theyWrite: (from: string) => string;
	/** Read before each of the reader's own messages: "Du skriver:". */
	youWrite: string;
	/** Marks the block as an example, not a real message. */
	example: string;
}

export type ParsedMockMessage =
	{ ok: true; block: MockMessage } | { ok: false; problems: string[] };

const ATTRIBUTE = /^([a-zæøå]+)=(?:"([^"\n]*)"|(\S+))/;

/** What each kind takes after its name on the opening line; `true` = required. */
const ATTRIBUTES: Record<MockMessageKind, Record<string, boolean>> = {
	sms: { fra: true },
	chat: { fra: true, app: false },
	opslag: { fra: true, app: false },
	betaling: { fra: true, app: false },
	login: { adresse: true }
};

/** Reads `sms fra="Ukendt nummer"` and the lines up to the closing `:::`. */
export function parseMockMessage(opening: string, body: string): ParsedMockMessage {
	const problems: string[] = [];
	const line = opening.trim();
	const kindWord = line.split(/\s/, 1)[0];
	if (!(MOCK_MESSAGE_KINDS as readonly string[]).includes(kindWord))
		return {
			ok: false,
			problems: [`ukendt slags besked "${kindWord}"; brug ${MOCK_MESSAGE_KINDS.join(', ')}`]
		};
	const kind = kindWord as MockMessageKind;
	const allowed = ATTRIBUTES[kind];
	const attributes: Record<string, string> = {};
	let rest = line.slice(kindWord.length).trim();
	while (rest) {
		const match = ATTRIBUTE.exec(rest);
		if (!match) {
			problems.push(`kan ikke læse "${rest}"; skriv fx fra="Ukendt nummer"`);
			break;
		}
		const [whole, name, quoted, bare] = match;
		if (!(name in allowed))
			problems.push(
				`"${name}" kan ikke bruges i en ${kind}-besked; brug ${Object.keys(allowed).join(' og ')}`
			);
		else attributes[name] = (quoted ?? bare).trim();
		rest = rest.slice(whole.length).trim();
	}
	for (const [name, required] of Object.entries(allowed))
		if (required && !attributes[name]) problems.push(`${kind}-beskeden mangler ${name}="…"`);
	const from = attributes.fra ?? attributes.adresse ?? '';
	if (from.length > MOCK_MESSAGE_LIMITS.from)
		problems.push(`afsenderen er over ${MOCK_MESSAGE_LIMITS.from} tegn`);
	if ((attributes.app ?? '').length > MOCK_MESSAGE_LIMITS.app)
		problems.push(`app er over ${MOCK_MESSAGE_LIMITS.app} tegn`);

	const messages = body
		.split(/\n[ \t]*\n/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p) => ({ own: OWN_PREFIX.test(p), text: p.replace(OWN_PREFIX, '').trim() }));
	if (messages.length === 0) problems.push('beskeden er tom');
	if (messages.length > MOCK_MESSAGE_LIMITS.messages)
		problems.push(
			`højst ${MOCK_MESSAGE_LIMITS.messages} afsnit i en besked (har ${messages.length})`
		);
	if (messages.some((msg) => msg.text.length > MOCK_MESSAGE_LIMITS.chars))
		problems.push(`et afsnit er over ${MOCK_MESSAGE_LIMITS.chars} tegn`);
	if (messages.some((msg) => msg.own && !msg.text)) problems.push('"Du:" uden tekst efter');
	if (!BUBBLE_KINDS.includes(kind) && messages.some((msg) => msg.own))
		problems.push(`"Du:" kan kun bruges i sms og chat, ikke i ${kind}`);
	if (problems.length) return { ok: false, problems };
	return { ok: true, block: { kind, from, app: attributes.app ?? null, messages } };
}

const escapeHtml = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

/**
 * The block as HTML with the classes of the scenarios' chat ($lib/styles/chat.css). A screen
 * reader hears what it is ("Eksempel: Sms fra Ukendt nummer") and who writes each message.
 */
export function renderMockMessage(block: MockMessage, labels: MockMessageLabels): string {
	const heading = escapeHtml(labels.heading(block.kind, block.from, block.app));
	const avatar = escapeHtml(block.kind === 'login' ? '🔒' : [...block.from][0]);
	const caption =
		`<figcaption class="chat-header"><span class="avatar" aria-hidden="true">${avatar}</span>` +
		`<span><span class="mock-tag">${escapeHtml(labels.example)}:</span> ${heading}</span></figcaption>`;
	let inner: string;
	if (BUBBLE_KINDS.includes(block.kind)) {
		const items = block.messages.map((msg) => {
			const who = msg.own ? labels.youWrite : labels.theyWrite(block.from);
			return `<li class="${msg.own ? 'me' : 'them'}"><span class="visually-hidden">${escapeHtml(who)} </span><p class="bubble-text">${escapeHtml(msg.text)}</p></li>`;
		});
		inner = `<ol class="thread">${items.join('')}</ol>`;
	} else {
		const [first, ...others] = block.messages;
		const titled = TITLED_CARDS.includes(block.kind);
		const lines = (titled ? others : block.messages).map(
			(msg) => `<p class="bubble-text">${escapeHtml(msg.text)}</p>`
		);
		const title = titled ? `<p class="card-title bubble-text">${escapeHtml(first.text)}</p>` : '';
		inner = `<div class="thread"><div class="chat-card card-${block.kind}">${title}${lines.join('')}</div></div>`;
	}
	return `<figure class="chat mock-message mock-${block.kind}">${caption}${inner}</figure>\n`;
}

interface MockMessageToken extends Tokens.Generic {
	type: 'mockMessage';
	parsed: ParsedMockMessage;
	opening: string;
}

/** What the renderer found: each block, or its problems with the line that opened it. */
export type MockMessageFinding =
	{ ok: true; block: MockMessage } | { ok: false; problems: string[]; opening: string };

export function mockMessageExtension(
	labels: MockMessageLabels,
	found: MockMessageFinding[]
): TokenizerAndRendererExtension {
	const pattern = /^:::besked\b([^\n]*)\n([\s\S]*?)\n:::[ \t]*(?:\n+|$)/;
	return {
		name: 'mockMessage',
		level: 'block',
		start: (src) => src.match(/^:::besked\b/m)?.index,
		tokenizer(src) {
			const match = pattern.exec(src);
			if (!match) return undefined;
			const parsed = parseMockMessage(match[1], match[2]);
			const token: MockMessageToken = {
				type: 'mockMessage',
				raw: match[0],
				parsed,
				opening: `:::besked${match[1]}`
			};
			found.push(parsed.ok ? parsed : { ...parsed, opening: token.opening });
			return token;
		},
		renderer(token) {
			const { parsed } = token as MockMessageToken;
			return parsed.ok ? renderMockMessage(parsed.block, labels) : '';
		}
	};
}
