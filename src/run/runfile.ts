import { z } from 'zod';
import { Decisions } from '../scenario/decisions';
import { Scenario } from '../scenario/schema';
import { ENGINE_VERSION } from '../sim';

// The run file: save game, replay, class submission and the teacher's verification are all this one JSON
// document. It embeds the exact scenario with its SHA-256, the seed, the team, every season's decisions and what
// the team claims each season produced (state hash and score). State is never stored: it is re-derived.

export const RUN_FORMAT = 'customer-seasons-run';
export const RUN_FORMAT_VERSION = 1;

const ScoreClaim = z.strictObject({
  total: z.number(),
  satisfaction: z.number(),
  loyalty: z.number(),
  churn: z.number(),
  profit: z.number(),
  residual: z.number(),
});

export const RunSeason = z.strictObject({
  decisions: Decisions,
  hash: z.string().regex(/^[0-9a-f]{8}$/, 'an 8-digit hex state hash'),
  score: ScoreClaim,
});

export const RunFile = z.strictObject({
  format: z.literal(RUN_FORMAT),
  formatVersion: z.literal(RUN_FORMAT_VERSION),
  engineVersion: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version like 1.0.0'),
  team: z.string().max(80),
  seed: z.string().min(1).max(200),
  scenario: z.strictObject({
    id: z.string(),
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
    data: Scenario,
  }),
  seasons: z.array(RunSeason).max(20),
  final: z.strictObject({ score: ScoreClaim }).optional(),
  /** A fork records the run it branched from and after how many of its seasons. */
  parent: z.strictObject({ team: z.string().max(80), decisionsHash: z.string(), season: z.number().int().min(0) }).optional(),
});

export type RunFile = z.output<typeof RunFile>;
export type RunSeason = z.output<typeof RunSeason>;

export function newRun(scenario: Scenario, scenarioHash: string, seed: string, team: string): RunFile {
  return {
    format: RUN_FORMAT,
    formatVersion: RUN_FORMAT_VERSION,
    engineVersion: ENGINE_VERSION,
    team,
    seed,
    scenario: { id: scenario.id, hash: scenarioHash, data: scenario },
    seasons: [],
  };
}

/** Engines with the same major version simulate identically; a different major cannot verify. */
export function engineCompatible(version: string): boolean {
  return version.split('.')[0] === ENGINE_VERSION.split('.')[0];
}
