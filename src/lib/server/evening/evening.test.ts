import { beforeEach, describe, expect, it } from 'vitest';
import { insertTestUser, useTestDatabase } from '$testing/test-db';
import type { AppDatabase } from '../db/client';
import { initContent, eveningLibrary } from '../content/library';
import { liveAnswerCounts, liveAnswers, youthPollCounts, youthPollTokens } from '../db/schema';
import { createThemeDay } from '../themedays/theme-days';
import { themeDayInput } from '$testing/theme-day-input';
import { hashSecret } from '../security/secret-hash';
import {
	answerInLiveRoom,
	commandLiveRoom,
	joinLiveRoom,
	liveRoomById,
	resetLiveRooms,
	runLivePurge
} from '../live/rooms';
import { readParticipantToken } from '../live/store';
import type { LiveRoom } from '../live/room';
import { startEveningLive, startPollLive } from './live';
import {
	answerPoll,
	closeStalePolls,
	createPoll,
	pollCounts,
	purgePollTokens,
	type PollRow
} from './poll-store';
import { purgeEveningMarkers } from './purge';
import { pollQuestions, pollResults } from './polls';

initContent();

let db: AppDatabase;
let ownerId: string;
let n = 0;

function newPoll(questionCount = 5): PollRow {
	const day = createThemeDay(ownerId, themeDayInput());
	const ids = [...eveningLibrary().questions.keys()].slice(0, questionCount);
	return createPoll({ ownerId, themeDayId: day.id, classId: null, questionIds: ids });
}

/** `count` browsers answer the poll's first question with its first option. */
function answerByLink(poll: PollRow, count: number) {
	const [q] = pollQuestions(poll);
	for (let i = 0; i < count; i++)
		expect(
			answerPoll(poll.id, hashSecret(`browser-${++n}`), new Map([[q.id, q.options[0].id]]))
		).toBe('ok');
}

function mustStart(started: ReturnType<typeof startPollLive>): LiveRoom {
	if (!started.ok) throw new Error(started.reason);
	return started.room;
}

/** Joins `count` participants; returns their ids. */
function join(room: LiveRoom, count: number): string[] {
	return Array.from({ length: count }, (_, i) => {
		const joined = joinLiveRoom(room, `Deltager ${++n} ${i}`);
		if (!joined.ok) throw new Error(joined.reason);
		return readParticipantToken(joined.token)!.id;
	});
}

/** A form choosing option `k` (in the order shown) of the room's open round. */
function choose(room: LiveRoom, k: number): FormData {
	const view = room.questionView(room.state.questionIndex)!;
	const form = new FormData();
	form.set(`q-${view.id}`, view.options[k].token);
	return form;
}

beforeEach(() => {
	db = useTestDatabase();
	resetLiveRooms();
	ownerId = insertTestUser(db, `pro-${++n}`, { role: 'professional' });
});

