// A relative import: content scripts run outside Vite.
import { baseLocale, isLocale, locales, type Locale } from './paraglide/runtime.js';

interface LocaleInfo {
	/** The language's own name, as its readers look for it. */
	name: string;
	dir: 'ltr' | 'rtl';
	/** The tag dates and numbers are formatted with. */
	intl: string;
}

export const LOCALE_INFO: Record<Locale, LocaleInfo> = {
	da: { name: 'Dansk', dir: 'ltr', intl: 'da-DK' },
	en: { name: 'English', dir: 'ltr', intl: 'en-GB' },
	ar: { name: 'العربية', dir: 'rtl', intl: 'ar' },
	tr: { name: 'Türkçe', dir: 'ltr', intl: 'tr-TR' },
	ur: { name: 'اردو', dir: 'rtl', intl: 'ur-PK' },
	so: { name: 'Soomaali', dir: 'ltr', intl: 'so-SO' },
	uk: { name: 'Українська', dir: 'ltr', intl: 'uk-UA' }
};

export { locales, type Locale };

/** A known language, else Danish. */
export const toLocale = (value: unknown): Locale =>
	typeof value === 'string' && isLocale(value) ? value : baseLocale;

export const dirOf = (locale: string): 'ltr' | 'rtl' => LOCALE_INFO[toLocale(locale)].dir;

export const intlTag = (locale: string): string => LOCALE_INFO[toLocale(locale)].intl;

/**
 * The attributes of a block whose text is in another language than the page, such as a Danish
 * lesson shown in an Arabic interface while its translation is missing.
 */
export const blockLang = (locale: string) => ({ lang: locale, dir: dirOf(locale) });
