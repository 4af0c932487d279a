/**
 * A live session moves through its questions one at a time:
 * waiting → question 0 → revealed 0 → question 1 → … → revealed n-1 → ended.
 * The professional may end it at any point.
 */
export type LivePhase = 'waiting' | 'question' | 'revealed' | 'ended';
export type LiveCommand = 'start' | 'reveal' | 'next' | 'end';

export interface LiveState {
	phase: LivePhase;
	/** -1 while waiting; the current question otherwise (the last one shown, once ended). */
	questionIndex: number;
}

export const INITIAL_STATE: LiveState = { phase: 'waiting', questionIndex: -1 };

/** The next state, or null when the command is not allowed now. */
export function transition(
	state: LiveState,
	command: LiveCommand,
	questionCount: number
): LiveState | null {
	switch (command) {
		case 'start':
			return state.phase === 'waiting' && questionCount > 0
				? { phase: 'question', questionIndex: 0 }
				: null;
		case 'reveal':
			return state.phase === 'question' ? { ...state, phase: 'revealed' } : null;
		case 'next':
			if (state.phase !== 'revealed') return null;
			return state.questionIndex + 1 < questionCount
				? { phase: 'question', questionIndex: state.questionIndex + 1 }
				: { ...state, phase: 'ended' };
		case 'end':
			return state.phase === 'ended' ? null : { ...state, phase: 'ended' };
	}
}

export function isLiveCommand(value: string): value is LiveCommand {
	return value === 'start' || value === 'reveal' || value === 'next' || value === 'end';
}
