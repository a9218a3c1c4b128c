import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/locales/en';
import { zhCN } from '../../src/ui/locales/zh-CN';
import { LEVERS, TABS } from '../../src/ui/levers';
import { CAUSE_IDS, CHURN_IDS, STAGE_IDS } from '../../src/sim/types';
import { COST_KEYS } from '../../src/sim/tally';
import { ACQ_CHANNELS, CONTACT_CHANNELS } from '../../src/scenario/schema';
import { RFM_GROUPS, RFM_SEGMENTS } from '../../src/analytics/rfm';
import { WARNING_REASONS } from '../../src/analytics/warning';

// Every visible string exists in both languages with the same placeholders, and every key the code asks for —
// literal or built from a domain id — is there.

const zh = zhCN as Record<string, string>;
const eng = en as Record<string, string>;
// A place is {name}, or a count whose words follow the language's plural rules: {name, plural, one {…} other {…}}.
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();

describe('locale files', () => {
  it('have the same keys', () => {
    expect(Object.keys(eng).sort()).toEqual(Object.keys(zh).sort());
  });

  it('have no empty strings and the same placeholders in both languages', () => {
    for (const k of Object.keys(zh)) {
      expect(zh[k].trim(), k).not.toBe('');
      expect(eng[k].trim(), k).not.toBe('');
      expect(placeholders(eng[k]), k).toEqual(placeholders(zh[k]));
    }
  });

  it('contain every key used literally in the UI code', () => {
    const dir = 'src/ui';
    const missing: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const m of text.matchAll(/\bt\('([\w.-]+)'/g)) if (!(m[1] in zh)) missing.push(`${f}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('contain every key built from domain ids', () => {
    const keys = [
      ...STAGE_IDS.map((s) => `stage.${s}`),
      ...CHURN_IDS.map((c) => `churn.${c}`),
      ...CAUSE_IDS.map((c) => `cause.${c}`),
      ...COST_KEYS.map((c) => `cost.${c}`),
      ...TABS.map((t) => `tab.${t}`),
      ...LEVERS.flatMap((l) => [`lever.${l.path}`, `lever.${l.path}.help`]),
      ...LEVERS.flatMap((l) => (l.spec.kind === 'select' ? l.spec.options.map((o) => `option.${o}`) : [])),
      ...ACQ_CHANNELS.map((c) => `option.${c}`),
      ...CONTACT_CHANNELS.map((c) => `option.${c}`),
      ...[0, 1, 2, 3].map((m) => `mood.${m}`),
      ...[0, 1, 2, 3, 4, 5, 6].map((k) => `profile.kind.${k}`),
      ...[0, 1, 2, 3, 4].flatMap((s) => [`featured.step.${s}`, ...[0, 1, 2, 3].map((o) => `featured.${s}.${o}`)]),
      ...['ranked', 'malformed', 'engine', 'tampered', 'duplicate', 'other-scenario', 'other-seed', 'unfinished'].map((x) => `teacher.status.${x}`),
      ...RFM_SEGMENTS.map((r) => `rfm.${r}`),
      ...RFM_GROUPS.map((g) => `rfm.group.${g}`),
      ...WARNING_REASONS.map((w) => `warning.${w}`),
      ...['over-budget', 'thresholds-order', 'unknown-segment', 'min-tier', 'lever-unavailable', 'featured'].map((c) => `issue.${c}`),
    ];
    expect(keys.filter((k) => !(k in zh))).toEqual([]);
  });
});
