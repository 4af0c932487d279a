import { z } from 'zod';
import { SCENARIO_APPS } from '../../scenarios/types';
import { TRACKS } from '../../tracks';
import { idPattern, isoDate, sourceSchema, text } from './schema';

const id = z.string().regex(idPattern, 'små bogstaver, tal og bindestreg');

const cardSchema = z.strictObject({
	kind: z.enum(['betaling', 'link', 'fil'], { error: 'kind skal være betaling, link eller fil' }),
	title: text(60),
	lines: z.array(text(120)).min(1, 'mindst én linje').max(4, 'højst 4 linjer')
});

const messageSchema = z.union(
	[z.strictObject({ text: text(400) }), z.strictObject({ card: cardSchema })],
	{ error: 'en besked har enten text eller card' }
);

const choiceSchema = z.strictObject({
	text: text(200),
	next: id,
	risky: z.boolean().default(false),
	feedback: text(800)
});

const endingSchema = z.strictObject({
	title: text(80),
	outcome: z.enum(['godt', 'blandet', 'svaert'], {
		error: 'outcome skal være godt, blandet eller svaert'
	}),
	wentWell: text(1200),
	nowWhat: text(1500),
	notYourFault: text(400),
	help: z.array(id).min(1, 'mindst én hjælp fra hjælpesiden')
});

const stepSchema = z
	.strictObject({
		messages: z.array(messageSchema).max(4, 'højst 4 beskeder').default([]),
		choices: z.array(choiceSchema).min(2, 'mindst 2 svar').max(4, 'højst 4 svar').optional(),
		selfReply: z
			.strictObject({
				prompt: text(200),
				examples: z.array(text(300)).min(2, 'mindst 2 eksempler').max(3, 'højst 3 eksempler'),
				checklist: z.array(text(200)).min(2, 'mindst 2 punkter').max(4, 'højst 4 punkter')
			})
			.optional(),
		ending: endingSchema.optional()
	})
	.refine((s) => (s.ending ? !s.choices : !!s.choices), {
		message: 'et trin har enten choices eller ending'
	})
	.refine((s) => s.ending || s.messages.length > 0, { message: 'mindst én besked' })
	.refine((s) => (s.ending ? s.messages.length <= 2 : true), {
		message: 'højst 2 beskeder før en afslutning'
	})
	.refine((s) => !(s.ending && s.selfReply), { message: 'en afslutning har ikke selfReply' });

export const scenarioSchema = z.strictObject({
	title: text(80),
	summary: text(240),
	track: z.enum(TRACKS, { error: 'track skal være unge eller foraeldre' }),
	ages: z
		.tuple([z.int().min(6).max(99), z.int().min(6).max(99)])
		.refine(([a, b]) => a <= b, 'første alder skal være mindst lige så lav som anden'),
	minutes: z.int('skal være et helt tal').min(3).max(20),
	module: id,
	sources: z.array(sourceSchema).min(1, 'mindst én kilde'),
	lastReviewed: isoDate,
	counterpart: z.strictObject({
		name: text(40),
		app: z.enum(SCENARIO_APPS, { error: `app skal være en af: ${SCENARIO_APPS.join(', ')}` })
	}),
	intro: text(600),
	start: id,
	steps: z.record(id, stepSchema).refine((s) => Object.keys(s).length >= 3, 'mindst 3 trin')
});
export type ScenarioSource = z.infer<typeof scenarioSchema>;
