import { createHash } from 'node:crypto';

/** SHA-256 of a secret: what is stored instead of a session or host secret. */
export function hashSecret(secret: string): Buffer {
	return createHash('sha256').update(secret, 'utf8').digest();
}
