/**
 * Danish LIX readability: words per sentence + percentage of long words (more than six
 * letters). Works on the Markdown source; every heading, list item, paragraph and block ends
 * a sentence even without a full stop. content/README.md describes the same rule for writers.
 */
export interface LixResult {
	lix: number;
	words: number;
	sentences: number;
	longWords: number;
}

function textBlocks(markdown: string): string[] {
	const blocks: string[] = [];
	for (const paragraph of markdown.split(/\n\s*\n/)) {
		let current: string[] = [];
		for (const line of paragraph.split('\n')) {
			const startsBlock = /^\s*(#+|[-*+]|\d+\.)\s+|^:::/.test(line);
			if (startsBlock && current.length) {
				blocks.push(current.join(' '));
				current = [];
			}
			current.push(line.replace(/^:::\w*.*$/, '').replace(/^\s*(#+|[-*+]|\d+\.)\s+/, ''));
		}
		if (current.length) blocks.push(current.join(' '));
	}
	return blocks;
}

export function lix(markdown: string): LixResult {
	let words = 0;
	let longWords = 0;
	let sentences = 0;
	for (const raw of textBlocks(markdown)) {
		const block = raw
			.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/[*_`>|]/g, ' ')
			.trim();
		const found = block.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
		if (found.length === 0) continue;
		words += found.length;
		longWords += found.filter((w) => w.replace(/[^\p{L}]/gu, '').length > 6).length;
		const ends = (block.match(/[.!?:]+(?=\s|$)/g) ?? []).length;
		sentences += /[.!?:]["”»)]*$/.test(block) ? ends : ends + 1;
	}
	if (words === 0) return { lix: 0, words: 0, sentences: 0, longWords: 0 };
	const value = words / sentences + (100 * longWords) / words;
	return { lix: Math.round(value * 10) / 10, words, sentences, longWords };
}
