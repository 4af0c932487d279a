import { describe, expect, it } from 'vitest';
import { transport } from '../hooks';
import { KEEP_SERVER_COPY, ServerHtml, htmlOf, pageHtml } from './server-html';

describe('HTML the server renders once', () => {
	it('is a stand-in in a rendered page and a plain string in navigation data', () => {
		expect(pageHtml('<p>Hej</p>', false)).toBeInstanceOf(ServerHtml);
		expect(htmlOf(pageHtml('<p>Hej</p>', false))).toBe('<p>Hej</p>');
		expect(pageHtml('<p>Hej</p>', true)).toBe('<p>Hej</p>');
	});

	it('travels to the browser without its HTML, as a non-empty stand-in', () => {
		const { encode, decode } = transport.ServerHtml;
		const encoded = encode(new ServerHtml('<p>Hej</p>'));
		expect(JSON.stringify(encoded)).not.toContain('Hej');
		expect(encode('<p>Hej</p>')).toBe(false);
		expect(htmlOf(decode(encoded))).toBe(KEEP_SERVER_COPY);
		expect(KEEP_SERVER_COPY).not.toBe('');
	});
});
