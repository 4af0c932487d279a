/**
 * npm run admin:create -- <username>
 * Creates an administrator, or makes an existing account one. The password comes from
 * ADMIN_PASSWORD, or is asked for on the terminal.
 */
import { createInterface } from 'node:readline/promises';
import {
	createUser,
	findUserByUsername,
	setPassword,
	setRole,
	usernameProblem
} from '../src/lib/server/auth/user';
import { passwordProblem } from '../src/lib/server/auth/password';
import { closeDb, getDb } from '../src/lib/server/db/client';

const username = process.argv[2]?.trim();
if (!username) {
	console.error('Brug: npm run admin:create -- <brugernavn>');
	process.exit(2);
}
const nameProblem = usernameProblem(username);
if (nameProblem) {
	console.error(
		'Brugernavnet skal være 3–32 tegn: bogstaver, tal, punktum, bindestreg eller understreg.'
	);
	process.exit(2);
}

async function askPassword(): Promise<string> {
	if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
	if (!process.stdin.isTTY) {
		console.error('Sæt ADMIN_PASSWORD, eller kør kommandoen i en terminal.');
		process.exit(2);
	}
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	const password = await rl.question('Adgangskode til administratoren: ');
	rl.close();
	return password;
}

getDb();
const password = await askPassword();
const problem = passwordProblem(password, username);
if (problem) {
	console.error(
		problem === 'password_too_short'
			? 'Adgangskoden skal være mindst 8 tegn.'
			: 'Adgangskoden er for nem at gætte. Vælg en anden.'
	);
	process.exit(2);
}
const existing = findUserByUsername(username);
if (existing) {
	setRole(existing.id, 'admin');
	await setPassword(existing.id, password);
	console.log(`${existing.username} er nu administrator (med den nye adgangskode).`);
} else {
	const created = await createUser({ username, password, role: 'admin' });
	if (!created.ok) throw new Error('Kunne ikke oprette administratoren');
	console.log(`Administratoren ${created.user.username} er oprettet.`);
}
closeDb();
