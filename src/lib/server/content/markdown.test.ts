import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer, createSectionRenderer, isolateNumberGroups } from './markdown';

const render = createMarkdownRenderer({
	calloutLabels: {
		tip: 'Tip',
		advarsel: 'Pas på',
		hjaelp: 'Få hjælp',
		refleksion: 'Tænk over det'
	},
	imageBase: '/indhold/da/unge/modul'
});

describe('markdown', () => {
	it('renders call-out blocks with a default or given title', () => {
		const { html } = render(
			':::advarsel\nPas på **dig selv**.\n:::\n\n:::tip Godt at vide\nEt tip.\n:::'
		);
		expect(html).toContain(
			'<aside class="callout callout-advarsel" aria-label="Pas på"><p class="callout-title">Pas på</p><p>Pas på <strong>dig selv</strong>.</p>'
		);
		expect(html).toContain('<p class="callout-title">Godt at vide</p>');
	});
	it('sanitises scripts and event handlers away', () => {
		const { html } = render(
			'Hej <script>alert(1)</script><img src="x.png" alt="x" onerror="alert(1)"> [klik](javascript:alert(1))'
		);
		expect(html).not.toMatch(/<script|onerror|javascript:/);
	});
	it('collects links and images and points module images at the image route', () => {
		const { html, links, images } = render('[Sextortion](/unge/sextortion) ![Et kort](kort.svg)');
		expect(links).toEqual(['/unge/sextortion']);
		expect(images).toEqual([{ src: 'kort.svg', alt: 'Et kort' }]);
		expect(html).toContain('src="/indhold/da/unge/modul/kort.svg"');
	});
	it('marks external links noopener', () => {
		expect(render('[DR](https://www.dr.dk)').html).toContain('rel="noopener noreferrer"');
	});
	it('cuts a lesson at its top-level ## headings only', () => {
		const sections = createSectionRenderer({
			calloutLabels: { tip: 'Tip', advarsel: 'Pas på', hjaelp: 'Få hjælp', refleksion: 'Tænk' }
		})(
			'Intro **fed**.\n\n## Et *første*\n\nTo ord.\n\n### Under\n\nTekst.\n\n:::tip\n## Ikke et trin\n:::\n\n## To\n\nSlut.'
		).sections;
		expect(sections.map((s) => [s.title, s.words])).toEqual([
			[null, 2],
			['Et første', 10],
			['To', 2]
		]);
		expect(sections[0].html).toBe('<p>Intro <strong>fed</strong>.</p>\n');
		expect(sections[1].html).toContain('<h3>Under</h3>');
		expect(sections[1].html).toContain('<h2>Ikke et trin</h2>');
	});
	it('keeps phone numbers in order in right-to-left text', () => {
		expect(isolateNumberGroups('<p>اتصل بـ 116 111 أو <a href="tel:114">114</a></p>')).toBe(
			'<p>اتصل بـ <span dir="ltr">116 111</span> أو <a href="tel:114">114</a></p>'
		);
		const rtl = createMarkdownRenderer({
			calloutLabels: { tip: 'a', advarsel: 'b', hjaelp: 'c', refleksion: 'd' },
			rtl: true
		});
		expect(rtl('Ring 33 12 34 56.').html).toContain('<span dir="ltr">33 12 34 56</span>');
		// Left-to-right text is left as it is.
		expect(render('Ring 116 111.').html).toBe('<p>Ring 116 111.</p>\n');
	});
});
