import { z } from 'zod';

/** A professional's new measure: which one from the library, and what it belongs to. */
export const measureFormSchema = z.object({
	measure: z.string().min(1, 'error_measure_choose'),
	target: z.string().min(1, 'error_measure_target_missing')
});

/** Closing deletes every participant's token for good: the professional ticks that they know. */
export const closeFormSchema = z.object({
	bekraeft: z.literal('ja', { error: 'error_measure_close_confirm' })
});
