import type { Generated } from 'kysely';

// The class server's tables as Kysely sees them (created by migrations.ts). Column names are PostgreSQL's
// snake_case; JSON columns hold data already checked by zod on the way in.

export interface SettingsTable {
  key: string;
  value: string;
}

export interface SessionTable {
  id: string;
  code: string;
  title: string;
  seed: string;
  scenario_id: string;
  scenario_name: string;
  scenario_hash: string;
  /** The validated scenario with every default filled in (what the engine plays). */
  scenario: unknown;
  seasons: number;
  practice: boolean;
  scores_visible: boolean;
  created_at: Generated<Date>;
}

export interface TeamTable {
  id: Generated<number>;
  session_id: string;
  name: string;
  active: boolean;
  created_at: Generated<Date>;
}

export interface MemberTable {
  id: Generated<number>;
  session_id: string;
  team_id: number;
  name: string;
  /** SHA-256 of the member's token: the token itself is handed out once and never stored. */
  token_hash: string;
  active: boolean;
  joined_at: Generated<Date>;
}

export type SeasonStatus = 'open' | 'paused' | 'closing' | 'closed';
export type SeasonMode = 'deadline' | 'all-submitted';

export interface SeasonTable {
  session_id: string;
  season: number;
  status: SeasonStatus;
  mode: SeasonMode;
  deadline: Date | null;
  remaining_ms: number | null;
  opened_at: Generated<Date>;
  closed_at: Date | null;
}

export interface PlanTable {
  session_id: string;
  team_id: number;
  season: number;
  decisions: unknown;
  version: number;
  /** Field path → who changed it last: { memberId, member, at }. */
  authors: unknown;
  edited_by: number | null;
  edited_paths: unknown;
  edited_at: Date | null;
  submitted_at: Date | null;
  submitted_by: number | null;
  submitted_version: number | null;
  /** Reopened for this team by the teacher after the season closed. */
  reopened: boolean;
  /** How many times the season was reopened for this team: part of the simulation job's key. */
  attempt: number;
}

export interface ResultTable {
  session_id: string;
  team_id: number;
  season: number;
  engine_version: string;
  played: 'submitted' | 'draft' | 'neutral';
  note: string | null;
  decisions: unknown;
  hash: string;
  score: unknown;
  final: unknown;
  report: unknown;
  created_at: Generated<Date>;
}

export interface Database {
  settings: SettingsTable;
  class_session: SessionTable;
  team: TeamTable;
  member: MemberTable;
  season: SeasonTable;
  plan: PlanTable;
  result: ResultTable;
}
