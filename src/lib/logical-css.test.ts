import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Style sources: every .css file and every .svelte component under src/. */
function styleFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : styleFiles(path);
		return /\.(css|svelte)$/.test(entry.name) ? [path] : [];
	});
}

/** Physical left/right in CSS, which does not mirror for Arabic and Urdu. */
const PHYSICAL =
	/^\s*(?:(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)|left|right|border-(?:top|bottom)-(?:left|right)-radius)\s*:|^\s*(?:float|clear|text-align)\s*:\s*(?:left|right)\b/;

/**
 * A `border-radius` shorthand lists its corners from the top left, so one that rounds the left
 * and right corners differently (a chat bubble's tail) does not mirror either: use
 * `border-end-start-radius` and its siblings for the corner that differs.
 */
function radiusMirrors(line: string): boolean {
	const value = /^\s*border-radius\s*:\s*([^;/]+)/.exec(line)?.[1].trim();
	if (!value) return true;
	const [tl, tr = tl, br = tl, bl = tr] = value.split(/\s+/);
	return tl === tr && br === bl;
}

describe('layout for right-to-left languages', () => {
	it('uses logical CSS properties (inline-start/end) instead of left and right', () => {
		const found: string[] = [];
		for (const file of styleFiles('src')) {
			const source = readFileSync(file, 'utf8');
			// In a component, only its <style> block is CSS.
			const css = file.endsWith('.svelte')
				? (/<style[^>]*>([\s\S]*?)<\/style>/.exec(source)?.[1] ?? '')
				: source;
			for (const line of css.split('\n')) {
				if (PHYSICAL.test(line) || !radiusMirrors(line)) found.push(`${file}: ${line.trim()}`);
			}
		}
		expect(found).toEqual([]);
	});
});
