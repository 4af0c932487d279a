import { describe, expect, it } from 'vitest';
import { parseMockMessage, renderMockMessage, type MockMessageLabels } from './mock-message';
import { createMarkdownRenderer } from './markdown';

const labels: MockMessageLabels = {
	heading: (kind, from, app) =>
		`${{ sms: 'Sms', chat: 'Chat med', opslag: 'Opslag fra', betaling: 'Betalingsanmodning fra', login: 'Login-side:' }[kind]} ${from}${app ? ` på ${app}` : ''}`,
	theyWrite: (from) => `${from} skriver:`,
	youWrite: 'Du skriver:',
	example: 'Eksempel'
};
const render = createMarkdownRenderer({
	calloutLabels: {
		tip: 'Tip',
		advarsel: 'Pas på',
		hjaelp: 'Få hjælp',
		refleksion: 'Tænk over det'
	},
	mockMessageLabels: labels
});
const problems = (opening: string, body = 'Hej.') => {
	const parsed = parseMockMessage(opening, body);
	return parsed.ok ? [] : parsed.problems;
};

describe('parseMockMessage', () => {
	it('reads the kind, quoted and bare attributes, and one message per paragraph', () => {
		expect(
			parseMockMessage(' chat fra="Alex_13" app=Roblox', 'Hej 😊\nSkal vi?\n\nDu: Måske\n\nFedt')
		).toEqual({
			ok: true,
			block: {
				kind: 'chat',
				from: 'Alex_13',
				app: 'Roblox',
				messages: [
					{ own: false, text: 'Hej 😊\nSkal vi?' },
					{ own: true, text: 'Måske' },
					{ own: false, text: 'Fedt' }
				]
			}
		});
	});
	it('a login page is named by its address', () => {
		const parsed = parseMockMessage('login adresse="mitid-login.net"', 'Log ind med MitID');
		expect(parsed).toMatchObject({ ok: true, block: { from: 'mitid-login.net' } });
	});
	it('names what is wrong', () => {
		expect(problems('brev fra="Posten"')).toEqual([
			'ukendt slags besked "brev"; brug sms, chat, opslag, betaling, login'
		]);
		expect(problems('sms')).toEqual(['sms-beskeden mangler fra="…"']);
		expect(problems('sms fra="X" app="Y"')).toContain(
			'"app" kan ikke bruges i en sms-besked; brug fra'
		);
		expect(problems('login fra="X"')).toEqual([
			'"fra" kan ikke bruges i en login-besked; brug adresse',
			'login-beskeden mangler adresse="…"'
		]);
		expect(problems('sms fra="X" !!')).toContain(
			'kan ikke læse "!!"; skriv fx fra="Ukendt nummer"'
		);
		expect(problems('sms fra="X"', '  ')).toEqual(['beskeden er tom']);
		expect(problems('sms fra="X"', 'a\n\n'.repeat(9))).toEqual([
			'højst 8 afsnit i en besked (har 9)'
		]);
		expect(problems('sms fra="X"', 'x'.repeat(401))).toEqual(['et afsnit er over 400 tegn']);
		expect(problems('betaling fra="X"', '100 kr.\n\nDu: Tak')).toEqual([
			'"Du:" kan kun bruges i sms og chat, ikke i betaling'
		]);
		expect(problems(`sms fra="${'x'.repeat(41)}"`)).toEqual(['afsenderen er over 40 tegn']);
	});
});

describe('the :::besked block in Markdown', () => {
	it('renders an SMS as a chat a screen reader hears as an example from the sender', () => {
		const { html, mockMessages } = render(
			'Før.\n\n:::besked sms fra="Ukendt nummer"\nDin pakke venter. Betal her: postnord-levering.info\n\nDu: Hvem er du?\n:::\n\nEfter.'
		);
		expect(mockMessages).toHaveLength(1);
		expect(html).toContain(
			'<figure class="chat mock-message mock-sms"><figcaption class="chat-header"><span class="avatar" aria-hidden="true">U</span><span><span class="mock-tag">Eksempel:</span> Sms Ukendt nummer</span></figcaption>'
		);
		expect(html).toContain(
			'<li class="them"><span class="visually-hidden">Ukendt nummer skriver: </span><p class="bubble-text">Din pakke venter. Betal her: postnord-levering.info</p></li>'
		);
		expect(html).toContain(
			'<li class="me"><span class="visually-hidden">Du skriver: </span><p class="bubble-text">Hvem er du?</p></li>'
		);
		expect(html).toMatch(/<p>Før.<\/p>\n?<figure[\s\S]*<\/figure>\n?<p>Efter.<\/p>/);
	});
	it('renders a payment request as a card with its amount as title', () => {
		const { html } = render(
			':::besked betaling fra="Mads" app="MobilePay"\n250 kr.\n\nTil koncerten\n:::'
		);
		expect(html).toContain('Betalingsanmodning fra Mads på MobilePay');
		expect(html).toContain(
			'<div class="chat-card card-betaling"><p class="card-title bubble-text">250 kr.</p><p class="bubble-text">Til koncerten</p></div>'
		);
	});
	it('shows the text as written: no Markdown, no links, no HTML', () => {
		const { html, links } = render(
			':::besked chat fra="<b>X</b>"\n[klik](https://svindel.example) **nu** <script>alert(1)</script>\n:::'
		);
		expect(links).toEqual([]);
		expect(html).not.toMatch(/<a |<strong>|<script|<b>/);
		expect(html).toContain('[klik](https://svindel.example) **nu** &lt;script&gt;');
		expect(html).toContain('&lt;b&gt;X&lt;/b&gt;');
	});
	it('renders nothing for a broken block and reports it', () => {
		const { html, mockMessages } = render(':::besked brev fra="X"\nHej.\n:::');
		expect(html).toBe('');
		expect(mockMessages).toEqual([
			{ ok: false, problems: [expect.stringContaining('brev')], opening: ':::besked brev fra="X"' }
		]);
	});
	it('is not read where only call-outs are (theme-day descriptions, help)', () => {
		const plain = createMarkdownRenderer({
			calloutLabels: { tip: 'Tip', advarsel: 'Pas på', hjaelp: 'Få hjælp', refleksion: 'Tænk' }
		});
		expect(plain(':::besked sms fra="X"\nHej.\n:::').html).not.toContain('<figure');
	});
});

describe('renderMockMessage', () => {
	it('gives a login page a lock and its address', () => {
		const html = renderMockMessage(
			{
				kind: 'login',
				from: 'mitid-login.net',
				app: null,
				messages: [
					{ own: false, text: 'Log ind' },
					{ own: false, text: 'Bruger-id' }
				]
			},
			labels
		);
		expect(html).toContain('<span class="avatar" aria-hidden="true">🔒</span>');
		expect(html).toContain('Login-side: mitid-login.net');
		expect(html).toContain('<p class="card-title bubble-text">Log ind</p>');
	});
});
