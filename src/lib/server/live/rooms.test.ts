import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '$testing/test-db';
import { getDb } from '../db/client';
import { createUser } from '../auth/user';
import { initContent } from '../content/library';
import { liveAnswerCounts, liveAnswers, liveParticipants } from '../db/schema';
import { optionToken } from '../learning/quiz-form';
import {
	answerInLiveRoom,
	commandLiveRoom,
	dropIdleRooms,
	removeLiveParticipant,
	joinLiveRoom,
	liveRoomByCode,
	liveRoomById,
	resetLiveRooms,
	runLivePurge,
	startLiveSession
} from './rooms';
import { liveSessionById, readParticipantToken } from './store';
import { createThemeDay } from '../themedays/theme-days';
import { themeDayInput } from '$testing/theme-day-input';
import type { SseStream } from './sse';
import type { LiveRoom } from './room';

/** Starts a session that must start (the test's setup). */
function mustStart(input: Parameters<typeof startLiveSession>[0]): LiveRoom {
	const started = startLiveSession(input);
	if (!started.ok) throw new Error(`not started: ${started.reason}`);
	return started.room;
}

initContent();

let users = 0;
async function owner(): Promise<string> {
	const created = await createUser({
		username: `pro${++users}`,
		password: 'et godt kodeord',
		role: 'professional'
	});
	if (!created.ok) throw new Error('user');
	return created.user.id;
}

/** A form choosing the right (or a wrong) option of the room's current question. */
function answerForm(room: LiveRoom, right: boolean): FormData {
	const question = room.activity.question(Math.max(0, room.state.questionIndex))!;
	const seed = liveSessionById(room.id)!.shuffleSeed;
	const form = new FormData();
	if (question.type === 'order') {
		const ids = question.options.map((o) => o.id);
		const order = right ? ids : [...ids].reverse();
		order.forEach((id, i) =>
			form.set(`q-${question.id}-${optionToken(seed, question.id, id)}`, String(i + 1))
		);
	} else {
		for (const o of question.options
			.filter((o) => o.correct === right)
			.slice(0, question.type === 'multiple' && right ? undefined : 1))
			form.append(`q-${question.id}`, optionToken(seed, question.id, o.id));
	}
	return form;
}

/** A new session on the grooming module, started by a new professional. */
async function groomingRoom(): Promise<LiveRoom> {
	return mustStart({
		kind: 'quiz',
		ownerId: await owner(),
		track: 'unge',
		moduleSlug: 'grooming',
		themeDayId: null
	});
}

function recorder(): SseStream & { chunks: string[] } {
	const chunks: string[] = [];
	return { chunks, send: (c) => chunks.push(c), close: () => chunks.push('<closed>') };
}

