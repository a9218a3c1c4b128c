import { ABC_CLASSES } from '../analytics/abc';
import { RFM_GROUPS } from '../analytics/rfm';
import type { Leaf } from '../run/leaves';
import type { Audience } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { num, pick, t } from './i18n';
import { leverAt, leverLabel, LEVERS, tierField, tierFieldLabel } from './levers';

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
  return path;
}

/** An audience in the plan form's words: the ticked groups, classes and list, or "untargeted". */
export function audienceValue(a: Audience | undefined): string {
  if (!a) return t('audience.none');
  const parts = [
    a.groups.map((g) => t(`audience.group.${g}`)).join(t('lab.listSep')),
    a.abc.map((k) => t(`audience.abc.${k}`)).join(t('lab.listSep')),
    a.atRisk ? t('audience.atRisk') : '',
  ].filter((x) => x !== '');
  return parts.length > 0 ? parts.join(' + ') : t('audience.none');
}

export function leverValue(path: string, v: Leaf | undefined, scenario?: Scenario | null): string {
  if (v === undefined) return '—';
  // Leaves of an audience: one ticked group or class, or an empty list of them.
  const audienceLeaf = /\.(groups|abc)(?:\.\d+)?$/.exec(path);
  if (audienceLeaf && LEVERS.some((l) => l.spec.kind === 'audience' && path.startsWith(`${l.path}.`))) {
    if (v === '[]') return '—';
    const group = audienceLeaf[1] === 'groups' ? RFM_GROUPS.find((g) => g === v) : undefined;
    const cls = audienceLeaf[1] === 'abc' ? ABC_CLASSES.find((k) => k === v) : undefined;
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
