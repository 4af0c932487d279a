import { describe, expect, it } from 'vitest';
import { phoneHref, webLabel } from './contact';

describe('phoneHref', () => {
	it('dials a Danish number written with spaces, with or without +45', () => {
		expect(phoneHref('39 57 57 05')).toBe('tel:+4539575705');
		expect(phoneHref('+45 39 57 57 05')).toBe('tel:+4539575705');
	});
});

describe('webLabel', () => {
	it('shows an address without its scheme', () => {
		expect(webLabel('https://gladsaxe.dk/')).toBe('gladsaxe.dk');
		expect(webLabel('https://www.kommune.dk/sammen')).toBe('www.kommune.dk/sammen');
	});
});