describe('live sessions', () => {
	beforeEach(() => {
		useTestDatabase();
		resetLiveRooms();
	});

	it("is linked to a theme day only by the day's organiser", async () => {
		const organiser = await owner();
		const someoneElse = await owner();
		const day = createThemeDay(organiser, themeDayInput());
		const start = (ownerId: string, themeDayId: string | null) =>
			liveSessionById(
				mustStart({
					kind: 'quiz',
					ownerId,
					track: 'unge',
					moduleSlug: 'grooming',
					themeDayId
				}).id
			)!.themeDayId;
		expect(start(organiser, day.id)).toBe(day.id);
		expect(start(someoneElse, day.id)).toBeNull();
		expect(start(organiser, 'findes-ikke')).toBeNull();
		expect(start(organiser, null)).toBeNull();
	});

	it('runs a session end to end: join, answer once, reveal, score', async () => {
		const room = await groomingRoom();
		expect(room.code).toMatch(/^\d{6}$/);
		expect(liveRoomByCode(room.code)).toBe(room);

		const ida = joinLiveRoom(room, 'Modig Odder');
		const bo = joinLiveRoom(room, 'Bo');
		expect(ida.ok && bo.ok).toBe(true);
		expect(joinLiveRoom(room, 'modig odder')).toEqual({ ok: false, reason: 'live_nickname_taken' });
		const idaId = readParticipantToken((ida as { token: string }).token)!.id;
		const boId = readParticipantToken((bo as { token: string }).token)!.id;

		const stream = recorder();
		room.subscribeParticipant(idaId, stream, 0);
		expect(stream.chunks).toHaveLength(1);

		expect(answerInLiveRoom(room, idaId, 0, answerForm(room, true))).toBe('closed');
		expect(commandLiveRoom(room, 'reveal')).toBe(false);
		expect(commandLiveRoom(room, 'start')).toBe(true);
		expect(stream.chunks.at(-1)).toContain('"phase":"question"');
		// Nothing about which option is right goes out while the question is open.
		expect(stream.chunks.at(-1)).not.toMatch(/"correct"|"feedback"/);

		expect(answerInLiveRoom(room, idaId, 0, new FormData())).toBe('unanswered');
		expect(answerInLiveRoom(room, idaId, 0, answerForm(room, true))).toBe('ok');
		expect(answerInLiveRoom(room, idaId, 0, answerForm(room, false))).toBe('already');
		expect(answerInLiveRoom(room, boId, 0, answerForm(room, false))).toBe('ok');
		expect(room.hostView(true).answeredCount).toBe(2);
		expect(room.hostView(true).bars.every((b) => b.correct === null)).toBe(true);
		expect(room.hostView(false).latestParticipants).toBeNull();
		expect(room.hostView(true).latestParticipants!.map((p) => p.nickname)).toEqual([
			'Bo',
			'Modig Odder'
		]);

		commandLiveRoom(room, 'reveal');
		const revealed = room.participantView(idaId)!;
		expect(revealed.mine.result?.correct).toBe(true);
		expect(room.participantView(boId)!.mine.result?.correct).toBe(false);
		expect(room.hostView(false).bars.filter((b) => b.correct).length).toBeGreaterThan(0);

		expect(commandLiveRoom(room, 'end')).toBe(true);
		expect(room.participantView(idaId)!.mine.score).toEqual({
			correct: 1,
			total: room.questionCount
		});
		expect(joinLiveRoom(room, 'Sent')).toEqual({ ok: false, reason: 'live_ended' });
	});

	it('sends each participant their own part, built once for everyone who answered alike', async () => {
		const room = await groomingRoom();
		const ids = ['A', 'B', 'C', 'D'].map((name) => {
			const joined = joinLiveRoom(room, name);
			if (!joined.ok) throw new Error(joined.reason);
			return readParticipantToken(joined.token)!.id;
		});
		const streams = ids.map((id) => {
			const stream = recorder();
			room.subscribeParticipant(id, stream, 0);
			return stream;
		});
		commandLiveRoom(room, 'start');
		expect(answerInLiveRoom(room, ids[0], 0, answerForm(room, true))).toBe('ok');
		expect(answerInLiveRoom(room, ids[1], 0, answerForm(room, true))).toBe('ok');
		expect(answerInLiveRoom(room, ids[2], 0, answerForm(room, false))).toBe('ok');
		commandLiveRoom(room, 'reveal');
		const [right, alsoRight, wrong, none] = streams.map((s) => s.chunks.at(-1)!);
		expect(alsoRight).toBe(right);
		expect(right).not.toBe(wrong);
		expect(none).not.toBe(wrong);
		// Each event is what participantView says for that person.
		ids.forEach((id, i) => {
			const mine = JSON.parse(/^data: (.*)$/m.exec(streams[i].chunks.at(-1)!)![1]).mine;
			expect(mine).toEqual(room.participantView(id)!.mine);
		});
		expect(room.participantView(ids[0])!.mine.result?.correct).toBe(true);
		expect(room.participantView(ids[2])!.mine.result?.correct).toBe(false);

		commandLiveRoom(room, 'end');
		ids.forEach((id, i) => {
			const mine = JSON.parse(/^data: (.*)$/m.exec(streams[i].chunks.at(-1)!)![1]).mine;
			expect(mine).toEqual(room.participantView(id)!.mine);
		});
		expect(streams[0].chunks.at(-1)).toBe(streams[1].chunks.at(-1));
		expect(streams[0].chunks.at(-1)).not.toBe(streams[2].chunks.at(-1));
	});

	it('streams state events with ids, and resumes from Last-Event-ID without repeating', async () => {
		const room = await groomingRoom();
		const joined = joinLiveRoom(room, 'Ida') as { ok: true; token: string };
		const id = readParticipantToken(joined.token)!.id;
		const first = recorder();
		room.subscribeParticipant(id, first, 0);
		const version = room.version;
		expect(first.chunks[0]).toMatch(
			new RegExp(`^id: ${version}\nevent: state\ndata: [{].*[}]\n\n$`)
		);

		// Reconnecting with the latest id: nothing missed, nothing sent.
		const resumed = recorder();
		room.subscribeParticipant(id, resumed, version);
		expect(resumed.chunks).toEqual([]);
		// Reconnecting after a missed change: the current state at once.
		commandLiveRoom(room, 'start');
		const late = recorder();
		room.subscribeParticipant(id, late, version);
		expect(late.chunks).toHaveLength(1);
		expect(late.chunks[0]).toContain(`id: ${version + 1}`);
		expect(resumed.chunks).toHaveLength(1);

		room.heartbeat();
		expect(resumed.chunks.at(-1)).toBe(': hb\n\n');
	});

	it('comes back the same after a restart (state, participants, answers, counts)', async () => {
		const room = await groomingRoom();
		const joined = joinLiveRoom(room, 'Ida') as { ok: true; token: string };
		const id = readParticipantToken(joined.token)!.id;
		commandLiveRoom(room, 'start');
		answerInLiveRoom(room, id, 0, answerForm(room, true));
		const before = room.hostView(true);

		resetLiveRooms();
		const again = liveRoomById(room.id)!;
		expect(again).not.toBe(room);
		expect(again.state).toEqual({ phase: 'question', questionIndex: 0 });
		expect(again.participant(id, readParticipantToken(joined.token)!.secretHash)?.nickname).toBe(
			'Ida'
		);
		expect(again.participant(id, readParticipantToken(`${id}.wrong`)!.secretHash)).toBeNull();
		expect(again.hostView(true).bars).toEqual(before.bars);
		expect(answerInLiveRoom(again, id, 0, answerForm(again, true))).toBe('already');
	});

	it('gives each running session its own code', async () => {
		const codes = new Set<string>();
		for (let i = 0; i < 10; i++) {
			const ownerId = await owner();
			for (let j = 0; j < 3; j++)
				codes.add(
					mustStart({
						kind: 'quiz',
						ownerId,
						track: 'unge',
						moduleSlug: 'grooming',
						themeDayId: null
					}).code
				);
		}
		expect(codes.size).toBe(30);
		expect(
			startLiveSession({
				kind: 'quiz',
				ownerId: await owner(),
				track: 'unge',
				moduleSlug: 'findes-ikke',
				themeDayId: null
			})
		).toEqual({ ok: false, reason: 'unknown' });
	});

	it('lets one professional run three sessions at once; the fourth can end the oldest first', async () => {
		const ownerId = await owner();
		const input = {
			kind: 'quiz' as const,
			ownerId,
			track: 'unge' as const,
			moduleSlug: 'grooming',
			themeDayId: null
		};
		const first = mustStart(input);
		mustStart(input);
		mustStart(input);
		expect(startLiveSession(input)).toEqual({ ok: false, reason: 'quota', running: 3 });
		const fourth = startLiveSession({ ...input, endOldest: true });
		expect(fourth.ok).toBe(true);
		expect(first.state.phase).toBe('ended');
		expect(liveSessionById(first.id)!.endedAt).not.toBeNull();
	});

	it('removes a participant: their answers stop counting, their cookie stops working, also after a restart', async () => {
		const room = await groomingRoom();
		const [a, b] = ['Anna', 'Trold'].map((n) => {
			const joined = joinLiveRoom(room, n);
			if (!joined.ok) throw new Error(n);
			return readParticipantToken(joined.token)!;
		});
		commandLiveRoom(room, 'start');
		expect(answerInLiveRoom(room, a.id, 0, answerForm(room, true))).toBe('ok');
		expect(answerInLiveRoom(room, b.id, 0, answerForm(room, false))).toBe('ok');
		const counted = () => room.hostView(false).bars.reduce((n, bar) => n + bar.count, 0);
		const before = counted();
		expect(removeLiveParticipant(room, b.id)).toBe(true);
		expect(room.participantCount).toBe(1);
		expect(counted()).toBeLessThan(before);
		expect(room.participant(b.id, b.secretHash)).toBeNull();
		expect(removeLiveParticipant(room, b.id)).toBe(false);
		resetLiveRooms();
		const again = liveRoomById(room.id)!;
		expect(again.participantCount).toBe(1);
		expect(again.hostView(false).bars.reduce((n, bar) => n + bar.count, 0)).toBe(counted());
	});

	it('gives a change made while no control view listens a new version, so a view rendered before it takes it', async () => {
		const room = await groomingRoom();
		const rendered = room.hostView(false).version;
		joinLiveRoom(room, 'Ida');
		const stream = recorder();
		room.subscribeHost(stream, false);
		expect(stream.chunks[0]).not.toContain(`id: ${rendered}\n`);
		expect(stream.chunks[0]).toContain('"participantCount":1');
	});

	it('drops a room without streams and without activity from memory; it comes back from the database', async () => {
		const room = await groomingRoom();
		const unsubscribe = room.subscribeHost(recorder(), true);
		expect(dropIdleRooms(Date.now() + 60 * 60 * 1000)).toEqual([]);
		unsubscribe();
		const later = room.lastActivity + 11 * 60 * 1000;
		expect(dropIdleRooms(room.lastActivity + 60 * 1000)).toEqual([]);
		expect(dropIdleRooms(later)).toEqual([room.id]);
		const back = liveRoomById(room.id)!;
		expect(back).not.toBe(room);
		expect(back.code).toBe(room.code);
	});

	it('purges nicknames and answers 24 hours after the end, keeping the counts', async () => {
		const hour = 60 * 60 * 1000;
		const room = await groomingRoom();
		const joined = joinLiveRoom(room, 'Ida') as { ok: true; token: string };
		const id = readParticipantToken(joined.token)!.id;
		commandLiveRoom(room, 'start');
		answerInLiveRoom(room, id, 0, answerForm(room, true));
		const stream = recorder();
		room.subscribeParticipant(id, stream, 0);
		commandLiveRoom(room, 'end');
		const endedAt = liveSessionById(room.id)!.endedAt!;

		const db = getDb();
		expect(runLivePurge(new Date(endedAt.getTime() + 24 * hour - 1)).purged).toEqual([]);
		expect(db.select().from(liveParticipants).all()).toHaveLength(1);

		expect(runLivePurge(new Date(endedAt.getTime() + 24 * hour + 1)).purged).toEqual([room.id]);
		expect(db.select().from(liveParticipants).all()).toHaveLength(0);
		expect(db.select().from(liveAnswers).all()).toHaveLength(0);
		expect(
			db
				.select()
				.from(liveAnswerCounts)
				.all()
				.reduce((n, r) => n + r.count, 0)
		).toBe(1);
		expect(stream.chunks.at(-1)).toBe('<closed>');
		expect(liveSessionById(room.id)!.purgedAt).not.toBeNull();
		// The professional still sees the distribution.
		expect(
			liveRoomById(room.id)!
				.summary()[0]
				.bars.reduce((n, b) => n + b.count, 0)
		).toBe(1);
		expect(liveRoomByCode(room.code)).toBeNull();
	});

	it('ends sessions left running for 12 hours, then purges them a day later', async () => {
		const room = await groomingRoom();
		joinLiveRoom(room, 'Ida');
		const created = liveSessionById(room.id)!.createdAt.getTime();
		const hour = 60 * 60 * 1000;
		expect(runLivePurge(new Date(created + 11 * hour)).ended).toEqual([]);
		const later = new Date(created + 13 * hour);
		expect(runLivePurge(later).ended).toEqual([room.id]);
		expect(liveRoomById(room.id)!.state.phase).toBe('ended');
		expect(runLivePurge(new Date(later.getTime() + 25 * hour)).purged).toEqual([room.id]);
	});
});

describe('SSE responses', () => {
	it('send retry first and event-stream headers, and forget the stream when cancelled', async () => {
		const { sseResponse, lastEventId } = await import('./sse');
		let forgotten = false;
		const response = sseResponse((stream) => {
			stream.send('id: 1\nevent: state\ndata: {}\n\n');
			return () => (forgotten = true);
		});
		expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
		expect(response.headers.get('cache-control')).toContain('no-cache');
		const reader = response.body!.getReader();
		const text = new TextDecoder().decode((await reader.read()).value);
		expect(text).toBe('retry: 2000\n\n');
		expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: state');
		await reader.cancel();
		expect(forgotten).toBe(true);
		expect(lastEventId(new Request('http://x/', { headers: { 'last-event-id': '7' } }))).toBe(7);
		expect(lastEventId(new Request('http://x/', { headers: { 'last-event-id': 'x' } }))).toBe(0);
	});
});
