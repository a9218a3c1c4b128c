// The teacher's schedule and roster: a practice season on its own seed, a deadline that closes the season by
// itself, pause / resume / extend, a season reopened for one late team and closed for it alone, and the roster
// tools (auto-assign, rename, deactivate).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/run/replay';
import { Decisions } from '../../src/scenario/decisions';
import type { Scenario } from '../../src/scenario/schema';
import { practiceSeed } from '../../src/server/simulate';
import { call, Peer, startServer, tempDir } from './helpers';

const tmp = tempDir();
let server: Awaited<ReturnType<typeof startServer>>;
let teacher: string;
let id: string;
let code: string;
const tokens: string[] = [];
const peers: Peer[] = [];

beforeAll(async () => {
  server = await startServer(tmp.dir, true);
  teacher = server.teacherToken;
  const s = await call(server, 'POST', '/api/teacher/sessions', { token: teacher, body: { title: 'Schedule', seed: 'sched', scenario: { file: 'bubble-tea.yaml' }, practice: true } });
  id = s.body.session.id;
  code = s.body.session.code;
}, 60_000);

afterAll(async () => {
  for (const p of peers) p.close();
  await server?.close();
  tmp.remove();
});

const teacherCall = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => call(server, method, `/api/teacher/sessions/${id}${path}`, { token: teacher, body });

describe('roster', () => {
  it('joining needs a team; auto-assign makes teams and deals members evenly', async () => {
    expect((await call(server, 'POST', `/api/join/${code}`, { body: { name: 'Early' } })).status).toBe(409);
    await teacherCall('POST', '/teams', { name: 'Solo' });
    for (const name of ['A1', 'A2', 'A3', 'A4', 'A5']) tokens.push((await call(server, 'POST', `/api/join/${code}`, { body: { name } })).body.token);
    const dealt = await teacherCall('POST', '/auto-assign', { teams: 2 });
    expect(dealt.status).toBe(200);
    expect(dealt.body.map((t: { name: string; members: unknown[] }) => [t.name, t.members.length])).toEqual([
      ['Solo', 3],
      ['Team 1', 2],
    ]);
    const renamed = await teacherCall('PATCH', `/teams/${dealt.body[1].id}`, { name: 'Duo' });
    expect(renamed.body.name).toBe('Duo');
    expect((await teacherCall('PATCH', `/teams/${dealt.body[1].id}`, { name: 'solo' })).status).toBe(409);
    expect((await teacherCall('POST', '/teams', { name: 'Absent' })).status).toBe(201);
    const teams = (await teacherCall('GET', '')).body.teams;
    expect((await teacherCall('PATCH', `/teams/${teams[2].id}`, { active: false })).body.active).toBe(false);
  });
});

describe('schedule', () => {
  it('the practice season plays on its own seed and never enters the run file', async () => {
    expect((await teacherCall('POST', '/seasons/1/open', { mode: 'all-submitted' })).status).toBe(409);
    expect((await teacherCall('POST', '/seasons/0/open', { mode: 'deadline', minutes: 0.02 })).body.status).toBe('open');
    const p = new Peer(server.url);
    peers.push(p);
    await p.hello({ token: tokens[0] });
    // Nobody touches the plan: the deadline passes, the clock closes the season, the neutral plan is played.
    const report = await p.next((m) => m.type === 'report' && m.result.season === 0, 60_000);
    expect(report.result.played).toBe('neutral');
    const scenario = (await server.store.db.selectFrom('class_session').select('scenario').where('id', '=', id).executeTakeFirstOrThrow()).scenario as Scenario;
    expect(report.result.hash).toBe(replay(scenario, practiceSeed('sched'), [Decisions.parse({})]).reports[0].hash);
    const run = await call(server, 'GET', '/api/team/run', { token: tokens[0] });
    expect(run.body.seasons).toEqual([]);
  });

  it('pause stops the clock, resume restarts it, extend adds time', async () => {
    const open = await teacherCall('POST', '/seasons/1/open', { mode: 'deadline', minutes: 10 });
    expect(open.body.remainingMs).toBeGreaterThan(590_000);
    const paused = await teacherCall('POST', '/seasons/1/pause');
    expect(paused.body).toMatchObject({ status: 'paused', deadline: null });
    const extended = await teacherCall('POST', '/seasons/1/extend', { minutes: 5 });
    expect(extended.body.remainingMs).toBeGreaterThan(890_000);
    const resumed = await teacherCall('POST', '/seasons/1/resume');
    expect(resumed.body.status).toBe('open');
    expect(Date.parse(resumed.body.deadline) - Date.now()).toBeGreaterThan(880_000);
    expect((await teacherCall('POST', '/seasons/1/resume')).status).toBe(409);
  });

  it('a late team gets its season reopened, submits, and is closed alone', async () => {
    const d = await call(server, 'PATCH', '/api/team/draft', { token: tokens[0], body: { season: 1, changes: [{ path: 'acquisition.budget', value: 500 }] } });
    await call(server, 'POST', '/api/team/submit', { token: tokens[0], body: { season: 1, version: d.body.version } });
    await teacherCall('POST', '/seasons/1/close');
    const p = peers[0];
    await p.next((m) => m.type === 'report' && m.result.season === 1, 60_000);
    const view = (await teacherCall('GET', '')).body;
    const duo = view.teams.find((t: { name: string }) => t.name === 'Duo');
    const late = view.results.find((r: { teamId: number; season: number }) => r.teamId === duo.id && r.season === 1);
    expect(late.played).toBe('neutral');
    // The deactivated team is left out.
    expect(view.results.filter((r: { season: number }) => r.season === 1)).toHaveLength(2);

    expect((await teacherCall('POST', `/seasons/1/teams/${duo.id}/reopen`)).status).toBe(200);
    // Duo's members are the ones auto-assign dealt there: find one by asking each token's state.
    let duoMember: string | undefined;
    for (const t of tokens) if ((await call(server, 'GET', '/api/team/state', { token: t })).body.team.id === duo.id) duoMember = t;
    expect(duoMember).toBeDefined();
    const state = await call(server, 'GET', '/api/team/state', { token: duoMember });
    expect(state.body.draft.reopened).toBe(true);
    const e = await call(server, 'PATCH', '/api/team/draft', { token: duoMember, body: { season: 1, changes: [{ path: 'staff.training', value: 900 }] } });
    expect(e.status).toBe(200);
    await call(server, 'POST', '/api/team/submit', { token: duoMember, body: { season: 1, version: e.body.version } });
    expect((await teacherCall('POST', '/seasons/2/open', { mode: 'all-submitted' })).status).toBe(409);
    const q = new Peer(server.url);
    peers.push(q);
    await q.hello({ token: duoMember! });
    expect((await teacherCall('POST', `/seasons/1/teams/${duo.id}/close`)).status).toBe(200);
    const again = await q.next((m) => m.type === 'report' && m.result.season === 1, 60_000);
    expect(again.result.played).toBe('submitted');
    expect((await teacherCall('POST', '/seasons/2/open', { mode: 'all-submitted' })).status).toBe(200);
  });
});
