// Two server processes on one PostgreSQL (DATABASE_URL; skipped without it): a member on each, the season
// simulated once per team whichever process takes the job, and both members get their reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/sim';
import { call, DATABASE_URL, Peer, startServer, tempDir } from './helpers';

type Server = Awaited<ReturnType<typeof startServer>>;

describe.skipIf(!DATABASE_URL)('two servers on one PostgreSQL', () => {
  let tmp: ReturnType<typeof tempDir>;
  let a: Server;
  let b: Server;
  const peers: Peer[] = [];

  beforeAll(async () => {
    tmp = tempDir();
    [a, b] = await Promise.all([startServer(tmp.dir, true), startServer(tmp.dir, true)]);
  }, 60_000);

  afterAll(async () => {
    for (const p of peers) p.close();
    await Promise.all([a?.close(), b?.close()]);
    tmp?.remove();
  });

  it('share the teacher token, the roster and the drafts, and simulate each team once', async () => {
    expect(a.teacherToken).toBe(b.teacherToken);
    const teacher = a.teacherToken;
    const s = await call(a, 'POST', '/api/teacher/sessions', { token: teacher, body: { title: 'Two', seed: 'two', scenario: { file: 'bubble-tea.yaml' }, teams: ['East', 'West'] } });
    const [east, west] = s.body.teams.map((t: { id: number }) => t.id);
    const ja = await call(a, 'POST', `/api/join/${s.body.session.code}`, { body: { name: 'Ada', teamId: east } });
    const jb = await call(b, 'POST', `/api/join/${s.body.session.code}`, { body: { name: 'Bea', teamId: west } });
    const pa = new Peer(a.url);
    const pb = new Peer(b.url);
    const pa2 = new Peer(b.url);
    peers.push(pa, pb, pa2);
    await pa.hello({ token: ja.body.token });
    await pb.hello({ token: jb.body.token });
    await pa2.hello({ token: ja.body.token });
    await call(b, 'POST', `/api/teacher/sessions/${s.body.session.id}/seasons/1/open`, { token: teacher, body: { mode: 'deadline', minutes: 10 } });
    // An edit through server A reaches Ada's second tab on server B.
    pa.send({ type: 'draft.set', season: 1, changes: [{ path: 'staff.extraStaff', value: 1 }] });
    expect((await pa2.next((m) => m.type === 'draft')).draft.decisions.staff.extraStaff).toBe(1);
    await call(a, 'POST', `/api/teacher/sessions/${s.body.session.id}/seasons/1/close`, { token: teacher });
    const [ra, rb, ra2] = await Promise.all([pa, pb, pa2].map((p) => p.next((m) => m.type === 'report', 60_000)));
    expect(ra.result.hash).toBe(ra2.result.hash);
    expect(rb.result.teamId).toBe(west);
    const rows = await a.store.db.selectFrom('result').select(['team_id']).where('session_id', '=', s.body.session.id).where('engine_version', '=', ENGINE_VERSION).execute();
    expect(rows.map((r) => r.team_id).sort()).toEqual([east, west].sort());
  });
});
