import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '$testing/test-db';
import { createUser } from '../auth/user';
import { initContent } from '../content/library';
import { optionToken } from '../learning/quiz-form';
import {
	answerInLiveRoom,
	commandLiveRoom,
	joinLiveRoom,
	liveRoomById,
	resetLiveRooms,
	startLiveSession
} from './rooms';
import { liveSessionById, readParticipantToken } from './store';
import type { LiveRoom } from './room';

/** Starts a session that must start (the test's setup). */
function mustStart(input: Parameters<typeof startLiveSession>[0]): LiveRoom {
	const started = startLiveSession(input);
	if (!started.ok) throw new Error(`not started: ${started.reason}`);
	return started.room;
}

// The fixture scenario (tests/fixtures/content/da/scenarier/oev-sofie): start has two replies,
// "pay" (→ betalt) and "silent" (→ beviser); each of those has two replies to an ending.
initContent('tests/fixtures/content');

async function scenarioRoom(): Promise<LiveRoom> {
	const created = await createUser({
		username: `pro${Math.random().toString(36).slice(2, 8)}`,
		password: 'et godt kodeord',
		role: 'professional'
	});
	if (!created.ok) throw new Error('user');
	return mustStart({
		kind: 'scenario',
		ownerId: created.user.id,
		track: 'unge',
		moduleSlug: 'oev-sofie',
		themeDayId: null
	});
}

function vote(room: LiveRoom, participant: string, reply: number) {
	const round = room.state.questionIndex;
	const step = room.questionView(round)!.id;
	const form = new FormData();
	form.set(`q-${step}`, optionToken(liveSessionById(room.id)!.shuffleSeed, step, String(reply)));
	return answerInLiveRoom(room, participant, round, form);
}

function join(room: LiveRoom, name: string): string {
	const joined = joinLiveRoom(room, name);
	if (!joined.ok) throw new Error(joined.reason);
	return readParticipantToken(joined.token)!.id;
}

describe('a scenario run live', () => {
	beforeEach(() => {
		useTestDatabase();
		resetLiveRooms();
	});

	it('counts the votes, goes on with the majority, and ends at the ending the replies reach', async () => {
		const room = await scenarioRoom();
		const [a, b, c] = ['A', 'B', 'C'].map((n) => join(room, n));
		expect(commandLiveRoom(room, 'start')).toBe(true);
		expect(room.participantView(a)!.shared.chat!.incoming.at(-1)).toMatchObject({
			card: { title: 'MobilePay-anmodning' }
		});
		expect([vote(room, a, 1), vote(room, b, 1), vote(room, c, 0)]).toEqual(['ok', 'ok', 'ok']);
		expect(vote(room, a, 0)).toBe('already');
		expect(room.hostView(false).bars.map((bar) => bar.count)).toEqual([1, 2]);

		expect(commandLiveRoom(room, 'reveal')).toBe(true);
		const host = room.hostView(false);
		expect(host.chosenReply).toBe(host.question!.options[1].token);
		const chat = room.participantView(a)!.shared.chat!;
		expect(chat.turns.at(-1)!.reply!.text).toBe(
			'(Du svarer ikke og tager skærmbilleder af chatten)'
		);
		expect(chat.incoming[0]).toEqual({ text: 'Hallo?? Svar mig nu!' });

		expect(commandLiveRoom(room, 'next')).toBe(true);
		expect(room.state).toEqual({ phase: 'question', questionIndex: 1 });
		// The professional goes on with a reply nobody chose, to talk about it.
		expect(commandLiveRoom(room, 'reveal', 1)).toBe(true);
		expect(commandLiveRoom(room, 'next')).toBe(true);
		expect(room.state.phase).toBe('ended');
		expect(room.participantView(b)!.shared.chat!.ending!.title).toBe('Det blev svært');
		expect(room.participantView(b)!.mine.score).toBeNull();
	});

	it('refuses a reply that does not exist, and comes back after a restart at the same point', async () => {
		const room = await scenarioRoom();
		expect(commandLiveRoom(room, 'start')).toBe(true);
		expect(commandLiveRoom(room, 'reveal', 7)).toBe(false);
		expect(commandLiveRoom(room, 'reveal', 0)).toBe(true);
		expect(liveSessionById(room.id)!.scenarioPath).toEqual([0]);
		resetLiveRooms();
		const again = liveRoomById(room.id)!;
		expect(again.state).toEqual({ phase: 'revealed', questionIndex: 0 });
		expect(again.participantCount).toBe(0);
		expect(again.hostView(false).chat!.incoming[0]).toEqual({
			text: 'Tak. Nu vil jeg have 3.000 mere.'
		});
	});
});
