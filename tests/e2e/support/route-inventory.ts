import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The app's routes and form actions, read from src/routes, so suites that must cover every page
 * or every action fail when a new one is added and not listed in their tables.
 */

const ROUTES_DIR = join(process.cwd(), 'src', 'routes');

export type RouteKind = 'page' | 'endpoint';
export type RouteEntry = { id: string; kind: RouteKind };
export type ActionEntry = { routeId: string; action: string };

function walk(dir: string): string[] {
	const dirs = [dir];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.isDirectory()) dirs.push(...walk(join(dir, entry.name)));
	}
	return dirs;
}

function routeId(dir: string): string {
	const rel = relative(ROUTES_DIR, dir).split(sep).filter(Boolean);
	return '/' + rel.join('/');
}

/** Every page (+page.svelte) and endpoint (+server.ts), as SvelteKit route ids. */
export function routeInventory(): RouteEntry[] {
	const entries: RouteEntry[] = [];
	for (const dir of walk(ROUTES_DIR)) {
		if (existsSync(join(dir, '+page.svelte'))) entries.push({ id: routeId(dir), kind: 'page' });
		if (existsSync(join(dir, '+server.ts'))) entries.push({ id: routeId(dir), kind: 'endpoint' });
	}
	return entries.sort((a, b) => a.id.localeCompare(b.id) || a.kind.localeCompare(b.kind));
}

/** The names of the form actions in one +page.server.ts source (top-level keys of `actions`). */
export function actionNames(source: string): string[] {
	const start = source.search(/export const actions\b/);
	if (start < 0) return [];
	const body = source.slice(start);
	const end = body.search(/^\};?\s*$/m);
	const block = end < 0 ? body : body.slice(0, end);
	return [...block.matchAll(/^\t(\w+)\s*:/gm)].map((m) => m[1]);
}

/** Every form action of every page, e.g. { routeId: '/mig', action: 'slet' }. */
export function actionInventory(): ActionEntry[] {
	const entries: ActionEntry[] = [];
	for (const dir of walk(ROUTES_DIR)) {
		const file = join(dir, '+page.server.ts');
		if (!existsSync(file)) continue;
		for (const action of actionNames(readFileSync(file, 'utf8'))) {
			entries.push({ routeId: routeId(dir), action });
		}
	}
	return entries.sort(
		(a, b) => a.routeId.localeCompare(b.routeId) || a.action.localeCompare(b.action)
	);
}
