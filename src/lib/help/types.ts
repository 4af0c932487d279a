/** A place to get help, as /hjaelp, a theme day's page and a module show it. */
export interface HelpService {
	id: string;
	name: string;
	helpsWith: string;
	forWhom: string;
	/** Undefined when no source says. */
	anonymous?: boolean;
	hours?: string;
	contact: { kind: 'phone' | 'chat' | 'web' | 'sms' | 'email'; label: string; href: string }[];
	source: { title: string; url: string };
	lastChecked: string;
}

/** The help one municipality offers (content/<locale>/kommuner/<slug>.yaml). */
export interface LocalHelp {
	slug: string;
	name: string;
	/** The municipality's short name, as theme days store it ("Herlev"). */
	municipality: string;
	introHtml: string;
	services: HelpService[];
}
