import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, transition, type LiveState } from './state-machine';

describe('live session state machine', () => {
	it('walks waiting → question → revealed → … → ended', () => {
		let s: LiveState | null = INITIAL_STATE;
		s = transition(s, 'start', 2);
		expect(s).toEqual({ phase: 'question', questionIndex: 0 });
		s = transition(s!, 'reveal', 2);
		expect(s).toEqual({ phase: 'revealed', questionIndex: 0 });
		s = transition(s!, 'next', 2);
		expect(s).toEqual({ phase: 'question', questionIndex: 1 });
		s = transition(s!, 'reveal', 2);
		s = transition(s!, 'next', 2);
		expect(s).toEqual({ phase: 'ended', questionIndex: 1 });
	});

	it('rejects illegal transitions', () => {
		expect(transition(INITIAL_STATE, 'reveal', 3)).toBeNull();
		expect(transition(INITIAL_STATE, 'next', 3)).toBeNull();
		expect(transition(INITIAL_STATE, 'start', 0)).toBeNull();
		const question: LiveState = { phase: 'question', questionIndex: 1 };
		expect(transition(question, 'start', 3)).toBeNull();
		expect(transition(question, 'next', 3)).toBeNull();
		const revealed: LiveState = { phase: 'revealed', questionIndex: 1 };
		expect(transition(revealed, 'reveal', 3)).toBeNull();
		const ended: LiveState = { phase: 'ended', questionIndex: 1 };
		for (const c of ['start', 'reveal', 'next', 'end'] as const)
			expect(transition(ended, c, 3)).toBeNull();
	});

	it('can be ended from every running state', () => {
		expect(transition(INITIAL_STATE, 'end', 3)?.phase).toBe('ended');
		expect(transition({ phase: 'question', questionIndex: 0 }, 'end', 3)?.phase).toBe('ended');
		expect(transition({ phase: 'revealed', questionIndex: 2 }, 'end', 3)?.phase).toBe('ended');
	});
});
