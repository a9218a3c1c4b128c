// Rate limits (src/server/limits.ts) with the server's default limits: a classroom behind one address (the whole
// class joining, reading, editing and pinging) is never refused, while a burst from one token, many joins, wrong
// teacher tokens, unknown join codes and a flood of live messages get 429 (or a closed connection) with a
// one-line error. Each case comes from its own address (inject's remoteAddress), as limits are counted per address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorText, isErrorCode } from '../../src/server/error-codes';
import { DEFAULT_LIMITS } from '../../src/server/limits';
import { call, Peer, startServer, tempDir } from './helpers';

const tmp = tempDir();
let server: Awaited<ReturnType<typeof startServer>>;
let teacher: string;
let sessionId: string;
let code: string;
const peers: Peer[] = [];

type Method = 'GET' | 'POST' | 'PATCH';
async function from(address: string, method: Method, url: string, token?: string, body?: unknown) {
  const res = await server.app.inject({ method, url, remoteAddress: address, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(body === undefined ? {} : { payload: body as object }) });
  return { status: res.statusCode, body: JSON.parse(res.body || 'null'), headers: res.headers };
}

const oneLine429 = (r: { status: number; body: { error?: unknown; code?: unknown; params?: { seconds?: unknown } }; headers: Record<string, unknown> }) => {
  expect(r.status).toBe(429);
  expect(typeof r.body.error).toBe('string');
  expect(r.body.error as string).not.toMatch(/\n/);
  expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  // A code the pages say in their language, with the seconds to wait; the English line is built from them.
  expect(r.body.code).toMatch(/^too-many-/);
  expect(isErrorCode(r.body.code)).toBe(true);
  expect(r.body.params?.seconds).toBeGreaterThan(0);
  if (isErrorCode(r.body.code)) expect(r.body.error).toBe(errorText(r.body.code, r.body.params as Record<string, number>));
};

beforeAll(async () => {
  server = await startServer(tmp.dir, true);
  teacher = server.teacherToken;
  const s = await call(server, 'POST', '/api/teacher/sessions', { token: teacher, body: { title: 'Limits', seed: 'l', scenario: { file: 'bubble-tea.yaml' }, teams: Array.from({ length: 12 }, (_, k) => `T${k + 1}`) } });
  sessionId = s.body.session.id;
  code = s.body.session.code;
  await call(server, 'POST', `/api/teacher/sessions/${sessionId}/seasons/1/open`, { token: teacher, body: { mode: 'deadline', minutes: 30 } });
}, 60_000);

afterAll(async () => {
  for (const p of peers) p.close();
  await server?.close();
  tmp.remove();
});

