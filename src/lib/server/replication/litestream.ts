import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { LagTracker, parseLitestreamMetrics } from './lag';
import {
	describeReplica,
	litestreamConfig,
	replicationWindowSeconds,
	type LitestreamRun,
	type ReplicationSettings
} from './settings';

/** The Litestream binary that ships in the npm package for this platform. */
export function litestreamBinary(): string {
	const require = createRequire(import.meta.url);
	const name = `@flydotio/litestream-${process.platform}-${process.arch}/litestream`;
	try {
		return require.resolve(name);
	} catch {
		throw new Error(
			`Litestream findes ikke til ${process.platform}-${process.arch} (${name}): kør npm install`
		);
	}
}

/** Writes Litestream's configuration to a private temporary folder; returns the file and a cleanup. */
export function writeLitestreamConfig(
	settings: ReplicationSettings,
	databasePath: string,
	run: LitestreamRun = {}
): { file: string; remove: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'sammen-litestream-'));
	const file = join(dir, 'litestream.yml');
	writeFileSync(file, litestreamConfig(settings, databasePath, run), { mode: 0o600 });
	return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Passes Litestream's JSON log lines on to the app's log as one readable line each. */
function relayLog(line: string): void {
	try {
		const { time: _time, level, msg, ...fields } = JSON.parse(line) as Record<string, unknown>;
		const details = Object.entries(fields).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
		console.error(`Litestream ${String(level).toLowerCase()}: ${msg} ${details.join(' ')}`.trim());
	} catch {
		if (line.trim()) console.error(`Litestream: ${line}`);
	}
}

function freeLoopbackPort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => done(port));
		});
	});
}

export interface ReplicationStatus {
	/** ok: the replica is current; behind: lag beyond five windows; stopped: Litestream is not running. */
	status: 'ok' | 'behind' | 'stopped';
	replica: string;
	/** How long ago Litestream first held WAL data the replica still lacks (0: none). */
	lagSeconds: number;
	syncIntervalSeconds: number;
}

const POLL_MS = 1000;
const RESTART_AFTER_MS = 10_000;
/** Litestream's final sync on shutdown; a replica that cannot be reached must not hang the stop. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * Runs Litestream beside the app for one database: starts it, restarts it if it dies, watches
 * its metrics for the lag, and stops it (after its final sync) when the app stops. Litestream
 * runs `sh -c 'while kill -0 <our pid> …'` as its subprocess, so it also stops, after a final
 * sync, within a second of this process dying in any other way.
 */
export class Replicator {
	private child: ChildProcess | null = null;
	private config: { file: string; remove: () => void } | null = null;
	private metricsUrl = '';
	private readonly lag: LagTracker;
	private poller: ReturnType<typeof setInterval> | undefined;
	private restartTimer: ReturnType<typeof setTimeout> | undefined;
	private stopping = false;

	constructor(
		readonly settings: ReplicationSettings,
		readonly databasePath: string,
		private readonly binary = litestreamBinary()
	) {
		this.lag = new LagTracker(Date.now());
	}

	async start(): Promise<void> {
		const address = `127.0.0.1:${await freeLoopbackPort()}`;
		this.metricsUrl = `http://${address}/metrics`;
		this.config = writeLitestreamConfig(this.settings, this.databasePath, {
			metricsAddress: address,
			followPid: process.pid
		});
		this.launch();
		this.poller = setInterval(() => void this.poll(), POLL_MS);
		this.poller.unref();
	}

	private launch(): void {
		// A process group of its own: Ctrl-C in a terminal (SIGINT to the whole group) reaches only
		// the app, which stops Litestream itself once the database is closed.
		const child = spawn(
			this.binary,
			['replicate', '-no-expand-env', '-config', this.config!.file],
			{ stdio: ['ignore', 'pipe', 'pipe'], detached: true }
		);
		this.child = child;
		for (const stream of [child.stdout!, child.stderr!]) {
			createInterface({ input: stream }).on('line', relayLog);
		}
		child.on('error', (error) => console.error(`Litestream kunne ikke starte: ${error.message}`));
		child.on('exit', (code, signal) => {
			this.child = null;
			if (this.stopping) return;
			console.error(
				`Litestream stoppede uventet (${signal ?? `kode ${code}`}); starter igen om ${RESTART_AFTER_MS / 1000} s`
			);
			this.restartTimer = setTimeout(() => this.launch(), RESTART_AFTER_MS);
			this.restartTimer.unref();
		});
	}

	private async poll(): Promise<void> {
		const at = Date.now();
		try {
			const res = await fetch(this.metricsUrl, { signal: AbortSignal.timeout(POLL_MS) });
			this.lag.observe(parseLitestreamMetrics(await res.text()), at);
		} catch {
			this.lag.observe(null, at);
		}
	}

	status(now = Date.now()): ReplicationStatus {
		const lagSeconds = this.lag.lagSeconds(now);
		const behind = lagSeconds > 5 * replicationWindowSeconds(this.settings);
		return {
			status: this.child ? (behind ? 'behind' : 'ok') : 'stopped',
			replica: describeReplica(this.settings),
			lagSeconds,
			syncIntervalSeconds: this.settings.syncIntervalSeconds
		};
	}

	/** SIGTERM: Litestream ships what is left of the WAL, then exits. Resolves when it has. */
	stop(): Promise<void> {
		this.stopping = true;
		clearInterval(this.poller);
		clearTimeout(this.restartTimer);
		const child = this.child;
		const cleanUp = () => this.config?.remove();
		if (!child) {
			cleanUp();
			return Promise.resolve();
		}
		return new Promise((done) => {
			const force = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
			child.once('exit', () => {
				clearTimeout(force);
				cleanUp();
				done();
			});
			child.kill('SIGTERM');
		});
	}
}
