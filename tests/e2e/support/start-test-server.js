// Starts the built app on a fresh database for the end-to-end tests.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

const database = process.env.DATABASE_URL;
if (!database || !database.startsWith('test-results/'))
	throw new Error('DATABASE_URL must be under test-results/');
rmSync(dirname(database), { recursive: true, force: true });
mkdirSync(dirname(database), { recursive: true });
// A computed URL keeps the type checker out of the generated build.
await import(new URL('../../../scripts/server.js', import.meta.url).href);
