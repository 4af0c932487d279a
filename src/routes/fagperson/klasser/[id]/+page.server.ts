import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { content, findAssignable } from '$lib/server/content/library';
import { m } from '$lib/paraglide/messages';
import { classAssignments } from '$lib/server/classes/assignment-view';
import { field } from '$lib/server/http/form';
import { requireClassOwner } from '$lib/server/classes/guard';
import {
	archiveClass,
	assignModule,
	isMember,
	memberProgress,
	membersOf,
	newJoinCode,
	removeAssignment,
	removeMember,
	renameMember,
	setJoiningOpen
} from '$lib/server/classes/classes';
import { buildClassGrid, type GridSort } from '$lib/server/classes/grid';
import { assignmentFormSchema, displayNameSchema } from '$lib/server/classes/class-form';
import { parseForm } from '$lib/server/http/parse-form';
import { joinCodeRenewals, spend } from '$lib/server/security/quotas';
import type { ErrorMessage } from '$lib/i18n';
import { createResetCode } from '$lib/server/classes/password-reset';
import { qrDataUrl } from '$lib/server/classes/qr';

export const load: PageServerLoad = async (event) => {
	const classRow = requireClassOwner(event, event.params.id);
	const library = content(getLocale());
	const members = membersOf(classRow.id);
	const assigned = classAssignments(classRow.id, getLocale());
	const sort: GridSort =
		event.url.searchParams.get('sorter') === 'fremskridt' ? 'fremskridt' : 'navn';
	const progress = memberProgress(
		members.map((mem) => mem.userId),
		assigned.map((a) => a.moduleSlug)
	);
	const joinUrl = `${event.url.origin}/klasse?kode=${classRow.joinCode}`;
	return {
		classInfo: {
			id: classRow.id,
			name: classRow.name,
			school: classRow.school,
			ageGroup: classRow.ageGroup,
			joinCode: classRow.joinCode,
			joiningOpen: classRow.joiningOpen,
			archived: classRow.archivedAt !== null,
			joinUrl,
			qr: await qrDataUrl(joinUrl)
		},
		members: members.map((mem) => ({
			userId: mem.userId,
			displayName: mem.displayName,
			username: mem.username
		})),
		assignments: assigned.map((a) => ({
			id: a.id,
			slug: a.slug,
			kind: a.kind,
			href: a.href,
			title: a.title,
			dueDate: a.dueDate,
			note: a.note
		})),
		grid: buildClassGrid(members, assigned, progress, sort),
		sort,
		moduleChoices: Object.values(library.tracks)
			.flatMap((t) => [
				{ track: t.title, modules: t.modules.map((mod) => ({ slug: mod.slug, title: mod.title })) },
				{
					track: `${t.title}: ${m.scenario_practice()}`,
					modules: t.scenarios.map((sc) => ({ slug: sc.slug, title: sc.title }))
				}
			])
			.filter((group) => group.modules.length > 0)
	};
};

/** Every action starts with the owner check; member actions also check membership. */
async function ownerForm(event: RequestEvent) {
	const classRow = requireClassOwner(event, event.params.id);
	return { classRow, form: await event.request.formData() };
}

async function memberAction(event: RequestEvent) {
	const { classRow, form } = await ownerForm(event);
	const userId = field(form, 'userId');
	return { classRow, form, userId, ok: isMember(classRow.id, userId) };
}

export const actions: Actions = {
	nyKode: async (event) => {
		const { classRow } = await ownerForm(event);
		const wait = spend(joinCodeRenewals, event.locals.user!.id);
		if (wait > 0)
			return fail(429, {
				quota: {
					key: 'error_quota_join_codes',
					params: { minutes: Math.ceil(wait / 60) }
				} satisfies ErrorMessage
			});
		newJoinCode(classRow.id);
		return { done: 'new_code' };
	},
	adgang: async (event) => {
		const { classRow, form } = await ownerForm(event);
		setJoiningOpen(classRow.id, field(form, 'open') === 'ja');
		return { done: field(form, 'open') === 'ja' ? 'joining_opened' : 'joining_closed' };
	},
	arkiver: async (event) => {
		const { classRow } = await ownerForm(event);
		archiveClass(classRow.id);
		return { done: 'archived' };
	},
	tildel: async (event) => {
		const { classRow, form } = await ownerForm(event);
		const schema = assignmentFormSchema((slug) => findAssignable('da', slug) !== undefined);
		const parsed = parseForm(schema, form);
		if (!parsed.ok)
			return fail(400, { assignment: { values: parsed.values, errors: parsed.errors } });
		assignModule(classRow.id, parsed.data);
		return { done: 'assigned' };
	},
	fjernOpgave: async (event) => {
		const { classRow, form } = await ownerForm(event);
		if (!removeAssignment(classRow.id, Number(field(form, 'assignmentId'))))
			return fail(404, { done: null });
		return { done: 'assignment_removed' };
	},
	omdoeb: async (event) => {
		const { classRow, form, userId, ok } = await memberAction(event);
		if (!ok) return fail(404, { done: null });
		const parsed = parseForm(displayNameSchema, form);
		if (!parsed.ok)
			return fail(400, {
				rename: { userId, value: parsed.values.displayName, error: parsed.errors.displayName }
			});
		renameMember(classRow.id, userId, parsed.data.displayName);
		return { done: 'renamed' };
	},
	fjernElev: async (event) => {
		const { classRow, userId, ok } = await memberAction(event);
		if (!ok) return fail(404, { done: null });
		removeMember(classRow.id, userId);
		return { done: 'pupil_removed' };
	},
	nulstil: async (event) => {
		const { classRow, userId, ok } = await memberAction(event);
		if (!ok) return fail(404, { done: null });
		const member = membersOf(classRow.id).find((mem) => mem.userId === userId)!;
		return {
			reset: {
				name: member.displayName,
				username: member.username,
				code: createResetCode(userId, event.locals.user!.id)
			}
		};
	}
};
