/**
 * One `##` section of rendered teacher notes, e.g. "Spørgsmål til samtale" for the live control
 * view. The notes are our own sanitised Markdown, so the headings are plain <h2> elements.
 */
export function teacherSection(html: string, heading: string): string {
	const sections = html.split(/(?=<h2[\s>])/);
	return (
		sections.find((s) => {
			const title = /^<h2[^>]*>([\s\S]*?)<\/h2>/.exec(s)?.[1] ?? '';
			return title.replace(/<[^>]+>/g, '').trim() === heading;
		}) ?? ''
	);
}
