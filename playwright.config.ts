import { defineConfig } from '@playwright/test';

/** E2E_PORT lets two checkouts run their suites side by side. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
export const E2E_DATABASE = 'test-results/e2e/sammen.db';
/** Browser tests run on a small content tree of their own, so editing a real module cannot break them. */
export const E2E_CONTENT = 'tests/fixtures/content';
/** …and an installation settings file of their own. */
export const E2E_INSTALLATION = 'tests/fixtures/installation.yaml';

export const chromiumLaunchOptions = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		// Tests talk to loopback only; Chromium would otherwise look up its own hosts.
		'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]'
	]
};

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	// Tests share one server and database; one worker keeps rate limits and counts predictable.
	workers: 1,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	timeout: 90_000,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${E2E_PORT}`,
		launchOptions: chromiumLaunchOptions,
		locale: 'da-DK',
		trace: 'off'
	},
	webServer: {
		// E2E_SKIP_BUILD=1 reuses build/ while only tests change.
		command: `${process.env.E2E_SKIP_BUILD ? '' : 'npx vite build && '}node tests/e2e/support/start-test-server.js`,
		url: `http://localhost:${E2E_PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(E2E_PORT),
			DATABASE_URL: E2E_DATABASE,
			CONTENT_DIR: E2E_CONTENT,
			INSTALLATION_FILE: E2E_INSTALLATION,
			ORIGIN: `http://localhost:${E2E_PORT}`
		}
	}
});
