import { loadScenario, type LoadedScenario } from '../scenario/scenario';

// Scenarios shipped with the game, bundled as text at build time and validated like any imported file.

const files = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface Bundled extends LoadedScenario {
  file: string;
}

export function bundledScenarios(): Bundled[] {
  const out: Bundled[] = [];
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const file = path.split('/').pop() ?? path;
    const r = loadScenario(text, file);
    if (r.ok) out.push({ ...r.value, file });
  }
  // The tutorial comes first: it is the default.
  out.sort((a, b) => (a.scenario.id === 'bubble-tea' ? -1 : b.scenario.id === 'bubble-tea' ? 1 : 0));
  return out;
}
