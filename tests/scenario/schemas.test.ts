// The committed JSON Schemas in docs/ must be exactly what the zod schemas generate, so editors check teachers'
// files against the format the game really reads.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateSchemas } from '../../src/cli/schemas';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('docs/*.schema.json', () => {
  const generated = generateSchemas();

  it('covers the scenario and the decisions file', () => {
    expect(generated.map((g) => g.path).sort()).toEqual(['docs/decisions.schema.json', 'docs/scenario.schema.json']);
  });

  for (const g of generated) {
    it(`${g.path} is up to date`, () => {
      let committed = '';
      try {
        committed = readFileSync(join(root, g.path), 'utf8');
      } catch {
        committed = '';
      }
      if (committed !== g.text) {
        throw new Error(`${g.path} differs from what the zod schemas generate: run npm run schemas and commit the result`);
      }
    });
  }

  it('describes input: fields with defaults are optional, required ones are listed', () => {
    const scenario = JSON.parse(generated.find((g) => g.path.includes('scenario'))!.text);
    expect(scenario.$schema).toMatch(/json-schema\.org/);
    expect(scenario.title).toMatch(/客户四季/);
    expect(scenario.required).toEqual(
      expect.arrayContaining(['version', 'id', 'title', 'seasons', 'weeksPerSeason', 'budgetPerSeason', 'population', 'segments']),
    );
    expect(scenario.required).not.toContain('store');
    expect(scenario.required).not.toContain('levers');
    expect(scenario.additionalProperties).toBe(false);
    // Editors show bilingual hover help on the fields teachers edit most.
    expect(scenario.properties.segments.items.properties.dropout.description).toMatch(/流失.*Dropout/);
    expect(scenario.properties.events.items.properties.week.description).toMatch(/第 1 周/);
    const decisions = JSON.parse(generated.find((g) => g.path.includes('decisions'))!.text);
    expect(decisions.required).toEqual(['seasons']);
  });
});
