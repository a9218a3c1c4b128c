// What the class server refuses: a team token opens its own team only, the teacher token is needed for every
// teacher action, bad input of every kind is one line of error (never a stack trace), and sizes are bounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassServer } from '../../src/server/app';
import { call, Peer, startServer, tempDir } from './helpers';

const tmp = tempDir();
let server: ClassServer & { url: string; logs: string[] };
let teacher: string;
let sessionId: string;
let code: string;
const tokens: Record<string, string> = {};
const teams: Record<string, number> = {};

beforeAll(async () => {
  // This file tries many wrong teacher tokens on purpose; the limit on them is limits.test.ts's subject.
  server = await startServer(tmp.dir, true, { limits: { teacherFailures: 1000 } });
  teacher = server.teacherToken;
  const r = await call(server, 'POST', '/api/teacher/sessions', { token: teacher, body: { title: 'Auth', seed: 's', scenario: { file: 'bubble-tea.yaml' }, teams: ['Red', 'Blue'] } });
  sessionId = r.body.session.id;
  code = r.body.session.code;
  for (const t of r.body.teams) teams[t.name] = t.id;
  for (const [name, team] of [['Rita', 'Red'], ['Bo', 'Blue']]) {
    const j = await call(server, 'POST', `/api/join/${code}`, { body: { name, teamId: teams[team] } });
    tokens[name] = j.body.token;
  }
  await call(server, 'POST', `/api/teacher/sessions/${sessionId}/seasons/1/open`, { token: teacher, body: { mode: 'deadline', minutes: 30 } });
}, 60_000);

afterAll(async () => {
  await server?.close();
  tmp.remove();
});

const oneLineError = (r: { body: { error?: unknown } }) => {
  expect(typeof r.body.error).toBe('string');
  expect(r.body.error as string).not.toMatch(/\n|    at /);
};

describe('authentication', () => {
  it('every teacher route needs the teacher token', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/teacher/scenarios'],
      ['GET', '/api/teacher/sessions'],
      ['POST', '/api/teacher/sessions'],
      ['GET', `/api/teacher/sessions/${sessionId}`],
      ['PATCH', `/api/teacher/sessions/${sessionId}`],
      ['POST', `/api/teacher/sessions/${sessionId}/teams`],
      ['POST', `/api/teacher/sessions/${sessionId}/seasons/1/close`],
      ['GET', `/api/teacher/sessions/${sessionId}/gradebook.csv`],
      ['GET', `/api/teacher/sessions/${sessionId}/runs.zip`],
    ];
    for (const [method, url] of routes) {
      for (const token of [undefined, tokens.Rita, 'not-a-token', `${teacher}x`]) {
        const r = await call(server, method as 'GET', url, { token, body: method === 'GET' ? undefined : {} });
        expect(r.status, `${method} ${url} with ${token}`).toBe(401);
        oneLineError(r);
      }
    }
  });

  it("a team token reads and changes its own team's draft only", async () => {
    const red = await call(server, 'PATCH', '/api/team/draft', { token: tokens.Rita, body: { season: 1, changes: [{ path: 'acquisition.budget', value: 3000 }] } });
    expect(red.status).toBe(200);
    expect(red.body.teamId).toBe(teams.Red);
    // Bo's token has no way to name another team: the draft he reads and writes is Blue's.
    const blue = await call(server, 'GET', '/api/team/state', { token: tokens.Bo });
    expect(blue.body.team.name).toBe('Blue');
    expect(blue.body.draft.teamId).toBe(teams.Blue);
    expect(blue.body.draft.decisions.acquisition.budget).toBe(0);
    const sneaky = await call(server, 'PATCH', '/api/team/draft', { token: tokens.Bo, body: { season: 1, teamId: teams.Red, changes: [{ path: 'acquisition.budget', value: 1 }] } });
    expect(sneaky.status).toBe(400);
    const redAgain = await call(server, 'GET', '/api/team/state', { token: tokens.Rita });
    expect(redAgain.body.draft.decisions.acquisition.budget).toBe(3000);
    // Over the WebSocket, Bo hears nothing of Red's edits.
    const bo = new Peer(server.url);
    await bo.hello({ token: tokens.Bo });
    await call(server, 'PATCH', '/api/team/draft', { token: tokens.Rita, body: { season: 1, changes: [{ path: 'acquisition.budget', value: 3100 }] } });
    bo.send({ type: 'ping' });
    await bo.next((m) => m.type === 'pong');
    await new Promise((r) => setTimeout(r, 200));
    expect(bo.messages.filter((m) => m.type === 'draft')).toEqual([]);
    bo.close();
  });

  it('a missing, unknown or deactivated member token is refused', async () => {
    expect((await call(server, 'GET', '/api/team/state')).status).toBe(401);
    expect((await call(server, 'GET', '/api/team/state', { token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).status).toBe(401);
    const j = await call(server, 'POST', `/api/join/${code}`, { body: { name: 'Gone', teamId: teams.Red } });
    const off = await call(server, 'PATCH', `/api/teacher/sessions/${sessionId}/members/${j.body.member.id}`, { token: teacher, body: { active: false } });
    expect(off.status).toBe(200);
    const r = await call(server, 'GET', '/api/team/state', { token: j.body.token });
    expect(r.status).toBe(403);
    oneLineError(r);
  });

  it('a WebSocket without a valid hello gets nothing', async () => {
    const p = new Peer(server.url);
    const r = await p.hello({ token: 'wrong-token' });
    expect(r).toEqual({ type: 'error', message: 'unknown team token: join the session again', code: 'unknown-team-token', params: {} });
    expect(await p.closed).toBe(4401);
    const q = new Peer(server.url);
    await q.opened;
    q.send({ type: 'draft.set', season: 1, changes: [{ path: 'acquisition.budget', value: 1 }] });
    expect((await q.next((m) => m.type === 'error')).message).toBe('only a team member can change a draft');
    q.close();
  });
});

