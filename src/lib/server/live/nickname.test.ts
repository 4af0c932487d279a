import { describe, expect, it } from 'vitest';
import { isBlockedNickname, nicknameProblem, suggestNickname, tidyNickname } from './nickname';

describe('nicknames', () => {
	it('accepts 2–20 letters, digits, spaces and dashes', () => {
		expect(nicknameProblem('Jo')).toBeNull();
		expect(nicknameProblem('Ærlige Åse-Marie 7')).toBeNull();
		expect(nicknameProblem('J')).toBe('live_nickname_length');
		expect(nicknameProblem('x'.repeat(21))).toBe('live_nickname_length');
		expect(nicknameProblem('<script>')).toBe('live_nickname_chars');
		expect(nicknameProblem(' -ab')).toBe('live_nickname_chars');
	});

	it('tidies spaces before checking', () => {
		expect(tidyNickname('  Modig   Odder ')).toBe('Modig Odder');
	});

	it('blocks slurs, also in disguise', () => {
		for (const n of ['Neger', 'N1gg3r', 'f u c k', 'Perker123', 'Pik', 'din hore', 'SiegHeil'])
			expect(isBlockedNickname(n), n).toBe(true);
		expect(nicknameProblem('Perker 2')).toBe('live_nickname_blocked');
	});

	it('does not block ordinary names that contain a short word', () => {
		for (const n of ['Pikachu', 'Thorvald', 'Lortzing', 'Sexton', 'Essex', 'Hanne', 'Spiker'])
			expect(isBlockedNickname(n), n).toBe(false);
	});

	it('suggests valid nicknames', () => {
		for (let i = 0; i < 200; i++) expect(nicknameProblem(suggestNickname())).toBeNull();
		expect(suggestNickname(() => 0)).toBe('Modig Odder 10');
	});
});
