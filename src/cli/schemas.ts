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

export function generateSchemas(): GeneratedSchema[] {
  const scenario = {
    title: `Customer Seasons scenario, format version ${SCENARIO_VERSION} / 客户四季 场景文件`,
    description:
      'A market, a store and a season calendar for the Customer Seasons CRM course game. ' +
      'Fields with a default may be left out. See docs/scenarios.md. ' +
      '一个场景 = 市场、门店与季度日历；有默认值的字段可以省略，说明见 docs/scenarios.md。',
    ...z.toJSONSchema(Scenario, { io: 'input' }),
  };
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
