// The teacher guides send students to figures on screen. Every figure a guide names maps to the message that shows
// it, and that message exists in both languages and is drawn by a view in src/ui. A figure computed from hidden
// truth is read only at the debrief, so a guide's lesson plan never asks for it in a season's report unless it
// says so. Figures no screen shows are named below, and no guide may cite them.
import './fake-dom';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { visible, type FakeElement } from './fake-dom';
import type { SeasonReport } from '../../src/sim/report';
import { prefs } from '../../src/store/session';
import { en } from '../../src/ui/locales/en';
import { zhCN, type MessageKey } from '../../src/ui/locales/zh-CN';
import { decisions, playGame, ROOT, smallBubbleTea } from '../sim/helpers';

vi.mock('../../src/ui/chart-mount', () => ({ FONT: 'sans-serif', mountChart: () => undefined }));

const GUIDES = join(ROOT, 'docs', 'teacher-guides');
const UI = join(ROOT, 'src', 'ui');

interface Figure {
  /** What the figure is, for a failure's message. */
  name: string;
  /** How the guides name it, in Chinese and in English. */
  words: RegExp;
  /** The message that shows it to a student. */
  key: MessageKey;
  /** Computed from hidden truth: shown only at the debrief (src/ui/report.ts, `reveal`). */
  debriefOnly?: boolean;
}

const FIGURES: Figure[] = [
  { name: 'stage counts', words: /各阶段人数|stage counts|\bstages\b/, key: 'report.stages' },
  { name: 'flows between stages', words: /从考察期进入形成期|moved from exploration to formation/, key: 'report.flows' },
  { name: 'churn reasons', words: /流失原因|churn reasons/, key: 'report.churn' },
  { name: 'customers lost', words: /流失人数|number lost/, key: 'report.reading.churn' },
  { name: 'NPS', words: /NPS/, key: 'report.survey.nps' },
  { name: "the survey's satisfaction by segment", words: /调查中各客户群的满意度|survey's satisfaction by segment|survey by segment/, key: 'report.survey.bySegment' },
  { name: 'true satisfaction by level', words: /各等级的真实满意度|satisfaction by level/, key: 'report.truth.byTier', debriefOnly: true },
  { name: 'complaints and recoveries', words: /投诉数|挽回率|recoveries/, key: 'report.complaints.play' },
  { name: 'average days to answer a complaint', words: /平均处理天数|average days/, key: 'report.complaints.play' },
  { name: 'what complaints were about', words: /投诉内容|各类投诉|what (the complaints|they) were about|complaints by kind/, key: 'report.complaints.kinds' },
  { name: 'complaints week by week', words: /逐周的投诉数|complaints week by week/, key: 'play.visits' },
  { name: 'silent dissatisfaction', words: /不满但未投诉|沉默流失|silent losses|never complained/, key: 'report.complaints.line', debriefOnly: true },
  { name: 'what moved satisfaction', words: /满意度驱动因素|满意度的各项原因|satisfaction drivers|what moved satisfaction/, key: 'report.drivers', debriefOnly: true },
  { name: 'perceived quality', words: /感知质量从|perceived quality \(revealed/, key: 'report.truth.line', debriefOnly: true },
  { name: 'data quality', words: /数据质量|data quality/, key: 'report.exportHint' },
  { name: "customers' trust", words: /信任|\btrust\b/, key: 'report.store.line' },
  { name: 'reputation', words: /口碑|reputation/i, key: 'report.store.line' },
  { name: 'staff skill and satisfaction', words: /员工技能|员工满意度|staff skill/, key: 'report.store.line' },
  { name: 'active customers by segment', words: /各客户群的活跃|活跃(客户|会员|人数)|active (customers|members)/, key: 'report.segments.active' },
  { name: 'the exported customer database', words: /客户档案 CSV|customer CSV/, key: 'report.exportCustomers' },
  { name: 'repeat customers', words: /回头客|repeat customers/, key: 'report.loyalty.behaviour' },
  { name: 'true loyalty', words: /真正忠诚的比例|share of true loyalty/, key: 'report.loyalty.kind.true', debriefOnly: true },
  { name: 'promotions', words: /升级人数|promotions/, key: 'report.tiers' },
  { name: 'point rewards', words: /积分兑换次数|rewards and their cost/, key: 'report.tiers' },
  { name: 'the customer pyramid', words: /客户金字塔|pyramid/, key: 'report.pyramid' },
  { name: 'ABC classes', words: /ABC/, key: 'analytics.abc' },
  { name: 'RFM', words: /RFM/, key: 'analytics.rfm' },
  { name: 'the early-warning list', words: /预警名单|early-warning list/, key: 'analytics.atRisk' },
  { name: 'customers in decline', words: /处于退化期|in decline/, key: 'stage.decline' },
  { name: 'customers won back', words: /挽回了多少|won back \(/, key: 'report.acquired' },
  { name: 'queues', words: /排队|queues/, key: 'news.name.overload' },
  { name: 'score parts', words: /五个分项|five parts|忠诚和流失分项|loyalty and churn parts/, key: 'report.part.churn' },
  { name: "a customer's file", words: /客户档案：|member's file/, key: 'profile.heading' },
  { name: 'apparent churn', words: /假性流失|apparent churn/, key: 'report.churnKinds.lapsed.reveal', debriefOnly: true },
  { name: 'win-back of leavers whose cause was put right', words: /原因已改进|cause (was|has been) put right/, key: 'report.winBack.fixed' },
  { name: 'the sales script', words: /销售话术|sales script/, key: 'objections.title' },
];

/** Figures no screen shows: a guide that cites one sends students looking for nothing. */
const NOT_SHOWN: { name: string; words: RegExp }[] = [
  { name: 'share of customers with known birthday or preferences (counted nowhere; the export lists birthdays)', words: /知道生日|偏好的客户比例|known birthday|known preferences/i },
  { name: 'churn by segment (the report counts churn by reason only)', words: /(被吸引|被收买)[^。？]{0,8}(哪些|各)细分市场|(哪些|各)细分市场的?(被吸引|被收买|流失)|which segments? (were|was) (lured|bought)|churn by segment|reasons differ/i },
  { name: 'cases handed over to a person, by rule (not counted)', words: /各转了多少|how many (were )?handed over/i },
  { name: 'a report before the first season (there is none)', words: /开局报告|opening report/i },
  { name: 'how long won-back customers stayed (not measured)', words: /第二次能留多久|stay the second time/i },
];

function guides(): { file: string; text: string }[] {
  return readdirSync(GUIDES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ file: f, text: readFileSync(join(GUIDES, f), 'utf8') }));
}

/** Every view's source in src/ui (the locale files hold the words, not their use). */
function uiSource(): string {
  const out: string[] = [];
  const walkDir = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) {
        if (f !== 'locales') walkDir(p);
      } else if (f.endsWith('.ts')) out.push(readFileSync(p, 'utf8'));
    }
  };
  walkDir(UI);
  return out.join('\n');
}

