import { z } from 'zod';
import { optionalText, requiredText } from '../http/parse-form';
import { isValidDate } from './due-date';

/** The create-class form. */
export const classFormSchema = z.object({
	name: requiredText('error_class_name_missing', 60),
	school: requiredText('error_class_school_missing', 80),
	ageGroup: requiredText('error_class_ageGroup_missing', 40)
});

/** Assigning a module: one of the curriculum's modules, an optional due date and note. */
export function assignmentFormSchema(moduleExists: (slug: string) => boolean) {
	return z.object({
		moduleSlug: z.string().refine(moduleExists, 'error_assignment_module'),
		dueDate: z
			.string()
			.refine((d) => d === '' || isValidDate(d), 'error_assignment_date')
			.transform((d) => d || null),
		note: optionalText(300).transform((n) => n || null)
	});
}

/** The name a teacher gives a pupil in the class. */
export const displayNameSchema = z.object({
	userId: z.string(),
	displayName: z
		.string()
		.trim()
		.min(1, 'error_display_name_missing')
		.max(40, 'error_display_name_long')
});
