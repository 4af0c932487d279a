import { timingSafeEqual } from 'node:crypto';
import type { Question } from '../content/types';
import { gradeQuestion, isAnswerCorrect } from '../learning/grading';
import { optionToken, readQuestionAnswer, type QuestionView } from '../learning/quiz-form';
import type { LiveHostView, LiveMine, LiveParticipantView, LiveShared } from '$lib/live/types';
import type { LiveActivity } from './activity';
import { countKeys, distribution } from './aggregate';
import { sseEvent, type SseStream } from './sse';
import type { LiveCommand, LiveState } from './state-machine';
import type { LiveSessionRow } from './store';

interface Participant {
	id: string;
	nickname: string;
	joinedAt: number;
	/** In a team session, the pupils on this device; 1 otherwise. */
	teamSize: number;
	secretHash: Buffer;
	/** questionIndex → what they answered. */
	answers: Map<number, { answer: string[]; correct: boolean }>;
	/** Open streams, each with the language its page is read in. */
	streams: Map<SseStream, string>;
}

export type AnswerOutcome = 'ok' | 'already' | 'closed' | 'unanswered' | 'order';

/** How often the professional's views get new answer counts while answers pour in. */
export const HOST_UPDATE_MS = 250;
/** A municipality's whole year group in a sports hall. */
export const MAX_PARTICIPANTS = 2000;
/** How many of the latest names the professional's control view lists. */
const LATEST_NAMES = 30;
const HEARTBEAT = ': hb\n\n';

/**
 * One live session in memory: its state, participants and open streams. The database is the
 * durable record (see store.ts); the room decides and fans out.
 */
export class LiveRoom {
	readonly id: string;
	readonly code: string;
	readonly ownerId: string;
	readonly activity: LiveActivity;
	state: LiveState;
	version = 1;
	/** Nobody new may join. */
	locked: boolean;
	/** The projector shows the counts only once the answer is revealed. */
	hideCounts: boolean;
	/** Participants pick a generated nickname. */
	readonly generatedNames: boolean;
	/** Each participant is a team on one shared device. */
	readonly teams: boolean;
	/** Joins slowed down because one address joined faster than any class does. */
	throttled = 0;
	/** When anything last happened here; an idle room without streams leaves memory. */
	lastActivity = Date.now();
	private readonly seed: string;
	private readonly participants = new Map<string, Participant>();
	/** questionIndex → option id (or 'correct'/'incorrect') → count. */
	private readonly counts: Map<number, Map<string, number>>;
	private readonly hostStreams = new Map<SseStream, { names: boolean }>();
	private hostVersion = 1;
	private hostTimer: ReturnType<typeof setTimeout> | null = null;
	/** Locale → what every participant reading that language sees now. */
	private readonly sharedCache = new Map<
		string,
		{ version: number; json: string; shared: LiveShared }
	>();

	constructor(
		row: LiveSessionRow,
		activity: LiveActivity,
		counts: Map<number, Map<string, number>>
	) {
		this.id = row.id;
		this.code = row.code;
		this.ownerId = row.ownerId;
		this.activity = activity;
		this.seed = row.shuffleSeed;
		this.state = { phase: row.state, questionIndex: row.questionIndex };
		this.locked = row.locked;
		this.hideCounts = row.hideCounts;
		this.generatedNames = row.generatedNames;
		this.teams = row.teams;
		this.counts = counts;
	}

	/** Open event streams (participants' and the professional's views). */
	get streamCount(): number {
		let n = this.hostStreams.size;
		for (const p of this.participants.values()) n += p.streams.size;
		return n;
	}

	touch(now = Date.now()): void {
		this.lastActivity = now;
	}

	setLocked(locked: boolean): void {
		this.locked = locked;
		this.touch();
		this.sendHostUpdate();
	}

	setHideCounts(hide: boolean): void {
		this.hideCounts = hide;
		this.touch();
		this.sendHostUpdate();
	}

	/** Counts a join that was slowed down, for the professional's view. */
	noteThrottled(): void {
		this.throttled++;
		this.scheduleHostUpdate();
	}

	/**
	 * Removes a participant: their streams close, their cookie stops working and their answers
	 * stop counting. The caller has already changed the stored answers and counts.
	 */
	removeParticipant(id: string): boolean {
		const p = this.participants.get(id);
		if (!p) return false;
		for (const [round, { answer, correct }] of p.answers) {
			const question = this.activity.question(round);
			const counts = this.counts.get(round);
			if (!question || !counts) continue;
			for (const key of countKeys(question, answer, correct))
				counts.set(key, Math.max(0, (counts.get(key) ?? 0) - 1));
		}
		for (const s of [...p.streams.keys()]) s.close();
		this.participants.delete(id);
		this.touch();
		this.sendHostUpdate();
		return true;
	}

