import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
	EXAMPLE_FILE,
	installationFile,
	parseInstallationSettings,
	InstallationError
} from './settings';

const valid = `
organisation:
  name: Herlev Kommune
  address: Herlev Bygade 90, 2730 Herlev
contact:
  email: sammen@herlev.example
dataProtectionOfficer:
  name: Databeskyttelsesrådgiveren
  phone: +45 44 52 70 00
municipalities: [Herlev]
`;

function problems(source: string): string {
	try {
		parseInstallationSettings(source, 'installation.yaml');
	} catch (error) {
		expect(error).toBeInstanceOf(InstallationError);
		return (error as Error).message;
	}
	throw new Error('no problem found');
}

describe('parseInstallationSettings', () => {
	it('reads a valid file', () => {
		expect(parseInstallationSettings(valid, 'installation.yaml')).toEqual({
			organisation: { name: 'Herlev Kommune', address: 'Herlev Bygade 90, 2730 Herlev' },
			contact: { email: 'sammen@herlev.example' },
			dataProtectionOfficer: { name: 'Databeskyttelsesrådgiveren', phone: '+45 44 52 70 00' },
			municipalities: ['Herlev']
		});
	});

	it('accepts the example file that ships with the code', () => {
		const example = parseInstallationSettings(readFileSync(EXAMPLE_FILE, 'utf8'), EXAMPLE_FILE);
		expect(example.municipalities).toEqual(['Gladsaxe', 'Herlev', 'Ballerup']);
	});

	it('names the file, line and field of each problem, in Danish', () => {
		const message = problems(
			valid
				.replace('sammen@herlev.example', 'ikke en adresse')
				.replace('[Herlev]', '[Herlev, Gotham, Herlev]')
		);
		expect(message).toMatch(/^Indstillingsfilen installation.yaml har 3 fejl:/);
		expect(message).toContain(
			'installation.yaml:6 contact.email: skal være en e-mailadresse, som navn@kommune.dk'
		);
		expect(message).toMatch(/installation.yaml:10 municipalities.1: er ikke en dansk kommune/);
		expect(message).toMatch(/municipalities: nævner den samme kommune to gange/);
	});

	it('wants a way to reach the contact and the data protection officer', () => {
		expect(
			problems(valid.replace('  email: sammen@herlev.example\n', '  web: https://herlev.dk\n'))
		).toMatch(/contact: skal have en e-mailadresse eller et telefonnummer/);
		expect(problems(valid.replace('  phone: +45 44 52 70 00\n', ''))).toMatch(
			/dataProtectionOfficer: skal have en e-mailadresse eller et telefonnummer/
		);
	});

	it('says what is missing and which fields it does not know', () => {
		const message = problems(
			valid.replace(/dataProtectionOfficer:[\s\S]*?municipalities/, 'municipalities') +
				'dpo: someone\n'
		);
		expect(message).toMatch(/dataProtectionOfficer: mangler/);
		expect(message).toMatch(/installation.yaml:8 dpo: ukendt felt/);
		expect(problems('')).toMatch(/organisation: mangler/);
	});

	it('reports a file that is not YAML with its line', () => {
		expect(problems('organisation:\n  name: [ikke lukket\n')).toMatch(
			/^Indstillingsfilen installation.yaml kan ikke læses \(linje \d\)/
		);
	});
});

describe('installationFile', () => {
	it('takes INSTALLATION_FILE, else installation.yaml, else the example', () => {
		expect(
			installationFile({ INSTALLATION_FILE: '/etc/sammen/installation.yaml' }, () => false)
		).toEqual({
			path: '/etc/sammen/installation.yaml',
			isExample: false
		});
		expect(installationFile({}, () => true)).toEqual({
			path: 'installation.yaml',
			isExample: false
		});
		expect(installationFile({}, () => false)).toEqual({ path: EXAMPLE_FILE, isExample: true });
	});
});
