// What the student room says after re-simulating a season in the browser: a quiet confirmation when the state
// hash is the server's, and an alert naming both hashes, in the page's language, when it is not.
import '../fake-dom';
import { describe, expect, it } from 'vitest';
import type { FakeElement } from '../fake-dom';
import { prefs } from '../../../src/store/session';
import { hashNotice } from '../../../src/ui/class/room-report';
import type { Result } from '../../../src/ui/class/api';

const result: Result = { teamId: 1, season: 2, played: 'submitted', note: null, hash: 'aaaabbbbccccdddd', score: null, final: null, engineVersion: '6' };
const el = (x: HTMLElement) => x as unknown as FakeElement;

describe('the hash check notice', () => {
  it('confirms quietly when the hashes agree', () => {
    prefs.setState({ lang: 'en' });
    const n = el(hashNotice({ season: 2, server: result.hash, local: result.hash, state: 'same', reports: [] }, result));
    expect(n.getAttribute('data-state')).toBe('same');
    expect(n.getAttribute('role')).toBe('status');
    expect(n.textContent).toContain('aaaabbbbcccc');
  });

  it('alerts with both hashes when they differ, in either language', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      prefs.setState({ lang });
      const n = el(hashNotice({ season: 2, server: result.hash, local: '0123456789abcdef', state: 'differs', reports: [] }, result));
      expect(n.getAttribute('role')).toBe('alert');
      expect(n.textContent).toContain('aaaabbbbcccc');
      expect(n.textContent).toContain('0123456789ab');
      expect(n.textContent).toMatch(lang === 'en' ? /different/ : /不同/);
    }
  });

  it('says it is still checking until the check of this season is in', () => {
    prefs.setState({ lang: 'en' });
    expect(el(hashNotice(null, result)).getAttribute('data-state')).toBe('checking');
    expect(el(hashNotice({ season: 1, server: 'x', local: 'x', state: 'same', reports: [] }, result)).getAttribute('data-state')).toBe('checking');
  });
});
