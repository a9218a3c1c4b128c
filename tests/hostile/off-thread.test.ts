// Imported files are parsed in a Web Worker, never on the page's thread: no module of the page calls the loader
// directly, and the worker's parse gives the same result as the loader.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunOffThread, parseScenarioOffThread } from '../../src/workers/parse-host';
import { parseText } from '../../src/workers/parse-core';
import { ROOT } from '../sim/helpers';
import { honestRun, keyFloodYaml } from './generate';

describe('parsing imports off the page thread', () => {
  it('no page module (src/ui) parses file text itself', () => {
    const dir = join(ROOT, 'src', 'ui');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /\b(loadText|loadScenario|parseRunText)\s*\(/.test(readFileSync(join(dir, f), 'utf8')))
      .map((f) => `src/ui/${f}`);
    expect(offenders).toEqual([]);
  });

  it('the worker reads runs and scenarios like the loader, and cuts issues to five', async () => {
    const run = await parseRunOffThread('run.json', honestRun().text);
    expect(run.ok && run.value.team).toBe('Honest team');
    const text = readFileSync(join(ROOT, 'scenarios', 'bubble-tea.yaml'), 'utf8');
    const sc = await parseScenarioOffThread('bubble-tea.yaml', text);
    expect(sc.ok && sc.value.hash).toMatch(/^[0-9a-f]{64}$/);
    const bad = parseText({ kind: 'scenario', name: 'flood.yaml', text: keyFloodYaml(50) + 'a: 1\nb: 2\nc: 3\n' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.length).toBeLessThanOrEqual(5);
  });
});
