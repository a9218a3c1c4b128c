import { strToU8, zipSync } from 'fflate';
import type { Kysely } from 'kysely';
import { gradebookCsv } from '../run/gradebook';
import { rankRuns } from '../run/leaderboard';
import { playToRun } from '../run/replay';
import type { RunFile } from '../run/runfile';
import { Decisions } from '../scenario/decisions';
import { ENGINE_VERSION } from '../sim';
import type { Database } from './schema';
import { sessionById, sessionGame } from './sessions';

// What leaves the server as files: each team's run file (the same format the game exports, so `npm run verify`
// and `npm run leaderboard` judge it as any other), all of them as one zip, and the class gradebook made by the
// leaderboard from those very files. Run files claim only what a replay computes: they are made by playing the
// decisions the server played, never copied from stored figures.

/** The team's run file over its closed competition seasons, in order (a gap ends it; the practice season never enters). */
export async function teamRun(db: Kysely<Database>, sessionId: string, teamId: number): Promise<RunFile> {
  const game = await sessionGame(db, sessionId);
  const team = await db.selectFrom('team').select('name').where('id', '=', teamId).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('result')
    .select(['season', 'decisions'])
    .where('session_id', '=', sessionId)
    .where('team_id', '=', teamId)
    .where('season', '>=', 1)
    .where('engine_version', '=', ENGINE_VERSION)
    .orderBy('season')
    .execute();
  const decisions: Decisions[] = [];
  for (const r of rows) {
    if (r.season !== decisions.length + 1) break;
    decisions.push(Decisions.parse(r.decisions));
  }
  return playToRun(game.scenario, game.hash, game.seed, team.name, decisions).run;
}

/** A file name from a team name: no path separators or characters file systems refuse; unique within the zip. */
function fileName(team: string, used: Set<string>): string {
  const base = team.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').slice(0, 60) || 'team';
  let name = `${base}.json`;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base} (${k}).json`;
  used.add(name.toLowerCase());
  return name;
}

export async function allRuns(db: Kysely<Database>, sessionId: string): Promise<{ name: string; run: RunFile }[]> {
  const teams = await db.selectFrom('team').select(['id', 'name']).where('session_id', '=', sessionId).orderBy('id').execute();
  const used = new Set<string>();
  const out: { name: string; run: RunFile }[] = [];
  for (const t of teams) out.push({ name: fileName(t.name, used), run: await teamRun(db, sessionId, t.id) });
  return out;
}

export async function runsZip(db: Kysely<Database>, sessionId: string): Promise<Uint8Array> {
  const runs = await allRuns(db, sessionId);
  return zipSync(Object.fromEntries(runs.map((r) => [r.name, strToU8(JSON.stringify(r.run, null, 2))])));
}

/** The gradebook CSV (UTF-8 with BOM) of the class's run files, ranked by the leaderboard on the session's scenario and seed. */
export async function gradebook(db: Kysely<Database>, sessionId: string): Promise<string> {
  const session = await sessionById(db, sessionId);
  const runs = await allRuns(db, sessionId);
  const board = rankRuns(
    runs.map((r) => ({ name: r.name, text: JSON.stringify(r.run) })),
    { scenarioHash: session.scenario_hash, seed: session.seed },
  );
  return gradebookCsv(board);
}
