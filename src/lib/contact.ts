/** How to reach someone, as an installation's settings give it. */
export interface Reach {
	email?: string;
	phone?: string;
	web?: string;
}

/** A `tel:` link for a Danish number written for people ("39 57 57 05", "+45 39 57 57 05"). */
export function phoneHref(phone: string): string {
	const digits = phone.replace(/[^\d+]/g, '');
	return `tel:${digits.startsWith('+') ? digits : `+45${digits}`}`;
}

/** A web address without its scheme and trailing slash, to show as a link's text. */
export function webLabel(url: string): string {
	return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
