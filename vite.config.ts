import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide.config.js';

export default defineConfig({
	plugins: [paraglideVitePlugin(paraglideOptions), sveltekit()],
	test: {
		expect: { requireAssertions: true },
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node'
	}
});
