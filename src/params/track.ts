import type { ParamMatcher } from '@sveltejs/kit';
import { TRACKS, type TrackId } from '$lib/tracks';

export const match = ((param: string): param is TrackId =>
	(TRACKS as readonly string[]).includes(param)) satisfies ParamMatcher;
