import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 20 random bytes → 32 base32 characters: 160 bits of entropy. */
export function generateSecureRandomString(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** A random row id: 16 base32 characters, 80 bits. */
export function randomId(): string {
	return generateSecureRandomString().slice(0, 16);
}
