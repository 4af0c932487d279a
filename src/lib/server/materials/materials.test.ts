import { describe, expect, it } from 'vitest';
import type { LocalHelp, LocaleContent, Material, Module } from '../content/types';
import type { Scenario } from '$lib/scenarios/types';
import { disclosureHelp } from './disclosure';
import { materialsCatalogue, teacherGuide } from './catalogue';

const local = (slug: string, municipality: string) =>
	({
		slug,
		municipality,
		name: `${municipality} Kommune`,
		introHtml: '',
		services: []
	}) as LocalHelp;

describe('disclosureHelp', () => {
	const all = [local('herlev', 'Herlev'), local('gladsaxe', 'Gladsaxe')];

	it("shows the chosen municipality, else the professional's own", () => {
		expect(disclosureHelp(all, 'gladsaxe', 'Herlev').local?.slug).toBe('gladsaxe');
		expect(disclosureHelp(all, null, 'Herlev').local?.slug).toBe('herlev');
		expect(disclosureHelp(all, 'findes-ikke', 'Herlev').local?.slug).toBe('herlev');
	});

	it('names a municipality without help of its own, and shows nothing when none is known', () => {
		expect(disclosureHelp(all, null, 'Aarhus')).toEqual({ local: null, missing: 'Aarhus' });
		expect(disclosureHelp(all, null, null)).toEqual({ local: null, missing: null });
	});
});

describe('the materials catalogue', () => {
	const module = (slug: string, track: Module['track']) =>
		({
			slug,
			track,
			title: `Titel ${slug}`,
			summary: 'Kort.',
			minutes: 7,
			ages: [10, 18],
			teacherHtml: `<h2>Formål</h2> ${slug}`
		}) as Module;
	const modules = [module('svindel', 'unge'), module('tal-med-dit-barn', 'foraeldre')];
	const material = (slug: string, title: string) =>
		({
			slug,
			title,
			module: 'svindel',
			summary: 'Kort.',
			instructionsHtml: '',
			cards: []
		}) as Material;
	const library = {
		tracks: {
			unge: { modules: [modules[0]] },
			foraeldre: { modules: [modules[1]] }
		},
		modules: new Map(modules.map((mod) => [mod.slug, mod])),
		scenarios: new Map([
			[
				'oev-pakke-sms',
				{
					slug: 'oev-pakke-sms',
					track: 'unge',
					title: 'Pakke-sms',
					summary: 'Øv.',
					minutes: 8,
					ages: [12, 18],
					teacherHtml: '<p>Scenarie</p>'
				} as Scenario
			]
		]),
		materials: new Map([
			['svindel-detektiv', material('svindel-detektiv', 'Svindel-detektiv')],
			['andet', material('andet', 'Andre beskeder')]
		])
	} as unknown as LocaleContent;

	it('lists every guide by track, the scenario guides and every material with its module', () => {
		const catalogue = materialsCatalogue(library);
		expect(catalogue.guides.unge.map((g) => g.slug)).toEqual(['svindel']);
		expect(catalogue.guides.foraeldre.map((g) => g.slug)).toEqual(['tal-med-dit-barn']);
		expect(catalogue.scenarioGuides).toEqual([{ slug: 'oev-pakke-sms', title: 'Pakke-sms' }]);
		expect(catalogue.materials.map((m) => [m.slug, m.module])).toEqual([
			['svindel-detektiv', 'Titel svindel'],
			['andet', 'Titel svindel']
		]);
	});

	it("finds a module's or a scenario's guide, with the module's materials by title", () => {
		expect(teacherGuide(library, 'svindel')).toMatchObject({
			kind: 'module',
			href: '/unge/svindel',
			html: '<h2>Formål</h2> svindel',
			materials: [
				{ slug: 'andet', title: 'Andre beskeder' },
				{ slug: 'svindel-detektiv', title: 'Svindel-detektiv' }
			]
		});
		expect(teacherGuide(library, 'oev-pakke-sms')).toMatchObject({
			kind: 'scenario',
			href: '/unge/oev/oev-pakke-sms',
			materials: []
		});
		expect(teacherGuide(library, 'findes-ikke')).toBeNull();
	});
});
