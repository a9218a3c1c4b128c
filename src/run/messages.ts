import type { PlanIssue } from '../sim';

// English wording of plan issues for the command line; the game phrases the same codes from its locale files.

export function planIssueText(issue: PlanIssue): string {
  const p = issue.params;
  const at = issue.path ? `${issue.path}: ` : '';
  switch (issue.code) {
    case 'over-budget':
      return `${at}planned spending ${p.planned} exceeds the season budget ${p.budget}`;
    case 'thresholds-order':
      return `${at}expected a threshold above the previous level's ${p.previous}, found ${p.found}`;
    case 'unknown-segment':
      return `${at}expected one of ${p.expected}, found "${p.found}"`;
    case 'min-tier':
      return `${at}expected a tier between 0 and ${p.levels}, found ${p.found}`;
    case 'lever-unavailable':
      return `${at}this scenario does not offer the ${p.area} lever; leave it at its default`;
    case 'area-closed':
      return `${at}this scenario opens the ${p.area} area in season ${p.opens}; leave it at its default in season ${p.season}`;
    case 'featured':
      return `${at}customer ${p.found} has no complaint waiting for the manager`;
    case 'seasons':
      return `the scenario has ${p.seasons} seasons, all of them played`;
  }
}