	/** What a participant answered, as the counters it added to (for removing them). */
	answerKeysOf(id: string): { round: number; keys: string[] }[] {
		const p = this.participants.get(id);
		if (!p) return [];
		return [...p.answers].flatMap(([round, { answer, correct }]) => {
			const question = this.activity.question(round);
			return question ? [{ round, keys: countKeys(question, answer, correct) }] : [];
		});
	}

	get questionCount(): number {
		return this.activity.questionCount ?? 0;
	}

	get participantCount(): number {
		return this.participants.size;
	}

	/** The pupils reached: the sum of the team sizes (the participants, when not in teams). */
	get pupilCount(): number {
		let n = 0;
		for (const p of this.participants.values()) n += p.teamSize;
		return n;
	}

	addParticipant(
		p: Omit<Participant, 'answers' | 'streams' | 'joinedAt' | 'teamSize'> & {
			joinedAt?: number;
			teamSize?: number;
		},
		answers: Participant['answers'] = new Map()
	): void {
		this.participants.set(p.id, {
			...p,
			joinedAt: p.joinedAt ?? Date.now(),
			teamSize: p.teamSize ?? 1,
			answers,
			streams: new Map()
		});
		this.touch();
		this.scheduleHostUpdate();
	}

	/** The participant whose cookie this is, or null. */
	participant(id: string, secretHash: Buffer): { id: string; nickname: string } | null {
		const p = this.participants.get(id);
		if (!p || p.secretHash.length !== secretHash.length) return null;
		return timingSafeEqual(p.secretHash, secretHash) ? { id: p.id, nickname: p.nickname } : null;
	}

	private get currentQuestion(): Question | null {
		const { phase, questionIndex } = this.state;
		return phase === 'question' || phase === 'revealed'
			? this.activity.question(questionIndex)
			: null;
	}

	/** The question view of a round, as participants and the projector see it. */
	questionView(round: number): QuestionView | null {
		return this.activity.view(round);
	}

	/**
	 * The state after a command of the professional; the caller stores it. In a scenario,
	 * revealing a round goes on with `reply` (an index), or else the reply most people chose.
	 */
	nextState(command: LiveCommand, reply: number | null = null): LiveState | null {
		return this.activity.next(this.state, command, () => reply ?? this.mostChosen());
	}

	/** The reply most participants voted for in the open round (the first of a tie; 0 if none). */
	private mostChosen(): number {
		const counts = this.counts.get(this.state.questionIndex);
		const question = this.currentQuestion;
		if (!question) return 0;
		let best = 0;
		question.options.forEach((o, i) => {
			if ((counts?.get(o.id) ?? 0) > (counts?.get(question.options[best].id) ?? 0)) best = i;
		});
		return best;
	}

	setState(state: LiveState): void {
		this.touch();
		this.state = state;
		this.version++;
		this.broadcast();
		this.sendHostUpdate();
	}

	/** Reads and grades an answer to the open question; `store` makes it durable first. */
	answer(
		participantId: string,
		questionIndex: number,
		form: FormData,
		store: (answer: string[], correct: boolean, keys: string[]) => boolean
	): AnswerOutcome {
		const p = this.participants.get(participantId);
		const question = this.currentQuestion;
		if (!p || !question || this.state.phase !== 'question') return 'closed';
		if (questionIndex !== this.state.questionIndex) return 'closed';
		if (p.answers.has(questionIndex)) return 'already';
		const answer = readQuestionAnswer(question, form, this.seed);
		if (answer === 'unanswered' || answer === 'order') return answer;
		const correct = isAnswerCorrect(question, answer);
		const keys = countKeys(question, answer, correct);
		if (!store(answer, correct, keys)) return 'already';
		this.touch();
		p.answers.set(questionIndex, { answer, correct });
		const counts = this.counts.get(questionIndex) ?? new Map<string, number>();
		for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
		this.counts.set(questionIndex, counts);
		this.scheduleHostUpdate();
		return 'ok';
	}

	// ——— what people see ———

