import { describe, expect, it } from 'vitest';
import { safeNextPath } from './guards';

describe('safeNextPath', () => {
	it('keeps same-site paths with query and hash', () => {
		expect(safeNextPath('/unge/grooming?x=1#quiz')).toBe('/unge/grooming?x=1#quiz');
		expect(safeNextPath('/klasse?kode=ABCDEF', '/')).toBe('/klasse?kode=ABCDEF');
	});
	it('refuses anything that could leave the site', () => {
		for (const evil of [
			'//evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/\\evil.example',
			'https://evil.example',
			'javascript:alert(1)',
			'',
			null
		]) {
			expect(safeNextPath(evil)).toBe('/mig');
		}
	});
});
