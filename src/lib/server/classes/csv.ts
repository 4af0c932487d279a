/**
 * CSV that Danish Excel opens correctly: UTF-8 with a byte-order mark, semicolons (Excel with
 * Danish settings expects them), CRLF line ends. Cells that a spreadsheet would read as a
 * formula are neutralised with a leading apostrophe.
 */
export function csvCell(value: string | number | null): string {
	let text = value === null ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[";\r\n,]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null)[][]): string {
	return '\uFEFF' + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
