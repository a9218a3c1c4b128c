import { z } from 'zod';

// Every request body, parameter and WebSocket message the class server accepts, as zod schemas. Names are plain
// text: trimmed, bounded, no control or bidirectional-override characters (they are shown on a projector and in
// spreadsheets); clients must display them as text, never as HTML.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { message: `expected 1–${max} characters` })
        .max(max, { message: `expected 1–${max} characters` })
        .refine((s) => !CONTROL.test(s), { message: 'expected plain text without control characters' }),
    );

export const Name = text(40);
export const Title = text(80);
export const Seed = text(200);

export const Id = z.coerce.number().int().min(1).max(2 ** 31 - 1);
export const SessionId = z.string().regex(/^[0-9a-f-]{36}$/, { message: 'expected a session id' });
export const JoinCode = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-9]{6}$/, { message: 'expected a 6-character join code' }));
export const SeasonNo = z.coerce.number().int().min(0).max(20);

export const CreateSession = z.strictObject({
  title: Title,
  seed: Seed,
  scenario: z.union([
    z.strictObject({ file: z.string().regex(/^[a-z0-9-]+\.yaml$/, { message: 'expected a shipped scenario file name such as bubble-tea.yaml' }) }),
    z.strictObject({ yaml: z.string().min(1).max(2_500_000) }),
  ]),
  practice: z.boolean().default(false),
  teams: z.array(Name).max(100).default([]),
});

export const PatchSession = z.strictObject({ title: Title.optional(), scoresVisible: z.boolean().optional() });
export const CreateTeam = z.strictObject({ name: Name });
export const PatchTeam = z.strictObject({ name: Name.optional(), active: z.boolean().optional() });
export const AutoAssign = z.strictObject({ teams: z.number().int().min(1).max(100).optional() });
export const PatchMember = z.strictObject({ name: Name.optional(), active: z.boolean().optional(), teamId: Id.optional() });
/** Joining: a team picked by id, a new team the student names (`newTeam`), or neither (the smallest team). */
export const Join = z
  .strictObject({ name: Name, teamId: Id.optional(), newTeam: Name.optional() })
  .refine((j) => j.teamId === undefined || j.newTeam === undefined, { message: 'expected either teamId or newTeam, not both' });

/** A deadline in minutes from now or as a time; or no deadline: the season closes when every team has submitted. */
export const OpenSeason = z.discriminatedUnion('mode', [
  z
    .strictObject({ mode: z.literal('deadline'), minutes: z.number().min(0.01).max(24 * 60).optional(), deadline: z.iso.datetime({ offset: true }).optional() })
    .refine((o) => (o.minutes === undefined) !== (o.deadline === undefined), { message: 'expected either minutes or deadline' }),
  z.strictObject({ mode: z.literal('all-submitted') }),
]);
export const Extend = z.strictObject({ minutes: z.number().min(0.01).max(24 * 60) });

/** A field of the decisions, by dotted path ("acquisition.budget", "tiers.levels.0.discount"); "" is the whole plan. */
export const FieldPath = z
  .string()
  .max(120)
  .regex(/^$|^[A-Za-z]+(\.([A-Za-z]+|\d{1,3}))*$/, { message: 'expected a field path such as acquisition.budget' });

export const Changes = z.array(z.strictObject({ path: FieldPath, value: z.unknown() })).min(1).max(50);
export const DraftPatch = z.strictObject({ season: SeasonNo, changes: Changes });
export const Submit = z.strictObject({ season: SeasonNo, version: z.number().int().min(0) });
export const Withdraw = z.strictObject({ season: SeasonNo });

export const ClientMessage = z.discriminatedUnion('type', [
  z
    .strictObject({ type: z.literal('hello'), token: z.string().min(1).max(200).optional(), screen: JoinCode.optional() })
    .refine((m) => (m.token === undefined) !== (m.screen === undefined), { message: 'expected either token or screen' }),
  z.strictObject({ type: z.literal('draft.set'), season: SeasonNo, changes: Changes }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientMessage = z.output<typeof ClientMessage>;
