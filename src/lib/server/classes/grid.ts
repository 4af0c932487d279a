import { isOverdue } from './due-date';

export type CellStatus = 'not_started' | 'in_progress' | 'passed' | 'practised' | 'overdue';

export interface GridCell {
	status: CellStatus;
	score: number | null;
}

export interface GridRow {
	userId: string;
	name: string;
	cells: GridCell[];
	passed: number;
}

export type GridSort = 'navn' | 'fremskridt';

/** The pupils × assigned modules grid of a class. */
export function buildClassGrid(
	members: { userId: string; displayName: string }[],
	assigned: { moduleSlug: string; dueDate: string | null; kind: 'module' | 'scenario' }[],
	progress: {
		userId: string;
		moduleSlug: string;
		completedAt: Date | null;
		bestScore: number | null;
	}[],
	sort: GridSort = 'navn',
	now = new Date()
): GridRow[] {
	const byKey = new Map(progress.map((p) => [`${p.userId}|${p.moduleSlug}`, p]));
	const rows = members.map((member) => {
		const cells = assigned.map((a): GridCell => {
			const p = byKey.get(`${member.userId}|${a.moduleSlug}`);
			const passed = !!p?.completedAt;
			if (isOverdue(a.dueDate, passed, now))
				return { status: 'overdue', score: p?.bestScore ?? null };
			// A scenario is practised when played to an ending; it has no score.
			if (passed)
				return a.kind === 'scenario'
					? { status: 'practised', score: null }
					: { status: 'passed', score: p!.bestScore };
			return { status: p ? 'in_progress' : 'not_started', score: p?.bestScore ?? null };
		});
		return {
			userId: member.userId,
			name: member.displayName,
			cells,
			passed: cells.filter((c) => c.status === 'passed' || c.status === 'practised').length
		};
	});
	const byName = (a: GridRow, b: GridRow) => a.name.localeCompare(b.name, 'da');
	return rows.sort(sort === 'fremskridt' ? (a, b) => b.passed - a.passed || byName(a, b) : byName);
}