describe('validation', () => {
  it('request bodies are checked, with one line naming the field', async () => {
    const cases: [string, string, unknown, RegExp][] = [
      ['POST', `/api/join/${code}`, { name: '' }, /^name: expected 1–40 characters$/],
      ['POST', `/api/join/${code}`, { name: 'a\u0007b' }, /^name: expected plain text/],
      ['POST', `/api/join/${code}`, { name: 'x'.repeat(41) }, /^name: expected 1–40 characters$/],
      ['POST', `/api/join/${code}`, { name: 'Eve', admin: true }, /admin/],
      ['POST', '/api/join/0OOOOO', { name: 'Eve' }, /^code: expected a 6-character join code$/],
      ['POST', `/api/teacher/sessions`, { title: 'x', seed: 'y', scenario: { file: '../../etc/passwd' } }, /^scenario/],
      ['POST', `/api/teacher/sessions`, { title: 'x', seed: 'y', scenario: { file: 'nope.yaml' } }, /^scenario\.file: no shipped scenario named nope\.yaml$/],
      ['POST', `/api/teacher/sessions/${sessionId}/seasons/2/open`, { mode: 'deadline' }, /expected either minutes or deadline/],
      ['PATCH', '/api/team/draft', { season: 1, changes: [{ path: 'acquisition.budget', value: -5 }] }, /^acquisition\.budget: /],
      ['PATCH', '/api/team/draft', { season: 1, changes: [{ path: 'acquisition.nonsense', value: 1 }] }, /nonsense/],
      ['PATCH', '/api/team/draft', { season: 1, changes: [{ path: 'constructor.prototype.polluted', value: 1 }] }, /no such field/],
      ['PATCH', '/api/team/draft', { season: 1, changes: [{ path: '__proto__.polluted', value: 1 }] }, /^changes\.0\.path: expected a field path/],
      ['PATCH', '/api/team/draft', { season: 1, changes: [] }, /^changes: /],
    ];
    for (const [method, url, body, message] of cases) {
      const token = url.startsWith('/api/teacher') ? teacher : tokens.Rita;
      const r = await call(server, method as 'POST', url, { token, body });
      expect([400, 404], `${url} ${JSON.stringify(body)}: ${r.text}`).toContain(r.status);
      oneLineError(r);
      expect(r.body.error, JSON.stringify(body)).toMatch(message);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('malformed JSON, oversized bodies and oversized WebSocket messages are refused', async () => {
    const bad = await call(server, 'POST', `/api/join/${code}`, { raw: '{"name": ' });
    expect(bad.status).toBe(400);
    oneLineError(bad);
    const big = await call(server, 'PATCH', '/api/team/draft', { token: tokens.Rita, raw: JSON.stringify({ season: 1, changes: [{ path: 'acquisition.target', value: 'x'.repeat(70_000) }] }) });
    expect(big.status).toBe(413);
    oneLineError(big);
    const p = new Peer(server.url);
    await p.hello({ token: tokens.Rita });
    p.send('x'.repeat(70_000));
    expect(await p.closed).toBe(1009);
    const q = new Peer(server.url);
    await q.hello({ token: tokens.Rita });
    q.send('not json');
    expect((await q.next((m) => m.type === 'error')).message).toBe('expected a JSON text message');
    q.send({ type: 'draft.set', season: 1, changes: [{ path: 'pricing.discount', value: 0.9 }] });
    expect((await q.next((m) => m.type === 'error' && m.message.startsWith('pricing'))).message).toMatch(/^pricing\.discount: /);
    q.close();
  });

  it('an uploaded scenario goes through the validator, with the located problem', async () => {
    const r = await call(server, 'POST', '/api/teacher/sessions', { token: teacher, body: { title: 'Upload', seed: 's', scenario: { yaml: 'version: 1\nid: x\nseasons: many\n' } } });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/^upload\.yaml(:\d+:\d+)? /);
    const yaml = await import('node:fs').then((fs) => fs.readFileSync(new URL('../../scenarios/gym-churn.yaml', import.meta.url), 'utf8'));
    const ok = await call(server, 'POST', '/api/teacher/sessions', { token: teacher, body: { title: 'Upload', seed: 's', scenario: { yaml } } });
    expect(ok.status).toBe(201);
    expect(ok.body.session.scenario.id).toBe('gym-churn');
  });

  it('a plan the rules refuse cannot be submitted, and the reason says why', async () => {
    const d = await call(server, 'PATCH', '/api/team/draft', { token: tokens.Bo, body: { season: 1, changes: [{ path: 'acquisition.budget', value: 1e6 }] } });
    expect(d.status).toBe(200);
    const r = await call(server, 'POST', '/api/team/submit', { token: tokens.Bo, body: { season: 1, version: d.body.version } });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/^the plan cannot be played: /);
  });

  it('unknown routes and sessions are 404 with one line', async () => {
    const r = await call(server, 'GET', '/api/nothing');
    expect(r.status).toBe(404);
    oneLineError(r);
    const s = await call(server, 'GET', '/api/teacher/sessions/00000000-0000-0000-0000-000000000000', { token: teacher });
    expect(s.status).toBe(404);
    expect(server.logs.filter((l) => !/^session \w{6} /.test(l))).toEqual([]);
  });
});
