import { m } from '$lib/paraglide/messages';

/**
 * Why one question's answer could not be checked (the `?/tjek` action's `checkError`: unanswered,
 * order, busy or expired), for the question numbered `n` with `count` options.
 */
export function checkErrorText(kind: unknown, n: number, count: number): string {
	return kind === 'order'
		? m.quiz_error_order({ n, count })
		: kind === 'unanswered'
			? m.quiz_error_unanswered({ n })
			: kind === 'busy'
				? m.error_quota_quiz()
				: m.quiz_error_expired();
}
