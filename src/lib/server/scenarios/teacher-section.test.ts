import { describe, expect, it } from 'vitest';
import { teacherSection } from './teacher-section';

describe('teacherSection', () => {
	const html =
		'<h2 id="a">Formål</h2><p>x</p><h2 id="b">Spørgsmål til samtale</h2><ul><li>start: Hvorfor?</li></ul><h2>Kilder</h2><p>y</p>';
	it('is the section from its heading to the next', () => {
		expect(teacherSection(html, 'Spørgsmål til samtale')).toBe(
			'<h2 id="b">Spørgsmål til samtale</h2><ul><li>start: Hvorfor?</li></ul>'
		);
	});
	it('is empty when there is no such section', () => {
		expect(teacherSection(html, 'Findes ikke')).toBe('');
	});
});
