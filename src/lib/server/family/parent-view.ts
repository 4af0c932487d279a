/**
 * What a linked parent may see of a child: the child's name and the titles of the modules
 * the child has completed, with when. Never answers, scores or attempts. Kept as one pure
 * function so the rule is in one place and tested on its own.
 */
export interface ProgressRow {
	moduleSlug: string;
	completedAt: Date | null;
	bestScore: number | null;
	attempts: number;
}

export interface ParentVisibleModule {
	slug: string;
	title: string;
	completedAt: string;
}

export function modulesParentMaySee(
	progress: ProgressRow[],
	titleOf: (slug: string) => string | undefined
): ParentVisibleModule[] {
	return progress
		.filter((p) => p.completedAt !== null)
		.flatMap((p) => {
			const title = titleOf(p.moduleSlug);
			return title
				? [{ slug: p.moduleSlug, title, completedAt: p.completedAt!.toISOString() }]
				: [];
		})
		.sort((a, b) => b.completedAt.localeCompare(a.completedAt));
}
