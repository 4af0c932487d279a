import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide.config.js';

export default defineConfig({
	plugins: [paraglideVitePlugin(paraglideOptions), sveltekit()],
	test: {
		expect: { requireAssertions: true },
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		// Some tests load and render the whole curriculum; on a 2-core machine that is busy with
		// other work this can take longer than the 5 s default.
		testTimeout: 30_000
	}
});
