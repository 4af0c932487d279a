import { onMount, untrack } from 'svelte';
import { subscribe } from './subscribe';
import type { LiveHostView } from './types';

/**
 * The host view of a live session, kept current from the server's stream; a newer page load
 * (after a button press) wins over an older event and the other way round.
 */
export function liveHost(initial: () => LiveHostView, url: () => string) {
	let host = $state(initial());
	let connected = $state(true);
	$effect(() => {
		const loaded = initial();
		untrack(() => {
			if (loaded.version >= host.version) host = loaded;
		});
	});
	onMount(() =>
		subscribe<LiveHostView>(
			url(),
			'host',
			(next) => {
				if (next.version >= host.version) host = next;
			},
			(ok) => (connected = ok)
		)
	);
	return {
		get host() {
			return host;
		},
		get connected() {
			return connected;
		}
	};
}