	private shared(locale: string): { json: string; shared: LiveShared } {
		const cached = this.sharedCache.get(locale);
		if (cached?.version === this.version) return cached;
		const { phase, questionIndex } = this.state;
		const question = this.currentQuestion && this.activity.question(questionIndex, locale);
		const { title, lang } = this.activity.titleIn(locale);
		const shared: LiveShared = {
			version: this.version,
			kind: this.activity.kind,
			phase,
			questionIndex,
			questionCount: this.questionCount,
			moduleTitle: title,
			lang,
			question: question ? this.activity.view(questionIndex, locale) : null,
			explanation: phase === 'revealed' && question?.explanation ? question.explanation : null,
			chat: this.activity.chat(this.state, locale),
			moduleHref: this.activity.href,
			trackHref: this.activity.trackHref
		};
		const made = { version: this.version, json: JSON.stringify(shared), shared };
		this.sharedCache.set(locale, made);
		return made;
	}

	/** A participant's own part, with feedback in the language they read. */
	private mine(p: Participant, locale: string): LiveMine {
		const { phase, questionIndex } = this.state;
		const own = p.answers.get(questionIndex);
		const question = this.currentQuestion;
		const idToToken = (id: string) => optionToken(this.seed, question!.id, id);
		let correct = 0;
		for (const a of p.answers.values()) if (a.correct) correct++;
		const quiz = this.activity.kind === 'quiz';
		return {
			chosen: own && question ? own.answer.map(idToToken) : [],
			result:
				quiz && phase === 'revealed' && question
					? gradeQuestion(this.activity.question(questionIndex, locale)!, own?.answer ?? [])
					: null,
			score: quiz && phase === 'ended' ? { correct, total: this.questionCount } : null
		};
	}

	participantView(participantId: string, locale = 'da'): LiveParticipantView | null {
		const p = this.participants.get(participantId);
		return p ? { shared: this.shared(locale).shared, mine: this.mine(p, locale) } : null;
	}

	hostView(names: boolean): LiveHostView {
		const { phase, questionIndex } = this.state;
		const question = this.currentQuestion;
		const revealed = phase === 'revealed';
		let answeredCount = 0;
		if (question)
			for (const p of this.participants.values()) if (p.answers.has(questionIndex)) answeredCount++;
		const quiz = this.activity.kind === 'quiz';
		const view = question ? this.activity.view(questionIndex)! : null;
		// The projector (not the control view) keeps the counts back until the reveal, if asked.
		const countsHidden = !names && this.hideCounts && phase === 'question';
		// A youth poll shows no figures of a question fewer than the minimum group answered.
		const tooFew =
			question !== null &&
			this.activity.minimumAnswers !== undefined &&
			answeredCount < this.activity.minimumAnswers;
		return {
			version: this.hostVersion,
			hideCounts: this.hideCounts,
			countsHidden,
			tooFew,
			kind: this.activity.kind,
			phase,
			code: this.code,
			questionIndex,
			questionCount: this.questionCount,
			moduleTitle: this.activity.title,
			participantCount: this.participants.size,
			teams: this.teams,
			pupilCount: this.pupilCount,
			latestParticipants: names ? this.latestParticipants() : null,
			locked: this.locked,
			generatedNames: this.generatedNames,
			throttled: this.throttled,
			answeredCount,
			question: view,
			bars:
				question && view && !countsHidden && !tooFew
					? distribution(
							question,
							view,
							this.counts.get(questionIndex),
							quiz && revealed,
							this.activity.tokenToId(questionIndex)
						)
					: [],
			explanation: quiz && revealed && question ? question.explanation : null,
			correctTexts:
				quiz && revealed && question
					? question.options
							.filter((o) => question.type === 'order' || o.correct)
							.map((o) => o.text)
					: [],
			chat: this.activity.chat(this.state),
			chosenReply:
				revealed && view
					? (view.options[this.activity.chosenReply(questionIndex) ?? -1]?.token ?? null)
					: null,
			evening: this.activity.hostExtra?.(this.state, names) ?? null
		};
	}

	/**
	 * The professional's view lists the last people who joined, newest first, to spot and remove
	 * a troll; a hall of two thousand is a count, never a list.
	 */
	private latestParticipants(): { id: string; nickname: string }[] {
		const latest = [...this.participants.values()].slice(-LATEST_NAMES).reverse();
		return latest.map((p) => ({ id: p.id, nickname: p.nickname }));
	}

