/** The two learning tracks; shared by server and browser code (route matcher, labels). */
export const TRACKS = ['unge', 'foraeldre'] as const;
export type TrackId = (typeof TRACKS)[number];
