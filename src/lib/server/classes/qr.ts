import QRCode from 'qrcode';

/** Drawing a QR code costs milliseconds; a class page shows the same one on every visit. */
const cache = new Map<string, Promise<string>>();
const CACHE_LIMIT = 500;

/** A QR code as an SVG data URL, for an <img> (no inline markup, nothing from other hosts). */
export function qrDataUrl(text: string): Promise<string> {
	let url = cache.get(text);
	if (!url) {
		if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
		url = QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
			(svg) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
		);
		cache.set(text, url);
	}
	return url;
}
