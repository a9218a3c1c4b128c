import type { Selectable } from 'kysely';
import type { Score } from '../sim';
import type { MemberTable, PlanTable, ResultTable, SeasonTable, SessionTable, TeamTable } from './schema';

// The JSON shapes clients get (docs/class-server.md, "Data shapes"), built from rows. Scores are hidden from
// students and the projector until the teacher shows them: a hidden score is null.

export interface SessionSummary {
  id: string;
  code: string;
  title: string;
  seed?: string;
  scenario: { id: string; name: { en: string; zh: string }; hash: string; seasons: number };
  practice: boolean;
  scoresVisible: boolean;
  createdAt: string;
}

export function sessionSummary(s: Omit<Selectable<SessionTable>, 'scenario'>, withSeed: boolean): SessionSummary {
  return {
    id: s.id,
    code: s.code,
    title: s.title,
    ...(withSeed ? { seed: s.seed } : {}),
    scenario: { id: s.scenario_id, name: JSON.parse(s.scenario_name) as { en: string; zh: string }, hash: s.scenario_hash, seasons: s.seasons },
    practice: s.practice,
    scoresVisible: s.scores_visible,
    createdAt: s.created_at.toISOString(),
  };
}

export interface SeasonView {
  season: number;
  status: Selectable<SeasonTable>['status'];
  mode: Selectable<SeasonTable>['mode'];
  deadline: string | null;
  remainingMs: number | null;
  closedAt: string | null;
}

export function seasonView(s: Selectable<SeasonTable>, now = Date.now()): SeasonView {
  const remaining = s.status === 'paused' ? s.remaining_ms : s.status === 'open' && s.deadline ? Math.max(0, s.deadline.getTime() - now) : null;
  return {
    season: s.season,
    status: s.status,
    mode: s.mode,
    deadline: s.status === 'open' && s.deadline ? s.deadline.toISOString() : null,
    remainingMs: remaining === null ? null : Math.round(remaining),
    closedAt: s.closed_at ? s.closed_at.toISOString() : null,
  };
}

export interface MemberView {
  id: number;
  name: string;
  active: boolean;
  teamId: number;
}

export interface TeamView {
  id: number;
  name: string;
  active: boolean;
  members: MemberView[];
}

export function teamViews(teams: Selectable<TeamTable>[], members: Selectable<MemberTable>[]): TeamView[] {
  return teams
    .slice()
    .sort((a, b) => a.id - b.id)
    .map((t) => ({
      id: t.id,
      name: t.name,
      active: t.active,
      members: members
        .filter((m) => m.team_id === t.id)
        .sort((a, b) => a.id - b.id)
        .map((m) => ({ id: m.id, name: m.name, active: m.active, teamId: m.team_id })),
    }));
}

export interface EditView {
  memberId: number;
  member: string;
  paths: string[];
  at: string;
  version: number;
}

export interface DraftView {
  teamId: number;
  season: number;
  version: number;
  decisions: unknown;
  /** Field path → who changed it last. */
  authors: Record<string, { memberId: number; member: string; at: string }>;
  lastEdit: EditView | null;
  submitted: { at: string; by: string; version: number } | null;
  reopened: boolean;
}

export function draftView(p: Selectable<PlanTable>, names: ReadonlyMap<number, string>): DraftView {
  return {
    teamId: p.team_id,
    season: p.season,
    version: p.version,
    decisions: p.decisions,
    authors: p.authors as DraftView['authors'],
    lastEdit:
      p.edited_by !== null && p.edited_at
        ? { memberId: p.edited_by, member: names.get(p.edited_by) ?? '', paths: p.edited_paths as string[], at: p.edited_at.toISOString(), version: p.version }
        : null,
    submitted:
      p.submitted_at && p.submitted_version !== null
        ? { at: p.submitted_at.toISOString(), by: p.submitted_by === null ? '' : (names.get(p.submitted_by) ?? ''), version: p.submitted_version }
        : null,
    reopened: p.reopened,
  };
}

export interface ResultView {
  teamId: number;
  season: number;
  played: Selectable<ResultTable>['played'];
  note: string | null;
  hash: string;
  score: Score | null;
  final: Score | null;
  engineVersion: string;
}

export function resultView(r: Selectable<ResultTable>, showScores: boolean): ResultView {
  return {
    teamId: r.team_id,
    season: r.season,
    played: r.played,
    note: r.note,
    hash: r.hash,
    score: showScores ? (r.score as Score) : null,
    final: showScores ? (r.final as Score) : null,
    engineVersion: r.engine_version,
  };
}

/** The engine's season report as a client may see it: with the score removed while scores are hidden. */
export function reportView(report: unknown, showScores: boolean): unknown {
  if (showScores || !report || typeof report !== 'object') return report;
  return { ...(report as Record<string, unknown>), score: null };
}

export interface Standing {
  teamId: number;
  team: string;
  /** Each competition season's total, in order (null where the team has no result). */
  seasons: (number | null)[];
  final: number | null;
  rank: number | null;
}

/** The live leaderboard of the competition seasons (the practice season never counts), by running final total. */
export function standings(teams: Selectable<TeamTable>[], results: Selectable<ResultTable>[], seasons: number): Standing[] {
  const rows = teams
    .filter((t) => t.active)
    .map((t) => {
      const mine = results.filter((r) => r.team_id === t.id && r.season >= 1);
      const totals = Array.from({ length: seasons }, (_, k) => (mine.find((r) => r.season === k + 1)?.score as Score | undefined)?.total ?? null);
      const last = mine.sort((a, b) => b.season - a.season)[0];
      return { teamId: t.id, team: t.name, seasons: totals, final: last ? (last.final as Score).total : null, rank: null as number | null };
    });
  rows.sort((a, b) => (b.final ?? -Infinity) - (a.final ?? -Infinity) || a.team.localeCompare(b.team));
  let rank = 0;
  rows.forEach((r, k) => {
    if (r.final === null) return;
    rank = k > 0 && rows[k - 1].final === r.final ? rank : k + 1;
    r.rank = rank;
  });
  return rows;
}
