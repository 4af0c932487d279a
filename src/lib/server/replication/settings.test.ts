import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
	litestreamConfig,
	readReplicationSettings,
	replicationWindowSeconds,
	describeReplica
} from './settings';

describe('readReplicationSettings', () => {
	it('is off without REPLICA_URL', () => {
		expect(readReplicationSettings({})).toBeNull();
		expect(readReplicationSettings({ REPLICA_URL: '  ' })).toBeNull();
	});

	it('takes a folder as a plain path or a file URL, with the defaults', () => {
		expect(readReplicationSettings({ REPLICA_URL: '/mnt/backup/sammen' })).toEqual({
			url: 'file:///mnt/backup/sammen',
			syncIntervalSeconds: 1,
			retentionHours: 168
		});
		expect(readReplicationSettings({ REPLICA_URL: 'file:///srv/replica' })?.url).toBe(
			'file:///srv/replica'
		);
		expect(readReplicationSettings({ REPLICA_URL: 'backup' })?.url).toMatch(
			/^file:\/\/\/.+\/backup$/
		);
	});

	it('takes an S3-compatible bucket with its endpoint and region', () => {
		const settings = readReplicationSettings({
			REPLICA_URL: 's3://sammen-backup/prod',
			REPLICA_S3_ENDPOINT: 'https://s3.eksempel.dk',
			REPLICA_S3_REGION: 'eu-north-1',
			REPLICA_SYNC_INTERVAL: '5',
			REPLICA_RETENTION_HOURS: '72'
		});
		expect(settings).toEqual({
			url: 's3://sammen-backup/prod',
			syncIntervalSeconds: 5,
			retentionHours: 72,
			s3Endpoint: 'https://s3.eksempel.dk',
			s3Region: 'eu-north-1'
		});
		expect(replicationWindowSeconds(settings!)).toBe(10);
		expect(describeReplica(settings!)).toBe('s3://sammen-backup/prod (https://s3.eksempel.dk)');
	});

	it('refuses bad values with a Danish message naming the variable', () => {
		for (const [env, message] of [
			[{ REPLICA_URL: 'ftp://host/x' }, /REPLICA_URL skal være en mappe/],
			[{ REPLICA_URL: 's3://' }, /REPLICA_URL/],
			[
				{ REPLICA_URL: '/x', REPLICA_SYNC_INTERVAL: '0' },
				/REPLICA_SYNC_INTERVAL skal være et helt tal/
			],
			[{ REPLICA_URL: '/x', REPLICA_RETENTION_HOURS: 'en uge' }, /REPLICA_RETENTION_HOURS/],
			[{ REPLICA_URL: '/x', REPLICA_S3_ENDPOINT: 'https://s3.eksempel.dk' }, /kun sammen med/],
			[
				{ REPLICA_URL: 's3://b/p', REPLICA_S3_ENDPOINT: 's3.eksempel.dk' },
				/REPLICA_S3_ENDPOINT skal/
			]
		] as const) {
			expect(() => readReplicationSettings(env), JSON.stringify(env)).toThrow(message);
		}
	});
});

describe('litestreamConfig', () => {
	it('replicates one database to its replica at the interval, without credentials', () => {
		const settings = readReplicationSettings({
			REPLICA_URL: 's3://b/p',
			REPLICA_S3_ENDPOINT: 'https://s3.eksempel.dk',
			REPLICA_SYNC_INTERVAL: '2'
		})!;
		const config = parse(
			litestreamConfig(settings, '/srv/sammen/data/sammen.db', {
				metricsAddress: '127.0.0.1:9999',
				followPid: 4242
			})
		);
		expect(config).toEqual({
			addr: '127.0.0.1:9999',
			logging: { level: 'warn', type: 'json' },
			exec: "sh -c 'while kill -0 4242 2>/dev/null; do sleep 1; done'",
			dbs: [
				{
					path: '/srv/sammen/data/sammen.db',
					'monitor-interval': '2s',
					replicas: [
						{
							url: 's3://b/p',
							'sync-interval': '2s',
							retention: '168h',
							'snapshot-interval': '24h',
							endpoint: 'https://s3.eksempel.dk'
						}
					]
				}
			]
		});
	});

	it('leaves out the metrics and the watched process for a restore', () => {
		const config = parse(
			litestreamConfig(readReplicationSettings({ REPLICA_URL: '/r' })!, 'data/sammen.db')
		);
		expect(config.addr).toBeUndefined();
		expect(config.exec).toBeUndefined();
		expect(config.dbs[0].path).toMatch(/\/data\/sammen\.db$/);
	});
});
