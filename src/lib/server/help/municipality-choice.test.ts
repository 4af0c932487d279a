import { describe, expect, it } from 'vitest';
import type { LocalHelp } from '../content/types';
import { defaultLocalHelp } from './municipality-choice';

const help = (municipality: string): LocalHelp => ({
	slug: municipality.toLowerCase(),
	name: `${municipality} Kommune`,
	municipality,
	introHtml: '',
	services: []
});
const all = [help('Herlev'), help('Gladsaxe')];

describe('defaultLocalHelp', () => {
	it('is the local help of the one municipality an installation serves', () => {
		expect(defaultLocalHelp(all, ['Gladsaxe'])?.slug).toBe('gladsaxe');
	});

	it('is none when the installation serves several, or one without local help', () => {
		expect(defaultLocalHelp(all, ['Gladsaxe', 'Herlev'])).toBeNull();
		expect(defaultLocalHelp(all, ['Ballerup'])).toBeNull();
	});
});
