import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { z } from 'zod';

/*
 * Continuous replication of the database with Litestream, configured only through environment
 * variables. Without REPLICA_URL there is no replication and nothing else changes.
 *
 * Plain relative imports (no $lib): `npm run db:restore` and the restore drill use this too.
 */

export interface ReplicationSettings {
	/** Where the replica goes: a file:// URL (a local or mounted folder) or an s3:// URL. */
	url: string;
	/** Seconds between looks at the WAL, and between shipments to the replica. */
	syncIntervalSeconds: number;
	/** Hours of history kept in the replica (how far back a point-in-time restore can go). */
	retentionHours: number;
	/** For S3-compatible storage other than AWS. */
	s3Endpoint?: string;
	s3Region?: string;
}

const wholeNumber = (name: string, min: number, fallback: number) =>
	z
		.string()
		.optional()
		.transform((value, ctx) => {
			if (value === undefined || value.trim() === '') return fallback;
			const n = Number(value);
			if (Number.isInteger(n) && n >= min) return n;
			ctx.addIssue({ code: 'custom', message: `${name} skal være et helt tal på mindst ${min}` });
			return z.NEVER;
		});

/** A plain path (absolute or relative to the working directory) is taken as a folder. */
function replicaUrl(value: string): string {
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value;
	return pathToFileURL(resolve(value)).href;
}

const schema = z
	.object({
		REPLICA_URL: z
			.string()
			.trim()
			.transform(replicaUrl)
			.refine(
				(url) => url.startsWith('file:///') || /^s3:\/\/[^/]+/.test(url),
				'REPLICA_URL skal være en mappe (/sti eller file:///sti) eller en S3-spand (s3://spand/sti)'
			),
		REPLICA_SYNC_INTERVAL: wholeNumber('REPLICA_SYNC_INTERVAL', 1, 1),
		REPLICA_RETENTION_HOURS: wholeNumber('REPLICA_RETENTION_HOURS', 1, 168),
		REPLICA_S3_ENDPOINT: z
			.string()
			.trim()
			.optional()
			.refine(
				(value) => !value || /^https?:\/\/[^/]+/.test(value),
				'REPLICA_S3_ENDPOINT skal være en adresse som https://s3.eksempel.dk'
			),
		REPLICA_S3_REGION: z.string().trim().optional()
	})
	.refine((env) => !env.REPLICA_S3_ENDPOINT || env.REPLICA_URL.startsWith('s3://'), {
		message: 'REPLICA_S3_ENDPOINT bruges kun sammen med REPLICA_URL=s3://…',
		path: ['REPLICA_S3_ENDPOINT']
	});

export class ReplicationSettingsError extends Error {}

/** The replication settings, or null when REPLICA_URL is not set; throws a Danish message. */
export function readReplicationSettings(
	env: Record<string, string | undefined> = process.env
): ReplicationSettings | null {
	if (!env.REPLICA_URL?.trim()) return null;
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		throw new ReplicationSettingsError(
			`Replikeringen er sat forkert op: ${parsed.error.issues.map((i) => i.message).join('; ')}.`
		);
	}
	const v = parsed.data;
	return {
		url: v.REPLICA_URL,
		syncIntervalSeconds: v.REPLICA_SYNC_INTERVAL,
		retentionHours: v.REPLICA_RETENTION_HOURS,
		...(v.REPLICA_S3_ENDPOINT ? { s3Endpoint: v.REPLICA_S3_ENDPOINT } : {}),
		...(v.REPLICA_S3_REGION ? { s3Region: v.REPLICA_S3_REGION } : {})
	};
}

/**
 * The longest a write can wait before it is in the replica when all is well: Litestream reads
 * the WAL once an interval and ships what it read once an interval.
 */
export function replicationWindowSeconds(settings: ReplicationSettings): number {
	return 2 * settings.syncIntervalSeconds;
}

/** The replica's address for people to read: never credentials (S3 keys come from the environment). */
export function describeReplica(settings: ReplicationSettings): string {
	return settings.s3Endpoint ? `${settings.url} (${settings.s3Endpoint})` : settings.url;
}

export interface LitestreamRun {
	/** Where Litestream serves its Prometheus metrics (host:port). */
	metricsAddress?: string;
	/** Litestream stops when this process does, even one killed with SIGKILL (see litestream.ts). */
	followPid?: number;
}

/**
 * Litestream's configuration file for one database and its replica. S3 credentials are not in
 * it: Litestream reads LITESTREAM_ACCESS_KEY_ID and LITESTREAM_SECRET_ACCESS_KEY (or AWS_…)
 * from the environment.
 */
export function litestreamConfig(
	settings: ReplicationSettings,
	databasePath: string,
	run: LitestreamRun = {}
): string {
	const interval = `${settings.syncIntervalSeconds}s`;
	const replica: Record<string, string> = {
		url: settings.url,
		'sync-interval': interval,
		retention: `${settings.retentionHours}h`,
		// A fresh snapshot a day keeps a restore short: at most a day of WAL to replay.
		'snapshot-interval': '24h'
	};
	if (settings.s3Endpoint) replica.endpoint = settings.s3Endpoint;
	if (settings.s3Region) replica.region = settings.s3Region;
	const config: Record<string, unknown> = {
		...(run.metricsAddress ? { addr: run.metricsAddress } : {}),
		// Only problems reach the app's log; JSON so the app can tell them apart.
		logging: { level: 'warn', type: 'json' },
		...(run.followPid
			? { exec: `sh -c 'while kill -0 ${run.followPid} 2>/dev/null; do sleep 1; done'` }
			: {}),
		dbs: [{ path: resolve(databasePath), 'monitor-interval': interval, replicas: [replica] }]
	};
	return stringify(config);
}