/** A key is drawn when a view names it, or builds it from its prefix (`churn.${id}`). */
function drawn(source: string, key: string): boolean {
  const prefix = key.slice(0, key.lastIndexOf('.') + 1);
  return source.includes(`'${key}'`) || source.includes(`\`${prefix}\${`);
}

/**
 * The rows of a guide's class plan where students read a season's report during play: the table rows under
 * "课堂安排", except the debrief's. A part in brackets that says it is revealed at the debrief is a pointer, not a
 * reading, and is left out.
 */
function playRows(text: string): string[] {
  const plan = text.split(/^## /m).find((s) => s.startsWith('课堂安排')) ?? '';
  return plan
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*(时间|---)/.test(l) && !/复盘|[Dd]ebrief:/.test(l.replace(/（[^）]*复盘揭晓[^）]*）|\([^)]*revealed at the debrief[^)]*\)/g, '')))
    .map((l) => l.replace(/（[^）]*复盘揭晓[^）]*）|\([^)]*revealed at the debrief[^)]*\)/g, ''));
}

describe('teacher guides', () => {
  const all = guides();
  const source = uiSource();

  it('are found', () => {
    expect(all.map((g) => g.file)).toEqual(expect.arrayContaining(['bubble-tea.md', 'gym-churn.md', 'community-supermarket.md', 'beauty-webshop.md', 'service-centre-ai.md']));
  });

  it('cite only figures a view draws, in both languages', () => {
    const missing: string[] = [];
    for (const g of all) {
      for (const f of FIGURES) {
        if (!f.words.test(g.text)) continue;
        if (!(f.key in zhCN) || !(f.key in en)) missing.push(`${g.file}: ${f.name} — no message ${f.key}`);
        else if (!drawn(source, f.key)) missing.push(`${g.file}: ${f.name} — ${f.key} is drawn by no view`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('cite no figure the game never shows', () => {
    const cited = all.flatMap((g) => NOT_SHOWN.filter((f) => f.words.test(g.text)).map((f) => `${g.file}: ${f.name}`));
    expect(cited).toEqual([]);
  });

  it('ask for hidden figures only at the debrief', () => {
    const early = all.flatMap((g) =>
      playRows(g.text).flatMap((row) => FIGURES.filter((f) => f.debriefOnly && f.words.test(row)).map((f) => `${g.file}: ${f.name} in "${row.slice(0, 60)}…"`)),
    );
    expect(early).toEqual([]);
  });

  it('keep every entry of the table in use, so it describes the guides as they are', () => {
    const unused = FIGURES.filter((f) => !all.some((g) => f.words.test(g.text))).map((f) => f.name);
    expect(unused).toEqual([]);
  });

  it('name churn by the course’s terms in Chinese', () => {
    const text = all.map((g) => g.text).join('\n');
    // 被吸引走 / 自己离开 / a bare 被迫 were the old words for 被吸引 / 主动离开 / 被迫离开.
    expect(text).not.toMatch(/被吸引走|自己离开|被迫(?!离开)|被放弃|被迫流失/);
  });
});

describe('the figures the guides rely on during play', () => {
  let reports: SeasonReport[];
  const sc = smallBubbleTea(600);
  beforeAll(() => {
    reports = playGame(sc, 'guides', [decisions(), decisions()]).reports;
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`are in the season report in ${lang}: reputation, trust, staff, and active customers by segment with their change`, async () => {
      prefs.setState({ lang });
      const { reportView } = await import('../../src/ui/report');
      const r = reports[1];
      const text = visible(reportView(r, reports, false, sc) as unknown as FakeElement);
      const L = lang === 'en' ? en : zhCN;
      const fmt = (v: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(v);
      expect(text).toContain(L['report.store']);
      for (const v of [r.store.reputation, r.store.trust, r.store.staffSkill, r.store.staffSat]) expect(text).toContain(`${fmt(v)}/100`);
      for (const g of r.customers.bySegment) {
        const name = sc.segments.find((s) => s.id === g.segment)!.name[lang === 'en' ? 'en' : 'zh'];
        expect(text).toContain(`${name} ${fmt(g.active)}`);
      }
    });
  }
});
