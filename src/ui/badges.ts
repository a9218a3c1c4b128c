import { h } from './dom';
import { t, type MessageKey } from './i18n';

// Lifecycle stages are shown by colour AND shape AND name, never colour alone. Okabe–Ito colours stay apart
// for the common colour-vision deficiencies.

export const STAGE_STYLE: Record<string, { color: string; shape: string }> = {
  prospect: { color: '#999999', shape: '○' },
  exploration: { color: '#56B4E9', shape: '◆' },
  formation: { color: '#009E73', shape: '▲' },
  stability: { color: '#0072B2', shape: '■' },
  decline: { color: '#E69F00', shape: '▼' },
  churned: { color: '#D55E00', shape: '✕' },
};

export const STAGE_ORDER = ['prospect', 'exploration', 'formation', 'stability', 'decline', 'churned'] as const;

export function stageBadge(stage: string): HTMLElement {
  const st = STAGE_STYLE[stage];
  return h('span', { class: 'badge', style: `color:${st.color}`, 'aria-hidden': 'true', title: t(`stage.${stage}` as MessageKey) }, st.shape);
}

export const MOOD_FACE = ['☹', '😐', '🙂', '😄'];
