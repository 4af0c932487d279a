import { spawn, type ChildProcess } from 'node:child_process';
import { E2E_CONTENT } from '../../../playwright.config';

/**
 * A second instance of the built app with its own database, environment and in-memory limits:
 * for tests that need another ORIGIN, or that exhaust a per-address limit the rest of the suite
 * shares.
 */
export async function startServer(
	port: number,
	database: string,
	origin = `http://localhost:${port}`
): Promise<ChildProcess> {
	const child = spawn('node', ['scripts/server.js'], {
		env: {
			...process.env,
			PORT: String(port),
			DATABASE_URL: database,
			CONTENT_DIR: E2E_CONTENT,
			ORIGIN: origin
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`http://localhost:${port}/healthz`)).ok) return child;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error('the extra server did not start');
}

export function stopServer(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (child.exitCode !== null) return resolve();
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});
}
