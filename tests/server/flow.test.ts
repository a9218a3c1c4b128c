// A class session from start to debrief on the embedded database: the teacher creates it, two teams join and edit
// their drafts live, one submits, the season closes, both teams' reports arrive over the WebSocket at once with
// the state hash a local replay of the same decisions computes, the files verify, and a restart on the same data
// directory loses nothing. A second server on the directory is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay, verifyRun } from '../../src/run/replay';
import { parseRunText } from '../../src/run/check';
import { unzipRuns } from '../../src/run/zip';
import { Decisions } from '../../src/scenario/decisions';
import type { Scenario } from '../../src/scenario/schema';
import { createClassServer, type ClassServer } from '../../src/server/app';
import { call, DATABASE_URL, Peer, startServer, tempDir } from './helpers';

const tmp = tempDir();
let server: ClassServer & { url: string; logs: string[] };
let teacher: string;
let sessionId: string;
let code: string;
const tokens: Record<string, string> = {};
const teamIds: Record<string, number> = {};
const peers: Peer[] = [];

beforeAll(async () => {
  server = await startServer(tmp.dir, true);
  teacher = server.teacherToken;
}, 60_000);

afterAll(async () => {
  for (const p of peers) p.close();
  await server?.close();
  tmp.remove();
});

describe('a live class session', () => {
  it('creates a session from a shipped scenario with its teams', async () => {
    const r = await call(server, 'POST', '/api/teacher/sessions', { token: teacher, body: { title: 'CRM 101 周三', seed: 'class-7', scenario: { file: 'bubble-tea.yaml' }, teams: ['Alpha', '贝塔'] } });
    expect(r.status).toBe(201);
    expect(r.body.session.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(r.body.session.seed).toBe('class-7');
    expect(r.body.teams.map((t: { name: string }) => t.name)).toEqual(['Alpha', '贝塔']);
    sessionId = r.body.session.id;
    code = r.body.session.code;
    for (const t of r.body.teams) teamIds[t.name] = t.id;
  });

  it('members join by code and team pick, or are placed in the smallest team', async () => {
    const info = await call(server, 'GET', `/api/join/${code.toLowerCase()}`);
    expect(info.status).toBe(200);
    expect(info.body.session.seed).toBeUndefined();
    const join = async (name: string, teamId?: number) => {
      const r = await call(server, 'POST', `/api/join/${code}`, { body: teamId === undefined ? { name } : { name, teamId } });
      expect(r.status).toBe(201);
      tokens[name] = r.body.token;
      return r.body;
    };
    expect((await join('Ann', teamIds.Alpha)).team.name).toBe('Alpha');
    expect((await join('Ben', teamIds.Alpha)).team.name).toBe('Alpha');
    expect((await join('Cai')).team.name).toBe('贝塔');
  });

  it('every member sees the same draft live, with who changed what', async () => {
    const [ann, ben, cai, prof] = ['Ann', 'Ben', 'Cai', 'teacher'].map(() => new Peer(server.url));
    peers.push(ann, ben, cai, prof);
    const welcome = await ann.hello({ token: tokens.Ann });
    expect(welcome.role).toBe('member');
    expect(welcome.state.team.name).toBe('Alpha');
    await ben.hello({ token: tokens.Ben });
    await cai.hello({ token: tokens.Cai });
    expect((await prof.hello({ token: teacher })).role).toBe('teacher');

    const open = await call(server, 'POST', `/api/teacher/sessions/${sessionId}/seasons/1/open`, { token: teacher, body: { mode: 'deadline', minutes: 30 } });
    expect(open.status).toBe(200);
    expect(open.body.status).toBe('open');
    await cai.next((m) => m.type === 'season' && m.season.status === 'open');

    // Ann edits over the WebSocket, Ben sees it; Cai (another team) does not.
    ann.send({ type: 'draft.set', season: 1, changes: [{ path: 'acquisition.budget', value: 2000 }, { path: 'care.birthday', value: true }] });
    const seen = await ben.next((m) => m.type === 'draft' && m.draft.version === 1);
    expect(seen.draft.decisions.acquisition.budget).toBe(2000);
    expect(seen.draft.lastEdit).toMatchObject({ member: 'Ann', paths: ['acquisition.budget', 'care.birthday'] });
    expect(seen.draft.authors['care.birthday'].member).toBe('Ann');
    await prof.next((m) => m.type === 'draft' && m.teamId === teamIds.Alpha);

    // Ben edits over HTTP; Ann sees his change on top of hers.
    const r = await call(server, 'PATCH', '/api/team/draft', { token: tokens.Ben, body: { season: 1, changes: [{ path: 'complaints.empowerment', value: 0.6 }] } });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(2);
    const both = await ann.next((m) => m.type === 'draft' && m.draft.version === 2);
    expect(both.draft.decisions.acquisition.budget).toBe(2000);
    expect(both.draft.lastEdit.member).toBe('Ben');

    // Cai's team drafts on its own and never hears team Alpha's edits.
    const c = await call(server, 'PATCH', '/api/team/draft', { token: tokens.Cai, body: { season: 1, changes: [{ path: 'staff.training', value: 1500 }] } });
    expect(c.body.version).toBe(1);
    expect(c.body.decisions.acquisition.budget).toBe(0);
    expect(cai.messages.filter((m) => m.type === 'draft' && m.teamId !== teamIds['贝塔'])).toEqual([]);
  });

  it('a submitted plan is locked until withdrawn; the version must be the one seen', async () => {
    const stale = await call(server, 'POST', '/api/team/submit', { token: tokens.Ann, body: { season: 1, version: 1 } });
    expect(stale.status).toBe(409);
    const ok = await call(server, 'POST', '/api/team/submit', { token: tokens.Ann, body: { season: 1, version: 2 } });
    expect(ok.status).toBe(200);
    expect(ok.body.submitted).toMatchObject({ by: 'Ann', version: 2 });
    const locked = await call(server, 'PATCH', '/api/team/draft', { token: tokens.Ben, body: { season: 1, changes: [{ path: 'staff.extraStaff', value: 1 }] } });
    expect(locked.status).toBe(409);
    expect((await call(server, 'POST', '/api/team/withdraw', { token: tokens.Ben, body: { season: 1 } })).status).toBe(200);
    expect((await call(server, 'POST', '/api/team/submit', { token: tokens.Ben, body: { season: 1, version: 2 } })).status).toBe(200);
    const screen = await call(server, 'GET', `/api/screen/${code}`);
    expect(screen.body.teams.map((t: { submitted: boolean }) => t.submitted)).toEqual([true, false]);
  });

  it('closing the season sends both teams their reports at once, hashes equal to a local replay', async () => {
    const [ann, ben, cai, prof] = peers;
    const close = await call(server, 'POST', `/api/teacher/sessions/${sessionId}/seasons/1/close`, { token: teacher });
    expect(close.status).toBe(200);
    expect(close.body.status).toBe('closing');
    const [ra, rb, rc] = await Promise.all([ann, ben, cai].map((p) => p.next((m) => m.type === 'report' && m.result.season === 1, 60_000)));
    expect(ra.result.hash).toBe(rb.result.hash);
    expect(ra.result.played).toBe('submitted');
    // Team 贝塔 never submitted: its last draft was played.
    expect(rc.result.played).toBe('draft');
    // Scores stay hidden from students until the teacher shows them.
    expect(ra.result.score).toBeNull();
    expect(ra.report.score).toBeNull();
    const standings = await prof.next((m) => m.type === 'standings' && m.season === 1);
    expect(standings.standings).toHaveLength(2);
    expect((await ann.next((m) => m.type === 'standings')).standings).toBeNull();

    const view = await call(server, 'GET', `/api/teacher/sessions/${sessionId}`, { token: teacher });
    const scenario = (await server.store.db.selectFrom('class_session').select('scenario').where('id', '=', sessionId).executeTakeFirstOrThrow()).scenario as Scenario;
    const local = (d: object) => replay(scenario, 'class-7', [Decisions.parse(d)]).reports[0];
    const alpha = local({ acquisition: { budget: 2000 }, care: { birthday: true }, complaints: { empowerment: 0.6 } });
    const beta = local({ staff: { training: 1500 } });
    expect(ra.result.hash).toBe(alpha.hash);
    expect(rc.result.hash).toBe(beta.hash);
    const byTeam = Object.fromEntries(view.body.results.map((r: { teamId: number; score: { total: number } }) => [r.teamId, r.score.total]));
    expect(byTeam[teamIds.Alpha]).toBe(alpha.score.total);
    expect(byTeam[teamIds['贝塔']]).toBe(beta.score.total);
    expect(view.body.seasons[0].status).toBe('closed');
  });

  it('showing scores reaches the students', async () => {
    const [ann] = peers;
    const r = await call(server, 'PATCH', `/api/teacher/sessions/${sessionId}`, { token: teacher, body: { scoresVisible: true } });
    expect(r.status).toBe(200);
    const s = await ann.next((m) => m.type === 'standings' && m.standings !== null);
    expect(s.standings.map((x: { rank: number }) => x.rank).sort()).toEqual([1, 2]);
    const report = await call(server, 'GET', '/api/team/reports/1', { token: tokens.Ann });
    expect(typeof report.body.result.score.total).toBe('number');
  });

  it('exports a gradebook with BOM and run files that verify', async () => {
    const csv = await call(server, 'GET', `/api/teacher/sessions/${sessionId}/gradebook.csv`, { token: teacher });
    expect(csv.status).toBe(200);
    expect(csv.text.startsWith('\uFEFFrank,team,')).toBe(true);
    expect(csv.text).toContain('贝塔');
    const zip = await server.app.inject({ method: 'GET', url: `/api/teacher/sessions/${sessionId}/runs.zip`, headers: { authorization: `Bearer ${teacher}` } });
    expect(zip.statusCode).toBe(200);
    const unzipped = unzipRuns(new Uint8Array(zip.rawPayload), 'runs.zip');
    expect(unzipped.ok).toBe(true);
    if (!unzipped.ok) return;
    expect(unzipped.items.map((i) => i.name)).toEqual(['runs.zip/Alpha.json', 'runs.zip/贝塔.json']);
    for (const item of unzipped.items) {
      if (!('text' in item)) throw new Error(item.problem);
      const parsed = parseRunText(item.text, item.name);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(verifyRun(parsed.run)).toEqual({ valid: true, seasons: 1, final: null });
    }
    const own = await call(server, 'GET', '/api/team/run', { token: tokens.Cai });
    expect(own.body.team).toBe('贝塔');
    expect(own.body.seasons).toHaveLength(1);
  });

  it('the next season starts from the plan the team played', async () => {
    await call(server, 'POST', `/api/teacher/sessions/${sessionId}/seasons/2/open`, { token: teacher, body: { mode: 'all-submitted' } });
    const state = await call(server, 'GET', '/api/team/state', { token: tokens.Ann });
    expect(state.body.season.season).toBe(2);
    expect(state.body.draft.decisions.acquisition.budget).toBe(2000);
    expect(state.body.draft.version).toBe(0);
  });

  it.skipIf(DATABASE_URL)('a second server on the same data directory is refused', async () => {
    await expect(createClassServer({ dataDir: tmp.dir, gameDir: null, log: () => undefined })).rejects.toThrow(/in use by another class server \(pid \d+\)/);
  });

  it('a restart on the same data directory loses nothing, and a reconnecting client gets the current state', async () => {
    for (const p of peers) p.close();
    await server.close();
    server = await startServer(tmp.dir, true);
    expect(server.teacherToken).toBe(teacher);
    const back = new Peer(server.url);
    peers.push(back);
    const welcome = await back.hello({ token: tokens.Ben });
    expect(welcome.state.team.name).toBe('Alpha');
    expect(welcome.state.season).toMatchObject({ season: 2, status: 'open', mode: 'all-submitted' });
    expect(welcome.state.results).toHaveLength(1);
    expect(welcome.state.results[0].played).toBe('submitted');
    expect(welcome.state.latest.result.season).toBe(1);
    expect(welcome.state.latest.report.hash).toBe(welcome.state.results[0].hash);
    const view = await call(server, 'GET', `/api/teacher/sessions/${sessionId}`, { token: teacher });
    expect(view.body.teams.flatMap((t: { members: { name: string }[] }) => t.members.map((m) => m.name))).toEqual(['Ann', 'Ben', 'Cai']);

    // All submitted: the season closes by itself and the report arrives.
    for (const who of ['Ann', 'Cai']) {
      const s = await call(server, 'GET', '/api/team/state', { token: tokens[who] });
      expect((await call(server, 'POST', '/api/team/submit', { token: tokens[who], body: { season: 2, version: s.body.draft.version } })).status).toBe(200);
    }
    const report = await back.next((m) => m.type === 'report' && m.result.season === 2, 60_000);
    expect(report.result.played).toBe('submitted');
    expect(server.logs.filter((l) => !/^session \w{6} /.test(l))).toEqual([]);
  });
});
