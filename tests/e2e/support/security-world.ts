import type { APIRequestContext } from '@playwright/test';
import {
	ACTORS,
	adminApi,
	apiClient,
	approve,
	assignApi,
	createAgreementSetApi,
	createClassApi,
	createPollApi,
	createMeasureApi,
	createThemeDayApi,
	joinClassApi,
	linkFamilyApi,
	signUpApi,
	startLiveApi,
	type Account,
	type Actor
} from './security-fixtures';

/**
 * The people and objects of the authorization matrix. Every object the matrix attacks belongs to
 * someone who is not an actor (professional A's class, a family link between two other people),
 * and the actions that are allowed run on spare objects, so the victim's data can be compared
 * before and after.
 */
export async function buildSecurityWorld() {
	const admin = await adminApi();
	const proA = await approve(admin, await signUpApi('professional'));
	const proB = await approve(admin, await signUpApi('professional'));
	const pending = await signUpApi('professional');
	const pendingTarget = await signUpApi('professional');
	const pendingSpare = await signUpApi('professional');
	const pendingDeclineSpare = await signUpApi('professional');
	const youth = await signUpApi('youth');
	const parent = await signUpApi('parent');

	// The victims: a pupil in professional A's class, followed by a parent who is not an actor.
	const pupil = await signUpApi('youth');
	const pupilParent = await signUpApi('parent');
	const link = await linkFamilyApi(pupil, pupilParent);
	const classA = await createClassApi(proA);
	await joinClassApi(pupil, classA.code);
	const assignment = await assignApi(proA, classA.id, 'grooming', 'Læs den inden fredag.');

	// Spare objects of professional A's for the cells that are allowed to change something.
	const classOk = await createClassApi(proA);
	const spares: Account[] = [];
	for (let i = 0; i < 3; i++) {
		const spare = await signUpApi('youth');
		await joinClassApi(spare, classOk.code);
		spares.push(spare);
	}
	const spareAssignments = [
		await assignApi(proA, classOk.id, 'grooming'),
		await assignApi(proA, classOk.id, 'sextortion')
	];
	const classArchive = await createClassApi(proA);
	const classJoin = await createClassApi(proB);
	const liveA = await startLiveApi(proA);
	const liveOk = await startLiveApi(proA);
	const liveJoin = await startLiveApi(proB);
	// A draft theme day of professional A's, and a spare one for the allowed cells.
	const themeDayA = await createThemeDayApi(proA);
	const themeDayOk = await createThemeDayApi(proA);
	// The evening: a youth poll and a set of agreements of professional A's, and spares.
	const pollA = await createPollApi(proA, `temadag:${themeDayA.id}`);
	const pollOk = await createPollApi(proA, `temadag:${themeDayOk.id}`);
	const agreementsA = await createAgreementSetApi(proA, `klasse:${classA.id}`);
	const agreementsOk = await createAgreementSetApi(proA, `klasse:${classOk.id}`);
	// A measure on professional A's class, and spare ones to move on and to close.
	const measureA = await createMeasureApi(proA, assignment);
	// (On the assignment no cell removes: removing one deletes its measures.)
	const measureAfterOk = await createMeasureApi(proA, spareAssignments[1]);
	const measureCloseOk = await createMeasureApi(proA, spareAssignments[1]);
	// Coordinators are no column of the matrix: they have a table of their own.
	const coordinator = await approve(admin, await signUpApi('coordinator'));
	const pendingCoordinator = await signUpApi('coordinator');

	const clients: Record<Actor, APIRequestContext> = {
		visitor: await apiClient(),
		youth: youth.client,
		parent: parent.client,
		pending: pending.client,
		proA: proA.client,
		proB: proB.client,
		admin: admin.client
	};
	const accounts: Record<Exclude<Actor, 'visitor'>, Account> = {
		youth,
		parent,
		pending,
		proA,
		proB,
		admin
	};

	return {
		actors: ACTORS,
		clients,
		accounts,
		pupil,
		pupilParent,
		link,
		classA,
		assignment,
		classOk,
		spares,
		spareAssignments,
		classArchive,
		classJoin,
		liveA,
		liveOk,
		liveJoin,
		themeDayA,
		themeDayOk,
		pollA,
		pollOk,
		agreementsA,
		agreementsOk,
		measureA,
		measureAfterOk,
		measureCloseOk,
		coordinator,
		pendingCoordinator,
		pendingTarget,
		pendingSpare,
		pendingDeclineSpare,
		async dispose() {
			for (const c of Object.values(clients)) await c.dispose();
			for (const a of [
				pupil,
				pupilParent,
				pendingTarget,
				pendingSpare,
				pendingDeclineSpare,
				coordinator,
				pendingCoordinator,
				...spares
			])
				await a.client.dispose();
		}
	};
}

export type SecurityWorld = Awaited<ReturnType<typeof buildSecurityWorld>>;
