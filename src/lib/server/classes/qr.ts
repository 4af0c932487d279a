import QRCode from 'qrcode';

/** A QR code as an SVG data URL, for an <img> (no inline markup, nothing from other hosts). */
export async function qrDataUrl(text: string): Promise<string> {
	const svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
