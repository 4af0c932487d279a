/**
 * Passwords that appear at the top of published leak lists, plus Danish favourites.
 * Compared in lower case; the rule in password.ts also catches digit runs and repeats.
 */
export const COMMON_PASSWORDS = new Set([
	'password', 'password1', 'password12', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword',
	'12345678', '123456789', '1234567890', '0123456789', '87654321', '11111111', '00000000',
	'12341234', '11223344', '12121212', '123123123', '1q2w3e4r', '1q2w3e4r5t', 'q1w2e3r4',
	'qwertyui', 'qwertyuiop', 'qwerty123', 'qwerty12', 'asdfghjk', 'asdfghjkl', 'zxcvbnm1',
	'azertyui', 'abcd1234', 'abc12345', 'abcdefgh', 'aa123456', 'iloveyou', 'iloveyou1',
	'sunshine', 'princess', 'football', 'baseball', 'superman', 'batman123', 'trustno1',
	'whatever', 'starwars', 'pokemon1', 'minecraft', 'fortnite', 'fortnite1', 'roblox123',
	'letmein1', 'welcome1', 'welcome123', 'computer', 'internet', 'michael1', 'jennifer',
	'charlie1', 'shadow12', 'master12', 'monkey12', 'dragon12', 'liverpool', 'chelsea1',
	'arsenal1', 'barcelona', 'realmadrid', 'ronaldo7', 'messi123', 'samsung1', 'iphone12',
	'snapchat', 'instagram', 'tiktok123', 'youtube1', 'facebook', 'google123', 'hello123',
	'helloworld', 'freedom1', 'mustang1', 'changeme', 'administrator', 'admin123', 'admin1234',
	'kodeord', 'kodeord1', 'kodeord123', 'adgangskode', 'adgangskode1', 'hemmelig', 'hemmelig1',
	'hejmeddig', 'hejmeddig1', 'hejhejhej', 'danmark1', 'danmark123', 'danmark2024',
	'danmark2025', 'danmark2026', 'kobenhavn', 'københavn', 'sommer2024', 'sommer2025',
	'sommer2026', 'vinter2025', 'vinter2026', 'efterår2025', 'efteraar2025', 'foraar2026',
	'jegelskerdig', 'elskerdig', 'kærlighed', 'kaerlighed', 'fodbold1', 'fodbold123',
	'brondby1', 'brøndby1', 'fckobenhavn', 'fckøbenhavn', 'legoland', 'hundehund', 'kattekat',
	'mormor123', 'farmor123', 'mitnavn1', 'skolen123', 'sammenpaanettet', 'sammenpånettet'
]);
