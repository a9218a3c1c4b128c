// A teammate's change redraws the shared plan form at any moment, also while the student is typing a number that
// the field has not committed yet (a field commits on change: Enter, Tab, leaving it). `keepTyping` carries what
// is being typed into the field's new drawing, with the caret, and has the field commit it when left, as the
// field it replaced would have.

export function keepTyping(redraw: () => void): void {
  const el = document.activeElement;
  const typing = el instanceof HTMLInputElement && el.id && el.type === 'number' && el.hasAttribute('data-path') ? el : null;
  const before = typing ? { id: typing.id, value: typing.value } : null;
  redraw();
  if (!before) return;
  const now = document.getElementById(before.id);
  if (!(now instanceof HTMLInputElement) || now === typing || now.value === before.value) return;
  now.value = before.value;
  now.addEventListener('blur', () => now.dispatchEvent(new Event('change')), { once: true });
}
