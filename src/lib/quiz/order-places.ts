import type { OptionFeedback } from './types';

/** One place in an ordering: a single step, or a group of steps whose order does not matter. */
export interface OrderPlace {
	group: string | null;
	steps: OptionFeedback[];
}

/** The steps of an ordering question in the right order, with each group as one place. */
export function orderPlaces(steps: OptionFeedback[]): OrderPlace[] {
	const places: OrderPlace[] = [];
	for (const step of steps) {
		const last = places.at(-1);
		if (step.group !== undefined && last?.group === step.group) last.steps.push(step);
		else places.push({ group: step.group ?? null, steps: [step] });
	}
	return places;
}
