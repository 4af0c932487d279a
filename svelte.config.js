import adapter from '@sveltejs/adapter-node';
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';

/**
 * SvelteKit's route announcer (a live region it adds to every page) carries an inline style
 * attribute. Instead of allowing every inline style, the policy allows exactly that one by its
 * hash; a browser test fails on any CSP report in the console if SvelteKit ever changes it.
 */
const ANNOUNCER_STYLE =
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';
const announcerStyleHash = `sha256-${createHash('sha256').update(ANNOUNCER_STYLE).digest('base64')}`;

/**
 * The version an operator sees on /healthz: the commit the build was made from ("-dirty" with
 * uncommitted changes), or APP_VERSION where the code is not a git checkout.
 */
function buildVersion() {
	try {
		const git = (/** @type {string} */ args) =>
			execSync(`git ${args}`, { stdio: ['ignore', 'pipe', 'ignore'] })
				.toString()
				.trim();
		const commit = git('rev-parse --short=12 HEAD');
		return git('status --porcelain --untracked-files=no') ? `${commit}-dirty` : commit;
	} catch {
		return process.env.APP_VERSION || `build-${new Date().toISOString()}`;
	}
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Leaves out the `window.__svelte.v` version marker: one import less in every chunk.
		discloseVersion: false,
		// Runes everywhere in our code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter({ precompress: true }),
		csrf: { trustedOrigins: [] },
		router: { resolution: 'server' },
		version: { name: buildVersion() },
		csp: {
			// Hashes rather than nonces: a page from the shared page cache is sent byte for byte
			// to many people, and a nonce must never be sent twice.
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', announcerStyleHash],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		},
		alias: {
			// Helpers for unit tests, kept out of the production tree.
			$testing: 'tests/unit-support'
		},
		typescript: {
			config: (config) => {
				config.include.push('../drizzle.config.ts', '../scripts/**/*.ts', '../tests/**/*.ts');
			}
		}
	}
};

export default config;
