// The embedded server killed mid-season (SIGKILL, no chance to close anything) and started again on the same
// data directory: the stale lock is taken over, no submitted plan and no draft is lost, and the season goes on.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, Peer, tempDir } from './helpers';

const ROOT = join(__dirname, '../..');
let tmp: ReturnType<typeof tempDir>;
const children: ChildProcess[] = [];

async function start(port: number): Promise<{ child: ChildProcess; token: string; url: string }> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/cli.ts'), '--host', '127.0.0.1', '--port', String(port), '--data', tmp.dir], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const t0 = Date.now();
  while (!/token=([\w-]+)/.test(out)) {
    if (child.exitCode !== null) throw new Error(`server exited: ${err}`);
    if (Date.now() - t0 > 90_000) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, token: /token=([\w-]+)/.exec(out)![1], url: `http://127.0.0.1:${port}` };
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  tmp?.remove();
});

describe.skipIf(DATABASE_URL)('a server killed mid-season', () => {
  it('loses no submitted plan and no draft, and the season continues after a restart', async () => {
    tmp = tempDir();
    const port = 19000 + Math.floor(Math.random() * 1000);
    const first = await start(port);
    const api = async (url: string, method: string, path: string, token: string, body?: unknown) => {
      const r = await fetch(url + path, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
      return (await r.json()) as any;
    };
    const s = await api(first.url, 'POST', '/api/teacher/sessions', first.token, { title: 'Kill', seed: 'k', scenario: { file: 'bubble-tea.yaml' }, teams: ['One', 'Two'] });
    const id = s.session.id;
    const one = await api(first.url, 'POST', `/api/join/${s.session.code}`, '', { name: 'Uno', teamId: s.teams[0].id });
    const two = await api(first.url, 'POST', `/api/join/${s.session.code}`, '', { name: 'Dos', teamId: s.teams[1].id });
    await api(first.url, 'POST', `/api/teacher/sessions/${id}/seasons/1/open`, first.token, { mode: 'deadline', minutes: 10 });
    const d1 = await api(first.url, 'PATCH', '/api/team/draft', one.token, { season: 1, changes: [{ path: 'acquisition.budget', value: 1234 }] });
    await api(first.url, 'POST', '/api/team/submit', one.token, { season: 1, version: d1.version });
    await api(first.url, 'PATCH', '/api/team/draft', two.token, { season: 1, changes: [{ path: 'staff.training', value: 777 }] });
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await start(port + 1);
    expect(second.token).toBe(first.token);
    const a = await api(second.url, 'GET', '/api/team/state', one.token);
    expect(a.draft.decisions.acquisition.budget).toBe(1234);
    expect(a.draft.submitted.by).toBe('Uno');
    const b = await api(second.url, 'GET', '/api/team/state', two.token);
    expect(b.draft.decisions.staff.training).toBe(777);
    expect(b.season.status).toBe('open');
    const peer = new Peer(second.url);
    await peer.hello({ token: two.token });
    await api(second.url, 'POST', `/api/teacher/sessions/${id}/seasons/1/close`, second.token);
    const report = await peer.next((m) => m.type === 'report', 60_000);
    expect(report.result.played).toBe('draft');
    peer.close();
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  }, 240_000);
});
