import { describe, expect, it } from 'vitest';
import { CHART_COLOURS, beforeAfterChart } from './chart';

const labels = { before: 'Før', after: 'Efter' };

describe('before-and-after charts drawn on the server', () => {
	const knowledge = beforeAfterChart({
		kind: 'viden',
		before: 42,
		after: 75,
		labels,
		format: (v) => `${v} %`
	});
	const scale = beforeAfterChart({
		kind: 'tryghed',
		before: 2.5,
		after: 4.1,
		labels,
		format: (v) => v.toLocaleString('da-DK')
	});

	it('write the numbers on the bars and name the bars', () => {
		for (const text of ['42 %', '75 %', 'Før', 'Efter'])
			expect(knowledge).toContain(`>${text}</text>`);
		for (const text of ['2,5', '4,1']) expect(scale).toContain(`>${text}</text>`);
		expect(knowledge).toContain(`fill="${CHART_COLOURS.before}"`);
		expect(knowledge).toContain(`fill="${CHART_COLOURS.after}"`);
	});

	it('carry no style attribute, no <style> element and no script (the CSP forbids them)', () => {
		for (const svg of [knowledge, scale]) {
			expect(svg).toMatch(/^<svg[^>]* aria-hidden="true"/);
			expect(svg).not.toMatch(/\sstyle=/i);
			expect(svg).not.toMatch(/<style|<script|\son[a-z]+=/i);
		}
	});

	it('draw the bars to scale: after longer than before', () => {
		const widths = [...knowledge.matchAll(/<rect[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(widths).toHaveLength(2);
		const [before, after] =
			knowledge.indexOf(CHART_COLOURS.before) < knowledge.indexOf(CHART_COLOURS.after)
				? widths
				: [...widths].reverse();
		expect(after / before).toBeCloseTo(75 / 42, 1);
	});
});

describe('before-and-after charts in a right-to-left language', () => {
	const input = {
		kind: 'viden' as const,
		before: 20,
		after: 80,
		labels,
		format: (v: number) => `${v} %`
	};
	it('grow from the right, with the names on the right, and keep their own anchors', () => {
		const ltr = beforeAfterChart(input);
		const rtl = beforeAfterChart({ ...input, dir: 'rtl' });
		expect(rtl).toContain('direction="ltr"');
		const rects = (svg: string) =>
			[...svg.matchAll(/<rect[^>]*x="([\d.]+)"[^>]*width="([\d.]+)"/g)].map((m) => ({
				start: Number(m[1]),
				end: Number(m[1]) + Number(m[2])
			}));
		// Left to right every bar starts at the same x; right to left every bar ends at the same x,
		// at the far side.
		const [a, b] = rects(ltr);
		expect(a.start).toBeCloseTo(b.start);
		const [c, d] = rects(rtl);
		expect(c.end).toBeCloseTo(d.end);
		expect(c.end).toBeGreaterThan(a.end);
	});
});
