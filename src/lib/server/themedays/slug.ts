const DANISH_LETTERS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa' };

/** URL-safe words: Danish letters spelled out (æ→ae, ø→oe, å→aa), other accents dropped. */
export function slugify(text: string): string {
	return text
		.toLowerCase()
		.replace(/[æøå]/g, (c) => DANISH_LETTERS[c])
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '');
}

/** "Sikker på nettet" on 12 March 2026 → "sikker-paa-nettet-2026-03-12". */
export function themeDaySlug(title: string, date: string): string {
	const words = slugify(title);
	return words ? `${words}-${date}` : `temadag-${date}`;
}

/** The slug itself if free, else the first free one of slug-2, slug-3, … */
export function uniqueSlug(slug: string, taken: (candidate: string) => boolean): string {
	if (!taken(slug)) return slug;
	for (let n = 2; ; n++) {
		const candidate = `${slug}-${n}`;
		if (!taken(candidate)) return candidate;
	}
}
