import { h } from '../dom';
import { t } from '../i18n';
import type { LinkStatus } from './live';

// Small pieces every class page shows the same way.

/** The live connection's state in words and a symbol (never by colour alone). */
export function linkLine(status: LinkStatus): HTMLElement {
  const text =
    status === 'online' ? `● ${t('class.link.online')}` : status === 'connecting' ? `◌ ${t('class.link.connecting')}` : status === 'refused' ? `✕ ${t('class.link.refused')}` : `○ ${t('class.link.offline')}`;
  return h('span', { class: `class-link ${status}`, role: 'status', 'data-testid': 'class-link', 'data-status': status }, text);
}

/** What a class page says where no class server answers (the self-study app alone: `npm start`). */
export function serverNeeded(): HTMLElement {
  return h(
    'section',
    { class: 'card', 'data-testid': 'class-server-needed' },
    h('p', {}, t('class.serverNeeded')),
    h('pre', { class: 'class-command' }, 'npm run build && npm run class'),
    h('p', {}, h('a', { href: '/' }, t('class.toSelfStudy'))),
  );
}

/**
 * `draw`, held back while a mouse button or finger is down on the page: a live update that replaced the button
 * being pressed would swallow its click. The held-back drawing happens on release. Returns the guarded drawing
 * and the function that removes the listeners.
 */
export function drawWhenReleased(draw: () => void): { draw: () => void; stop: () => void } {
  let down = false;
  let held = false;
  const press = () => (down = true);
  const release = () => {
    down = false;
    if (held) {
      held = false;
      // After the click that the release completes.
      setTimeout(draw, 0);
    }
  };
  document.addEventListener('pointerdown', press, true);
  document.addEventListener('pointerup', release, true);
  document.addEventListener('pointercancel', release, true);
  return {
    draw: () => {
      if (down) held = true;
      else draw();
    },
    stop: () => {
      document.removeEventListener('pointerdown', press, true);
      document.removeEventListener('pointerup', release, true);
      document.removeEventListener('pointercancel', release, true);
    },
  };
}
