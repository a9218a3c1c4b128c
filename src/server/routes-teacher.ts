import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { bearer, sameToken } from './auth';
import { notify } from './db';
import { parseOr400, unauthorized } from './errors';
import { AutoAssign, CreateSession, CreateTeam, Extend, Id, OpenSeason, PatchMember, PatchSession, PatchTeam, SeasonNo, SessionId } from './inputs';
import { autoAssign, createTeam, patchMember, patchTeam } from './roster';
import { shippedScenarios } from './scenarios';
import type { Database } from './schema';
import { closeForTeam, closeSeason, extendSeason, openSeason, pauseSeason, reopenForTeam, resumeSeason } from './seasons';
import { createSession, listSessions, sessionById } from './sessions';
import { gradebook, runsZip } from './exports';
import { teacherSessionView } from './state';
import { sessionSummary } from './views';

// The teacher's routes: every one needs the teacher token (checked in one hook for the whole prefix).

/** Scenario uploads carry a YAML file (the loader's own limit is 2 MiB of text); every other body is small. */
export const UPLOAD_BODY_LIMIT = 2_600_000;

export function teacherRoutes(app: FastifyInstance, db: Kysely<Database>, teacherToken: string, log: (line: string) => void): void {
  app.register(async (t) => {
    t.addHook('onRequest', async (req: FastifyRequest) => {
      const token = bearer(req.headers.authorization);
      if (!token || !sameToken(token, teacherToken)) throw unauthorized('teacher-token-required');
    });

    const sid = (req: FastifyRequest) => parseOr400(SessionId, (req.params as { id: string }).id, 'id');
    const season = (req: FastifyRequest) => parseOr400(SeasonNo, (req.params as { season: string }).season, 'season');
    const num = (req: FastifyRequest, key: string) => parseOr400(Id, (req.params as Record<string, string>)[key], key);
    /** A 404 for an unknown session before anything else is looked at. */
    const session = async (req: FastifyRequest) => (await sessionById(db, sid(req))).id;

    t.get('/api/teacher/scenarios', async () => shippedScenarios());

    t.post('/api/teacher/sessions', { bodyLimit: UPLOAD_BODY_LIMIT }, async (req, reply) => {
      const input = parseOr400(CreateSession, req.body);
      const s = await createSession(db, input);
      log(`session ${s.code} "${s.title}" created (${s.scenario_id}, seed ${JSON.stringify(s.seed)})`);
      reply.code(201);
      return teacherSessionView(db, s.id);
    });

    t.get('/api/teacher/sessions', async () => (await listSessions(db)).map((s) => sessionSummary(s, true)));
    t.get('/api/teacher/sessions/:id', async (req) => teacherSessionView(db, await session(req)));

    t.patch('/api/teacher/sessions/:id', async (req) => {
      const id = await session(req);
      const patch = parseOr400(PatchSession, req.body);
      await db.transaction().execute(async (tx) => {
        const set = { ...(patch.title !== undefined ? { title: patch.title } : {}), ...(patch.scoresVisible !== undefined ? { scores_visible: patch.scoresVisible } : {}) };
        if (Object.keys(set).length > 0) await tx.updateTable('class_session').set(set).where('id', '=', id).execute();
        await notify(tx, { kind: 'session', sessionId: id });
        // Showing or hiding scores changes what the standings say to everyone.
        if (patch.scoresVisible !== undefined) {
          const last = await tx.selectFrom('season').select('season').where('session_id', '=', id).where('status', '=', 'closed').orderBy('season', 'desc').executeTakeFirst();
          if (last) await notify(tx, { kind: 'closed', sessionId: id, season: last.season });
        }
      });
      return teacherSessionView(db, id);
    });

    t.post('/api/teacher/sessions/:id/teams', async (req, reply) => {
      const id = await session(req);
      const team = await createTeam(db, id, parseOr400(CreateTeam, req.body).name);
      reply.code(201);
      return team;
    });
    t.patch('/api/teacher/sessions/:id/teams/:teamId', async (req) => patchTeam(db, await session(req), num(req, 'teamId'), parseOr400(PatchTeam, req.body)));
    t.post('/api/teacher/sessions/:id/auto-assign', async (req) => autoAssign(db, await session(req), parseOr400(AutoAssign, req.body ?? {})));
    t.patch('/api/teacher/sessions/:id/members/:memberId', async (req) => patchMember(db, await session(req), num(req, 'memberId'), parseOr400(PatchMember, req.body)));

    t.post('/api/teacher/sessions/:id/seasons/:season/open', async (req) => openSeason(db, await session(req), season(req), parseOr400(OpenSeason, req.body)));
    t.post('/api/teacher/sessions/:id/seasons/:season/pause', async (req) => pauseSeason(db, await session(req), season(req)));
    t.post('/api/teacher/sessions/:id/seasons/:season/resume', async (req) => resumeSeason(db, await session(req), season(req)));
    t.post('/api/teacher/sessions/:id/seasons/:season/extend', async (req) => extendSeason(db, await session(req), season(req), parseOr400(Extend, req.body).minutes));
    t.post('/api/teacher/sessions/:id/seasons/:season/close', async (req) => closeSeason(db, await session(req), season(req)));
    t.post('/api/teacher/sessions/:id/seasons/:season/teams/:teamId/reopen', async (req) => {
      const id = await session(req);
      await reopenForTeam(db, id, season(req), num(req, 'teamId'));
      return { ok: true };
    });
    t.post('/api/teacher/sessions/:id/seasons/:season/teams/:teamId/close', async (req) => {
      const id = await session(req);
      await closeForTeam(db, id, season(req), num(req, 'teamId'));
      return { ok: true };
    });

    t.get('/api/teacher/sessions/:id/gradebook.csv', async (req, reply) => {
      const id = await session(req);
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="gradebook.csv"`);
      return gradebook(db, id);
    });
    t.get('/api/teacher/sessions/:id/runs.zip', async (req, reply) => {
      const id = await session(req);
      reply.type('application/zip').header('content-disposition', `attachment; filename="runs.zip"`);
      return Buffer.from(await runsZip(db, id));
    });
  });
}

