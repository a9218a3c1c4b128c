import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { bearer, memberByToken } from './auth';
import { draftOf, setDraft, submit, withdraw } from './drafts';
import { notFound, parseOr400 } from './errors';
import { teamRun } from './exports';
import { DraftPatch, SeasonNo, Submit, Withdraw } from './inputs';
import type { Database } from './schema';
import { teamReport, teamState } from './state';

// A team member's routes: the member token opens its own team's state, draft, reports and run file, and nothing
// else — every query below is scoped by the team the token belongs to, never by an id from the request.

export function teamRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  const who = (req: FastifyRequest) => memberByToken(db, bearer(req.headers.authorization));

  app.get('/api/team/state', async (req) => teamState(db, await who(req)));

  app.patch('/api/team/draft', async (req) => {
    const me = await who(req);
    const body = parseOr400(DraftPatch, req.body);
    await setDraft(db, me, body.season, body.changes);
    return draftOf(db, me.sessionId, me.teamId, body.season);
  });

  app.post('/api/team/submit', async (req) => {
    const me = await who(req);
    const body = parseOr400(Submit, req.body);
    await submit(db, me, body.season, body.version);
    return draftOf(db, me.sessionId, me.teamId, body.season);
  });

  app.post('/api/team/withdraw', async (req) => {
    const me = await who(req);
    const { season } = parseOr400(Withdraw, req.body);
    await withdraw(db, me, season);
    return draftOf(db, me.sessionId, me.teamId, season);
  });

  app.get<{ Params: { season: string } }>('/api/team/reports/:season', async (req) => {
    const me = await who(req);
    const r = await teamReport(db, me, parseOr400(SeasonNo, req.params.season, 'season'));
    if (!r) throw notFound('no-report-yet');
    return r;
  });

  app.get('/api/team/run', async (req, reply) => {
    const me = await who(req);
    const run = await teamRun(db, me.sessionId, me.teamId);
    reply.header('content-disposition', `attachment; filename="run.json"`);
    return run;
  });
}
