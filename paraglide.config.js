/**
 * One Paraglide configuration for the Vite plugin and for `npm run i18n:compile`.
 * @type {{ project: string; outdir: string; strategy: ('cookie' | 'baseLocale')[]; cookieName: string }}
 */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['cookie', 'baseLocale'],
	cookieName: 'sprog'
};
