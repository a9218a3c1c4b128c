import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { WebSocket } from 'ws';
import { memberByToken, sameToken, type MemberAuth } from './auth';
import { draftOf, setDraft } from './drafts';
import { badRequest, ClientError, errorMessage, forbidden, invalidInput, oneLine, tooManyRequests } from './errors';
import { ClientMessage } from './inputs';
import { DEFAULT_LIMITS, MessageBucket, seconds, type LimitGuards, type Limits } from './limits';
import { rosterOf } from './roster';
import type { Database } from './schema';
import { listSessions, sessionById } from './sessions';
import { screenView, seasonReports, standingsOf, submittedTeams, teamState } from './state';
import { seasonView, sessionSummary } from './views';

// The live channel. A process keeps only its open connections and whom each belongs to; everything it sends is
// read from the database when a change is announced (db.ts, pg_notify), whichever process made the change. A
// connection that drops and comes back says hello again and gets the whole current state: nothing is lost.

interface Client {
  ws: WebSocket;
  role: 'teacher' | 'member' | 'screen' | null;
  sessionId: string | null;
  member: MemberAuth | null;
  /** A hello has arrived (answering it may still be under way). */
  greeted: boolean;
  /** The upgrade request: whose address failed hellos are counted against. */
  req: FastifyRequest | null;
  bucket: MessageBucket;
  /** When the last "too many messages" error was sent (one a second at most). */
  warnedAt: number;
}

export type ClassEvent =
  | { kind: 'roster' | 'session'; sessionId: string }
  | { kind: 'draft'; sessionId: string; teamId: number; season: number; submission?: boolean }
  | { kind: 'result'; sessionId: string; teamId: number; season: number }
  | { kind: 'season' | 'closed'; sessionId: string; season: number }
  | { kind: 'closing'; sessionId: string; season: number; teamId?: number };

const HELLO_MS = 5000;

