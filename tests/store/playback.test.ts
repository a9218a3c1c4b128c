import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/scenario';
import { findBot } from '../../src/bots/strategies';
import { playToRun } from '../../src/run/replay';
import { Decisions } from '../../src/scenario/decisions';
import { resumePoint } from '../../src/store/playback';
import type { Saved } from '../../src/store/autosave';

// Resuming after a reload: back to the week being watched only when the saved position belongs to the saved game.

const loaded = loadScenario(readFileSync('scenarios/bubble-tea.yaml', 'utf8'), 'bubble-tea.yaml');
if (!loaded.ok) throw new Error('bundled scenario');
const { scenario, hash } = loaded.value;
const bot = findBot('textbook')!;
const { run } = playToRun(scenario, hash, 'resume', 'T', [bot.decide(scenario, 0, []), bot.decide(scenario, 1, [])]);
const saved = (phase: Saved['phase']): Saved => ({ run, draft: Decisions.parse({}), phase });
const at = { season: 2, hash: run.seasons[1].hash, week: 5, paused: true, speed: 2 };

describe('resume point', () => {
  it('returns the saved week, pause and speed when saved mid-playback of the last season', () => {
    expect(resumePoint(saved('play'), at)).toEqual(at);
  });

  it('ignores a position from another season, another run, or a save taken outside playback', () => {
    expect(resumePoint(saved('play'), { ...at, season: 1 })).toBeNull();
    expect(resumePoint(saved('play'), { ...at, hash: '00000000' })).toBeNull();
    expect(resumePoint(saved('report'), at)).toBeNull();
    expect(resumePoint(saved('play'), null)).toBeNull();
  });

  it('never resumes past the end of the season', () => {
    expect(resumePoint(saved('play'), { ...at, week: 99 })?.week).toBe(scenario.weeksPerSeason);
  });
});