describe('a youth poll answered by link', () => {
	it('takes one answer per participation token', () => {
		const poll = newPoll();
		const [q1, q2] = pollQuestions(poll);
		const token = hashSecret('one browser');
		const answers = new Map([
			[q1.id, q1.options[1].id],
			[q2.id, q2.options[0].id]
		]);
		expect(answerPoll(poll.id, token, answers)).toBe('ok');
		expect(answerPoll(poll.id, token, new Map([[q1.id, q1.options[0].id]]))).toBe('already');
		expect(answerPoll(poll.id, hashSecret('another browser'), answers)).toBe('ok');
		expect(pollCounts(poll.id).get(q1.id)).toEqual(new Map([[q1.options[1].id, 2]]));
	});

	it('keeps counts only: nothing beside an answer says whose it is', () => {
		const poll = newPoll();
		answerByLink(poll, 3);
		expect(Object.keys(db.select().from(youthPollCounts).all()[0]).sort()).toEqual([
			'count',
			'optionId',
			'pollId',
			'questionId'
		]);
		// The token's marker says that this browser answered, never what.
		expect(Object.keys(db.select().from(youthPollTokens).all()[0]).sort()).toEqual([
			'answeredAt',
			'pollId',
			'tokenHash'
		]);
	});

	it('shows a question only once 10 have answered it: 9 hidden, 10 shown', () => {
		const poll = newPoll();
		const [q1, q2] = pollQuestions(poll);
		answerByLink(poll, 9);
		const results = () => pollResults([q1, q2], pollCounts(poll.id));
		expect(results()[0].figures).toEqual({ shown: false });
		answerByLink(poll, 1);
		expect(results()[0].figures).toEqual({
			shown: true,
			answered: 10,
			counts: [10, ...q1.options.slice(1).map(() => 0)]
		});
		expect(results()[1].figures).toEqual({ shown: false });
	});

	it('refuses answers once closed, and forgets the tokens a day after closing, keeping the counts', () => {
		const poll = newPoll();
		answerByLink(poll, 2);
		const closedAt = new Date('2026-03-12T20:00:00Z');
		db.$client.prepare('update youth_polls set closed_at = ? where id = ?').run(+closedAt, poll.id);
		expect(answerPoll(poll.id, hashSecret('late'), new Map([['x', 'y']]))).toBe('closed');
		expect(purgePollTokens(new Date(+closedAt + 24 * 3600_000))).toEqual([]);
		expect(purgePollTokens(new Date(+closedAt + 24 * 3600_000 + 1))).toEqual([poll.id]);
		expect(db.select().from(youthPollTokens).all()).toEqual([]);
		expect([...pollCounts(poll.id).values()][0]).toEqual(
			new Map([[pollQuestions(poll)[0].options[0].id, 2]])
		);
	});

	it('closes by itself 30 days after it was opened, and its tokens go a day later', () => {
		const openedAt = new Date('2026-03-01T08:00:00Z');
		const day = createThemeDay(ownerId, themeDayInput());
		const ids = [...eveningLibrary().questions.keys()].slice(0, 5);
		const poll = createPoll(
			{ ownerId, themeDayId: day.id, classId: null, questionIds: ids },
			openedAt
		);
		const later = newPoll();
		const [q] = pollQuestions(poll);
		const answer = new Map([[q.id, q.options[0].id]]);
		const thirtyDays = new Date(+openedAt + 30 * 24 * 3600_000);
		const justBefore = new Date(+thirtyDays - 1);
		expect(answerPoll(poll.id, hashSecret('in time'), answer, justBefore)).toBe('ok');
		// From the 30th day on it takes no answers, even before the job has marked it closed.
		expect(answerPoll(poll.id, hashSecret('late'), answer, thirtyDays)).toBe('closed');
		expect(closeStalePolls(thirtyDays)).not.toContain(poll.id);
		const after = new Date(+thirtyDays + 1);
		expect(purgeEveningMarkers(after).polls).not.toContain(poll.id);
		expect(answerPoll(poll.id, hashSecret('later'), answer)).toBe('closed');
		expect(answerPoll(later.id, hashSecret('later'), answer)).not.toBe('closed');
		expect(purgeEveningMarkers(new Date(+after + 24 * 3600_000 + 1)).polls).toContain(poll.id);
	});
});

describe('a youth poll answered live', () => {
	it('adds each answer to the poll, stores only that it was answered, and shows no bars below 10', () => {
		const poll = newPoll();
		const room = mustStart(startPollLive(ownerId, poll, {}));
		expect(room.activity.kind).toBe('poll');
		const ids = join(room, 10);
		commandLiveRoom(room, 'start');
		ids
			.slice(0, 9)
			.forEach((id) => expect(answerInLiveRoom(room, id, 0, choose(room, 1))).toBe('ok'));
		expect(room.hostView(false)).toMatchObject({ answeredCount: 9, tooFew: true, bars: [] });
		expect(room.hostView(true)).toMatchObject({ tooFew: true, bars: [] });
		expect(answerInLiveRoom(room, ids[9], 0, choose(room, 1))).toBe('ok');
		const host = room.hostView(false);
		expect(host.tooFew).toBe(false);
		expect(host.bars[1].count).toBe(10);

		const q = pollQuestions(poll)[0];
		expect(pollCounts(poll.id).get(q.id)?.get(q.options[1].id)).toBe(10);
		expect(
			new Set(
				db
					.select()
					.from(liveAnswers)
					.all()
					.map((a) => a.answer)
			)
		).toEqual(new Set(['[]']));
		// The live summary leaves the figures to the poll's page, which applies the minimum.
		commandLiveRoom(room, 'end');
		expect(room.summary()).toEqual([]);
		expect(room.activity.resultsHref).toBe(`/fagperson/stemmer/${poll.id}`);
	});
});

