import { beforeEach, describe, expect, it } from 'vitest';
import { insertTestUser, useTestDatabase } from '$testing/test-db';
import type { AppDatabase } from '../db/client';
import { initContent } from '../content/library';
import { agreementBallots, agreements } from '../db/schema';
import { hashSecret } from '../security/secret-hash';
import { createClass, joinClassWithCode } from '../classes/classes';
import { publishedForChild, publishedView } from './published';
import {
	addAgreement,
	agreementsOf,
	approveProposal,
	castVotes,
	createAgreementSet,
	purgeBallots,
	setPublished,
	votingOpen,
	type AgreementSetRow
} from './store';
import { addSuggestions, manageView } from './manage';
import { submitProposal } from './vote';

initContent();

let db: AppDatabase;
let ownerId: string;
let n = 0;

function newSet(classId: string | null = null): AgreementSetRow {
	return createAgreementSet({
		ownerId,
		themeDayId: null,
		classId,
		yearGroup: classId ? null : '7. årgang'
	});
}

/** `yes` browsers vote yes and `no` browsers no on an agreement. */
function vote(set: AgreementSetRow, id: number, yes: number, no: number) {
	for (let i = 0; i < yes + no; i++)
		expect(castVotes(set.id, hashSecret(`b-${++n}`), new Map([[id, i < yes]]))).toBe(1);
}

beforeEach(() => {
	db = useTestDatabase();
	ownerId = insertTestUser(db, `pro-${++n}`, { role: 'professional' });
});

