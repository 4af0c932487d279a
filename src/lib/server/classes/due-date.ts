/** Today's date in Denmark as YYYY-MM-DD: due dates are Danish calendar days. */
export function todayInDenmark(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Copenhagen',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(now);
}

/** An assignment is overdue from the day after its due date, unless it is done. */
export function isOverdue(dueDate: string | null, completed: boolean, now = new Date()): boolean {
	return !completed && dueDate !== null && todayInDenmark(now) > dueDate;
}

export function isValidDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
