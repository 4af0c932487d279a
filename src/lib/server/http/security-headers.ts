/**
 * Headers for every response. The Content-Security-Policy itself comes from `kit.csp` in
 * svelte.config.js, which adds hashes of SvelteKit's own inline scripts; non-HTML responses get a
 * strict one here.
 */
export function securityHeaders(url: URL): [string, string][] {
	const headers: [string, string][] = [
		['X-Content-Type-Options', 'nosniff'],
		['Referrer-Policy', 'strict-origin-when-cross-origin'],
		['X-Frame-Options', 'DENY'],
		['Cross-Origin-Opener-Policy', 'same-origin'],
		['Cross-Origin-Resource-Policy', 'same-origin'],
		[
			'Permissions-Policy',
			'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'
		],
		['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"]
	];
	if (url.protocol === 'https:')
		headers.push(['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']);
	return headers;
}
