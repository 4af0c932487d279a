// `npm start`: build the app if there is no build yet, then serve it on the embedded database.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync('build/index.js') || process.env.REBUILD === '1') {
	console.log('Bygger appen …');
	execSync('npx vite build', { stdio: 'inherit' });
}
process.env.PORT ??= '3000';
process.env.DATABASE_URL ??= 'data/sammen.db';
// adapter-node assumes https without ORIGIN, which would refuse every form post on plain
// http://localhost; behind a proxy, set ORIGIN to the public address.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
console.log(
	`Sammen på nettet kører på http://localhost:${process.env.PORT} (database: ${process.env.DATABASE_URL})`
);
await import(new URL('./server.js', import.meta.url).href);
