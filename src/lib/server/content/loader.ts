import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { lix } from './lix';
import {
	createMarkdownRenderer,
	createSectionRenderer,
	type CalloutKind,
	markdownIn
} from './markdown';
import type { MockMessageLabels } from './mock-message';
import { lessonParts, takeawaysWarning } from './lesson-checks';
import {
	LOCALES,
	TRACKS,
	cardsSchema,
	lessonFrontMatterSchema,
	pageFrontMatterSchema,
	text,
	quizSchema,
	trackSchema,
	type ContentLocale,
	type QuestionSource,
	type TrackId
} from './schema';
import { parseYaml } from './yaml-file';
import { loadHelp, loadLocalHelp, type DanishHelp } from './help';
import {
	cardsStructureDifferences,
	fileSourceHash,
	moduleSourceHash,
	quizStructureDifferences,
	sourceHash,
	staleWarning,
	translatedLessonFrontMatterSchema,
	translationFields,
	translationState
} from './translation';
import { loadScenario } from './scenarios';
import { loadEvening, type EveningLibrary } from './evening';
import { loadMaterials } from './materials';
import { loadMeasures } from './measures';
import type { Scenario } from '../../scenarios/types';
import {
	RESERVED_SLUGS,
	TEACHER_SECTIONS,
	TRACK_RULES,
	checkQuizConsistency,
	longestAnswerWarning
} from './curriculum-rules';
import type {
	ContentPage,
	ContentProblem,
	HelpPage,
	LocalHelp,
	LocaleContent,
	Module,
	Question,
	Track
} from './types';

const IMAGE_FILE = /\.(svg|png|jpe?g|webp|avif)$/i;

export interface LoadOptions {
	calloutLabels: (locale: ContentLocale) => Record<CalloutKind, string>;
	mockMessageLabels: (locale: ContentLocale) => MockMessageLabels;
	/** Where files in `static/` live, to check images referenced by absolute path. */
	staticDir?: string;
}

export interface LoadedContent {
	locales: Record<ContentLocale, LocaleContent>;
	problems: ContentProblem[];
	/** Weaknesses that do not stop the server, such as quizzes that give the answer away. */
	warnings: ContentProblem[];
	/** The theme-day evening's poll questions, dilemmas and agreement suggestions (Danish). */
	evening: EveningLibrary;
}

interface RawModule {
	module: Module;
	links: string[];
	dir: string;
}

