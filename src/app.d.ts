import type { SessionUser } from '$lib/server/auth/user';
import type { Session } from '$lib/server/auth/session';
import type { Locale } from '$lib/paraglide/runtime';
import type { ScenarioPlayView } from '$lib/scenarios/types';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** The request's language (from the `sprog` cookie), set first by the locale hook. */
			locale: Locale;
		}
		/** Shallow-routing state: a practice scenario's chat as it was at that history entry. */
		interface PageState {
			play?: ScenarioPlayView;
			/** The step of a module's lesson shown at that history entry (0: the whole lesson). */
			lessonStep?: number;
		}
	}
}

export {};
