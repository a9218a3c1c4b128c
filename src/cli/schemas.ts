import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DecisionsFile } from '../scenario/decisions';
import { Scenario, SCENARIO_VERSION } from '../scenario/schema';
import { runCli } from './fail';
import { writeText } from './io';

// npm run schemas — writes the JSON Schemas of the scenario format and the decisions file into docs/, generated
// from the zod schemas the game itself uses. Editors (yaml-language-server, VS Code) read them for completion
// and checking as a teacher types. `--check` only compares and exits 1 when a committed file is out of date.

export interface GeneratedSchema {
  /** Path relative to the repository root. */
  path: string;
  text: string;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Hover help for editors, by field path ("[]" = each item of a list). Fuller text: docs/scenarios.md. */
const SCENARIO_HELP: Record<string, string> = {
  version: '文件格式版本，现为 1 / Format version, currently 1',
  id: '场景标识，小写字母、数字、连字符 / Scenario id: lower-case letters, digits, hyphens',
  title: '标题 / Title',
  story: '开场故事 / Opening story',
  goals: '学习目标 / Goals shown to students',
  units: '服务的课程单元 1–10 / Course units served, 1–10',
  seasons: '季度数 / Number of seasons',
  weeksPerSeason: '每季周数（13 ≈ 一个季度）/ Weeks per season (13 ≈ a quarter)',
  budgetPerSeason: '每季可计划的 CRM 支出，元 / CRM spending a team may plan per season, yuan',
  population: '市场人口 / The market',
  'population.size': '市场总人数（含潜在客户）/ Everyone in the market, prospects included',
  'population.initialCustomers': '开局已是客户的比例 / Share who are customers at the start',
  'population.walkInRate': '潜在客户每周自己上门的机会 / Weekly chance a prospect walks in unprompted',
  store: '门店 / The store',
  'store.positioning': '定位：0 = 最便宜，1 = 最高端 / Positioning: 0 = cheapest, 1 = premium',
  'store.productQuality': '产品品质 / Product quality',
  'store.margin': '毛利率 / Gross margin on revenue',
  'store.serveCost': '每位活跃客户每周的服务成本，元 / Cost of serving one active customer a week, yuan',
  'store.capacityPerWeek': '每周能服务好的人次 / Visits a week served without queues',
  'store.staffSkill': '员工技能起点 / Starting staff skill',
  'store.reputation': '声誉起点 / Starting reputation',
  costs: '单价，元 / Unit costs, yuan',
  'costs.contact': '每次联系的成本 / Cost per contact, by channel',
  'costs.acquisition': '每开发一位新客户的成本 / Cost per new customer, by channel',
  fairnessFloor: '普通客户服务底线（不以价值论尊卑）/ Fairness floor for ordinary customers',
  segments: '细分市场 / Segments',
  'segments[].share': '占市场人口的比例 / Share of the population',
  'segments[].purchase': '每周购买率 λ ~ Gamma(r, alpha)，平均 r/alpha / Weekly purchase rate, mean r/alpha',
  'segments[].dropout': '每次回购后流失概率 p ~ Beta(a, b)，平均 a/(a+b) / Dropout after a repeat purchase, mean a/(a+b)',
  'segments[].spend': '客单价 Gamma-Gamma，平均 p·gamma/(q−1) 元 / Spend per purchase, mean p·gamma/(q−1) yuan',
  'segments[].priceSensitivity': '价格敏感度 / Price sensitivity',
  'segments[].expectation': '期望水平 / Expectation',
  'segments[].complaintPropensity': '服务失败后投诉的倾向 / Tendency to complain after a failure',
  'segments[].wordOfMouth': '口碑传播倾向 / Tendency to talk, good and bad',
  'segments[].positioning': '想要的定位：0 = 便宜，1 = 高端 / What they look for: 0 = cheap, 1 = premium',
  'segments[].contactTolerance': '每四周能接受的联系次数 / Contacts per four weeks tolerated',
  'segments[].acquisitionChannel': '最能接触到他们的开发渠道 / Channel that reaches them',
  'segments[].contactChannel': '偏好的联系渠道 / Preferred contact channel',
  events: '事件 / Events',
  'events[].week': '开始周，从整局第 1 周算起 / First week, counted from 1 over the whole game',
  'events[].kind': '事件类型；competitor-entry 持续到游戏结束 / Kind; competitor-entry lasts to the end',
  'events[].weeks': '持续周数 / Weeks it lasts',
  'events[].strength': '强度 0–1 / Strength 0–1',
  levers: '开放给学生的决策领域 / Decision areas open to students',
  scoring: '评分权重（只看相对大小）/ Scoring weights (only ratios matter)',
};

/** Adds `description` to the properties named in `help`, walking objects and list items. */
function describe(schema: Record<string, unknown>, help: Record<string, string>, path = ''): void {
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      const p = path ? `${path}.${k}` : k;
      if (help[p] && v.description === undefined) v.description = help[p];
      describe(v, help, p);
    }
  }
  const items = schema.items as Record<string, unknown> | undefined;
  if (items && typeof items === 'object') describe(items, help, `${path}[]`);
}

export function generateSchemas(): GeneratedSchema[] {
  const scenario = {
    title: `Customer Seasons scenario, format version ${SCENARIO_VERSION} / 客户四季 场景文件`,
    description:
      'A market, a store and a season calendar for the Customer Seasons CRM course game. ' +
      'Fields with a default may be left out. See docs/scenarios.md. ' +
      '一个场景 = 市场、门店与季度日历；有默认值的字段可以省略，说明见 docs/scenarios.md。',
    ...z.toJSONSchema(Scenario, { io: 'input' }),
  };
  describe(scenario as Record<string, unknown>, SCENARIO_HELP);
  const decisions = {
    title: 'Customer Seasons decisions file / 客户四季 决策文件',
    description:
      'One object of decisions per season, for `npm run sim -- --decisions FILE`. Every field has a neutral default. ' +
      'See docs/decisions.md. 每个季度一组决策，所有字段都有中性默认值，说明见 docs/decisions.md。',
    ...z.toJSONSchema(DecisionsFile, { io: 'input' }),
  };
  return [
    { path: 'docs/scenario.schema.json', text: JSON.stringify(reorder(scenario), null, 2) + '\n' },
    { path: 'docs/decisions.schema.json', text: JSON.stringify(reorder(decisions), null, 2) + '\n' },
  ];
}

/** $schema first, then our title and description, then the rest as zod produced it. */
function reorder(o: Record<string, unknown>): Record<string, unknown> {
  const { $schema, title, description, ...rest } = o;
  return { $schema, title, description, ...rest };
}

function main(): number {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const g of generateSchemas()) {
    const file = ROOT + g.path;
    let old = '';
    try {
      old = readFileSync(file, 'utf8');
    } catch {
      old = '';
    }
    if (old === g.text) {
      console.log(`unchanged ${g.path}`);
      continue;
    }
    if (check) {
      console.log(`out of date ${g.path} (run npm run schemas)`);
      stale++;
    } else {
      writeText(file, g.text);
      console.log(`wrote ${g.path}`);
    }
  }
  return stale > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) runCli(main);
