/**
 * Where the browser gets one language's interface messages: in a build a chunk of its own with
 * a fixed name (vite/browser-messages.ts emits it), in development Paraglide's compiled module.
 */
export function messagesHref(locale: string, dev: boolean): string {
	return dev ? `/src/lib/paraglide/messages/${locale}.js` : `/${messagesChunk(locale)}`;
}

export const messagesChunk = (locale: string) => `_app/messages/${locale}.js`;
