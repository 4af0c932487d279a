import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { messagesChunk } from '../src/lib/messages-path.ts';

const COMPILED = resolve('src/lib/paraglide/messages');
const BROWSER_MODULE = resolve('src/lib/browser-messages.ts');

/**
 * In the browser only the reader's language is loaded. Browser code that imports
 * `$lib/paraglide/messages` gets `src/lib/browser-messages.ts` instead, whose `m` is filled with
 * one language's compiled messages before the page starts (hooks.client.ts); the server keeps
 * Paraglide's module with every language. The browser build emits each language as a chunk of
 * its own with a fixed name, which the page preloads.
 */
export function browserMessages(locales: readonly string[]): Plugin {
	let browserBuild = false;
	return {
		name: 'sammen:browser-messages',
		enforce: 'pre',
		configResolved(config) {
			browserBuild = config.command === 'build' && !config.build.ssr;
		},
		resolveId(source, _importer, options) {
			if (options?.ssr) return null;
			const path = source.replace(/\.js$/, '');
			return path === COMPILED || path === '$lib/paraglide/messages' ? BROWSER_MODULE : null;
		},
		async buildStart() {
			if (!browserBuild) return;
			for (const locale of locales)
				this.emitFile({
					type: 'chunk',
					id: resolve(COMPILED, `${locale}.js`),
					fileName: messagesChunk(locale),
					preserveSignature: 'strict'
				});
		}
	};
}
