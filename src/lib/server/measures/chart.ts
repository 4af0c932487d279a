import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import DOMPurify from 'isomorphic-dompurify';
import type { MeasureKind } from '$lib/measures/types';

/**
 * Before-and-after charts, drawn on the server by Observable Plot into a DOM of jsdom's and sent
 * as inline SVG: they work without JavaScript, print, and follow the page's zoom. The page's
 * Content-Security-Policy allows no inline styles or scripts, so Plot's <style> element (and any
 * style attribute or script) is removed by DOMPurify; the page's own CSS sizes the chart.
 */
const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;

/** Before in a dark grey, after in the site's blue: both 3:1 or more against white (WCAG 1.4.11). */
export const CHART_COLOURS = { before: '#5b6770', after: '#0b5a8a' } as const;

export interface ChartInput {
	kind: MeasureKind;
	before: number;
	after: number;
	/** The bars' names, in the page's language ("Før", "Efter"). */
	labels: { before: string; after: string };
	/** How a value is written on its bar ("42 %", "3,4"). */
	format: (value: number) => string;
	/** The page's reading direction: right-to-left charts grow from the right, names on the right. */
	dir?: 'ltr' | 'rtl';
}

const sanitise = (svg: string) =>
	DOMPurify.sanitize(svg, {
		USE_PROFILES: { svg: true },
		FORBID_TAGS: ['style', 'script', 'foreignObject'],
		FORBID_ATTR: ['style']
	});

/** One question: two bars, before and after, with their values written out. */
export function beforeAfterChart(input: ChartInput): string {
	const knowledge = input.kind === 'viden';
	const rows = [
		{ phase: input.labels.before, value: input.before, key: 'before' as const },
		{ phase: input.labels.after, value: input.after, key: 'after' as const }
	];
	const start = knowledge ? 0 : 1;
	const rtl = input.dir === 'rtl';
	// The bars' names need room on the side they start from, the values on the side they end.
	const [nameMargin, valueMargin] = [52, 44];
	const svg = Plot.plot({
		document,
		width: 320,
		height: 84,
		marginLeft: rtl ? valueMargin : nameMargin,
		marginRight: rtl ? nameMargin : valueMargin,
		marginTop: 4,
		marginBottom: 22,
		x: {
			domain: knowledge ? [0, 100] : [1, 5],
			ticks: knowledge ? [0, 25, 50, 75, 100] : [1, 2, 3, 4, 5],
			label: null,
			reverse: rtl
		},
		y: {
			domain: rows.map((r) => r.phase),
			label: null,
			padding: 0.2,
			axis: rtl ? 'right' : 'left'
		},
		color: {
			domain: rows.map((r) => r.phase),
			range: [CHART_COLOURS.before, CHART_COLOURS.after]
		},
		marks: [
			Plot.barX(rows, { x1: start, x2: 'value', y: 'phase', fill: 'phase' }),
			Plot.ruleX([start]),
			Plot.text(rows, {
				x: 'value',
				y: 'phase',
				text: (r: (typeof rows)[number]) => input.format(r.value),
				textAnchor: rtl ? 'end' : 'start',
				dx: rtl ? -4 : 4,
				fontWeight: 'bold'
			})
		]
	}) as SVGSVGElement;
	// The table beside the chart carries the numbers for screen readers.
	svg.setAttribute('aria-hidden', 'true');
	svg.setAttribute('focusable', 'false');
	svg.setAttribute('font-size', '12');
	// Positions are computed for the mirrored layout already; inside an rtl page the SVG's own
	// text must not flip its anchors again.
	svg.setAttribute('direction', 'ltr');
	svg.setAttribute('class', 'before-after-chart');
	return sanitise(svg.outerHTML);
}
