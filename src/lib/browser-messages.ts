import type * as Messages from '$lib/paraglide/messages/_index.js';

/**
 * The interface messages in the browser, in the page's language only (vite/browser-messages.ts
 * sends browser imports of `$lib/paraglide/messages` here). Empty until `loadMessages` has run,
 * which the client hook awaits before the page starts.
 */
export const m = {} as typeof Messages;

/** Loads the language the server preloaded for this page (`<link data-messages>` in app.html). */
export async function loadMessages(): Promise<void> {
	const link = document.querySelector<HTMLLinkElement>('link[data-messages]');
	if (!link) throw new Error('The page names no messages to load');
	Object.assign(m, await import(/* @vite-ignore */ link.href));
}
