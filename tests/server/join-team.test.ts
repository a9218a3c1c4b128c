// A student starting a team of their own when joining (`newTeam`): the team is made and joined in one step, its
// name is checked like a teacher's (unique in the session, case-insensitive; plain text), and it is an ordinary
// team for everyone after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startServer, tempDir } from './helpers';

const tmp = tempDir();
let server: Awaited<ReturnType<typeof startServer>>;
let id: string;
let code: string;

beforeAll(async () => {
  server = await startServer(tmp.dir);
  const s = await call(server, 'POST', '/api/teacher/sessions', { token: server.teacherToken, body: { title: 'Own teams', seed: 'own', scenario: { file: 'bubble-tea.yaml' } } });
  id = s.body.session.id;
  code = s.body.session.code;
}, 60_000);

afterAll(async () => {
  await server?.close();
  tmp.remove();
});

describe('joining with a new team', () => {
  it('makes the team and joins it, in a session with no team yet', async () => {
    const j = await call(server, 'POST', `/api/join/${code}`, { body: { name: 'Ada', newTeam: '  Owls ' } });
    expect(j.status).toBe(201);
    expect(j.body.team.name).toBe('Owls');
    const info = await call(server, 'GET', `/api/join/${code.toLowerCase()}`);
    expect(info.body.teams).toEqual([{ id: j.body.team.id, name: 'Owls', members: 1 }]);
    const mate = await call(server, 'POST', `/api/join/${code}`, { body: { name: 'Bo', teamId: j.body.team.id } });
    expect(mate.body.team.name).toBe('Owls');
    const view = await call(server, 'GET', `/api/teacher/sessions/${id}`, { token: server.teacherToken });
    expect(view.body.teams.map((t: { name: string; members: { name: string }[] }) => [t.name, t.members.map((m) => m.name)])).toEqual([['Owls', ['Ada', 'Bo']]]);
  });

  it('refuses a name taken in any case, a name that is not plain text, and a team both picked and named', async () => {
    const taken = await call(server, 'POST', `/api/join/${code}`, { body: { name: 'Cy', newTeam: 'OWLS' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatch(/exists already/);
    expect((await call(server, 'POST', `/api/join/${code}`, { body: { name: 'Cy', newTeam: 'Bad\u202eName' } })).status).toBe(400);
    expect((await call(server, 'POST', `/api/join/${code}`, { body: { name: 'Cy', newTeam: '' } })).status).toBe(400);
    const both = await call(server, 'POST', `/api/join/${code}`, { body: { name: 'Cy', newTeam: 'Larks', teamId: 1 } });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatch(/either teamId or newTeam/);
    const view = await call(server, 'GET', `/api/teacher/sessions/${id}`, { token: server.teacherToken });
    expect(view.body.teams).toHaveLength(1);
  });
});
