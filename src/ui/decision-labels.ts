import { ABC_CLASSES } from '../analytics/abc';
import { RECORDED_STAGES } from '../analytics/lifecycle';
import { RFM_GROUPS } from '../analytics/rfm';
import { diffLeaves, type Leaf } from '../run/leaves';
import { OBJECTION_KINDS } from '../sim';
import type { Audience, Decisions } from '../scenario/decisions';
import { getPath } from '../scenario/paths';
import type { Scenario } from '../scenario/schema';
import { list, num, pick, t } from './i18n';
import { leverAt, leverLabel, LEVERS, TIER_FIELDS, tierField, tierFieldLabel } from './levers';

// Decisions in the course's words: a dotted decision path (as in run comparisons, "tiers.levels.1.discount") as
// the plan form labels it, and a value as the form shows it (percentages, options, segment names, on/off).

const TIER_PERCENT = new Set(['discount', 'service']);

export function leverName(path: string): string {
  // An audience is a small object: its leaves (care.audience.groups.0 …) belong to the audience lever.
  const lever = LEVERS.find((l) => l.path === path || (l.spec.kind === 'audience' && path.startsWith(`${l.path}.`)));
  if (lever) return leverLabel(lever.path);
  const tier = /^tiers\.levels\.(\d+)\.(\w+)$/.exec(path);
  const field = tier ? tierField(tier[2]) : undefined;
  if (tier) return `${t('lever.tiers.level', { n: Number(tier[1]) + 1 })} · ${field ? tierFieldLabel(field) : tier[2]}`;
  if (path === 'tiers.levels') return t('lever.tiers.levels');
  if (/^featured(\.|$)/.test(path)) return t('decisions.featured');
  if (/^acquisition\.objections(\.|$)/.test(path)) {
    const kind = OBJECTION_KINDS.find((k) => path.startsWith(`acquisition.objections.${k}`));
    return kind ? `${t('objections.title')} · ${t(`objections.kind.${kind}`)}` : t('objections.title');
  }
  return path;
}

/** An audience in the plan form's words: the ticked groups, classes and list, or "untargeted". */
export function audienceValue(a: Audience | undefined): string {
  if (!a) return t('audience.none');
  const parts = [
    list(a.groups.map((g) => t(`audience.group.${g}`))),
    list(a.abc.map((k) => t(`audience.abc.${k}`))),
    list(a.stages.map((j) => t(`audience.stage.${j}`))),
    a.atRisk ? t('audience.atRisk') : '',
  ].filter((x) => x !== '');
  return parts.length > 0 ? parts.join(' + ') : t('audience.none');
}

export function leverValue(path: string, v: Leaf | undefined, scenario?: Scenario | null): string {
  if (v === undefined) return '—';
  // Leaves of an audience: one ticked group or class, or an empty list of them.
  const audienceLeaf = /\.(groups|abc|stages)(?:\.\d+)?$/.exec(path);
  if (audienceLeaf && LEVERS.some((l) => l.spec.kind === 'audience' && path.startsWith(`${l.path}.`))) {
    if (v === '[]') return '—';
    const group = audienceLeaf[1] === 'groups' ? RFM_GROUPS.find((g) => g === v) : undefined;
    const cls = audienceLeaf[1] === 'abc' ? ABC_CLASSES.find((k) => k === v) : undefined;
    const stage = audienceLeaf[1] === 'stages' ? RECORDED_STAGES.find((j) => j === v) : undefined;
    if (stage) return t(`audience.stage.${stage}`);
    return group ? t(`audience.group.${group}`) : cls ? t(`audience.abc.${cls}`) : String(v);
  }
  if (v === '[]') return t('decisions.noLevels');
  if (typeof v === 'boolean') return v ? t('option.on') : t('option.off');
  const lever = leverAt(path);
  const tierField = /^tiers\.levels\.\d+\.(\w+)$/.exec(path)?.[1];
  if (typeof v === 'number') {
    if (lever?.spec.kind === 'percent' || (tierField && TIER_PERCENT.has(tierField))) return `${num(100 * v, 1)}%`;
    return num(v, 2);
  }
  if (typeof v === 'string' && lever?.spec.kind === 'select') {
    const option = lever.spec.options.find((o) => o === v);
    return option ? t(`option.${option}`) : v;
  }
  if (typeof v === 'string' && lever?.spec.kind === 'segment') {
    if (v === 'all') return t('option.all');
    const seg = scenario?.segments.find((g) => g.id === v);
    return seg ? pick(seg.name) : v;
  }
  return String(v);
}

/** One changed setting in the plan form's words: what it is, and its value before and after. */
export type DecisionChange = {
  /** The lever's path (an audience, a whole tier level or the featured cases stand for all their leaves). */
  path: string;
  what: string;
  from: string;
  to: string;
};

type TierLevels = Decisions['tiers']['levels'];

/** A tier level as the plan form shows it (its fields in the form's order), or "no such level". */
export function tierLevelValue(levels: TierLevels | undefined, k: number): string {
  const level = levels?.[k];
  if (!level) return t('decisions.noLevel');
  return list(TIER_FIELDS.map(({ key }) => `${tierFieldLabel(key)} ${leverValue(`tiers.levels.${k}.${key}`, level[key])}`));
}

function featuredValue(d: Partial<Decisions>): string {
  const f = d.featured ?? [];
  return f.length === 0 ? t('decisions.noFeatured') : list(f.map((x) => `#${x.customer}`));
}

/**
 * What differs between two plans, one line per setting a player sets: an audience as a whole (whom it reached →
 * whom it reaches), a tier level added or removed as a whole level, the featured cases as one list. The leaves
 * of a list that grew or shrank have no value on one side; on their own they would read "— → —".
 */
export function decisionChanges(before: Partial<Decisions>, after: Partial<Decisions>, sc?: Scenario | null): DecisionChange[] {
  const out = new Map<string, DecisionChange>();
  const levelsA = before.tiers?.levels;
  const levelsB = after.tiers?.levels;
  for (const c of diffLeaves(before, after)) {
    const audience = LEVERS.find((l) => l.spec.kind === 'audience' && (c.path === l.path || c.path.startsWith(`${l.path}.`)));
    if (audience) {
      const from = audienceValue(getPath(before, audience.path) as Audience | undefined);
      const to = audienceValue(getPath(after, audience.path) as Audience | undefined);
      if (from !== to) out.set(audience.path, { path: audience.path, what: leverName(audience.path), from, to });
      continue;
    }
    if (c.path === 'featured' || c.path.startsWith('featured.')) {
      const from = featuredValue(before);
      const to = featuredValue(after);
      if (from !== to) out.set('featured', { path: 'featured', what: t('decisions.featured'), from, to });
      continue;
    }
    const tier = /^tiers\.levels(?:\.(\d+))?/.exec(c.path);
    if (tier) {
      // "tiers.levels" alone is the empty list: the levels on the other side have lines of their own.
      if (tier[1] === undefined) continue;
      const k = Number(tier[1]);
      if (!levelsA?.[k] || !levelsB?.[k]) {
        const path = `tiers.levels.${k}`;
        out.set(path, { path, what: t('lever.tiers.level', { n: k + 1 }), from: tierLevelValue(levelsA, k), to: tierLevelValue(levelsB, k) });
        continue;
      }
    }
    const from = leverValue(c.path, c.a, sc);
    const to = leverValue(c.path, c.b, sc);
    if (from !== to) out.set(c.path, { path: c.path, what: leverName(c.path), from, to });
  }
  return [...out.values()];
}