describe('a parent evening', () => {
	it("shows the parents' guesses beside the young people's answers, and nothing of a question 9 answered", () => {
		const poll = newPoll();
		answerByLink(poll, 10);
		const dilemma = [...eveningLibrary().dilemmas.keys()][0];
		const room = mustStart(
			startEveningLive(
				ownerId,
				{ poll, dilemmaIds: [dilemma, 'findes-ikke'], themeDayId: null },
				{}
			)
		);
		expect(room.questionCount).toBe(6);
		const parents = join(room, 3);
		commandLiveRoom(room, 'start');
		expect(room.questionView(0)!.prompt).toContain(pollQuestions(poll)[0].prompt);
		parents.forEach((id, i) =>
			expect(answerInLiveRoom(room, id, 0, choose(room, i % 2))).toBe('ok')
		);
		expect(room.hostView(false).evening).toMatchObject({ kind: 'guess', youth: null });
		expect(
			room
				.hostView(false)
				.bars.map((b) => b.count)
				.slice(0, 2)
		).toEqual([2, 1]);

		commandLiveRoom(room, 'reveal');
		const youth = room.hostView(false).evening;
		expect(youth).toMatchObject({ kind: 'guess', youth: { shown: true, answered: 10 } });

		// The second question: 9 answered by link.
		commandLiveRoom(room, 'next');
		commandLiveRoom(room, 'reveal');
		expect(room.hostView(false).evening).toMatchObject({ youth: { shown: false } });
		const second = pollQuestions(poll)[1];
		for (let i = 0; i < 9; i++)
			answerPoll(poll.id, hashSecret(`second-${i}`), new Map([[second.id, second.options[0].id]]));
		expect(room.hostView(false).evening).toMatchObject({ youth: { shown: false } });
		answerPoll(poll.id, hashSecret('second-9'), new Map([[second.id, second.options[0].id]]));
		expect(room.hostView(false).evening).toMatchObject({ youth: { shown: true, answered: 10 } });

		// The dilemma at the end: an open vote, with its questions for the tables on the control view.
		for (let r = 2; r < 5; r++) {
			commandLiveRoom(room, 'next');
			commandLiveRoom(room, 'reveal');
		}
		commandLiveRoom(room, 'next');
		expect(room.hostView(false).evening).toMatchObject({ kind: 'dilemma', talkAbout: [] });
		expect(
			(room.hostView(true).evening as { talkAbout: string[] }).talkAbout.length
		).toBeGreaterThan(1);
		expect(room.questionView(5)!.options.map((o) => o.text)).toEqual(['Enig', 'Uenig', 'Ved ikke']);
	});

	it('purges the raw votes 24 hours after the end and keeps the counts', () => {
		const poll = newPoll();
		answerByLink(poll, 10);
		const room = mustStart(
			startEveningLive(ownerId, { poll, dilemmaIds: [], themeDayId: null }, {})
		);
		const parents = join(room, 3);
		commandLiveRoom(room, 'start');
		parents.forEach((id) => answerInLiveRoom(room, id, 0, choose(room, 0)));
		commandLiveRoom(room, 'end');
		expect(db.select().from(liveAnswers).all()).toHaveLength(3);

		const ended = new Date(Date.now() + 24 * 3600_000 + 60_000);
		expect(runLivePurge(ended).purged).toEqual([room.id]);
		expect(db.select().from(liveAnswers).all()).toEqual([]);
		expect(
			db
				.select()
				.from(liveAnswerCounts)
				.all()
				.map((c) => c.count)
		).toEqual([3]);
		// The room comes back from the database with the guesses counted.
		const again = liveRoomById(room.id)!;
		expect(again.hostView(true).participantCount).toBe(0);
		expect(again.summary()[0].bars[0].count).toBe(3);
		expect([...pollCounts(poll.id).values()][0].get(pollQuestions(poll)[0].options[0].id)).toBe(10);
	});

	it('needs something to run: a poll with questions or a known dilemma', () => {
		expect(
			startEveningLive(ownerId, { poll: null, dilemmaIds: ['findes-ikke'], themeDayId: null }, {})
		).toEqual({
			ok: false,
			reason: 'unknown'
		});
	});
});
