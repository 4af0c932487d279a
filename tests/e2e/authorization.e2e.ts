import { expect, test, type APIRequestContext } from '@playwright/test';
import { actionInventory, routeInventory } from './support/route-inventory';
import {
	ACTORS,
	apiClient,
	endpointMethods,
	postAction,
	streamStatus,
	signInApi,
	snapshot,
	type Actor
} from './support/security-fixtures';
import { buildSecurityWorld, type SecurityWorld } from './support/security-world';
import { PROFESSIONAL_APPLICATION } from './support/helpers';

/**
 * Who may do what: every page, endpoint and form action × every kind of person, on objects that
 * belong to someone else. Outcomes:
 *   ok         200 for a page; an action that ran (success, or a redirect onwards)
 *   login      303 to /log-ind?naeste=…
 *   →/path     another redirect (e.g. a signed-in person on /log-ind goes to /mig; someone who
 *              is not in a live quiz is sent to /live to join it)
 *   404, 405   the request was stopped before the action (error page or refused method)
 *   fail 4xx   the action ran and refused (e.g. "not your family link", "wrong password")
 */
type Outcome = string;
type Cells = [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
type Row = {
	/** Where the request goes; `actor` lets allowed cells work on spare objects. */
	path: (w: SecurityWorld, actor: Actor) => string;
	form?: (w: SecurityWorld, actor: Actor) => Record<string, string>;
	/** An endless event stream: only its status is read. */
	stream?: boolean;
	/** The request ends the actor's sessions: it runs last, on a session of its own. */
	endsSession?: boolean;
	expect: Cells;
};

/** Only the owner; administrators do not open other people's classes or theme days. */
const OWNER_ONLY: Cells = ['login', '404', '404', '404', 'ok', '404', '404'];
const EVERYONE: Cells = ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];
const SIGNED_IN: Cells = ['login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];
const LIVE_OWNER: Cells = ['login', '404', '404', '404', 'ok', '404', '404'];
const NOT_THEIRS: Cells = [
	'login',
	'fail 404',
	'fail 404',
	'fail 404',
	'fail 404',
	'fail 404',
	'fail 404'
];
const FAILS_400: Cells = [
	'fail 400',
	'fail 400',
	'fail 400',
	'fail 400',
	'fail 400',
	'fail 400',
	'fail 400'
];

/** The coordinator's pages: no actor of the matrix is a coordinator (they have COORDINATOR below). */
const COORDINATOR_ONLY: Cells = ['login', '404', '404', '404', '404', '404', '404'];

/** Professional A acts on spare objects; everyone else on the victim's. */
const allowed = (actor: Actor) => actor === 'proA';
const classPath = (w: SecurityWorld, actor: Actor) =>
	allowed(actor) ? w.classOk.path : w.classA.path;
const themeDayPath = (w: SecurityWorld, actor: Actor) =>
	allowed(actor) ? w.themeDayOk.path : w.themeDayA.path;
const pollPath = (w: SecurityWorld, actor: Actor) =>
	allowed(actor) ? w.pollOk.path : w.pollA.path;
const agreementsPath = (w: SecurityWorld, actor: Actor) =>
	allowed(actor) ? w.agreementsOk.path : w.agreementsA.path;
/** A draft theme day exists only for its organiser. */
const DRAFT_PUBLIC: Cells = ['404', '404', '404', '404', 'ok', '404', '404'];
const PRO_PAGE: Cells = ['login', '404', '404', 'ok', 'ok', 'ok', 'ok'];
/** Approved professionals (and administrators, who may read teacher notes); pending ones act as parents. */
const APPROVED_PRO: Cells = ['login', '404', '404', '404', 'ok', 'ok', 'ok'];

// prettier-ignore
const TABLE: Record<string, Row> = {
	//                                                       visitor     youth       parent      pending     proA        proB        admin
	'GET /':                                         { path: () => '/', expect: EVERYONE },
	'GET /[track=track]':                            { path: () => '/unge', expect: EVERYONE },
	'GET /[track=track]/[modul]':                    { path: () => '/unge/grooming', expect: EVERYONE },
	'GET /[track=track]/[modul]/trin/[trin=step]':   { path: () => '/unge/grooming/trin/3', expect: EVERYONE },
	'GET /[track=track]/oev/[scenario]':             { path: () => '/unge/oev/oev-sofie', expect: EVERYONE },
	'GET /[track=track]/bevis':                      { path: () => '/foraeldre/bevis', expect: SIGNED_IN },
	'GET /admin':                                    { path: () => '/admin', expect: ['login', '404', '404', '404', '404', '404', 'ok'] },
	'GET /fagperson':                                { path: () => '/fagperson', expect: ['login', '404', '404', 'ok', 'ok', 'ok', 'ok'] },
	'GET /fagperson/klasser/[id]':                   { path: (w) => w.classA.path, expect: OWNER_ONLY },
	'GET /fagperson/materialer':                     { path: () => '/fagperson/materialer', expect: APPROVED_PRO },
	'GET /fagperson/materialer/kort/[slug]':         { path: () => '/fagperson/materialer/kort/beskeden-til-lukas', expect: APPROVED_PRO },
	'GET /fagperson/materialer/underretning':        { path: () => '/fagperson/materialer/underretning', expect: APPROVED_PRO },
	'GET /fagperson/materialer/vejledning/[slug]':   { path: () => '/fagperson/materialer/vejledning/grooming', expect: APPROVED_PRO },
	'GET /fagperson/temadage':                       { path: () => '/fagperson/temadage', expect: PRO_PAGE },
	'GET /fagperson/temadage/ny':                    { path: () => '/fagperson/temadage/ny', expect: PRO_PAGE },
	'GET /fagperson/temadage/[id]/drejebog':         { path: (w) => `${w.themeDayA.path}/drejebog`, expect: OWNER_ONLY },
	'GET /fagperson/stemmer':                        { path: () => '/fagperson/stemmer', expect: APPROVED_PRO },
	'GET /fagperson/stemmer/[id]':                   { path: (w) => w.pollA.path, expect: OWNER_ONLY },
	'GET /fagperson/aftaler':                        { path: () => '/fagperson/aftaler', expect: APPROVED_PRO },
	'GET /fagperson/aftaler/[id]':                   { path: (w) => w.agreementsA.path, expect: OWNER_ONLY },
	'GET /stemmer/[kode]':                           { path: (w) => `/stemmer/${w.pollA.code}`, expect: EVERYONE },
	'GET /aftaler/[kode]':                           { path: (w) => `/aftaler/${w.agreementsA.code}`, expect: EVERYONE },
	'GET /dilemmaer':                                { path: () => '/dilemmaer', expect: EVERYONE },
	'GET /fagperson/temadage/[id]':                  { path: (w) => w.themeDayA.path, expect: OWNER_ONLY },
	'GET /temadage':                                 { path: () => '/temadage', expect: EVERYONE },
	'GET /temadage/[slug]':                          { path: (w) => `/temadage/${w.themeDayA.slug}`, expect: DRAFT_PUBLIC },
	'GET /temadage/[slug]/kalender.ics':             { path: (w) => `/temadage/${w.themeDayA.slug}/kalender.ics`, expect: DRAFT_PUBLIC },
	'GET /fagperson/klasser/[id]/analyse/[modul]':   { path: (w) => `${w.classA.path}/analyse/grooming`, expect: OWNER_ONLY },
	'GET /fagperson/klasser/[id]/csv':               { path: (w) => `${w.classA.path}/csv`, expect: OWNER_ONLY },
	'GET /fagperson/maalinger':                      { path: () => '/fagperson/maalinger', expect: APPROVED_PRO },
	'GET /fagperson/maalinger/[id]':                 { path: (w) => w.measureA.path, expect: OWNER_ONLY },
	'GET /koordinator':                              { path: () => '/koordinator', expect: COORDINATOR_ONLY },
	'GET /koordinator/csv':                          { path: () => '/koordinator/csv', expect: COORDINATOR_ONLY },
	'GET /koordinator/udskrift':                     { path: () => '/koordinator/udskrift', expect: COORDINATOR_ONLY },
	'GET /maaling':                                  { path: () => '/maaling', expect: EVERYONE },
	'GET /maaling/[kode]':                           { path: (w) => `/maaling/${w.measureA.code}`, expect: EVERYONE },
	'GET /fagperson/live':                           { path: () => '/fagperson/live', expect: ['login', '404', '404', '404', 'ok', 'ok', 'ok'] },
	'GET /fagperson/live/[id]':                      { path: (w) => w.liveA.path, expect: LIVE_OWNER },
	'GET /fagperson/live/[id]/skaerm':               { path: (w) => `${w.liveA.path}/skaerm`, expect: LIVE_OWNER },
	'GET /fagperson/live/[id]/strom':                { path: (w) => `${w.liveA.path}/strom`, stream: true, expect: LIVE_OWNER },
	'GET /foraeldre/samtalekort':                    { path: () => '/foraeldre/samtalekort', expect: EVERYONE },
	'GET /foraeldre/samtalekort/[modul]':            { path: () => '/foraeldre/samtalekort/grooming', expect: EVERYONE },
	'GET /healthz':                                  { path: () => '/healthz', expect: EVERYONE },
	'GET /hjaelp':                                   { path: () => '/hjaelp', expect: EVERYONE },
	// Teacher notes and quiz files sit beside the images; only images are served.
	'GET /indhold/[...path]':                        { path: () => '/indhold/da/unge/grooming/teacher.md', expect: ['404', '404', '404', '404', '404', '404', '404'] },
	'GET /klasse':                                   { path: () => '/klasse', expect: EVERYONE },
	'GET /live':                                     { path: () => '/live', expect: EVERYONE },
	'GET /live/[kode]':                              { path: (w) => `/live/${w.liveA.code}`, expect: ['→/live', '→/live', '→/live', '→/live', '→/live', '→/live', '→/live'] },
	'GET /live/[kode]/strom':                        { path: (w) => `/live/${w.liveA.code}/strom`, stream: true, expect: ['404', '404', '404', '404', '404', '404', '404'] },
	'GET /log-ind':                                  { path: () => '/log-ind', expect: ['ok', '→/mig', '→/mig', '→/mig', '→/mig', '→/mig', '→/mig'] },
	'GET /log-ud':                                   { path: () => '/log-ud', expect: ['→/log-ind', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] },
	'GET /mig':                                      { path: () => '/mig', expect: SIGNED_IN },
	'GET /mig/data':                                 { path: () => '/mig/data', expect: SIGNED_IN },
	'GET /mig/familie/[link]':                       { path: (w) => `/mig/familie/${w.link}`, expect: ['login', '404', '404', '404', '404', '404', '404'] },
	'GET /nulstil':                                  { path: () => '/nulstil', expect: EVERYONE },
	'GET /opret-konto':                              { path: () => '/opret-konto', expect: ['ok', '→/mig', '→/mig', '→/mig', '→/mig', '→/mig', '→/mig'] },
	'GET /privatliv':                                { path: () => '/privatliv', expect: EVERYONE },
	'POST /sprog':                                   { path: () => '/sprog', form: () => ({ sprog: 'da', tilbage: '/unge' }), expect: ['→/unge', '→/unge', '→/unge', '→/unge', '→/unge', '→/unge', '→/unge'] },
	'GET /tilgaengelighed':                          { path: () => '/tilgaengelighed', expect: EVERYONE },

	'POST /[track=track]/[modul]?/svar':             { path: () => '/unge/grooming', expect: FAILS_400 },
	'POST /[track=track]/[modul]?/tjek':             { path: () => '/unge/grooming', expect: FAILS_400 },
	// Remembers a signed-in person's step of the lesson; a visitor's step is not stored.
	'POST /[track=track]/[modul]?/trin':             { path: () => '/unge/grooming', form: () => ({ trin: '2' }), expect: EVERYONE },
	'POST /[track=track]/oev/[scenario]?/svar':      { path: () => '/unge/oev/oev-sofie', form: () => ({ vej: 'forfalsket', valg: '0' }), expect: FAILS_400 },
	'POST /admin?/godkend':                          { path: () => '/admin', form: (w, a) => ({ userId: a === 'admin' ? w.pendingSpare.id : w.pendingTarget.id }), expect: ['login', '404', '404', '404', '404', '404', 'ok'] },
	'POST /admin?/afvis':                            { path: () => '/admin', form: (w, a) => ({ userId: a === 'admin' ? w.pendingDeclineSpare.id : w.pendingTarget.id, reason: `Afvist af ${a}` }), expect: ['login', '404', '404', '404', '404', '404', 'ok'] },
	// Only a professional who is not approved yet applies (again); the others are no applicants.
	'POST /fagperson?/ansoeg':                       { path: () => '/fagperson', form: () => ({ ...PROFESSIONAL_APPLICATION }), expect: ['login', '404', '404', 'ok', '404', '404', '404'] },
	'POST /fagperson?/velkommen':                    { path: () => '/fagperson', expect: APPROVED_PRO },
	'POST /fagperson?/opret':                        { path: () => '/fagperson', form: (w, a) => ({ name: `Klasse af ${a}`, school: 'Skole', ageGroup: '8.' }), expect: ['login', '404', '404', '404', 'ok', 'ok', 'ok'] },
	// Another's assignment is no target: the action refuses it as unknown.
	'POST /fagperson/maalinger?/opret':              { path: () => '/fagperson/maalinger', form: (w, a) => ({ measure: 'temadag-unge', target: `opgave-${a === 'proA' ? w.spareAssignments[1] : w.assignment}` }), expect: ['login', '404', '404', '404', 'ok', 'fail 404', 'fail 404'] },
	'POST /fagperson/maalinger/[id]?/efter':         { path: (w, a) => (a === 'proA' ? w.measureAfterOk.path : w.measureA.path), expect: OWNER_ONLY },
	'POST /fagperson/maalinger/[id]?/luk':           { path: (w, a) => (a === 'proA' ? w.measureCloseOk.path : w.measureA.path), form: () => ({ bekraeft: 'ja' }), expect: OWNER_ONLY },
	'POST /koordinator?/ansoeg':                     { path: () => '/koordinator', form: () => ({ ...PROFESSIONAL_APPLICATION }), expect: COORDINATOR_ONLY },
	// Anyone with the code reaches the questions; unanswered ones are refused.
	'POST /maaling':                                 { path: () => '/maaling', form: (w) => ({ code: w.measureA.code }), expect: EVERYONE },
	'POST /maaling/[kode]?/svar':                    { path: (w) => `/maaling/${w.measureA.code}`, expect: FAILS_400 },
	'POST /fagperson/live?/start':                   { path: () => '/fagperson/live', form: () => ({ track: 'unge', modul: 'grooming' }), expect: ['login', '404', '404', '404', 'ok', 'ok', 'ok'] },
	// Professional A has three sessions running by now (liveA, liveOk and the one just started):
	// past the guard, the quota answers. Starting an evening is part of the evening journey.
	'POST /fagperson/stemmer/[id]?/live':            { path: pollPath, expect: ['login', '404', '404', '404', 'fail 409', '404', '404'] },
	'POST /fagperson/stemmer/[id]?/aften':           { path: pollPath, expect: ['login', '404', '404', '404', 'fail 409', '404', '404'] },
	'POST /dilemmaer?/live':                         { path: () => '/dilemmaer', expect: ['login', '404', '404', '404', 'fail 400', 'fail 400', 'fail 400'] },
	'POST /fagperson/live/[id]?/tal':                { path: (w, a) => (a === 'proA' ? w.liveOk.path : w.liveA.path), form: () => ({ skjul: 'ja' }), expect: LIVE_OWNER },
	'POST /fagperson/live/[id]?/laas':               { path: (w, a) => (a === 'proA' ? w.liveOk.path : w.liveA.path), form: () => ({ laast: 'ja' }), expect: ['login', '404', '404', '404', 'ok', '404', '404'] },
	'POST /fagperson/live/[id]?/fjern':              { path: (w, a) => (a === 'proA' ? w.liveOk.path : w.liveA.path), form: () => ({ deltager: 'findes-ikke' }), expect: ['login', '404', '404', '404', 'fail 404', '404', '404'] },
	'POST /fagperson/live/[id]?/styr':               { path: (w, a) => (a === 'proA' ? w.liveOk.path : w.liveA.path), form: () => ({ command: 'end', bekraeft: 'ja' }), expect: LIVE_OWNER },
	'POST /fagperson/temadage/ny?/opret':            { path: () => '/fagperson/temadage/ny', expect: ['login', '404', '404', '404', 'fail 400', 'fail 400', 'fail 400'] },
	'POST /fagperson/temadage/[id]?/gem':            { path: themeDayPath, expect: ['login', '404', '404', '404', 'fail 400', '404', '404'] },
	'POST /fagperson/temadage/[id]?/udgiv':          { path: themeDayPath, expect: OWNER_ONLY },
	'POST /fagperson/temadage/[id]?/afpubliser':     { path: themeDayPath, expect: OWNER_ONLY },
	'POST /fagperson/temadage/[id]?/aflys':          { path: themeDayPath, expect: OWNER_ONLY },
	'POST /fagperson/stemmer?/opret':                { path: () => '/fagperson/stemmer', expect: ['login', '404', '404', '404', 'fail 400', 'fail 400', 'fail 400'] },
	'POST /fagperson/stemmer/[id]?/luk':             { path: pollPath, expect: OWNER_ONLY },
	'POST /fagperson/stemmer/[id]?/aabn':            { path: pollPath, expect: OWNER_ONLY },
	'POST /fagperson/aftaler?/opret':                { path: () => '/fagperson/aftaler', expect: ['login', '404', '404', '404', 'fail 400', 'fail 400', 'fail 400'] },
	'POST /fagperson/aftaler/[id]?/tilfoej':         { path: agreementsPath, form: () => ({ forslag: 'spoerg-foer-deling' }), expect: OWNER_ONLY },
	'POST /fagperson/aftaler/[id]?/egen':            { path: agreementsPath, form: (w, a) => ({ text: `Skrevet af ${a}` }), expect: OWNER_ONLY },
	'POST /fagperson/aftaler/[id]?/ret':             { path: agreementsPath, form: (w, a) => ({ id: String(allowed(a) ? w.agreementsOk.agreementId : w.agreementsA.agreementId), text: `Rettet af ${a}` }), expect: OWNER_ONLY },
	// No proposal with that id is waiting: past the guard, the action finds nothing.
	'POST /fagperson/aftaler/[id]?/godkend':         { path: agreementsPath, form: (w) => ({ id: String(w.agreementsA.agreementId), text: 'Godkendt' }), expect: ['login', '404', '404', '404', 'fail 404', '404', '404'] },
	'POST /fagperson/aftaler/[id]?/afvis':           { path: agreementsPath, form: () => ({ id: 'findes-ikke' }), expect: ['login', '404', '404', '404', 'fail 404', '404', '404'] },
	'POST /fagperson/aftaler/[id]?/fjern':           { path: agreementsPath, form: () => ({ id: 'findes-ikke' }), expect: ['login', '404', '404', '404', 'fail 404', '404', '404'] },
	'POST /fagperson/aftaler/[id]?/udgiv':           { path: agreementsPath, expect: OWNER_ONLY },
	'POST /fagperson/aftaler/[id]?/afpubliser':      { path: agreementsPath, expect: OWNER_ONLY },
	// Anyone with the link answers a youth poll or votes on agreements, without an account; once.
	'POST /stemmer/[kode]':                          { path: (w) => `/stemmer/${w.pollOk.code}`, form: () => ({ 'q-utryg-besked': 'nej' }), expect: EVERYONE },
	'POST /aftaler/[kode]?/stem':                    { path: (w) => `/aftaler/${w.agreementsOk.code}`, form: (w) => ({ [`a-${w.agreementsOk.agreementId}`]: 'ja' }), expect: EVERYONE },
	'POST /aftaler/[kode]?/foreslaa':                { path: (w) => `/aftaler/${w.agreementsOk.code}`, form: () => ({ forslag: '' }), expect: FAILS_400 },
	'POST /fagperson/klasser/[id]?/adgang':          { path: classPath, form: () => ({ open: 'nej' }), expect: OWNER_ONLY },
	'POST /fagperson/klasser/[id]?/arkiver':         { path: (w, a) => (allowed(a) ? w.classArchive.path : w.classA.path), expect: OWNER_ONLY },
	'POST /fagperson/klasser/[id]?/fjernElev':       { path: classPath, form: (w, a) => ({ userId: a === 'proA' ? w.spares[0].id : w.pupil.id }), expect: OWNER_ONLY },
	'POST /fagperson/klasser/[id]?/fjernOpgave':     { path: classPath, form: (w, a) => ({ assignmentId: String(a === 'proA' ? w.spareAssignments[0] : w.assignment) }), expect: OWNER_ONLY },
	'POST /fagperson/klasser/[id]?/nulstil':         { path: classPath, form: (w, a) => ({ userId: allowed(a) ? w.spares[2].id : w.pupil.id }), expect: OWNER_ONLY },
	'POST /fagperson/klasser/[id]?/nyKode':          { path: classPath, expect: OWNER_ONLY },
	'POST /fagperson/klasser/[id]?/omdoeb':          { path: classPath, form: (w, a) => ({ userId: allowed(a) ? w.spares[2].id : w.pupil.id, displayName: `Omdøbt af ${a}` }), expect: OWNER_ONLY },
	'POST /fagperson/klasser/[id]?/tildel':          { path: classPath, form: (w, a) => ({ moduleSlug: 'sextortion', dueDate: '', note: `Sat af ${a}` }), expect: OWNER_ONLY },
	// Any young person with a class code may join; others are told only young people can.
	'POST /hjaelp?/kommune':                         { path: () => '/hjaelp', form: () => ({ kommune: 'herlev' }), expect: EVERYONE },
	'POST /klasse':                                  { path: () => '/klasse', form: (w) => ({ code: w.classJoin.code }), expect: ['fail 400', 'ok', 'fail 400', 'fail 400', 'fail 400', 'fail 400', 'fail 400'] },
	// Anyone with the code may join a live quiz, without an account.
	'POST /live':                                    { path: () => '/live', form: (w, a) => ({ code: w.liveJoin.code, nickname: `Deltager ${ACTORS.indexOf(a)}` }), expect: EVERYONE },
	'POST /live/[kode]?/svar':                       { path: (w) => `/live/${w.liveA.code}`, form: () => ({ q: '0' }), expect: ['→/live', '→/live', '→/live', '→/live', '→/live', '→/live', '→/live'] },
	'POST /log-ind':                                 { path: () => '/log-ind', expect: FAILS_400 },
	'POST /log-ud':                                  { path: () => '/log-ud', endsSession: true, expect: EVERYONE },
	'POST /mig?/familieAfslut':                      { path: () => '/mig', form: (w) => ({ linkId: String(w.link) }), expect: NOT_THEIRS },
	'POST /mig?/familieAfvis':                       { path: () => '/mig', form: (w) => ({ linkId: String(w.link) }), expect: NOT_THEIRS },
	'POST /mig?/familieBekraeft':                    { path: () => '/mig', form: (w) => ({ linkId: String(w.link) }), expect: NOT_THEIRS },
	'POST /mig?/familieKode':                        { path: () => '/mig', expect: ['login', 'ok', 'fail 403', 'fail 403', 'fail 403', 'fail 403', 'fail 403'] },
	// A pending professional acts as a parent until approved.
	'POST /mig?/familieTilknyt':                     { path: () => '/mig', form: () => ({ familyCode: 'AAAA-BBBB' }), expect: ['login', 'fail 403', 'fail 400', 'fail 400', 'fail 403', 'fail 403', 'fail 403'] },
	'POST /mig?/forlad':                             { path: () => '/mig', form: (w) => ({ classId: w.classA.id }), expect: NOT_THEIRS },
	'POST /mig?/logUdAlle':                          { path: () => '/mig', endsSession: true, expect: SIGNED_IN },
	'POST /mig?/slet':                               { path: () => '/mig', form: () => ({ deletePassword: 'ikke min adgangskode' }), expect: ['login', 'fail 400', 'fail 400', 'fail 400', 'fail 400', 'fail 400', 'fail 400'] },
	'POST /mig/familie/[link]?/talt':                { path: (w) => `/mig/familie/${w.link}`, form: () => ({ module: 'grooming', talked: 'ja' }), expect: ['login', '404', '404', '404', '404', '404', '404'] },
	'POST /nulstil':                                 { path: () => '/nulstil', form: (w) => ({ username: w.pupil.username, code: 'ABCDEF', password: '' }), expect: FAILS_400 },
	'POST /opret-konto':                             { path: () => '/opret-konto', expect: ['fail 400', 'fail 409', 'fail 409', 'fail 409', 'fail 409', 'fail 409', 'fail 409'] }
};

/**
 * The coordinator, approved and still pending, on their own pages and on everyone else's: figures
 * across groups, never a class, a measure or an administrator's page.
 */
// prettier-ignore
const COORDINATOR: Record<string, { path: (w: SecurityWorld) => string; form?: Record<string, string>; expect: [Outcome, Outcome] }> = {
	//                                                  approved    pending
	'GET /koordinator':                 { path: () => '/koordinator', expect: ['ok', 'ok'] },
	'GET /koordinator/csv':             { path: () => '/koordinator/csv', expect: ['ok', '404'] },
	'GET /koordinator/udskrift':        { path: () => '/koordinator/udskrift', expect: ['ok', '404'] },
	'POST /koordinator?/ansoeg':        { path: () => '/koordinator', form: { ...PROFESSIONAL_APPLICATION }, expect: ['404', 'ok'] },
	'GET /fagperson':                   { path: () => '/fagperson', expect: ['404', '404'] },
	'GET /fagperson/klasser/[id]':      { path: (w) => w.classA.path, expect: ['404', '404'] },
	'GET /fagperson/maalinger':         { path: () => '/fagperson/maalinger', expect: ['404', '404'] },
	'GET /fagperson/maalinger/[id]':    { path: (w) => w.measureA.path, expect: ['404', '404'] },
	'POST /fagperson/maalinger/[id]?/luk': { path: (w) => w.measureA.path, form: { bekraeft: 'ja' }, expect: ['404', '404'] },
	'GET /fagperson/temadage':          { path: () => '/fagperson/temadage', expect: ['404', '404'] },
	'GET /admin':                       { path: () => '/admin', expect: ['404', '404'] },
	'POST /admin?/godkend':             { path: () => '/admin', form: {}, expect: ['404', '404'] },
	'GET /mig':                         { path: () => '/mig', expect: ['ok', 'ok'] }
};

/** What the inventory says must be in the table. */
function requiredKeys(): string[] {
	const keys: string[] = [];
	for (const route of routeInventory()) {
		if (route.kind === 'page') keys.push(`GET ${route.id}`);
		else for (const method of endpointMethods(route.id)) keys.push(`${method} ${route.id}`);
	}
	for (const { routeId, action } of actionInventory())
		keys.push(action === 'default' ? `POST ${routeId}` : `POST ${routeId}?/${action}`);
	return keys;
}

function redirectOutcome(location: string): Outcome {
	if (location.startsWith('/log-ind?naeste=')) return 'login';
	return `→${new URL(location, 'http://x').pathname}`;
}

const ENDPOINTS = new Set(
	routeInventory()
		.filter((r) => r.kind === 'endpoint')
		.map((r) => r.id)
);

async function requestOutcome(
	client: APIRequestContext,
	key: string,
	row: Row,
	w: SecurityWorld,
	actor: Actor
): Promise<Outcome> {
	const path = row.path(w, actor);
	const form = row.form?.(w, actor) ?? {};
	const [method, target] = key.split(' ');
	const [routeId, action = 'default'] = target.split('?/');
	if (row.stream) {
		const head = await streamStatus(client, path);
		if (head.status >= 300 && head.status < 400) return redirectOutcome(head.location!);
		return head.status === 200 ? 'ok' : String(head.status);
	}
	if (method === 'GET' || ENDPOINTS.has(routeId)) {
		const response = await client.fetch(path, {
			method,
			form: method === 'GET' ? undefined : form
		});
		const status = response.status();
		if (status >= 300 && status < 400) return redirectOutcome(response.headers().location);
		return status === 200 ? 'ok' : String(status);
	}
	const outcome = await postAction(client, path, action, form);
	if (outcome.type === 'success') return 'ok';
	if (outcome.type === 'redirect') {
		const outcomeOf = redirectOutcome(outcome.location!);
		return outcomeOf === 'login' || outcomeOf === '→/live' ? outcomeOf : 'ok';
	}
	if (outcome.type === 'failure') return `fail ${outcome.status}`;
	return String(outcome.status);
}

/** Data no denied request may change: the victim class, its pupil, the family link, approvals. */
function victimState(w: SecurityWorld) {
	const actorIds = Object.values(w.accounts).map((a) => a.id);
	return {
		classA: snapshot('select * from classes where id = ?', w.classA.id),
		members: snapshot('select * from class_members where class_id = ?', w.classA.id),
		assignments: snapshot('select * from assignments where class_id = ?', w.classA.id),
		resetCodes: snapshot('select * from password_reset_codes where user_id = ?', w.pupil.id),
		link: snapshot('select * from family_links where id = ?', w.link),
		live: snapshot('select * from live_sessions where id = ?', w.liveA.id),
		themeDay: snapshot('select * from theme_days where id = ?', w.themeDayA.id),
		poll: snapshot('select * from youth_polls where id = ?', w.pollA.id),
		pollCounts: snapshot('select * from youth_poll_counts where poll_id = ?', w.pollA.id),
		agreementSet: snapshot('select * from agreement_sets where id = ?', w.agreementsA.id),
		agreements: snapshot('select * from agreements where set_id = ?', w.agreementsA.id),
		measure: snapshot('select * from measures where id = ?', w.measureA.id),
		measureAnswers: snapshot(
			'select count(*) from measure_participants where measure_id = ?',
			w.measureA.id
		),
		talks: snapshot('select * from card_talks where link_id = ?', w.link),
		pending: snapshot('select id, role, approved_at from users where id = ?', w.pendingTarget.id),
		application: snapshot(
			'select * from professional_applications where user_id = ?',
			w.pendingTarget.id
		),
		accounts: snapshot(
			`select id, role, approved_at, password_hash from users where id in (${actorIds.map(() => '?').join(',')}) order by id`,
			...actorIds
		)
	};
}

test.describe.serial('authorization matrix', () => {
	let w: SecurityWorld;

	test.beforeAll(async () => {
		test.setTimeout(120_000);
		w = await buildSecurityWorld();
	});
	test.afterAll(async () => {
		await w?.dispose();
	});

	test('the table lists every route, endpoint method and form action, and nothing else', () => {
		const required = requiredKeys();
		const missing = required.filter((k) => !(k in TABLE));
		const stale = Object.keys(TABLE).filter((k) => !required.includes(k));
		expect(
			missing,
			`Add a row for each of these to TABLE in tests/e2e/authorization.e2e.ts (and to the cross-origin and header suites): ${missing.join(', ')}`
		).toEqual([]);
		expect(
			stale,
			`Rows in TABLE for routes or actions that no longer exist: ${stale.join(', ')}`
		).toEqual([]);
	});

	test('every cell of the table gives the expected outcome, and denied requests change nothing', async () => {
		const before = victimState(w);
		const rows = Object.entries(TABLE).sort(
			([, a], [, b]) => Number(a.endsSession ?? false) - Number(b.endsSession ?? false)
		);
		const wrong: string[] = [];
		for (const [key, row] of rows) {
			// Allowed cells run last, so a denied cell always meets the victim's data as it was.
			const order = ACTORS.map((actor, i) => ({ actor, i })).sort(
				(a, b) => Number(allowed(a.actor)) - Number(allowed(b.actor))
			);
			const outcomes: Outcome[] = [];
			for (const { actor, i } of order) {
				let client = w.clients[actor];
				let own: APIRequestContext | null = null;
				if (row.endsSession) {
					own =
						actor === 'visitor'
							? await apiClient()
							: await signInApi(w.accounts[actor as Exclude<Actor, 'visitor'>].username);
					client = own;
				}
				outcomes[i] = await requestOutcome(client, key, row, w, actor);
				await own?.dispose();
			}
			ACTORS.forEach((actor, i) => {
				if (outcomes[i] !== row.expect[i])
					wrong.push(`${key} as ${actor}: expected ${row.expect[i]}, got ${outcomes[i]}`);
			});
		}
		expect(wrong, 'cells that differ from TABLE').toEqual([]);
		expect(victimState(w)).toEqual(before);

		// The allowed cells did what they say, so "unchanged" above means something.
		const spareMembers = snapshot(
			'select user_id from class_members where class_id = ?',
			w.classOk.id
		);
		expect(spareMembers).not.toContain(w.spares[0].id);
		// Only professional A removes a pupil now; administrators no longer act on other classes.
		expect(spareMembers).toContain(w.spares[1].id);
		expect(
			snapshot('select archived_at from classes where id = ?', w.classArchive.id)
		).not.toContain('null');
		expect(snapshot('select approved_at from users where id = ?', w.pendingSpare.id)).not.toContain(
			'null'
		);
		expect(
			snapshot(
				'select status from professional_applications where user_id = ?',
				w.pendingDeclineSpare.id
			)
		).toContain('declined');
		expect(snapshot('select ended_at from live_sessions where id = ?', w.liveOk.id)).not.toContain(
			'null'
		);
		expect(snapshot('select text from agreements where set_id = ?', w.agreementsOk.id)).toContain(
			'Rettet af proA'
		);
		expect(
			snapshot(
				'select count from youth_poll_counts where poll_id = ? and question_id = ?',
				w.pollOk.id,
				'utryg-besked'
			)
		).toContain('7');
		expect(snapshot('select phase from measures where id = ?', w.measureAfterOk.id)).toContain(
			'after'
		);
		expect(snapshot('select phase from measures where id = ?', w.measureCloseOk.id)).toContain(
			'closed'
		);
	});

	test("coordinators open the partnership's figures and nothing of a class, a measure or the administrators", async () => {
		const before = victimState(w);
		const wrong: string[] = [];
		for (const [key, row] of Object.entries(COORDINATOR)) {
			const cells = [w.coordinator, w.pendingCoordinator];
			for (const [i, account] of cells.entries()) {
				const outcome = await requestOutcome(
					account.client,
					key,
					{ path: row.path, form: () => row.form ?? {}, expect: EVERYONE },
					w,
					'parent'
				);
				if (outcome !== row.expect[i])
					wrong.push(
						`${key} as ${i ? 'pending' : 'approved'} coordinator: expected ${row.expect[i]}, got ${outcome}`
					);
			}
		}
		expect(wrong).toEqual([]);
		expect(victimState(w)).toEqual(before);
	});
});
