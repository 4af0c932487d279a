import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { WCAG_TAGS } from './helpers';

/**
 * axe-core loaded once per browser context as an init script. `AxeBuilder` sends the 500 KB
 * source over the wire again for every check, which is most of the time a check takes; the
 * suites that run axe on every page × role × width load it this way instead.
 */
const AXE_SOURCE = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

export async function loadAxe(context: BrowserContext) {
	await context.addInitScript({ content: AXE_SOURCE });
}

/** One line per violated rule: "rule-id: help (selector, selector)". */
export async function axeViolations(page: Page): Promise<string[]> {
	return page.evaluate(async (tags) => {
		type AxeResult = {
			violations: { id: string; help: string; nodes: { target: string[] }[] }[];
		};
		const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResult> } })
			.axe;
		const result = await axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations']
		});
		return result.violations.map(
			(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
		);
	}, WCAG_TAGS);
}
