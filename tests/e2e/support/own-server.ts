import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { E2E_CONTENT } from '../../../playwright.config';

/** A port nobody listens on now, so a leftover server from an earlier run cannot answer. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

/** A second instance of the built app, for tests that stop and start the server. */
export class OwnServer {
	private process: ChildProcess | null = null;

	constructor(
		readonly port: number,
		readonly databaseUrl: string
	) {}

	get url(): string {
		return `http://localhost:${this.port}`;
	}

	async start(): Promise<void> {
		this.process = spawn('node', ['scripts/server.js'], {
			env: {
				...process.env,
				PORT: String(this.port),
				DATABASE_URL: this.databaseUrl,
				CONTENT_DIR: E2E_CONTENT,
				ORIGIN: this.url
			},
			stdio: ['ignore', 'ignore', 'inherit']
		});
		let exited = false;
		this.process.once('exit', () => (exited = true));
		for (let i = 0; i < 100 && !exited; i++) {
			try {
				if ((await fetch(`${this.url}/healthz`)).ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(exited ? 'server exited while starting' : 'server did not start');
	}

	async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
		const child = this.process;
		if (!child) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill(signal);
		await exited;
		this.process = null;
	}
}
