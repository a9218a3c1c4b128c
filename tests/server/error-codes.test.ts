// The class server's error codes (src/server/error-codes.ts): every code thrown is in the table, every code in the
// table is thrown somewhere, every template's places are filled, and real refusals carry `code` and `params`
// beside the English `error` built from them (HTTP and WebSocket alike).
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassServer } from '../../src/server/app';
import { ERROR_CODES, errorText, isErrorCode, placeholders, type ErrorCode } from '../../src/server/error-codes';
import { badRequest, ClientError, conflict } from '../../src/server/errors';
import { call, Peer, startServer, tempDir } from './helpers';

const SERVER = new URL('../../src/server/', import.meta.url);
const sources = readdirSync(SERVER)
  .filter((f) => f.endsWith('.ts') && f !== 'error-codes.ts')
  .map((f) => ({ file: f, text: readFileSync(new URL(f, SERVER), 'utf8') }));

describe('the table of error codes', () => {
  it('names every code the server throws', () => {
    const thrown = new Set<string>();
    const call = /\b(?:badRequest|unauthorized|forbidden|notFound|conflict|tooManyRequests|tooMany|shut|ClientError)\((?:[^()']*,\s*)?'([a-z][a-z-]*)'/g;
    for (const { file, text } of sources) {
      for (const m of text.matchAll(call)) {
        thrown.add(m[1]);
        expect(isErrorCode(m[1]), `${file}: ${m[1]}`).toBe(true);
      }
    }
    expect(thrown.size).toBeGreaterThan(30);
    // No helper is ever called with an English line again (the code is its first argument).
    for (const { file, text } of sources) expect(text, file).not.toMatch(/\b(?:badRequest|unauthorized|forbidden|notFound|conflict|tooManyRequests)\(\s*`/);
  });

  it('has no code the server never uses', () => {
    const all = sources.map((s) => s.text).join('\n');
    for (const code of Object.keys(ERROR_CODES)) expect(all.includes(`'${code}'`), code).toBe(true);
  });

  it('fills every place of every template, and leaves a missing one visible', () => {
    for (const [code, template] of Object.entries(ERROR_CODES) as [ErrorCode, string][]) {
      const params = Object.fromEntries(placeholders(template).map((p, k) => [p, `v${k}`]));
      const text = errorText(code, params);
      expect(text, code).not.toMatch(/\{\w+\}/);
      for (const v of Object.values(params)) expect(text, code).toContain(v);
      expect(text, code).not.toMatch(/\n/);
    }
    expect(errorText('season-not-open', {})).toBe('season {season} is not open');
    const e = conflict('season-status-not-open', { season: 2, status: 'paused' });
    expect(e).toBeInstanceOf(ClientError);
    expect(e.body()).toEqual({ error: 'season 2 is paused, not open', code: 'season-status-not-open', params: { season: 2, status: 'paused' } });
    expect(badRequest('json-expected').body()).toEqual({ error: 'expected a JSON text message', code: 'json-expected', params: {} });
  });
});

describe('refusals of a running server', () => {
  const tmp = tempDir();
  let server: ClassServer & { url: string; logs: string[] };
  let teacher: string;
  let sessionId: string;
  let code: string;
  let member: string;

  beforeAll(async () => {
    server = await startServer(tmp.dir, true);
    teacher = server.teacherToken;
    const r = await call(server, 'POST', '/api/teacher/sessions', { token: teacher, body: { title: 'Codes', seed: 's', scenario: { file: 'bubble-tea.yaml' }, teams: ['Red', 'Blue'] } });
    sessionId = r.body.session.id;
    code = r.body.session.code;
    const j = await call(server, 'POST', `/api/join/${code}`, { body: { name: 'Rita', teamId: r.body.teams[0].id } });
    member = j.body.token;
    await call(server, 'POST', `/api/teacher/sessions/${sessionId}/seasons/1/open`, { token: teacher, body: { mode: 'deadline', minutes: 30 } });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    tmp.remove();
  });

  /** The body has a known code, its params fill the template, and `error` is the template's English line. */
  const coded = (r: { status: number; body: any }, status: number, code: ErrorCode, params?: Record<string, unknown>) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.body.code).toBe(code);
    if (params) expect(r.body.params).toMatchObject(params);
    for (const p of placeholders(ERROR_CODES[code])) expect(r.body.params, `${code}: ${p}`).toHaveProperty(p);
    expect(r.body.error).toBe(errorText(code, r.body.params));
    expect(r.body.error).not.toMatch(/\{\w+\}|\n/);
  };
  const teacherCall = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => call(server, method, `/api/teacher/sessions/${sessionId}${path}`, { token: teacher, body });

  it('answers HTTP refusals with code, params and the English line', async () => {
    const empty = await call(server, 'POST', `/api/join/${code}`, { body: { name: '' } });
    coded(empty, 400, 'invalid-input', { detail: 'name: expected 1–40 characters' });
    coded(await call(server, 'GET', '/api/join/ZZZZZZ'), 404, 'no-session-with-code', { code: 'ZZZZZZ' });
    coded(await call(server, 'GET', '/api/nothing'), 404, 'no-such-route');
    coded(await call(server, 'GET', '/api/teacher/sessions'), 401, 'teacher-token-required');
    coded(await call(server, 'GET', '/api/team/state'), 401, 'team-token-required');
    coded(await call(server, 'GET', '/api/team/state', { token: 'wrong' }), 401, 'unknown-team-token');
    coded(await call(server, 'POST', `/api/join/${code}`, { raw: '{"name": ' }), 400, 'bad-request');
    coded(await teacherCall('POST', '/teams', { name: 'red' }), 409, 'team-name-taken', { name: 'red' });
    coded(await teacherCall('POST', '/seasons/1/resume'), 409, 'season-status-not-paused', { season: 1, status: 'open' });
    coded(await teacherCall('POST', '/seasons/3/open', { mode: 'deadline', minutes: 5 }), 409, 'season-next', { season: 2 });
    coded(await teacherCall('POST', '/seasons/2/open', { mode: 'deadline', minutes: 5 }), 409, 'season-still', { season: 1, status: 'open' });
    coded(await teacherCall('POST', '/seasons/3/close'), 404, 'season-not-opened', { season: 3 });
    coded(await call(server, 'GET', '/api/team/reports/1', { token: member }), 404, 'no-report-yet');
    const upload = await call(server, 'POST', '/api/teacher/sessions', { token: teacher, body: { title: 'Up', seed: 's', scenario: { yaml: 'version: 1\nid: x\nseasons: many\n' } } });
    coded(upload, 400, 'invalid-scenario', { file: 'upload.yaml' });
    expect(typeof upload.body.params.message).toBe('string');
    expect(upload.body.params.detail).toMatch(/^upload\.yaml/);
  });

  it('names the plan check’s own issue code for a plan the rules refuse, and a stale version', async () => {
    const d = await call(server, 'PATCH', '/api/team/draft', { token: member, body: { season: 1, changes: [{ path: 'acquisition.budget', value: 1e6 }] } });
    expect(d.status).toBe(200);
    const stale = await call(server, 'POST', '/api/team/submit', { token: member, body: { season: 1, version: d.body.version - 1 } });
    coded(stale, 409, 'draft-changed', { version: d.body.version, seen: d.body.version - 1 });
    const r = await call(server, 'POST', '/api/team/submit', { token: member, body: { season: 1, version: d.body.version } });
    coded(r, 400, 'plan-unplayable', { issue: 'over-budget' });
    expect(typeof r.body.params.planned).toBe('number');
    expect(typeof r.body.params.budget).toBe('number');
    coded(await call(server, 'POST', '/api/team/withdraw', { token: member, body: { season: 1 } }), 409, 'plan-not-submitted');
    const field = await call(server, 'PATCH', '/api/team/draft', { token: member, body: { season: 1, changes: [{ path: 'acquisition.budget.x', value: 1 }] } });
    coded(field, 400, 'no-such-field', { path: 'acquisition.budget' });
  });

  it('sends WebSocket errors with code and params too', async () => {
    const p = new Peer(server.url);
    const refused = await p.hello({ token: 'wrong-token' });
    expect(refused).toMatchObject({ type: 'error', code: 'unknown-team-token', params: {}, message: errorText('unknown-team-token') });
    expect(await p.closed).toBe(4401);
    const q = new Peer(server.url);
    await q.opened;
    q.send('not json');
    expect(await q.next((m) => m.type === 'error')).toEqual({ type: 'error', code: 'json-expected', params: {}, message: 'expected a JSON text message' });
    q.send({ type: 'draft.set', season: 1, changes: [{ path: 'acquisition.budget', value: 1 }] });
    expect(await q.next((m) => m.type === 'error' && m.code === 'members-only')).toMatchObject({ message: errorText('members-only') });
    q.close();
  });
});
