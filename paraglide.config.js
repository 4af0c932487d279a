/**
 * One Paraglide configuration for the Vite plugin and for `npm run i18n:compile`.
 * One module per language (`locale-modules`), also in a build: the browser loads only the reader's
 * language (vite/browser-messages.ts).
 * @type {{ project: string; outdir: string; strategy: ('cookie' | 'baseLocale')[]; cookieName: string; outputStructure: 'locale-modules' }}
 */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['cookie', 'baseLocale'],
	cookieName: 'sprog',
	outputStructure: 'locale-modules'
};
