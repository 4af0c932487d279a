import { randomInt } from 'node:crypto';

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 20;

export type NicknameProblem =
	'live_nickname_length' | 'live_nickname_chars' | 'live_nickname_blocked';

/**
 * Words a nickname may not contain. Nicknames are only shown to the professional, but a hall
 * full of teenagers will try; longer stems are matched anywhere, short ones only as whole words
 * (so "Pikachu" and "Thorvald" stay allowed).
 */
const BLOCKED_STEMS = [
	'neger',
	'nigger',
	'nigga',
	'perker',
	'fisse',
	'kusse',
	'luder',
	'kælling',
	'kaelling',
	'spasser',
	'mongol',
	'bøssekarl',
	'faggot',
	'retard',
	'whore',
	'bitch',
	'cunt',
	'fuck',
	'shit',
	'kneppe',
	'voldtæg',
	'voldtaeg',
	'rapist',
	'hitler',
	'nazi',
	'siegheil',
	'jødesvin',
	'pædofil',
	'paedofil',
	'pedofil',
	'porno',
	'dildo',
	'kuk',
	'slut'
];
const BLOCKED_WORDS = [
	'pik',
	'hore',
	'lort',
	'rape',
	'sex',
	'fag',
	'dick',
	'cock',
	'porn',
	'svans',
	'heil'
];

const LEET: Record<string, string> = {
	'0': 'o',
	'1': 'i',
	'3': 'e',
	'4': 'a',
	'5': 's',
	'7': 't',
	'@': 'a',
	$: 's'
};

/** Lower case with look-alike digits read as letters, so "N1gg3r" and "f u c k" are caught. */
function readable(nickname: string): { words: string[]; joined: string } {
	const lowered = [...nickname.toLowerCase()].map((c) => LEET[c] ?? c).join('');
	const words = lowered.split(/[^\p{L}]+/u).filter(Boolean);
	return { words, joined: words.join('') };
}

export function isBlockedNickname(nickname: string): boolean {
	const { words, joined } = readable(nickname);
	return (
		BLOCKED_STEMS.some((stem) => joined.includes(stem)) ||
		words.some((w) => BLOCKED_WORDS.includes(w)) ||
		BLOCKED_WORDS.includes(joined)
	);
}

/** Spaces collapsed and trimmed: what is stored and shown. */
export function tidyNickname(input: string): string {
	return input.replace(/\s+/g, ' ').trim();
}

export function nicknameProblem(nickname: string): NicknameProblem | null {
	const length = [...nickname].length;
	if (length < NICKNAME_MIN || length > NICKNAME_MAX) return 'live_nickname_length';
	if (!/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u.test(nickname)) return 'live_nickname_chars';
	if (isBlockedNickname(nickname)) return 'live_nickname_blocked';
	return null;
}

const ADJECTIVES = [
	'Modig',
	'Glad',
	'Hurtig',
	'Klog',
	'Rolig',
	'Venlig',
	'Kvik',
	'Stærk',
	'Sej',
	'Munter',
	'Flink',
	'Snild',
	'Vågen',
	'Frisk',
	'Lun',
	'Nysgerrig'
];
/** Common-gender nouns only, so the adjective never needs a -t. */
const ANIMALS = [
	'Odder',
	'Ræv',
	'Ugle',
	'Sæl',
	'Hare',
	'Los',
	'Panda',
	'Pingvin',
	'Delfin',
	'Ørn',
	'Falk',
	'Bæver',
	'Elg',
	'Hval',
	'Mus',
	'Tiger',
	'Løve',
	'Giraf',
	'Koala',
	'Myre',
	'Kanin',
	'Grævling'
];

/** A friendly suggestion such as "Modig Odder 27", always a valid nickname. */
export function suggestNickname(pick: (n: number) => number = randomInt): string {
	for (;;) {
		const name = `${ADJECTIVES[pick(ADJECTIVES.length)]} ${ANIMALS[pick(ANIMALS.length)]} ${10 + pick(90)}`;
		if ([...name].length <= NICKNAME_MAX) return name;
	}
}

/** True for a name suggestNickname could have made: the only names a generated-names session takes. */
export function isGeneratedNickname(name: string): boolean {
	const match = /^(\S+) (\S+) ([1-9]\d)$/u.exec(name);
	return !!match && ADJECTIVES.includes(match[1]) && ANIMALS.includes(match[2]);
}

/** A handful of different generated names to pick from. */
export function generatedNicknames(count: number, pick?: (n: number) => number): string[] {
	const names = new Set<string>();
	while (names.size < count) names.add(suggestNickname(pick));
	return [...names];
}
