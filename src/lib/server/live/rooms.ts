import { findModule, findScenario } from '../content/library';
import { getThemeDay } from '../themedays/theme-days';
import type { TrackId } from '../content/schema';
import { LiveRoom, MAX_PARTICIPANTS, type AnswerOutcome } from './room';
import { QuizActivity, ScenarioActivity, type LiveActivity } from './activity';
import { QUOTAS } from '../security/quotas';
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
	removeStoredParticipant,
	runningSessionsOf,
	saveLiveState,
	saveHideCounts,
	saveLocked,
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
			{
				id: p.id,
				nickname: p.nickname,
				secretHash: p.secretHash,
				joinedAt: p.joinedAt.getTime(),
				teamSize: p.teamSize
			},
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

/**
 * The quiz or scenario a session runs: in Danish on the projector and for the counting, in each
 * participant's language on their own screen.
 */
function activityOf(row: LiveSessionRow): LiveActivity | null {
	const track = row.track as TrackId;
	if (row.kind === 'scenario') {
		if (!findScenario('da', track, row.moduleSlug)) return null;
		const inLanguage = (locale: string) => findScenario(locale, track, row.moduleSlug)!;
		return new ScenarioActivity(inLanguage, row.shuffleSeed, row.scenarioPath);
	}
	if (!findModule('da', track, row.moduleSlug)) return null;
	const inLanguage = (locale: string) => findModule(locale, track, row.moduleSlug)!;
	return new QuizActivity(inLanguage, row.shuffleSeed);
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
export type StartOutcome =
	| { ok: true; room: LiveRoom }
	| { ok: false; reason: 'unknown' }
	/** The professional has the most sessions running that one person may have. */
	| { ok: false; reason: 'quota'; running: number };

export function startLiveSession(input: {
	ownerId: string;
	kind: 'quiz' | 'scenario';
	track: TrackId;
	moduleSlug: string;
	themeDayId: string | null;
	generatedNames?: boolean;
	/** Teams on shared devices; teams always pick a generated name. */
	teams?: boolean;
	/** End the oldest running session first when the quota is reached. */
	endOldest?: boolean;
}): StartOutcome {
	const exists =
		input.kind === 'scenario'
			? findScenario('da', input.track, input.moduleSlug) !== undefined
			: !!findModule('da', input.track, input.moduleSlug)?.questions.length;
	if (!exists) return { ok: false, reason: 'unknown' };
	const running = runningSessionsOf(input.ownerId);
	if (running.length >= QUOTAS.liveSessionsRunning) {
		if (!input.endOldest) return { ok: false, reason: 'quota', running: running.length };
		for (const row of running.slice(0, running.length - QUOTAS.liveSessionsRunning + 1)) {
			const oldest = liveRoomById(row.id);
			if (oldest) commandLiveRoom(oldest, 'end');
		}
	}
	const ownDay =
		input.themeDayId !== null && getThemeDay(input.themeDayId)?.organiserId === input.ownerId;
	const room = load(
		createLiveSession({
			ownerId: input.ownerId,
			kind: input.kind,
			track: input.track,
			moduleSlug: input.moduleSlug,
			generatedNames: (input.generatedNames ?? false) || (input.teams ?? false),
			teams: input.teams ?? false,
			themeDayId: ownDay ? input.themeDayId : null
		})
	);
	return room ? { ok: true, room } : { ok: false, reason: 'unknown' };
}

export type JoinOutcome =
	| { ok: true; token: string }
	| { ok: false; reason: 'live_nickname_taken' | 'live_full' | 'live_ended' | 'live_locked' };

export function joinLiveRoom(room: LiveRoom, nickname: string, teamSize = 1): JoinOutcome {
	if (room.state.phase === 'ended') return { ok: false, reason: 'live_ended' };
	if (room.locked) return { ok: false, reason: 'live_locked' };
	if (room.participantCount >= MAX_PARTICIPANTS) return { ok: false, reason: 'live_full' };
	const inserted = insertParticipant(room.id, nickname, room.teams ? teamSize : 1);
	if (!inserted) return { ok: false, reason: 'live_nickname_taken' };
	const { participant, token } = inserted;
	room.addParticipant({
		id: participant.id,
		nickname: participant.nickname,
		secretHash: participant.secretHash,
		teamSize: participant.teamSize
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

/** Locks a session (nobody new may join) or opens it again. */
export function setLiveLocked(room: LiveRoom, locked: boolean): void {
	saveLocked(room.id, locked);
	room.setLocked(locked);
}

/** Keeps the counts off the projector until the answer is revealed, or shows them again. */
export function setLiveHideCounts(room: LiveRoom, hide: boolean): void {
	saveHideCounts(room.id, hide);
	room.setHideCounts(hide);
}

/** Removes a participant; their answers stop counting. False when they are not in the session. */
export function removeLiveParticipant(room: LiveRoom, participantId: string): boolean {
	const answered = room.answerKeysOf(participantId);
	if (!room.removeParticipant(participantId)) return false;
	removeStoredParticipant(room.id, participantId, answered);
	return true;
}

/**
 * Keeps memory bounded: a room without any open stream and without activity for a while is
 * dropped; its state is in the database and comes back with the next request.
 */
export function dropIdleRooms(now = Date.now()): string[] {
	const idleBefore = now - QUOTAS.idleRoomMinutes * 60 * 1000;
	const dropped: string[] = [];
	for (const [id, room] of rooms) {
		if (room.streamCount > 0 || room.lastActivity > idleBefore) continue;
		room.closeStreams();
		rooms.delete(id);
		if (runningByCode.get(room.code) === room) runningByCode.delete(room.code);
		dropped.push(id);
	}
	return dropped;
}

/** How many rooms are in memory (for tests and the flood test). */
export function roomsInMemory(): number {
	return rooms.size;
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
