import { SCENARIO_VERSION } from './schema';

// Scenario format versions. A file says which format it is written in (`version: 2`); the game reads the current
// version and upgrades older files step by step before checking them against the schema. When format version n + 1
// arrives: set SCENARIO_VERSION = n + 1 in schema.ts and add one entry `n: fromVn` to MIGRATIONS below, a pure
// function that turns a version-n object into a version-(n + 1) object. Nothing else changes. The hash of a
// scenario is taken after migration, so an old file and its upgraded copy are the same game.
// A version that only adds optional fields (version 2 added `opens` and `briefs`) needs no upgrade: its
// migration returns the file as it is, version included, so every file written before it keeps its hash and the
// run files that embed it still verify.

export type Migrated = { ok: true; value: unknown } | { ok: false; message: string };

/** MIGRATIONS[n] upgrades a plain object of format version n to version n + 1. */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 only added optional fields: a version-1 file is a valid version-2 file as it stands.
  1: (raw) => raw,
};

/** The oldest format version this game can still read (upgrading it through MIGRATIONS). */
export const OLDEST_READABLE = firstReadable();

function firstReadable(): number {
  let v = SCENARIO_VERSION;
  while (MIGRATIONS[v - 1]) v--;
  return v;
}

const HOW_TO_UPGRADE =
  'open the file in a newer version of Customer Seasons (客户四季), or ask for the scenario in format ' +
  `version ${SCENARIO_VERSION}; see docs/scenarios.md, "Versions"`;

/**
 * Brings a parsed scenario file (YAML/JSON already turned into plain data) to the current format version.
 * Never throws. Anything that is not an object is passed through unchanged, so the schema check reports it
 * with its location; a missing, malformed or unknown version is refused with how to go on.
 */
export function migrateScenario(raw: unknown): Migrated {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: true, value: raw };
  const obj = raw as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(obj, 'version')) {
    return {
      ok: false,
      message:
        `expected a format version ("version: ${SCENARIO_VERSION}" as the first field), found nothing; ` +
        `this game reads version ${SCENARIO_VERSION}: add "version: ${SCENARIO_VERSION}" if the file was written for it`,
    };
  }
  const v = obj.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return {
      ok: false,
      message: `expected a format version (a whole number such as ${SCENARIO_VERSION}), found ${describe(v)}`,
    };
  }
  if (v > SCENARIO_VERSION) {
    return {
      ok: false,
      message: `this file is for format version ${v}; this game reads version ${SCENARIO_VERSION}: ${HOW_TO_UPGRADE}`,
    };
  }
  if (v < OLDEST_READABLE) {
    return {
      ok: false,
      message:
        `this file is for format version ${v}; this game reads version ${SCENARIO_VERSION} ` +
        `(and upgrades versions ${OLDEST_READABLE}–${SCENARIO_VERSION}): ${HOW_TO_UPGRADE}`,
    };
  }
  let cur: Record<string, unknown> = obj;
  for (let n = v; n < SCENARIO_VERSION; n++) {
    try {
      cur = MIGRATIONS[n](cur);
    } catch (err) {
      return { ok: false, message: `cannot upgrade from format version ${n}: ${(err as Error).message}` };
    }
  }
  return { ok: true, value: cur };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}
