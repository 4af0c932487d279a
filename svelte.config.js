import adapter from '@sveltejs/adapter-node';

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
		csp: {
			// Hashes rather than nonces: a page from the shared page cache is sent byte for byte
			// to many people, and a nonce must never be sent twice.
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		},
		typescript: {
			config: (config) => {
				config.include.push('../drizzle.config.ts', '../scripts/**/*.ts', '../tests/**/*.ts');
			}
		}
	}
};

export default config;
