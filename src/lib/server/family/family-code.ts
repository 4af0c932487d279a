import { isCodeShape, randomCode } from '../security/codes';

export const FAMILY_CODE_LENGTH = 8;
export const FAMILY_CODE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export const generateFamilyCode = () => randomCode(FAMILY_CODE_LENGTH);

export const isFamilyCodeShape = (code: string) => isCodeShape(code, FAMILY_CODE_LENGTH);

/** Shown in two groups of four, easier to read aloud: ABCD-EFGH. */
export function formatFamilyCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}