export class Live {
  private readonly clients = new Set<Client>();
  /** Draft reads in flight, by session, team and season, and whether another announcement came meanwhile. */
  private readonly drafts = new Map<string, { again: boolean }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly teacherToken: string,
    private readonly log: (line: string) => void,
    private readonly limits: Pick<Limits, 'wsPerSecond' | 'wsBurst'> = DEFAULT_LIMITS,
    private readonly guards: LimitGuards | null = null,
  ) {}

  get size(): number {
    return this.clients.size;
  }

  attach(ws: WebSocket, req: FastifyRequest | null = null): void {
    const client: Client = { ws, role: null, sessionId: null, member: null, greeted: false, req, bucket: new MessageBucket(this.limits.wsPerSecond, this.limits.wsBurst), warnedAt: 0 };
    this.clients.add(client);
    // The hello must arrive in time; answering it may take longer when a whole class reconnects at once.
    const timer = setTimeout(() => {
      if (!client.greeted) ws.close(4401, 'expected a hello message');
    }, HELLO_MS);
    ws.on('close', () => {
      clearTimeout(timer);
      this.clients.delete(client);
    });
    ws.on('error', () => this.clients.delete(client));
    ws.on('message', (data, isBinary) => {
      // Each connection's messages are rate limited: past the limit a message is dropped with an error, and a
      // connection that keeps on is closed (a client reconnects after a pause; nothing is kept per connection).
      const verdict = client.bucket.take();
      if (verdict === 'close') {
        ws.close(1008, 'too many messages');
        this.clients.delete(client);
        return;
      }
      if (verdict === 'drop') {
        const now = Date.now();
        if (now - client.warnedAt >= 1000) {
          client.warnedAt = now;
          send(client, errorMessage(tooManyRequests('too-many-messages', { perSecond: this.limits.wsPerSecond, burst: this.limits.wsBurst })));
        }
        return;
      }
      void this.receive(client, isBinary ? null : data.toString()).catch((err: unknown) => this.refuse(client, err));
    });
  }

  closeAll(): void {
    for (const c of this.clients) c.ws.close(1001, 'server stopping');
    this.clients.clear();
  }

  private refuse(client: Client, err: unknown): void {
    if (!(err instanceof ClientError)) this.log(`live: ${oneLine(err instanceof Error ? err.message : String(err))}`);
    send(client, errorMessage(err));
  }

  private async receive(client: Client, text: string | null): Promise<void> {
    let data: unknown;
    try {
      data = text === null ? null : JSON.parse(text);
    } catch {
      data = undefined;
    }
    if (data === undefined || data === null) throw badRequest('json-expected');
    const parsed = ClientMessage.safeParse(data);
    if (!parsed.success) throw invalidInput(parsed.error);
    const msg = parsed.data;
    if (msg.type === 'ping') return send(client, { type: 'pong' });
    if (msg.type === 'hello') {
      client.greeted = true;
      return this.hello(client, msg);
    }
    if (msg.type === 'draft.set') {
      if (client.role !== 'member' || !client.member) throw forbidden('members-only');
      // The token is checked again: a member deactivated since hello can no longer edit.
      const who = await this.recheck(client);
      await setDraft(this.db, who, msg.season, msg.changes);
    }
  }

  private async recheck(client: Client): Promise<MemberAuth> {
    const row = await this.db
      .selectFrom('member')
      .innerJoin('team', 'team.id', 'member.team_id')
      .select(['member.active as ma', 'team.active as ta', 'member.team_id', 'member.name'])
      .where('member.id', '=', client.member!.memberId)
      .executeTakeFirst();
    if (!row || !row.ma || !row.ta) throw forbidden('member-or-team-deactivated');
    client.member = { ...client.member!, teamId: row.team_id, memberName: row.name };
    return client.member;
  }

  private async hello(client: Client, msg: { token?: string; screen?: string }): Promise<void> {
    const req = client.req;
    if (msg.screen !== undefined) {
      const wait = req && this.guards ? await this.guards.codes.blocked(req) : null;
      if (wait !== null) return this.shut(client, 'too-many-unknown-codes', wait);
      const state = await screenView(this.db, msg.screen).catch(async (err: unknown) => {
        if (req && this.guards && err instanceof ClientError && err.status === 404) await this.guards.codes.fail(req);
        throw err;
      });
      Object.assign(client, { role: 'screen', sessionId: state.session.id, member: null });
      return send(client, { type: 'welcome', role: 'screen', state });
    }
    const token = msg.token as string;
    if (sameToken(token, this.teacherToken)) {
      Object.assign(client, { role: 'teacher', sessionId: null, member: null });
      const sessions = (await listSessions(this.db)).map((s) => sessionSummary(s, true));
      return send(client, { type: 'welcome', role: 'teacher', state: { sessions } });
    }
    const wait = req && this.guards ? await this.guards.hello.blocked(req) : null;
    if (wait !== null) return this.shut(client, 'too-many-unknown-tokens', wait);
    let who: MemberAuth;
    try {
      who = await memberByToken(this.db, token);
    } catch (err) {
      if (req && this.guards && err instanceof ClientError && err.status === 401) await this.guards.hello.fail(req);
      send(client, errorMessage(err));
      client.ws.close(4401, 'unknown token');
      return;
    }
    Object.assign(client, { role: 'member', sessionId: who.sessionId, member: who });
    send(client, { type: 'welcome', role: 'member', state: await teamState(this.db, who) });
  }

  /** Refuses a hello for now: an error, then 4429 (a client tries again after a pause). */
  private shut(client: Client, code: 'too-many-unknown-codes' | 'too-many-unknown-tokens', waitMs: number): void {
    send(client, errorMessage(tooManyRequests(code, { seconds: seconds(waitMs) })));
    client.ws.close(4429, 'too many attempts');
    this.clients.delete(client);
  }

  /** Everyone who follows a session: its members and projectors, and every teacher. */
  private audience(sessionId: string): Client[] {
    return [...this.clients].filter((c) => c.role === 'teacher' || (c.sessionId === sessionId && c.role !== null));
  }

  /** Handles one announcement from the database; errors are logged, never thrown. */
  async onEvent(payload: string): Promise<void> {
    let event: ClassEvent;
    try {
      event = JSON.parse(payload) as ClassEvent;
    } catch {
      return;
    }
    try {
      await this.dispatch(event);
    } catch (err) {
      this.log(`live: ${event.kind}: ${oneLine(err instanceof Error ? err.message : String(err))}`);
    }
  }

  private async dispatch(e: ClassEvent): Promise<void> {
    const audience = this.audience(e.sessionId);
    if (audience.length === 0) return;
    const db = this.db;
    switch (e.kind) {
      case 'roster': {
        const teams = await rosterOf(db, e.sessionId);
        // Members may have been moved between teams: each connection follows its member.
        const moved = new Map(teams.flatMap((t) => t.members.map((m) => [m.id, m] as const)));
        for (const c of audience) {
          if (!c.member) continue;
          const m = moved.get(c.member.memberId);
          const team = teams.find((t) => t.id === m?.teamId);
          // A deactivated member (or a member of a deactivated team) hears nothing more.
          if (!m || !m.active || !team?.active) {
            c.ws.close(4403, 'deactivated by the teacher');
            this.clients.delete(c);
          } else c.member = { ...c.member, teamId: m.teamId, memberName: m.name };
        }
        return broadcast(this.audience(e.sessionId), { type: 'roster', sessionId: e.sessionId, teams });
      }
      case 'session': {
        const s = await sessionById(db, e.sessionId);
        for (const c of audience) send(c, { type: 'session', session: sessionSummary(s, c.role === 'teacher') });
        return;
      }
      case 'draft': {
        await this.draftChanged(e.sessionId, e.teamId, e.season);
        if (!e.submission) return;
        const submitted = await submittedTeams(db, e.sessionId, e.season);
        return broadcast(audience.filter((c) => c.role === 'teacher' || c.role === 'screen'), { type: 'submissions', sessionId: e.sessionId, season: e.season, submitted });
      }
      case 'season': {
        const row = await db.selectFrom('season').selectAll().where('session_id', '=', e.sessionId).where('season', '=', e.season).executeTakeFirst();
        if (row) broadcast(audience, { type: 'season', sessionId: e.sessionId, season: seasonView(row) });
        return;
      }
      case 'closed':
      case 'result':
        return this.reports(e.sessionId, e.season, audience, e.kind === 'result' ? e.teamId : null);
      case 'closing':
        return;
    }
  }

  /**
   * Sends a team's draft to its members and the teachers. Announcements that arrive while one is being read are
   * folded into one more read after it: every change is in the draft that follows, and a burst of edits costs a
   * few reads, not one per edit.
   */
  private async draftChanged(sessionId: string, teamId: number, season: number): Promise<void> {
    const key = `${sessionId}|${teamId}|${season}`;
    const pending = this.drafts.get(key);
    if (pending) {
      pending.again = true;
      return;
    }
    const state = { again: true };
    this.drafts.set(key, state);
    try {
      while (state.again) {
        state.again = false;
        const draft = await draftOf(this.db, sessionId, teamId, season);
        const to = this.audience(sessionId).filter((c) => c.role === 'teacher' || c.member?.teamId === teamId);
        broadcast(to, { type: 'draft', teamId, draft });
      }
    } finally {
      this.drafts.delete(key);
    }
  }

  /** Sends each connected member their team's report, then the standings to everyone, all prepared before any is sent. */
  private async reports(sessionId: string, season: number, audience: Client[], onlyTeam: number | null): Promise<void> {
    const session = await sessionById(this.db, sessionId);
    const members = audience.filter((c) => c.member && (onlyTeam === null || c.member.teamId === onlyTeam));
    const reports = await seasonReports(this.db, session, season, onlyTeam ?? undefined);
    const texts = new Map<number, string>();
    for (const [teamId, r] of reports) texts.set(teamId, JSON.stringify({ type: 'report', ...r }));
    const hidden = await standingsOf(this.db, session, false);
    const full = await standingsOf(this.db, session, true);
    const results = await this.db.selectFrom('result').select(['team_id', 'season', 'hash', 'played']).where('session_id', '=', sessionId).where('season', '=', season).execute();
    const forTeacher = JSON.stringify({ type: 'standings', sessionId, season, standings: full, results: results.map((r) => ({ teamId: r.team_id, season: r.season, hash: r.hash, played: r.played })) });
    const forOthers = JSON.stringify({ type: 'standings', sessionId, season, standings: hidden });
    for (const c of members) {
      const t = texts.get(c.member!.teamId);
      if (t) sendText(c, t);
    }
    for (const c of audience) sendText(c, c.role === 'teacher' ? forTeacher : forOthers);
  }
}

function send(c: Client, message: object): void {
  sendText(c, JSON.stringify(message));
}

function sendText(c: Client, text: string): void {
  if (c.ws.readyState === c.ws.OPEN) c.ws.send(text);
}

function broadcast(clients: Client[], message: object): void {
  const text = JSON.stringify(message);
  for (const c of clients) sendText(c, text);
}
