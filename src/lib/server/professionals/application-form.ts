import { z } from 'zod';
import { isMunicipality } from '$lib/municipalities';
import { requiredText } from '../http/parse-form';

export const APPLICATION_LIMITS = { workplace: 120, reason: 600 } as const;

/** What a person who signs up as a professional tells the administrator. */
export const applicationSchema = z.object({
	workplace: requiredText('error_workplace_missing', APPLICATION_LIMITS.workplace),
	municipality: z
		.string()
		.min(1, 'error_pro_municipality_missing')
		.refine(isMunicipality, 'error_pro_municipality_unknown')
});

export type ApplicationInput = z.infer<typeof applicationSchema>;

/** The administrator declines with a reason the applicant reads. */
export const declineSchema = z.object({
	userId: z.string().min(1, 'error_generic'),
	reason: requiredText('error_decline_reason_missing', APPLICATION_LIMITS.reason)
});
