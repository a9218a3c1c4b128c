// Decisions files carry a format version: older files stay readable, newer ones are refused with a reason.
import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/scenario/load';
import { DECISIONS_VERSION, DecisionsFile } from '../../src/scenario/decisions';

describe('decisions file versions', () => {
  it('a file without a version (format 1, engine 4 and before) reads as the current format', () => {
    const r = loadText('{ "seasons": [ { "survey": { "sample": 50 } } ] }', 'old.json', DecisionsFile);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.version).toBe(DECISIONS_VERSION);
    expect(r.value.seasons[0].survey).toEqual({ sample: 50, followUp: false });
  });

  it('a file of the current format keeps its fields', () => {
    const r = loadText('version: 2\nseasons:\n  - survey: { sample: 50, followUp: true }\n', 'new.yaml', DecisionsFile);
    expect(r.ok && r.value.seasons[0].survey.followUp).toBe(true);
  });

  it('a newer format is refused with one line naming the place and what this game reads', () => {
    const r = loadText('version: 3\nseasons: []\n', 'future.yaml', DecisionsFile);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0].path).toBe('version');
    expect(r.issues[0].message).toMatch(/expected a number ≤ 2, found 3/);
  });
});
