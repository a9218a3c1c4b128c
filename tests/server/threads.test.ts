// Seasons are simulated on worker threads (src/server/sim-pool.ts): the outcome is the one the event loop computes
// (same report, same state hash), and while a class's season is simulated the server keeps answering — a live
// ping's round trip is measured through a whole close, on a thread and, for comparison, on the event loop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decisions } from '../../src/scenario/decisions';
import { sessionGame } from '../../src/server/sessions';
import { SimPool } from '../../src/server/sim-pool';
import { simulateSeason } from '../../src/server/simulate';
import { call, Peer, startServer, tempDir } from './helpers';

type Server = Awaited<ReturnType<typeof startServer>>;
const TEAMS = 10;
const dirs = [tempDir(), tempDir()];
let threaded: Server;
let inline: Server;
const peers: Peer[] = [];

beforeAll(async () => {
  [threaded, inline] = await Promise.all([startServer(dirs[0].dir, true, { simThreads: 1 }), startServer(dirs[1].dir, true, { simThreads: 0 })]);
}, 60_000);

afterAll(async () => {
  for (const p of peers) p.close();
  await Promise.all([threaded?.close(), inline?.close()]);
  for (const d of dirs) d.remove();
});

/** A session of TEAMS teams, each with its own plan, closed; the ping round trips measured meanwhile. */
async function closeMeasured(server: Server) {
  const teacher = server.teacherToken;
  const s = await call(server, 'POST', '/api/teacher/sessions', { token: teacher, body: { title: 'Threads', seed: 'threads', scenario: { file: 'bubble-tea.yaml' }, teams: Array.from({ length: TEAMS }, (_, k) => `T${k + 1}`) } });
  const { id, code } = s.body.session;
  await call(server, 'POST', `/api/teacher/sessions/${id}/seasons/1/open`, { token: teacher, body: { mode: 'deadline', minutes: 30 } });
  for (const [k, team] of (s.body.teams as { id: number }[]).entries()) {
    const j = await call(server, 'POST', `/api/join/${code}`, { body: { name: `m${k}`, teamId: team.id } });
    await call(server, 'PATCH', '/api/team/draft', { token: j.body.token, body: { season: 1, changes: [{ path: 'acquisition.budget', value: 500 + 250 * k }] } });
  }
  const screen = new Peer(server.url);
  peers.push(screen);
  await screen.hello({ screen: code });
  const rtts: number[] = [];
  let done = false;
  const standings = screen.next((m) => m.type === 'standings', 120_000).then(() => (done = true));
  const t0 = Date.now();
  // Pings from before the close is asked for until the standings (sent after every report) arrive.
  const pinging = (async () => {
    while (!done) {
      const before = screen.messages.filter((m) => m.type === 'pong').length;
      const at = Date.now();
      screen.send({ type: 'ping' });
      await screen.next((m) => m.type === 'pong' && screen.messages.filter((x) => x.type === 'pong').length > before, 60_000);
      rtts.push(Date.now() - at);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  await call(server, 'POST', `/api/teacher/sessions/${id}/seasons/1/close`, { token: teacher });
  await pinging;
  await standings;
  const seconds = (Date.now() - t0) / 1000;
  const view = await call(server, 'GET', `/api/teacher/sessions/${id}`, { token: teacher });
  const hashes = (view.body.results as { teamId: number; hash: string }[]).map((r) => r.hash);
  return { id, rtts, seconds, hashes, maxMs: Math.max(...rtts), pings: rtts.length };
}

describe('simulation off the event loop', () => {
  it('a thread computes exactly what the event loop computes', async () => {
    const s = await call(threaded, 'POST', '/api/teacher/sessions', { token: threaded.teacherToken, body: { title: 'Same', seed: 'same', scenario: { file: 'bubble-tea.yaml' } } });
    const game = await sessionGame(threaded.store.db, s.body.session.id);
    const pool = new SimPool(1);
    try {
      const plan1 = { acquisition: { budget: 2500 } };
      const first = { scenario: game.scenario, scenarioHash: game.hash, seed: game.seed, season: 1, prior: [], candidates: [{ played: 'draft' as const, decisions: plan1 }] };
      const here1 = simulateSeason(first.scenario, first.scenarioHash, first.seed, 1, [], first.candidates);
      const there1 = await pool.run(first);
      expect(there1.report.hash).toBe(here1.report.hash);
      expect(JSON.stringify(there1)).toBe(JSON.stringify(here1));
      // The next season after it, and a refused plan falling back to neutral with its note.
      const second = { ...first, season: 2, prior: [Decisions.parse(plan1)], candidates: [{ played: 'submitted' as const, decisions: { acquisition: { budget: -5 } } }] };
      const here2 = simulateSeason(second.scenario, second.scenarioHash, second.seed, 2, second.prior, second.candidates);
      const there2 = await pool.run(second);
      expect(there2.played).toBe(here2.played);
      expect(there2.note).toBe(here2.note);
      expect(JSON.stringify(there2)).toBe(JSON.stringify(here2));
      // An engine error comes back as the job's error.
      await expect(pool.run({ ...first, season: 3 })).rejects.toThrow(/needs the decisions of 2 earlier seasons/);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('while a class season is simulated the server answers pings; the hashes equal the event loop\'s', async () => {
    const a = await closeMeasured(threaded);
    const b = await closeMeasured(inline);
    const line = (name: string, r: typeof a) => `${name}: close → standings ${r.seconds.toFixed(1)} s, ${r.pings} pings, max ${r.maxMs} ms, median ${r.rtts.slice().sort((x, y) => x - y)[r.rtts.length >> 1]} ms`;
    console.log(`${TEAMS} teams\n${line('on a thread', a)}\n${line('on the event loop', b)}`);
    expect(threaded.jobs.simThreads).toBe(1);
    expect(inline.jobs.simThreads).toBe(0);
    expect(a.hashes).toHaveLength(TEAMS);
    expect(a.hashes).toEqual(b.hashes);
    // Generous: a thread shares two cores with the event loop and the database; the point is no season-long stall.
    expect(a.maxMs).toBeLessThan(2000);
    expect(a.pings).toBeGreaterThan(1);
  }, 300_000);
});
