import type { Scenario } from './schema';
import { ACQ_CHANNELS, type LeverArea } from './schema';

// Balance smells of a valid scenario: numbers the schema accepts but that make a poor game — a budget that buys
// nothing, a segment nobody can ever meet, events after the end, a score that is always zero. Each estimate uses
// the simulation's own formulas (src/sim/week-context.ts, acquisition.ts, purchase.ts, economics.ts) with average
// customers, so a warning is a reason to look, not proof. Every message comes in English and Chinese.

export interface BalanceWarning {
  /** Dotted path of the field to look at, e.g. "segments.2.share"; "" for the file as a whole. */
  path: string;
  en: string;
  zh: string;
}

const LEVER_ZH: Record<LeverArea, string> = {
  acquisition: '客户开发',
  pricing: '价格',
  information: '信息收集',
  tiers: '会员分级',
  points: '积分',
  care: '客户关怀',
  complaints: '投诉处理',
  retention: '客户保持与挽回',
  staff: '员工',
  survey: '满意度调查',
};

/** The smallest planned spending that makes each fixed-cost lever do something in one season, yuan. */
export function cheapestLeverUse(sc: Scenario): { area: LeverArea; cost: number; en: string; zh: string }[] {
  const w = sc.weeksPerSeason;
  const c = sc.costs;
  const minCpa = Math.min(...ACQ_CHANNELS.map((ch) => c.acquisition[ch]));
  const out = [
    { area: 'acquisition' as const, cost: w * minCpa, en: 'one new customer a week', zh: '每周开发一位新客户' },
    { area: 'information' as const, cost: w * c.infoActivityWeek, en: 'one information activity', zh: '一项信息收集活动' },
    { area: 'staff' as const, cost: w * c.staffWeek, en: 'one extra staff member', zh: '增加一名员工' },
    { area: 'survey' as const, cost: 30 * c.surveyResponse, en: 'a survey of 30 responses', zh: '30 份问卷的满意度调查' },
    { area: 'complaints' as const, cost: w * c.aiAssistantWeek, en: 'the AI assistant', zh: 'AI 客服助手' },
    { area: 'retention' as const, cost: 10 * c.winBackAttempt, en: 'ten win-back attempts', zh: '十次挽回尝试' },
  ];
  return out.filter((x) => sc.levers.includes(x.area));
}

const fmt = (x: number): string => (Math.abs(x) >= 100 ? String(Math.round(x)) : String(Math.round(x * 100) / 100));

