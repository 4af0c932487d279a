import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '$testing/test-db';
import { createUser } from '../auth/user';
import { recordAttempt } from '../learning/progress';
import { isCodeShape } from '../security/codes';
import { FAMILY_CODE_LIFETIME_MS, generateFamilyCode, isFamilyCodeShape } from './family-code';
import { nextLinkStatus } from './link-state';
import { modulesParentMaySee } from './parent-view';
import {
	activeLinkForParent,
	changeFamilyLink,
	createFamilyCode,
	currentFamilyCode,
	familyViewOfYouth,
	linksOfParent,
	linksOfYouth,
	requestFamilyLink
} from './family-links';

async function user(username: string, role: 'youth' | 'parent') {
	const created = await createUser({ username, password: 'x'.repeat(8), role });
	if (!created.ok) throw new Error();
	return created.user.id;
}

describe('family codes', () => {
	it('are 8 characters from the code alphabet', () => {
		for (let i = 0; i < 200; i++) expect(isCodeShape(generateFamilyCode(), 8)).toBe(true);
		expect(isFamilyCodeShape('ABCD2345')).toBe(true);
		expect(isFamilyCodeShape('ABCD234')).toBe(false);
	});
});

describe('link state machine', () => {
	it('goes requested → active → ended, or requested → declined', () => {
		expect(nextLinkStatus('requested', 'confirm')).toBe('active');
		expect(nextLinkStatus('requested', 'decline')).toBe('declined');
		expect(nextLinkStatus('active', 'end')).toBe('ended');
		expect(nextLinkStatus('requested', 'end')).toBe('ended');
	});
	it('rejects illegal transitions', () => {
		expect(nextLinkStatus('active', 'confirm')).toBeNull();
		expect(nextLinkStatus('declined', 'confirm')).toBeNull();
		expect(nextLinkStatus('ended', 'confirm')).toBeNull();
		expect(nextLinkStatus('ended', 'end')).toBeNull();
	});
});

describe('what a parent may see', () => {
	it('is the titles and dates of completed modules, never scores or attempts', () => {
		const seen = modulesParentMaySee(
			[
				{ moduleSlug: 'a', completedAt: new Date('2026-01-02'), bestScore: 83, attempts: 4 },
				{ moduleSlug: 'b', completedAt: null, bestScore: 40, attempts: 1 },
				{ moduleSlug: 'gone', completedAt: new Date('2026-01-03'), bestScore: 100, attempts: 1 }
			],
			(slug) => (slug === 'gone' ? undefined : `Titel ${slug}`)
		);
		expect(seen).toEqual([
			{ slug: 'a', title: 'Titel a', completedAt: '2026-01-02T00:00:00.000Z' }
		]);
		expect(JSON.stringify(seen)).not.toMatch(/83|attempts|score/);
	});
});

describe('family links', () => {
	let youth: string;
	let parent: string;
	beforeEach(async () => {
		useTestDatabase();
		youth = await user('ung', 'youth');
		parent = await user('mor', 'parent');
	});

	it('a code is single use and expires after 7 days', () => {
		const now = new Date('2026-03-01T10:00:00Z');
		const { code } = createFamilyCode(youth, now);
		expect(currentFamilyCode(youth, now)?.code).toBe(code);
		expect(
			requestFamilyLink(parent, code, new Date(now.getTime() + FAMILY_CODE_LIFETIME_MS))
		).toEqual({ ok: false, error: 'code_invalid' });
		expect(requestFamilyLink(parent, code, now)).toEqual({ ok: true });
		expect(requestFamilyLink(parent, code, now)).toEqual({ ok: false, error: 'code_invalid' });
		expect(currentFamilyCode(youth, now)).toBeNull();
	});

	it('a new code replaces the old one', () => {
		const first = createFamilyCode(youth);
		createFamilyCode(youth);
		expect(requestFamilyLink(parent, first.code)).toEqual({ ok: false, error: 'code_invalid' });
	});

	it('becomes active only when the young person confirms, and either side can end it', () => {
		requestFamilyLink(parent, createFamilyCode(youth).code);
		const [link] = linksOfYouth(youth);
		expect(link.status).toBe('requested');
		expect(activeLinkForParent(parent, link.id)).toBeNull();
		expect(changeFamilyLink(parent, link.id, 'confirm')).toBe(false);
		expect(changeFamilyLink(youth, link.id, 'confirm')).toBe(true);
		expect(activeLinkForParent(parent, link.id)?.youthId).toBe(youth);
		expect(changeFamilyLink(parent, link.id, 'end')).toBe(true);
		expect(activeLinkForParent(parent, link.id)).toBeNull();
		expect(linksOfParent(parent)).toEqual([]);
	});

	it('a declined request gives the parent nothing', () => {
		requestFamilyLink(parent, createFamilyCode(youth).code);
		const [link] = linksOfYouth(youth);
		expect(changeFamilyLink(youth, link.id, 'decline')).toBe(true);
		expect(activeLinkForParent(parent, link.id)).toBeNull();
		expect(changeFamilyLink(youth, link.id, 'confirm')).toBe(false);
	});

	it('allows at most two parents', async () => {
		for (const name of ['far', 'mor2', 'bonus']) {
			const id = await user(name, 'parent');
			const result = requestFamilyLink(id, createFamilyCode(youth).code);
			if (name !== 'bonus') {
				const pending = linksOfYouth(youth).find((l) => l.status === 'requested')!;
				changeFamilyLink(youth, pending.id, 'confirm');
			} else {
				expect(result).toEqual({ ok: false, error: 'too_many_parents' });
			}
		}
	});

	it('another person cannot act on the link', async () => {
		const stranger = await user('fremmed', 'parent');
		requestFamilyLink(parent, createFamilyCode(youth).code);
		const [link] = linksOfYouth(youth);
		expect(changeFamilyLink(stranger, link.id, 'end')).toBe(false);
		changeFamilyLink(youth, link.id, 'confirm');
		expect(activeLinkForParent(stranger, link.id)).toBeNull();
	});

	it('shows the parent completed module titles only', () => {
		recordAttempt(youth, 'grooming', {
			correctCount: 6,
			questionCount: 7,
			score: 86,
			passed: true
		});
		recordAttempt(youth, 'sextortion', {
			correctCount: 2,
			questionCount: 7,
			score: 29,
			passed: false
		});
		const view = familyViewOfYouth(
			youth,
			(slug) => ({ grooming: 'Grooming', sextortion: 'Sextortion' })[slug]
		);
		expect(view.map((m) => m.title)).toEqual(['Grooming']);
	});
});

describe('assignment titles for the family view', () => {
	it("lists the titles of the child's class assignments, nothing about progress", async () => {
		useTestDatabase();
		const { createClass, joinClassWithCode, assignModule } = await import('../classes/classes');
		const { assignmentTitles } = await import('./family-page');
		const teacher = await user('laerer', 'parent');
		const child = await user('barn', 'youth');
		const c = createClass(teacher, { name: '6.B', school: 'Skolen', ageGroup: '6. klasse' });
		joinClassWithCode(child, 'barn', c.joinCode);
		assignModule(c.id, { moduleSlug: 'grooming', dueDate: '2026-12-01', note: 'Hemmelig note' });
		const titles = assignmentTitles(child, 'da');
		expect(titles).toHaveLength(1);
		expect(titles[0]).toMatch(/^Grooming/);
	});
});