describe('Vores aftaler', () => {
	it('publishes the agreements with a majority of the votes, in their order, without counts', () => {
		const set = newSet();
		const phones = addAgreement(set.id, { text: 'Telefonen sover uden for soveværelset.' });
		const ask = addAgreement(set.id, { text: 'Vi spørger, før vi deler.' });
		const tie = addAgreement(set.id, { text: 'Ingen telefoner ved middagen.' });
		vote(set, phones.id, 3, 2);
		vote(set, ask.id, 5, 0);
		vote(set, tie.id, 2, 2);
		setPublished(set.id, true);
		expect(publishedView({ ...set, publishedAt: new Date() }).agreements).toEqual([
			'Telefonen sover uden for soveværelset.',
			'Vi spørger, før vi deler.'
		]);
	});

	it('counts one vote per browser and agreement, and only while voting is open', () => {
		const set = newSet();
		const a = addAgreement(set.id, { text: 'Vi spørger, før vi deler.' });
		const b = addAgreement(set.id, { text: 'Vi siger det til hinanden.' });
		const me = hashSecret('my browser');
		expect(castVotes(set.id, me, new Map([[a.id, true]]))).toBe(1);
		expect(castVotes(set.id, me, new Map([[a.id, false]]))).toBe(0);
		// A new agreement later: the same browser may vote on it.
		expect(
			castVotes(
				set.id,
				me,
				new Map([
					[a.id, true],
					[b.id, true]
				])
			)
		).toBe(1);
		expect(agreementsOf(set.id).map((x) => [x.yes, x.no])).toEqual([
			[1, 0],
			[1, 0]
		]);
		setPublished(set.id, true);
		expect(castVotes(set.id, hashSecret('late'), new Map([[a.id, true]]))).toBe(0);
	});

	it('shows a proposal to no one, and takes no votes on it, until the professional approves it', () => {
		const set = newSet();
		const proposal = addAgreement(set.id, { text: 'Ingen mobiler i frikvarteret', proposed: true });
		expect(castVotes(set.id, hashSecret('x'), new Map([[proposal.id, true]]))).toBe(0);
		expect(manageView(set).agreements).toEqual([]);
		expect(manageView(set).proposals).toEqual([
			{ id: proposal.id, text: 'Ingen mobiler i frikvarteret' }
		]);
		setPublished(set.id, true);
		expect(publishedView({ ...set, publishedAt: new Date() }).agreements).toEqual([]);
		setPublished(set.id, false);

		expect(approveProposal(set.id, proposal.id, 'Vi har mobilfri frikvarterer.')).toBe(true);
		expect(approveProposal(set.id, proposal.id, 'igen')).toBe(false);
		vote(set, proposal.id, 1, 0);
		setPublished(set.id, true);
		expect(publishedView({ ...set, publishedAt: new Date() }).agreements).toEqual([
			'Vi har mobilfri frikvarterer.'
		]);
	});

	it('adds library suggestions once each, up to the most one A4 page holds', () => {
		const set = newSet();
		const ids = manageView(set).suggestions.map((s) => s.id);
		expect(addSuggestions(set, ['findes-ikke'])).toEqual({ forslag: 'agreements_choose_one' });
		expect(addSuggestions(set, ids.slice(0, 2))).toBeNull();
		expect(addSuggestions(set, ids.slice(0, 2))).toEqual({ forslag: 'agreements_choose_one' });
		expect(addSuggestions(set, ids.slice(2))).toMatchObject({
			forslag: { key: 'agreements_too_many' }
		});
		expect(manageView(set).agreements.map((a) => a.text)).toHaveLength(2);
	});

	it('is shown to a parent who follows a child in the class, once published', () => {
		const classRow = createClass(ownerId, { name: '7.A', school: 'Herlev Skole', ageGroup: '7.' });
		const pupil = insertTestUser(db, `pupil-${++n}`);
		expect(joinClassWithCode(pupil, pupil, classRow.joinCode).ok).toBe(true);
		const set = newSet(classRow.id);
		const a = addAgreement(set.id, { text: 'Vi spørger, før vi deler.' });
		vote(set, a.id, 1, 0);
		expect(publishedForChild(pupil)).toEqual([]);
		setPublished(set.id, true);
		expect(publishedForChild(pupil)).toMatchObject([
			{ name: '7.A, Herlev Skole', kind: 'klasse', agreements: ['Vi spørger, før vi deler.'] }
		]);
		expect(publishedForChild(insertTestUser(db, `other-${++n}`))).toEqual([]);
	});

	it('forgets who voted a day after publishing, keeping the counts', () => {
		const set = newSet();
		const a = addAgreement(set.id, { text: 'Vi spørger, før vi deler.' });
		vote(set, a.id, 2, 1);
		const at = new Date('2026-03-12T20:00:00Z');
		db.$client.prepare('update agreement_sets set published_at = ? where id = ?').run(+at, set.id);
		expect(purgeBallots(new Date(+at + 24 * 3600_000))).toEqual([]);
		expect(purgeBallots(new Date(+at + 24 * 3600_000 + 1))).toEqual([set.id]);
		expect(db.select().from(agreementBallots).all()).toEqual([]);
		expect(db.select({ yes: agreements.yes, no: agreements.no }).from(agreements).all()).toEqual([
			{ yes: 2, no: 1 }
		]);
	});

	it('closes voting by itself 30 days after the set was made, and forgets who voted a day later', () => {
		const made = new Date('2026-03-01T18:00:00Z');
		const set = createAgreementSet(
			{ ownerId, themeDayId: null, classId: null, yearGroup: '7. årgang' },
			made
		);
		const a = addAgreement(set.id, { text: 'Vi spørger, før vi deler.' });
		const days30 = +made + 30 * 24 * 3600_000;
		const votes = new Map([[a.id, true]]);
		expect(castVotes(set.id, hashSecret('early'), votes, new Date(days30 - 1))).toBe(1);
		expect(castVotes(set.id, hashSecret('late'), votes, new Date(days30))).toBe(0);
		expect(votingOpen(set, new Date(days30 - 1))).toBe(true);
		expect(votingOpen(set, new Date(days30))).toBe(false);
		expect(submitProposal(set, 'Et nyt forslag', '192.0.2.1', new Date(days30))).toMatchObject({
			ok: false,
			error: { key: 'agreements_voting_expired', params: { days: 30 } }
		});
		expect(purgeBallots(new Date(days30 + 24 * 3600_000))).toEqual([]);
		expect(purgeBallots(new Date(days30 + 24 * 3600_000 + 1))).toEqual([set.id]);
		expect(db.select().from(agreementBallots).all()).toEqual([]);
		// A set made today is open, and keeps its markers.
		const today = newSet();
		expect(votingOpen(today)).toBe(true);
		expect(purgeBallots()).not.toContain(today.id);
	});
});
