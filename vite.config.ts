import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide.config.js';
import { browserMessages } from './vite/browser-messages.ts';
import settings from './project.inlang/settings.json' with { type: 'json' };

export default defineConfig({
	plugins: [paraglideVitePlugin(paraglideOptions), browserMessages(settings.locales), sveltekit()],
	test: {
		expect: { requireAssertions: true },
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		// Some tests load and render the whole curriculum; on a 2-core machine that is busy with
		// other work this can take longer than the 5 s default.
		testTimeout: 30_000
	}
});
