import type { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { editDraft } from '../store/actions';
import { h } from './dom';
import { pick, t } from './i18n';
import { leverLabel, type Lever } from './levers';

// The customer groups a person always answers when the AI assistant is on (科技向善, unit 10): one checkbox per
// scenario segment, under the hand-over rule's other parts. The draft keeps the ticked segment ids in the
// scenario's order, so the decision log reads the same whatever order they were ticked in.

export function segmentsRow(lever: Lever, d: Decisions, sc: Scenario, enabled: boolean): HTMLElement {
  const id = `lever-${lever.path.replace(/\./g, '-')}`;
  const chosen = d.complaints.handOverSegments;
  const boxes = sc.segments.map((g) => {
    const inputId = `${id}-${g.id}`;
    const input = h('input', { id: inputId, type: 'checkbox', 'data-path': `${lever.path}.${g.id}`, disabled: !enabled });
    input.checked = chosen.includes(g.id);
    input.addEventListener('change', () =>
      editDraft((draft) => {
        const now = new Set(draft.complaints.handOverSegments ?? []);
        if (input.checked) now.add(g.id);
        else now.delete(g.id);
        draft.complaints.handOverSegments = sc.segments.map((x) => x.id).filter((x) => now.has(x));
      }),
    );
    return h('div', { class: 'choice' }, input, h('label', { for: inputId }, pick(g.name)));
  });
  return h(
    'div',
    { class: `lever ${enabled ? '' : 'muted'}`, role: 'group', 'aria-labelledby': `${id}-label` },
    h('strong', { id: `${id}-label` }, leverLabel(lever.path)),
    h('fieldset', { class: 'choices' }, h('legend', { class: 'hint' }, t(`lever.${lever.path}.help`)), ...boxes),
  );
}
