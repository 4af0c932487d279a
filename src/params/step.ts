import type { ParamMatcher } from '@sveltejs/kit';

/** A step of a lesson (`/unge/<modul>/trin/2`) or the whole lesson on one page (`/trin/alle`). */
export const match = ((param: string) => /^(?:[1-9]|alle)$/.test(param)) satisfies ParamMatcher;
