/**
 * Follows a Server-Sent Events stream. The browser reconnects by itself and sends
 * Last-Event-ID, so the server can tell whether anything was missed.
 */
export function subscribe<T>(
	url: string,
	event: string,
	onData: (data: T) => void,
	onConnected: (connected: boolean) => void
): () => void {
	const source = new EventSource(url);
	source.addEventListener(event, (e) => onData(JSON.parse((e as MessageEvent<string>).data) as T));
	source.addEventListener('open', () => onConnected(true));
	source.addEventListener('error', () => onConnected(source.readyState === EventSource.OPEN));
	return () => source.close();
}