describe('rate limits', () => {
  it('a class of 60 behind one address joins, reads, edits, pings and submits without a 429', async () => {
    const nat = '10.1.0.1';
    expect((await from(nat, 'GET', `/api/join/${code}`)).status).toBe(200);
    const tokens: string[] = [];
    for (let k = 0; k < 60; k++) {
      // Some students mistype the code first.
      if (k % 10 === 0) expect((await from(nat, 'GET', '/api/join/ZZZZZZ')).status).toBe(404);
      const j = await from(nat, 'POST', `/api/join/${code}`, undefined, { name: `s${k}` });
      expect(j.status).toBe(201);
      tokens.push(j.body.token);
    }
    // Every student's page: its state, a few edits, live pings at a steady pace; the projector polls.
    for (const [k, token] of tokens.entries()) {
      expect((await from(nat, 'GET', '/api/team/state', token)).status).toBe(200);
      for (let e = 0; e < 3; e++) expect((await from(nat, 'PATCH', '/api/team/draft', token, { season: 1, changes: [{ path: 'acquisition.budget', value: 1000 + 10 * k + e }] })).status).toBe(200);
      if (k % 6 === 0) expect((await from(nat, 'GET', `/api/screen/${code}`)).status).toBe(200);
    }
    const peer = new Peer(server.url);
    peers.push(peer);
    expect((await peer.hello({ token: tokens[0] })).type).toBe('welcome');
    for (let k = 0; k < 30; k++) {
      peer.send({ type: 'ping' });
      await new Promise((r) => setTimeout(r, 20));
    }
    await peer.next((m) => m.type === 'pong' && peer.messages.filter((x) => x.type === 'pong').length === 30, 10_000);
    expect(peer.messages.some((m) => m.type === 'error')).toBe(false);
    // The teacher's console reads the session after every announcement.
    for (let k = 0; k < 50; k++) expect((await from(nat, 'GET', `/api/teacher/sessions/${sessionId}`, teacher)).status).toBe(200);
  }, 120_000);

  it('a burst from one token gets 429 past its limit, and other tokens on the address are unaffected', async () => {
    const address = '10.1.0.2';
    const j = await from(address, 'POST', `/api/join/${code}`, undefined, { name: 'burst' });
    const other = await from(address, 'POST', `/api/join/${code}`, undefined, { name: 'calm' });
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof from>> | null = null;
    // A cheap route (no report yet: 404), so the burst is quick.
    for (let k = 0; k < DEFAULT_LIMITS.perToken + 5; k++) {
      const r = await from(address, 'GET', '/api/team/reports/1', j.body.token);
      statuses.push(r.status);
      if (r.status === 429) refused ??= r;
    }
    expect(statuses.filter((s) => s === 404).length).toBe(DEFAULT_LIMITS.perToken);
    expect(statuses.filter((s) => s === 429).length).toBe(5);
    oneLine429(refused!);
    expect(refused!.body.error).toMatch(/^too many requests: try again in/);
    expect(refused!.body.code).toBe('too-many-requests');
    expect((await from(address, 'GET', '/api/team/state', other.body.token)).status).toBe(200);
  }, 120_000);

  it('joins from one address are limited', async () => {
    const address = '10.1.0.3';
    // Invalid bodies are refused before the database, so the burst is quick; they count all the same.
    for (let k = 0; k < DEFAULT_LIMITS.joins; k++) expect((await from(address, 'POST', `/api/join/${code}`, undefined, {})).status).toBe(400);
    const r = await from(address, 'POST', `/api/join/${code}`, undefined, { name: 'late' });
    oneLine429(r);
    expect(r.body.error).toMatch(/too many students joining/);
  }, 60_000);

  it('wrong teacher tokens from one address are limited strictly, then every teacher request from it waits', async () => {
    const address = '10.1.0.4';
    for (let k = 0; k < DEFAULT_LIMITS.teacherFailures; k++) expect((await from(address, 'GET', '/api/teacher/sessions', `guess${k}`)).status).toBe(401);
    oneLine429(await from(address, 'GET', '/api/teacher/sessions', 'guess-more'));
    // Past the limit the token is not even compared, so a guess learns nothing.
    const right = await from(address, 'GET', '/api/teacher/sessions', teacher);
    oneLine429(right);
    expect(right.body.error).toMatch(/wrong teacher tokens/);
    // No token at all is not a guess, and another address is not concerned.
    expect((await from('10.1.0.5', 'GET', '/api/teacher/sessions')).status).toBe(401);
    expect((await from('10.1.0.5', 'GET', '/api/teacher/sessions', teacher)).status).toBe(200);
  });

  it('unknown join codes from one address are limited', async () => {
    const address = '10.1.0.6';
    for (let k = 0; k < DEFAULT_LIMITS.codeMisses; k++) expect((await from(address, 'GET', `/api/join/ZZZZ${'23456789'[k % 8]}${'ABCDEFGH'[k % 8]}`)).status).toBe(404);
    const r = await from(address, 'GET', `/api/join/${code}`);
    oneLine429(r);
    expect(r.body.error).toMatch(/unknown join codes/);
    expect((await from('10.1.0.7', 'GET', `/api/join/${code}`)).status).toBe(200);
  });

  it('a live connection flooding messages gets an error, then is closed (1008)', async () => {
    const peer = new Peer(server.url);
    peers.push(peer);
    expect((await peer.hello({ screen: code })).role).toBe('screen');
    for (let k = 0; k < 3 * DEFAULT_LIMITS.wsBurst; k++) peer.send({ type: 'ping' });
    const error = await peer.next((m) => m.type === 'error');
    expect(error.message).toMatch(/^too many messages/);
    expect(error.code).toBe('too-many-messages');
    expect(error.params).toEqual({ perSecond: DEFAULT_LIMITS.wsPerSecond, burst: DEFAULT_LIMITS.wsBurst });
    expect(await peer.closed).toBe(1008);
    const pongs = peer.messages.filter((m) => m.type === 'pong').length;
    expect(pongs).toBeGreaterThanOrEqual(DEFAULT_LIMITS.wsBurst - 1); // hello took one
    expect(pongs).toBeLessThan(DEFAULT_LIMITS.wsBurst + 10);
  });
});
