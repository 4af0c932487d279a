import { findModule, findScenario } from '../content/library';
import { getThemeDay } from '../themedays/theme-days';
import type { TrackId } from '../content/schema';
import { LiveRoom, MAX_PARTICIPANTS, type AnswerOutcome } from './room';
import { QuizActivity, ScenarioActivity, type LiveActivity } from './activity';
import type { LiveCommand } from './state-machine';
import {
	answerCountsOf,
	answersOf,
	createLiveSession,
	insertAnswer,
	insertParticipant,
	liveSessionByCode,
	liveSessionById,
	participantsOf,
	purgeLiveData,
	saveLiveState,
	type LiveSessionRow
} from './store';

/** Rooms of this process, by session id. One Node process serves the app. */
const rooms = new Map<string, LiveRoom>();

function load(row: LiveSessionRow): LiveRoom | null {
	const existing = rooms.get(row.id);
	if (existing) return existing;
	const activity = activityOf(row);
	if (!activity) return null;
	const room = new LiveRoom(row, activity, answerCountsOf(row.id));
	const answers = new Map<string, ReturnType<typeof answersOf>>();
	for (const a of answersOf(row.id))
		answers.set(a.participantId, [...(answers.get(a.participantId) ?? []), a]);
	for (const p of participantsOf(row.id)) {
		room.addParticipant(
			{ id: p.id, nickname: p.nickname, secretHash: p.secretHash },
			new Map(
				(answers.get(p.id) ?? []).map((a) => [
					a.questionIndex,
					{ answer: JSON.parse(a.answer) as string[], correct: a.correct }
				])
			)
		);
	}
	rooms.set(row.id, room);
	return room;
}

/** The quiz or scenario a session runs (in Danish: the projector and the votes are shared). */
function activityOf(row: LiveSessionRow): LiveActivity | null {
	if (row.kind === 'scenario') {
		const scenario = findScenario('da', row.track as TrackId, row.moduleSlug);
		return scenario ? new ScenarioActivity(scenario, row.shuffleSeed, row.scenarioPath) : null;
	}
	const module = findModule('da', row.track as TrackId, row.moduleSlug);
	return module ? new QuizActivity(module, row.shuffleSeed) : null;
}

export function liveRoomById(id: string): LiveRoom | null {
	if (rooms.has(id)) return rooms.get(id)!;
	const row = liveSessionById(id);
	return row ? load(row) : null;
}

/** Running rooms by code: every participant request looks its room up by code. */
const runningByCode = new Map<string, LiveRoom>();

/** The session a participant's code points to (running, or ended but not yet purged). */
export function liveRoomByCode(code: string): LiveRoom | null {
	const running = runningByCode.get(code);
	if (running && running.state.phase !== 'ended') return running;
	const row = liveSessionByCode(code);
	const room = row ? load(row) : null;
	if (room && room.state.phase !== 'ended') runningByCode.set(code, room);
	else runningByCode.delete(code);
	return room;
}

/**
 * Starts a session on a module with questions, or on a practice scenario. It is linked to the
 * theme day it was started from only when the person organises that day; any other day id is
 * ignored.
 */
export function startLiveSession(input: {
	ownerId: string;
	kind: 'quiz' | 'scenario';
	track: TrackId;
	moduleSlug: string;
	themeDayId: string | null;
}): LiveRoom | null {
	const exists =
		input.kind === 'scenario'
			? findScenario('da', input.track, input.moduleSlug) !== undefined
			: !!findModule('da', input.track, input.moduleSlug)?.questions.length;
	if (!exists) return null;
	const ownDay =
		input.themeDayId !== null && getThemeDay(input.themeDayId)?.organiserId === input.ownerId;
	return load(createLiveSession({ ...input, themeDayId: ownDay ? input.themeDayId : null }));
}

export type JoinOutcome =
	| { ok: true; token: string }
	| { ok: false; reason: 'live_nickname_taken' | 'live_full' | 'live_ended' };

export function joinLiveRoom(room: LiveRoom, nickname: string): JoinOutcome {
	if (room.state.phase === 'ended') return { ok: false, reason: 'live_ended' };
	if (room.participantCount >= MAX_PARTICIPANTS) return { ok: false, reason: 'live_full' };
	const inserted = insertParticipant(room.id, nickname);
	if (!inserted) return { ok: false, reason: 'live_nickname_taken' };
	const { participant, token } = inserted;
	room.addParticipant({
		id: participant.id,
		nickname: participant.nickname,
		secretHash: participant.secretHash
	});
	return { ok: true, token };
}

/**
 * Moves the session on; false when the command does not fit the current state. In a scenario,
 * `reply` is the reply the professional goes on with when revealing (else the most chosen).
 */
export function commandLiveRoom(
	room: LiveRoom,
	command: LiveCommand,
	reply: number | null = null
): boolean {
	const next = room.nextState(command, reply);
	if (!next) return false;
	saveLiveState(room.id, next, room.activity.path);
	room.setState(next);
	return true;
}

export function answerInLiveRoom(
	room: LiveRoom,
	participantId: string,
	questionIndex: number,
	form: FormData
): AnswerOutcome {
	return room.answer(participantId, questionIndex, form, (answer, correct, keys) =>
		insertAnswer(
			{
				participantId,
				sessionId: room.id,
				questionIndex,
				answer: JSON.stringify(answer),
				correct
			},
			keys
		)
	);
}

/** The job: ends abandoned sessions, purges old ones and forgets their rooms. */
export function runLivePurge(now = new Date()): { ended: string[]; purged: string[] } {
	const result = purgeLiveData(now);
	for (const id of [...result.ended, ...result.purged]) {
		const room = rooms.get(id);
		if (!room) continue;
		room.closeStreams();
		rooms.delete(id);
		runningByCode.delete(room.code);
	}
	return result;
}

export function liveHeartbeat(): void {
	for (const room of rooms.values()) room.heartbeat();
}

/** On shutdown: end every open stream so the server can close. */
export function closeAllLiveStreams(): void {
	for (const room of rooms.values()) room.closeStreams();
}

/** For tests: forget the rooms (the database stays). */
export function resetLiveRooms(): void {
	closeAllLiveStreams();
	rooms.clear();
	runningByCode.clear();
}