export function balanceWarnings(sc: Scenario): BalanceWarning[] {
  const out: BalanceWarning[] = [];
  const warn = (path: string, en: string, zh: string) => out.push({ path, en, zh });
  const totalWeeks = sc.seasons * sc.weeksPerSeason;
  const N = sc.population.size;

  // Levers and budget.
  if (sc.levers.length === 0) {
    warn('levers', 'no levers are offered, so teams cannot decide anything', '没有开放任何决策领域，学生无事可做');
  }
  const dupLevers = sc.levers.filter((l, k) => sc.levers.indexOf(l) !== k);
  if (dupLevers.length > 0) {
    warn('levers', `listed twice: ${[...new Set(dupLevers)].join(', ')}`, `重复列出：${[...new Set(dupLevers)].join('、')}`);
  }
  const paid = cheapestLeverUse(sc);
  if (paid.length > 0) {
    const cheapest = paid.reduce((a, b) => (b.cost < a.cost ? b : a));
    const infoWeek = sc.costs.infoActivityWeek;
    const staffWeek = sc.costs.staffWeek;
    if (sc.budgetPerSeason < cheapest.cost) {
      const areas = paid.map((p) => p.area);
      warn(
        'budgetPerSeason',
        `a budget of ${fmt(sc.budgetPerSeason)} a season is too small to use any paid lever (${areas.join(', ')}): ` +
          `the cheapest, ${cheapest.en}, costs ${fmt(cheapest.cost)} a season`,
        `每季度预算 ${fmt(sc.budgetPerSeason)} 元太少，任何需要花钱的决策（${areas.map((a) => LEVER_ZH[a]).join('、')}）都用不了：` +
          `最便宜的“${cheapest.zh}”每季度也要 ${fmt(cheapest.cost)} 元`,
      );
    } else if (sc.budgetPerSeason < Math.min(infoWeek, staffWeek)) {
      warn(
        'budgetPerSeason',
        `a budget of ${fmt(sc.budgetPerSeason)} a season is less than one week of an information activity ` +
          `(${fmt(infoWeek)}) or of an extra staff member (${fmt(staffWeek)}): teams can hardly decide anything that costs money`,
        `每季度预算 ${fmt(sc.budgetPerSeason)} 元还不够一项信息收集活动一周（${fmt(infoWeek)} 元）或增加一名员工一周（${fmt(staffWeek)} 元）` +
          '的费用：学生几乎做不了任何需要花钱的决策',
      );
    }
  }

  // Population.
  const initial = N * sc.population.initialCustomers;
  if (initial < 10) {
    warn(
      'population.initialCustomers',
      `only about ${fmt(initial)} customers at the start (size ${N} × initialCustomers ${sc.population.initialCustomers}); ` +
        'season reports and analytics need at least a few dozen',
      `开局只有约 ${fmt(initial)} 位客户（size ${N} × initialCustomers ${sc.population.initialCustomers}），` +
        '季度报告和客户分析至少需要几十位客户',
    );
  }

  // Segments.
  const shareSum = sc.segments.reduce((a, g) => a + g.share, 0);
  if (Math.abs(shareSum - 1) > 0.005) {
    warn(
      'segments',
      `segment shares add up to ${fmt(shareSum)}, not 1; the game rescales them, so check for a typo`,
      `各细分市场的 share 加起来是 ${fmt(shareSum)} 而不是 1；游戏会按比例换算，请检查是否写错`,
    );
  }
  const ids = sc.segments.map((g) => g.id);
  ids.forEach((id, k) => {
    if (ids.indexOf(id) !== k) warn(`segments.${k}.id`, `segment id "${id}" is used twice`, `细分市场 id "${id}" 重复`);
  });
  const rep = 0.5 + sc.store.reputation;
  const minCpa = Math.min(...ACQ_CHANNELS.map((ch) => sc.costs.acquisition[ch]));
  sc.segments.forEach((g, k) => {
    const at = `segments.${k}`;
    const name = `"${g.id}"`;
    const people = (N * g.share) / shareSum;
    const prospects = people * (1 - sc.population.initialCustomers);
    const fit = 1 - Math.abs(g.positioning - sc.store.positioning);
    // Walk-ins over the whole game: exposure rate × (0.5 + fit) a week against an Exponential(1) threshold.
    const walkInRate = sc.population.walkInRate * rep * (0.5 + fit);
    const walkIns = prospects * (1 - Math.exp(-walkInRate * totalWeeks));
    // Campaign aimed at this segment with the whole budget on the cheapest channel, saturating at 2% a week.
    let campaign = 0;
    if (sc.levers.includes('acquisition') && sc.budgetPerSeason > 0) {
      const bought = sc.budgetPerSeason / sc.weeksPerSeason / minCpa;
      const ceiling = 0.02 * prospects;
      campaign = Math.min(prospects, ((bought * ceiling) / (bought + ceiling)) * rep * totalWeeks);
    }
    const ever = people * sc.population.initialCustomers + walkIns + campaign;
    if (people < 5) {
      warn(
        `${at}.share`,
        `segment ${name} has only about ${fmt(people)} people in a population of ${N}; raise its share or the population size`,
        `细分市场 ${name} 在 ${N} 人中只有约 ${fmt(people)} 人；请提高 share 或人口规模`,
      );
    } else if (ever < 1) {
      warn(
        at,
        `segment ${name} can practically never become customers: about ${fmt(ever)} over the whole game ` +
          `(walk-ins ${fmt(walkIns)}, best campaign ${fmt(campaign)})`,
        `细分市场 ${name} 几乎不可能成为客户：整局游戏约 ${fmt(ever)} 人（自然上门 ${fmt(walkIns)}，全力开发 ${fmt(campaign)}）`,
      );
    }
    const ownCpa = sc.costs.acquisition[g.acquisitionChannel];
    if (sc.levers.includes('acquisition') && sc.budgetPerSeason > 0 && sc.budgetPerSeason / ownCpa < 10 && people >= 5) {
      warn(
        `costs.acquisition.${g.acquisitionChannel}`,
        `segment ${name} is reached through ${g.acquisitionChannel} at ${fmt(ownCpa)} per new customer: ` +
          `the whole season budget buys fewer than 10 of them`,
        `细分市场 ${name} 主要通过 ${g.acquisitionChannel} 渠道开发，每位新客户 ${fmt(ownCpa)} 元：整季预算买不到 10 位`,
      );
    }
    if (fit < 0.45) {
      warn(
        `${at}.positioning`,
        `segment ${name} fits the store poorly (fit ≈ ${fmt(fit)}: store ${sc.store.positioning}, segment ${g.positioning}): ` +
          'few walk in, MAN screening filters most of them out, and those who come cost more to serve and leave sooner',
        `细分市场 ${name} 与门店定位不匹配（匹配度约 ${fmt(fit)}：门店 ${sc.store.positioning}，客户 ${g.positioning}）：` +
          '自然上门少、MAN 筛选会滤掉大多数人，来了的服务成本更高、流失更快',
      );
    }
    const rate = g.purchase.r / g.purchase.alpha;
    if (rate > 1.5) {
      warn(
        `${at}.purchase`,
        `segment ${name} buys ${fmt(rate)} times a week on average (r/alpha); the game counts at most one purchase-day a week`,
        `细分市场 ${name} 平均每周购买 ${fmt(rate)} 次（r/alpha）；游戏每周最多计一个购买日`,
      );
    }
    const drop = g.dropout.a / (g.dropout.a + g.dropout.b);
    if (drop > 0.6) {
      warn(
        `${at}.dropout`,
        `segment ${name} drops out after a repeat purchase with probability ${fmt(drop)} on average (a/(a+b)); ` +
          'almost nobody reaches the stable stage',
        `细分市场 ${name} 每次重复购买后平均流失概率 ${fmt(drop)}（a/(a+b)），几乎没有客户能进入稳定期`,
      );
    }
    const spend = (g.spend.p * g.spend.gamma) / (g.spend.q - 1);
    const weeklyMargin = Math.min(rate, 1) * spend * sc.store.margin;
    const serve = sc.store.serveCost * (1 + 2 * Math.max(0, 0.6 - fit));
    if (weeklyMargin < serve) {
      warn(
        `${at}.spend`,
        `an average customer of segment ${name} brings ${fmt(weeklyMargin)} yuan of margin a week but costs ` +
          `${fmt(serve)} to serve: every customer of this segment loses money`,
        `细分市场 ${name} 的平均客户每周带来毛利 ${fmt(weeklyMargin)} 元，服务成本却是 ${fmt(serve)} 元：每位客户都亏钱`,
      );
    }
  });

  // Capacity: queues from the first week make waiting the whole story.
  let visits = 0;
  for (const g of sc.segments) visits += ((N * g.share) / shareSum) * sc.population.initialCustomers * Math.min(1, g.purchase.r / g.purchase.alpha);
  if (visits > 1.5 * sc.store.capacityPerWeek) {
    warn(
      'store.capacityPerWeek',
      `about ${fmt(visits)} visits a week at the start against a capacity of ${sc.store.capacityPerWeek}: ` +
        'queues hurt every visit from week 1',
      `开局每周约 ${fmt(visits)} 人次到店，而接待能力只有 ${sc.store.capacityPerWeek}：从第 1 周起排队就会拉低每一次体验`,
    );
  }

  // Events.
  sc.events.forEach((e, k) => {
    if (e.week > totalWeeks) {
      warn(
        `events.${k}.week`,
        `the ${e.kind} event starts in week ${e.week}, after the last week of the game (${totalWeeks} = ${sc.seasons} seasons × ${sc.weeksPerSeason} weeks); nobody will see it`,
        `事件 ${e.kind} 在第 ${e.week} 周开始，晚于游戏最后一周（${totalWeeks} = ${sc.seasons} 季 × ${sc.weeksPerSeason} 周），不会发生`,
      );
    }
    if (e.kind === 'competitor-entry' && e.weeks !== 1) {
      warn(
        `events.${k}.weeks`,
        'a competitor that enters stays to the end of the game; "weeks" has no effect on competitor-entry',
        '竞争对手进入后会一直留到游戏结束；competitor-entry 的 weeks 不起作用',
      );
    }
    if (e.strength === 0) {
      warn(`events.${k}.strength`, `the ${e.kind} event has strength 0 and changes nothing`, `事件 ${e.kind} 的强度为 0，不起任何作用`);
    }
  });

  // Areas opened by season, and briefs: a season after the game's last is never reached (a derived copy of a
  // scenario with fewer seasons reads, so this is a warning, not an error).
  for (const [area, season] of Object.entries(sc.opens ?? {}) as [LeverArea, number | undefined][]) {
    if (season !== undefined && season > sc.seasons && sc.levers.includes(area)) {
      warn(
        `opens.${area}`,
        `the ${area} area opens in season ${season}, after the game's ${sc.seasons} seasons: teams never get to use it`,
        `${LEVER_ZH[area]}在第 ${season} 季才开放，而游戏只有 ${sc.seasons} 季：学生始终用不到它`,
      );
    }
  }
  if (sc.briefs && sc.briefs.length > sc.seasons) {
    warn(
      'briefs',
      `${sc.briefs.length} briefs for ${sc.seasons} seasons: the last ${sc.briefs.length - sc.seasons} are never shown`,
      `${sc.seasons} 季却有 ${sc.briefs.length} 条简报：最后 ${sc.briefs.length - sc.seasons} 条不会显示`,
    );
  }

  // Scoring.
  const w = sc.scoring;
  if (w.satisfaction + w.loyalty + w.churn + w.profit + w.residual === 0) {
    warn('scoring', 'all scoring weights are 0, so every team scores 0', '所有评分权重都是 0，每个小组的总分都会是 0');
  }
  return out;
}

/** Chinese names of the lever areas, for messages. */
export const LEVER_NAMES_ZH: Readonly<Record<LeverArea, string>> = LEVER_ZH;
