import type { Page } from '@playwright/test';

/**
 * WCAG 2.2 success criterion 2.5.8 Target Size (Minimum), level AA, checked on the page as
 * laid out now. A pointer target passes when it is at least 24 × 24 CSS px, or when one of the
 * criterion's exceptions applies. Implemented exceptions:
 *
 * - Spacing: an undersized target passes when a circle of 24 px diameter centred on its
 *   bounding box does not intersect any other target, nor the 24 px circle of another
 *   undersized target.
 * - Inline: a target with `display: inline` whose block has text of its own (letters or digits
 *   outside any target), i.e. a link in a sentence, whose height is set by the line of text.
 *
 * Not implemented, so never used to excuse a target: "equivalent" (another control for the
 * same function), "user agent control" (every control here is styled by us) and "essential".
 * Closed `<details>` are opened for the measurement (and closed again), so what they hold is
 * checked too. Targets that cannot be hit are skipped: hidden, zero-sized, disabled, or inside
 * `.visually-hidden` (clipped to 1 px; such an element is never the thing a person taps).
 * Labels count as targets only when they label a checkbox or radio button, since tapping
 * such a label toggles the control.
 */
export async function undersizedTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const MIN = 24;
		const RADIUS = MIN / 2;
		const SELECTOR = [
			'a[href]',
			'button',
			'input:not([type="hidden"])',
			'select',
			'textarea',
			'summary',
			'[role="button"]',
			'label'
		].join(', ');
		const INTERACTIVE = SELECTOR;

		const isTarget = (el: Element): boolean => {
			if (el instanceof HTMLLabelElement) {
				const control = el.control;
				if (!(control instanceof HTMLInputElement)) return false;
				if (control.type !== 'checkbox' && control.type !== 'radio') return false;
			}
			if (el.matches(':disabled') || el.closest('.visually-hidden')) return false;
			if (!el.checkVisibility({ visibilityProperty: true })) return false;
			const rect = el.getBoundingClientRect();
			return rect.width > 0 && rect.height > 0;
		};

		/** Text of the enclosing block that is not inside any target: the "sentence". */
		const inSentence = (el: Element): boolean => {
			if (getComputedStyle(el).display !== 'inline') return false;
			let block: Element | null = el.parentElement;
			while (block && getComputedStyle(block).display.startsWith('inline'))
				block = block.parentElement;
			if (!block) return false;
			const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
			let own = '';
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				if (!node.parentElement?.closest(INTERACTIVE)) own += node.textContent;
			}
			return /[\p{L}\p{N}]/u.test(own);
		};

		const describe = (el: Element, rect: DOMRect) => {
			const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
			const id = el.id ? `#${el.id}` : '';
			const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
			return `${el.tagName.toLowerCase()}${id}${cls} "${text}" ${rect.width.toFixed(1)}×${rect.height.toFixed(1)}`;
		};

		const closed = [...document.querySelectorAll('details:not([open])')] as HTMLDetailsElement[];
		for (const details of closed) details.open = true;
		const targets = [...document.querySelectorAll(SELECTOR)].filter(isTarget).map((el) => {
			const rect = el.getBoundingClientRect();
			return {
				el,
				rect,
				small: rect.width < MIN - 0.01 || rect.height < MIN - 0.01,
				cx: rect.left + rect.width / 2,
				cy: rect.top + rect.height / 2
			};
		});
		for (const details of closed) details.open = false;
		const related = (a: Element, b: Element) => a === b || a.contains(b) || b.contains(a);
		const distanceToRect = (x: number, y: number, r: DOMRect) =>
			Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));

		const problems: string[] = [];
		for (const t of targets) {
			if (!t.small || inSentence(t.el)) continue;
			const crowding = targets.find(
				(o) =>
					!related(o.el, t.el) &&
					(o.small
						? Math.hypot(o.cx - t.cx, o.cy - t.cy) < MIN - 0.01
						: distanceToRect(t.cx, t.cy, o.rect) < RADIUS - 0.01)
			);
			if (crowding)
				problems.push(
					`${describe(t.el, t.rect)} is under ${MIN}×${MIN} and too close to ${describe(crowding.el, crowding.rect)}`
				);
		}
		return problems;
	});
}