function readText(path: string): string | null {
	return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** A translated page has its own title; its date is the Danish page's. */
const translatedPageFrontMatterSchema = z.strictObject({ title: text(80), ...translationFields });

/**
 * content/<locale>/sider/*.md: plain pages. A translated page replaces the Danish one while it
 * is made from the current Danish version; the Danish page is shown for every other page.
 */
function loadPages(
	root: string,
	locale: ContentLocale,
	options: LoadOptions,
	danish: Map<string, { page: ContentPage; hash: string }> | null,
	problems: ContentProblem[],
	warnings: ContentProblem[]
): Map<string, { page: ContentPage; hash: string }> {
	const pages = new Map(danish);
	const dir = join(root, locale, 'sider');
	if (!existsSync(dir)) return pages;
	const render = createMarkdownRenderer(markdownIn(locale, options.calloutLabels(locale)));
	for (const entry of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
		const name = entry.slice(0, -3);
		const file = relative(process.cwd(), join(dir, entry));
		const source = readFileSync(join(dir, entry), 'utf8');
		const fm = FRONT_MATTER.exec(source);
		if (!fm) {
			problems.push({ file, line: 1, message: 'front matter mangler (--- øverst i filen)' });
			continue;
		}
		const html = () => render(source.slice(fm[0].length)).html;
		if (!danish) {
			const front = parseYaml(fm[1], pageFrontMatterSchema, file, problems, 2);
			if (front)
				pages.set(name, {
					page: { name, locale, ...front, html: html() },
					hash: sourceHash([source])
				});
			continue;
		}
		const original = danish.get(name);
		if (!original) {
			problems.push({ file, message: `siden findes ikke på dansk (content/da/sider/${entry})` });
			continue;
		}
		const front = parseYaml(fm[1], translatedPageFrontMatterSchema, file, problems, 2);
		if (!front) continue;
		if (translationState(front.translatedFrom, original.hash) === 'stale') {
			warnings.push(staleWarning(file, front.translatedFrom, original.hash));
			continue;
		}
		pages.set(name, {
			page: { name, locale, title: front.title, updated: original.page.updated, html: html() },
			hash: original.hash
		});
	}
	return pages;
}

function toQuestion(q: QuestionSource): Question {
	const base = { id: q.id, type: q.type, prompt: q.prompt, explanation: q.explanation };
	switch (q.type) {
		case 'single':
		case 'multiple':
			return { ...base, options: q.options.map((o) => ({ ...o, correct: o.correct === true })) };
		case 'truefalse':
			return {
				...base,
				options: [
					{ id: 'true', text: '', feedback: q.feedbackTrue, correct: q.answer },
					{ id: 'false', text: '', feedback: q.feedbackFalse, correct: !q.answer }
				]
			};
		case 'order':
			return { ...base, options: q.items.map((i) => ({ ...i, correct: true })) };
	}
}

function loadModule(
	root: string,
	locale: ContentLocale,
	track: TrackId,
	slug: string,
	options: LoadOptions,
	problems: ContentProblem[],
	warnings: ContentProblem[]
): RawModule | null {
	const dir = join(root, locale, track, slug);
	const rel = (f: string) => relative(process.cwd(), join(dir, f));
	const lessonSource = readText(join(dir, 'lesson.md'));
	if (lessonSource === null) {
		problems.push({ file: rel('lesson.md'), message: 'filen mangler' });
		return null;
	}
	const fm = FRONT_MATTER.exec(lessonSource);
	if (!fm) {
		problems.push({
			file: rel('lesson.md'),
			line: 1,
			message: 'front matter mangler (--- øverst i filen)'
		});
		return null;
	}
	const front = parseYaml(fm[1], lessonFrontMatterSchema, rel('lesson.md'), problems, 2);
	const body = lessonSource.slice(fm[0].length);
	if (/^#\s/m.test(body)) {
		problems.push({
			file: rel('lesson.md'),
			message: 'brug ikke #-overskrift i teksten; titlen kommer fra front matter'
		});
	}

	const quizSource = readText(join(dir, 'quiz.yaml'));
	if (quizSource === null) problems.push({ file: rel('quiz.yaml'), message: 'filen mangler' });
	const quiz =
		quizSource === null ? null : parseYaml(quizSource, quizSchema, rel('quiz.yaml'), problems);
	const rules = TRACK_RULES[track];
	if (quiz) {
		checkQuizConsistency(quiz.questions, rel('quiz.yaml'), problems);
		const giveaway = longestAnswerWarning(quiz.questions, rel('quiz.yaml'));
		if (giveaway) warnings.push(giveaway);
		if (quiz.questions.length < rules.minQuestions) {
			problems.push({
				file: rel('quiz.yaml'),
				field: 'questions',
				message: `mindst ${rules.minQuestions} spørgsmål (har ${quiz.questions.length})`
			});
		}
	}

	const teacherSource = readText(join(dir, 'teacher.md'));
	if (teacherSource === null)
		problems.push({ file: rel('teacher.md'), message: 'lærervejledningen mangler' });
	else {
		const headings = [...teacherSource.matchAll(/^##\s+(.+?)\s*$/gm)].map((m) => m[1]);
		const missing = TEACHER_SECTIONS.filter((s) => !headings.includes(s));
		if (missing.length) {
			problems.push({
				file: rel('teacher.md'),
				message: `mangler afsnit: ${missing.map((s) => `## ${s}`).join(', ')}`
			});
		}
	}

	let cards = null;
	const cardsSource = readText(join(dir, 'cards.yaml'));
	if (rules.cards && cardsSource === null)
		problems.push({ file: rel('cards.yaml'), message: 'samtalekortene mangler' });
	if (cardsSource !== null)
		cards = parseYaml(cardsSource, cardsSchema, rel('cards.yaml'), problems);

	const markdownOptions = {
		...markdownIn(locale, options.calloutLabels(locale)),
		imageBase: `/indhold/${locale}/${track}/${slug}`
	};
	const lesson = createSectionRenderer({
		...markdownOptions,
		mockMessageLabels: options.mockMessageLabels(locale)
	})(body);
	const bodyLine = fm[0].split('\n').length;
	const parts = lessonParts(
		lesson,
		body,
		bodyLine,
		front,
		quiz?.questions ?? null,
		rel('lesson.md'),
		problems
	);
	const missingTakeaways = takeawaysWarning(front, rel('lesson.md'));
	if (missingTakeaways) warnings.push(missingTakeaways);
	for (const image of lesson.images) {
		if (!image.alt)
			problems.push({ file: rel('lesson.md'), message: `billedet ${image.src} mangler alt-tekst` });
		const path = image.src.startsWith('/')
			? join(options.staticDir ?? 'static', image.src)
			: join(dir, image.src);
		if (/^https?:/.test(image.src)) {
			problems.push({
				file: rel('lesson.md'),
				message: `billedet ${image.src} skal ligge på vores egen server`
			});
		} else if (!existsSync(path) || !IMAGE_FILE.test(path)) {
			problems.push({ file: rel('lesson.md'), message: `billedet ${image.src} findes ikke` });
		}
	}
	const readability = lix(body);
	if (readability.lix > rules.maxLix) {
		problems.push({
			file: rel('lesson.md'),
			message: `LIX ${readability.lix} er over grænsen ${rules.maxLix} for sporet`
		});
	}
	const teacher =
		teacherSource === null ? null : createMarkdownRenderer(markdownOptions)(teacherSource);
	if (!front || !quiz) return null;
	return {
		dir,
		links: [...lesson.links, ...(teacher?.links ?? [])],
		module: {
			...front,
			slug,
			track,
			locale,
			translated: true,
			lessonSteps: parts.steps,
			stepQuestions: parts.stepQuestions,
			mockMessages: parts.mockMessages,
			teacherHtml: teacher?.html ?? '',
			questions: quiz.questions.map(toQuestion),
			cards,
			cardsLocale: locale,
			practice: [],
			readability
		}
	};
}

/**
 * content/<locale>/<track>/<slug>/: a translation of a Danish module (lesson.md, quiz.yaml and,
 * when the Danish module has them, cards.yaml). It keeps the Danish module's facts and teacher
 * notes. A translation that is stale, or whose quiz differs from the Danish one in anything
 * but words, is not shown: the reader gets the Danish module with a notice.
 */
function loadTranslatedModule(
	root: string,
	locale: ContentLocale,
	danish: Module,
	options: LoadOptions,
	problems: ContentProblem[],
	warnings: ContentProblem[]
): { module: Module; links: string[]; file: string } {
	const { track, slug } = danish;
	const dir = join(root, locale, track, slug);
	const rel = (f: string) => relative(process.cwd(), join(dir, f));
	const fallback = { module: { ...danish, translated: false }, links: [], file: rel('lesson.md') };
	if (!existsSync(join(dir, 'lesson.md')) && existsSync(join(dir, 'cards.yaml')))
		return { ...fallback, module: withTranslatedCards(root, locale, danish, problems, warnings) };
	const found: ContentProblem[] = [];
	const lessonSource = readText(join(dir, 'lesson.md'));
	const fm = lessonSource === null ? null : FRONT_MATTER.exec(lessonSource);
	if (!lessonSource || !fm)
		found.push({
			file: rel('lesson.md'),
			message: lessonSource === null ? 'filen mangler' : 'front matter mangler (--- øverst i filen)'
		});
	const front =
		fm && parseYaml(fm[1], translatedLessonFrontMatterSchema, rel('lesson.md'), found, 2);
	const quizSource = readText(join(dir, 'quiz.yaml'));
	if (quizSource === null) found.push({ file: rel('quiz.yaml'), message: 'filen mangler' });
	const quiz =
		quizSource === null ? null : parseYaml(quizSource, quizSchema, rel('quiz.yaml'), found);
	const cardsSource = readText(join(dir, 'cards.yaml'));
	if (danish.cards && cardsSource === null)
		found.push({ file: rel('cards.yaml'), message: 'samtalekortene mangler i oversættelsen' });
	const cards =
		cardsSource === null ? null : parseYaml(cardsSource, cardsSchema, rel('cards.yaml'), found);
	const questions = quiz?.questions.map(toQuestion) ?? [];
	if (quiz)
		for (const message of quizStructureDifferences(danish.questions, questions))
			found.push({ file: rel('quiz.yaml'), message });
	for (const message of cardsStructureDifferences(danish.cards, cards))
		found.push({ file: rel('cards.yaml'), message });
	problems.push(...found);
	if (found.length > 0 || !front || !fm || !lessonSource) return fallback;

	const danishHash = moduleSourceHash(join(root, 'da', track, slug)) ?? '';
	if (translationState(front.translatedFrom, danishHash) === 'stale') {
		warnings.push(staleWarning(rel('lesson.md'), front.translatedFrom, danishHash));
		return fallback;
	}
	// Images stay in the Danish module's folder; a translation gives them its own alt text.
	const body = lessonSource.slice(fm[0].length);
	const lesson = createSectionRenderer({
		...markdownIn(locale, options.calloutLabels(locale)),
		imageBase: `/indhold/da/${track}/${slug}`,
		mockMessageLabels: options.mockMessageLabels(locale)
	})(body);
	const lessonProblems: ContentProblem[] = [];
	// The questions between steps are the Danish module's (checked there), so front is null here.
	const parts = lessonParts(
		lesson,
		body,
		fm[0].split('\n').length,
		null,
		null,
		rel('lesson.md'),
		lessonProblems
	);
	// A step reached and a question between steps mean the same step in every language.
	if (!lessonProblems.length && parts.steps.length !== danish.lessonSteps.length)
		lessonProblems.push({
			file: rel('lesson.md'),
			message: `teksten skal have ${danish.lessonSteps.length} trin som på dansk (har ${parts.steps.length}); skriv de samme ##-overskrifter`
		});
	for (const image of lesson.images)
		if (!image.alt)
			lessonProblems.push({
				file: rel('lesson.md'),
				message: `billedet ${image.src} mangler alt-tekst`
			});
	problems.push(...lessonProblems);
	if (lessonProblems.length) return fallback;
	return {
		file: rel('lesson.md'),
		links: lesson.links,
		module: {
			...danish,
			title: front.title,
			summary: front.summary,
			// The translation's own, or none: the Danish lines would be another language.
			takeaways: front.takeaways,
			locale,
			translated: true,
			lessonSteps: parts.steps,
			mockMessages: parts.mockMessages,
			questions,
			cards: cards ?? danish.cards,
			cardsLocale: cards ? locale : danish.cardsLocale
		}
	};
}

const translatedCardsSchema = cardsSchema.extend(translationFields);

/**
 * content/<locale>/<track>/<slug>/cards.yaml alone: the conversation cards translated for the
 * parents while the module itself is read in Danish. Shown while made from the current Danish
 * cards; otherwise the Danish cards are.
 */
function withTranslatedCards(
	root: string,
	locale: ContentLocale,
	danish: Module,
	problems: ContentProblem[],
	warnings: ContentProblem[]
): Module {
	const module = { ...danish, translated: false };
	const path = join(root, locale, danish.track, danish.slug, 'cards.yaml');
	const file = relative(process.cwd(), path);
	const cards = parseYaml(readFileSync(path, 'utf8'), translatedCardsSchema, file, problems);
	if (!cards) return module;
	const differences = cardsStructureDifferences(danish.cards, cards);
	for (const message of differences) problems.push({ file, message });
	const danishHash =
		fileSourceHash(join(root, 'da', danish.track, danish.slug, 'cards.yaml')) ?? '';
	if (differences.length > 0) return module;
	if (translationState(cards.translatedFrom, danishHash) === 'stale') {
		warnings.push(staleWarning(file, cards.translatedFrom, danishHash));
		return module;
	}
	const { summary, questions, tip } = cards;
	return { ...module, cards: { summary, questions, tip }, cardsLocale: locale };
}

const fallbackScenario = (danish: Scenario | undefined): Scenario | null =>
	danish ? { ...danish, translated: false } : null;

/** Every scenario folder is listed in a track, as every module folder is. */
function checkScenarioFolders(
	root: string,
	tracks: Record<TrackId, Track>,
	problems: ContentProblem[]
) {
	const dir = join(root, 'da', 'scenarier');
	if (!existsSync(dir)) return;
	const listed = new Set(Object.values(tracks).flatMap((t) => t.scenarios.map((sc) => sc.slug)));
	for (const entry of readdirSync(dir))
		if (statSync(join(dir, entry)).isDirectory() && !listed.has(entry))
			problems.push({
				file: relative(process.cwd(), join(dir, entry)),
				message: `scenariet "${entry}" står ikke under scenarios: i et spors track.yaml`
			});
}

/** Each scenario belongs to a module, whose page links to it; slugs are unique across both. */
function linkScenariosToModules(
	scenarios: Map<string, Scenario>,
	modules: Map<string, Module>,
	root: string,
	locale: ContentLocale,
	problems: ContentProblem[]
) {
	for (const module of modules.values()) module.practice = [];
	for (const scenario of scenarios.values()) {
		const file = relative(
			process.cwd(),
			join(root, locale, 'scenarier', scenario.slug, 'scenario.yaml')
		);
		if (modules.has(scenario.slug))
			problems.push({ file, message: `slug "${scenario.slug}" bruges også af et modul` });
		const module = modules.get(scenario.module);
		if (!module) {
			problems.push({ file, field: 'module', message: `modulet "${scenario.module}" findes ikke` });
			continue;
		}
		module.practice.push({ slug: scenario.slug, track: scenario.track, title: scenario.title });
	}
}

/** Every service is one anchor on /hjaelp (#tjeneste-<id>), so ids are unique across files. */
function checkServiceIdsUnique(
	help: HelpPage | null,
	localHelp: LocalHelp[],
	dir: string,
	problems: ContentProblem[]
) {
	const seen = new Set(help?.services.map((s) => s.id));
	for (const local of localHelp)
		for (const service of local.services) {
			if (seen.has(service.id))
				problems.push({
					file: relative(process.cwd(), join(dir, `${local.slug}.yaml`)),
					field: 'services',
					message: `tjeneste-id "${service.id}" er allerede brugt; vælg et andet`
				});
			seen.add(service.id);
		}
}

/** Reads, validates and renders every module, track and help page under `root`. */
export function loadContent(root: string, options: LoadOptions): LoadedContent {
	const problems: ContentProblem[] = [];
	const warnings: ContentProblem[] = [];
	const locales = {} as Record<ContentLocale, LocaleContent>;
	const allLinks: { file: string; href: string }[] = [];
	let danishHelp: DanishHelp | null = null;
	let danishPages: Map<string, { page: ContentPage; hash: string }> | null = null;

	for (const locale of LOCALES) {
		const modules = new Map<string, Module>();
		const scenarios = new Map<string, Scenario>();
		const tracks = {} as Record<TrackId, Track>;
		const helpSource = loadHelp(root, locale, options, problems, warnings, danishHelp);
		if (locale === 'da') danishHelp = helpSource;
		const help = helpSource?.page ?? null;
		if (locale === 'da' && !help)
			problems.push({
				file: join('content', 'da', 'hjaelp', 'help.yaml'),
				message: 'hjælpesiden mangler'
			});
		for (const trackId of TRACKS) {
			const trackDir = join(root, locale, trackId);
			const trackFile = join(trackDir, 'track.yaml');
			const source = readText(trackFile);
			const fallback = locale === 'da' ? null : locales.da.tracks[trackId];
			if (source === null && locale === 'da') {
				problems.push({ file: relative(process.cwd(), trackFile), message: 'filen mangler' });
			}
			const track =
				source === null
					? null
					: parseYaml(source, trackSchema, relative(process.cwd(), trackFile), problems);
			const order = fallback ? fallback.modules.map((m) => m.slug) : (track?.modules ?? []);
			if (locale === 'da' && existsSync(trackDir)) {
				for (const entry of readdirSync(trackDir)) {
					if (statSync(join(trackDir, entry)).isDirectory() && !order.includes(entry)) {
						problems.push({
							file: relative(process.cwd(), trackFile),
							field: 'modules',
							message: `modulet "${entry}" står ikke på listen`
						});
					}
				}
			}
			const trackModules: Module[] = [];
			for (const slug of order) {
				if (RESERVED_SLUGS.has(slug)) {
					problems.push({
						file: relative(process.cwd(), trackFile),
						field: 'modules',
						message: `"${slug}" er reserveret og kan ikke bruges som slug`
					});
					continue;
				}
				let module: Module | undefined;
				if (locale === 'da') {
					const loaded = loadModule(root, locale, trackId, slug, options, problems, warnings);
					if (loaded) {
						module = loaded.module;
						allLinks.push(
							...loaded.links.map((href) => ({
								file: relative(process.cwd(), join(loaded.dir, 'lesson.md')),
								href
							}))
						);
					}
				} else {
					const danish = locales.da.modules.get(slug);
					if (danish && existsSync(join(trackDir, slug))) {
						const loaded = loadTranslatedModule(root, locale, danish, options, problems, warnings);
						module = loaded.module;
						allLinks.push(...loaded.links.map((href) => ({ file: loaded.file, href })));
					} else if (danish) module = { ...danish, translated: false };
				}
				if (!module) continue;
				if (modules.has(slug)) {
					problems.push({
						file: relative(process.cwd(), trackFile),
						field: 'modules',
						message: `slug "${slug}" bruges i flere spor`
					});
					continue;
				}
				modules.set(slug, module);
				trackModules.push(module);
			}
			const trackScenarios: Scenario[] = [];
			const scenarioOrder = fallback
				? fallback.scenarios.map((sc) => sc.slug)
				: (track?.scenarios ?? []);
			for (const slug of scenarioOrder) {
				if (RESERVED_SLUGS.has(slug) || scenarios.has(slug)) {
					problems.push({
						file: relative(process.cwd(), trackFile),
						field: 'scenarios',
						message: `"${slug}" er reserveret eller bruges allerede`
					});
					continue;
				}
				const scenario =
					locale === 'da' || existsSync(join(root, locale, 'scenarier', slug))
						? loadScenario(root, locale, trackId, slug, help, options, problems)
						: fallbackScenario(locales.da.scenarios.get(slug));
				if (!scenario) continue;
				scenarios.set(slug, scenario);
				trackScenarios.push(scenario);
			}
			const render = createMarkdownRenderer(markdownIn(locale, options.calloutLabels(locale)));
			tracks[trackId] = {
				id: trackId,
				locale: track ? locale : (fallback?.locale ?? locale),
				title: track?.title ?? fallback?.title ?? trackId,
				introHtml: track ? render(track.intro).html : (fallback?.introHtml ?? ''),
				modules: trackModules,
				scenarios: trackScenarios
			};
		}
		if (locale === 'da') checkScenarioFolders(root, tracks, problems);
		linkScenariosToModules(scenarios, modules, root, locale, problems);
		const localHelp = loadLocalHelp(root, locale, options, problems);
		checkServiceIdsUnique(help, localHelp, join(root, locale, 'kommuner'), problems);
		const pages = loadPages(root, locale, options, danishPages, problems, warnings);
		if (locale === 'da') danishPages = pages;
		const materials = loadMaterials(root, locale, modules, options, problems);
		const measures = loadMeasures(root, locale, modules, problems);
		locales[locale] = {
			tracks,
			modules,
			scenarios,
			help,
			localHelp: locale === 'da' || localHelp.length > 0 ? localHelp : locales.da.localHelp,
			pages: new Map([...pages].map(([name, { page }]) => [name, page])),
			// A translation of the materials replaces the Danish ones as a whole, as local help does.
			materials: locale === 'da' || materials.size > 0 ? materials : locales.da.materials,
			// Before and after must be the same questions: a measure is answered as it was written.
			measures: locale === 'da' || measures.size > 0 ? measures : locales.da.measures
		};
	}

	for (const { file, href } of allLinks) {
		const internal = /^\/(unge|foraeldre)\/([^/#?]+)/.exec(href);
		if (
			internal &&
			!locales.da.tracks[internal[1] as TrackId].modules.some((m) => m.slug === internal[2])
		) {
			problems.push({ file, message: `linket ${href} peger på et modul, der ikke findes` });
		} else if (/^http:\/\//.test(href)) {
			problems.push({ file, message: `linket ${href} skal bruge https` });
		}
	}
	const evening = loadEvening(root, problems);
	return { locales, problems, warnings, evening };
}
