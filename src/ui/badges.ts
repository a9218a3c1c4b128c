import type { StageId } from '../sim';
import { h } from './dom';
import { t } from './i18n';

// Lifecycle stages are shown by colour AND shape AND name, never colour alone. Okabe–Ito colours stay apart
// for the common colour-vision deficiencies.

export const STAGE_STYLE: Record<StageId, { color: string; shape: string }> = {
  prospect: { color: '#999999', shape: '○' },
  exploration: { color: '#56B4E9', shape: '◆' },
  formation: { color: '#009E73', shape: '▲' },
  stability: { color: '#0072B2', shape: '■' },
  decline: { color: '#E69F00', shape: '▼' },
  churned: { color: '#D55E00', shape: '✕' },
};

export const STAGE_ORDER = ['prospect', 'exploration', 'formation', 'stability', 'decline', 'churned'] as const satisfies readonly StageId[];

export function stageName(stage: StageId): string {
  return t(`stage.${stage}`);
}

export function stageBadge(stage: StageId): HTMLElement {
  const st = STAGE_STYLE[stage];
  return h('span', { class: 'badge', style: `color:${st.color}`, 'aria-hidden': 'true', title: stageName(stage) }, st.shape);
}

/** Moods from unhappy (0) to delighted (3), as the engine gives them, and their faces. */
const MOODS = [0, 1, 2, 3] as const;
export const MOOD_FACE = ['☹', '😐', '🙂', '😄'];

/** A mood in words (the engine's mood is a plain number: one outside 0–3 is shown as it is). */
export function moodName(mood: number): string {
  const m = MOODS.find((x) => x === mood);
  return m === undefined ? String(mood) : t(`mood.${m}`);
}
