import { h } from './dom';
import { t } from './i18n';

// Modal dialogs on the native <dialog> element: focus is trapped, Escape cancels, the opener gets focus back.

export function confirmDialog(message: string): Promise<boolean> {
  return new Promise((resolve) => {
    const ok = h('button', { type: 'button', class: 'primary', 'data-testid': 'confirm-ok' }, t('dialog.ok'));
    const cancel = h('button', { type: 'button' }, t('dialog.cancel'));
    const dlg = h('dialog', { class: 'modal', 'aria-label': message }, h('p', {}, message), h('div', { class: 'row end' }, cancel, ok));
    const done = (v: boolean) => {
      dlg.close();
      dlg.remove();
      resolve(v);
    };
    ok.addEventListener('click', () => done(true));
    cancel.addEventListener('click', () => done(false));
    dlg.addEventListener('cancel', (e) => {
      e.preventDefault();
      done(false);
    });
    document.body.append(dlg);
    dlg.showModal();
    ok.focus();
  });
}

/** A modal holding arbitrary content; returns a function that closes it. */
export function openModal(title: string, content: HTMLElement, onClose?: () => void): () => void {
  const heading = h('h2', {}, title);
  const closeBtn = h('button', { type: 'button', class: 'close', 'aria-label': t('profile.close') }, '×');
  const dlg = h('dialog', { class: 'modal wide', 'aria-label': title }, h('div', { class: 'row between' }, heading, closeBtn), content);
  const close = () => {
    if (!dlg.open) return;
    dlg.close();
    dlg.remove();
    onClose?.();
  };
  closeBtn.addEventListener('click', close);
  dlg.addEventListener('cancel', (e) => {
    e.preventDefault();
    close();
  });
  document.body.append(dlg);
  dlg.showModal();
  return close;
}
