/** One open Server-Sent Events connection. */
export interface SseStream {
	send(chunk: string): void;
	close(): void;
}

const encoder = new TextEncoder();
/** The same event often goes to hundreds of streams: encode it once. */
let lastText = '';
let lastBytes = new Uint8Array();
function encode(text: string): Uint8Array {
	if (text !== lastText) {
		lastText = text;
		lastBytes = encoder.encode(text);
	}
	return lastBytes;
}

/** Browsers wait this long before reconnecting; they then send Last-Event-ID. */
export const RETRY_MS = 2000;

export function sseEvent(id: number, event: string, data: string): string {
	return `id: ${id}\nevent: ${event}\ndata: ${data}\n\n`;
}

/**
 * A streaming response. `open` is called with the stream and returns the function that
 * forgets it again when the browser goes away (or the server closes it).
 */
export function sseResponse(open: (stream: SseStream) => () => void): Response {
	let forget: (() => void) | undefined;
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			let closed = false;
			const stream: SseStream = {
				send(chunk) {
					if (!closed) controller.enqueue(encode(chunk));
				},
				close() {
					if (closed) return;
					closed = true;
					forget?.();
					controller.close();
				}
			};
			stream.send(`retry: ${RETRY_MS}\n\n`);
			forget = open(stream);
		},
		cancel() {
			forget?.();
		}
	});
	return new Response(body, {
		headers: {
			'Content-Type': 'text/event-stream; charset=utf-8',
			'Cache-Control': 'no-cache, no-transform',
			'X-Accel-Buffering': 'no'
		}
	});
}

/** Last-Event-ID as a number (0 when absent or not a number). */
export function lastEventId(request: Request): number {
	const id = Number(request.headers.get('last-event-id'));
	return Number.isSafeInteger(id) && id > 0 ? id : 0;
}