	/**
	 * Answer counts of every question (every voted round of a scenario), for the summary; for a
	 * quiz also how many answered right, while the answers are still there (24 hours).
	 */
	summary(): {
		question: QuestionView;
		bars: ReturnType<typeof distribution>;
		right: { right: number; answered: number } | null;
	}[] {
		// A youth poll's figures live on its own page, which applies the minimum group size.
		if (this.activity.minimumAnswers !== undefined) return [];
		const rounds: number[] = [];
		for (let i = 0; this.activity.question(i); i++) {
			if (this.activity.kind === 'scenario' && !this.counts.has(i)) break;
			rounds.push(i);
		}
		return rounds.map((i) => {
			const q = this.activity.question(i)!;
			const view = this.activity.view(i)!;
			const quiz = this.activity.kind === 'quiz';
			let right = 0;
			let answered = 0;
			for (const p of this.participants.values()) {
				const a = p.answers.get(i);
				if (!a) continue;
				answered++;
				if (a.correct) right++;
			}
			return {
				question: view,
				bars: distribution(q, view, this.counts.get(i), quiz, this.activity.tokenToId(i)),
				right: quiz && answered > 0 ? { right, answered } : null
			};
		});
	}

	// ——— streams ———

	private participantEvent(p: Participant, locale: string): string {
		const mine = JSON.stringify(this.mine(p, locale));
		return sseEvent(this.version, 'state', `{"shared":${this.shared(locale).json},"mine":${mine}}`);
	}

	/**
	 * What a participant's own part of the state depends on: people with the same key get the
	 * same event. Most people's own part is the same as someone else's (not answered yet, the
	 * same option chosen, the same score), so a broadcast to a thousand builds each distinct
	 * event once instead of grading and signing options for every one of them.
	 */
	private mineKey(p: Participant): string {
		if (this.state.phase === 'ended') {
			let correct = 0;
			for (const a of p.answers.values()) if (a.correct) correct++;
			return `score ${correct}`;
		}
		if (!this.currentQuestion) return '';
		return p.answers.get(this.state.questionIndex)?.answer.join('\n') ?? 'unanswered';
	}

	/**
	 * Opens a participant's stream, read in `locale`; sends the current state unless they already
	 * have it.
	 */
	subscribeParticipant(
		participantId: string,
		stream: SseStream,
		lastEventId: number,
		locale = 'da'
	): () => void {
		const p = this.participants.get(participantId);
		if (!p) {
			stream.close();
			return () => {};
		}
		p.streams.set(stream, locale);
		if (lastEventId !== this.version) stream.send(this.participantEvent(p, locale));
		return () => p.streams.delete(stream);
	}

	subscribeHost(stream: SseStream, names: boolean): () => void {
		this.hostStreams.set(stream, { names });
		stream.send(sseEvent(this.hostVersion, 'host', JSON.stringify(this.hostView(names))));
		return () => this.hostStreams.delete(stream);
	}

	private broadcast(): void {
		const events = new Map<string, string>();
		for (const p of this.participants.values()) {
			if (p.streams.size === 0) continue;
			const mine = this.mineKey(p);
			for (const [s, locale] of p.streams) {
				const key = `${locale}\n${mine}`;
				let event = events.get(key);
				if (event === undefined) {
					event = this.participantEvent(p, locale);
					events.set(key, event);
				}
				s.send(event);
			}
		}
	}

	private scheduleHostUpdate(): void {
		// With no host stream open, the change still gets a version of its own: a control view or
		// projector rendered before it and connecting after must not take it for what it has.
		if (this.hostStreams.size === 0) {
			this.hostVersion++;
			return;
		}
		if (this.hostTimer) return;
		this.hostTimer = setTimeout(() => this.sendHostUpdate(), HOST_UPDATE_MS);
	}

	private sendHostUpdate(): void {
		if (this.hostTimer) clearTimeout(this.hostTimer);
		this.hostTimer = null;
		this.hostVersion++;
		const events = new Map<boolean, string>();
		for (const [s, { names }] of this.hostStreams) {
			if (!events.has(names))
				events.set(names, sseEvent(this.hostVersion, 'host', JSON.stringify(this.hostView(names))));
			s.send(events.get(names)!);
		}
	}

	/** Keeps proxies and browsers from timing the connections out. */
	heartbeat(): void {
		for (const p of this.participants.values()) for (const s of p.streams.keys()) s.send(HEARTBEAT);
		for (const s of this.hostStreams.keys()) s.send(HEARTBEAT);
	}

	closeStreams(): void {
		if (this.hostTimer) clearTimeout(this.hostTimer);
		for (const p of this.participants.values()) for (const s of [...p.streams.keys()]) s.close();
		for (const s of [...this.hostStreams.keys()]) s.close();
	}
}
