import type { FieldErrors } from '$lib/i18n';
import { field } from '../http/form';

const LIMITS = { name: 60, school: 80, ageGroup: 40 } as const;

/** Reads and checks the create-class form; errors are message keys. */
export function readClassForm(form: FormData) {
	const values = {
		name: field(form, 'name'),
		school: field(form, 'school'),
		ageGroup: field(form, 'ageGroup')
	};
	const errors: FieldErrors = {};
	for (const [key, max] of Object.entries(LIMITS) as [keyof typeof LIMITS, number][]) {
		if (!values[key]) errors[key] = `error_class_${key}_missing`;
		else if (values[key].length > max) errors[key] = { key: 'error_too_long', params: { max } };
	}
	return { values, errors };
}
