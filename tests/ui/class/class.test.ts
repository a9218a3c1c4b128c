// The class pages' pure parts: which page a location opens (class pages by path, the self-study pages by hash),
// the shared draft's field changes and how they are laid over a teammate's newer draft, and the clock's words.
import { describe, expect, it } from 'vitest';
import { Decisions } from '../../../src/scenario/decisions';
import { applyDecisionChanges, diffDecisions } from '../../../src/ui/class/room-sync';
import { clockText, endsAt, seasonShown } from '../../../src/ui/class/season-words';
import { isClassRoute, routeAt } from '../../../src/ui/routes';

describe('routes', () => {
  it('opens the class pages by path and keeps the hashes of the self-study app', () => {
    expect(routeAt('/teacher', '#token=abc').id).toBe('class-teacher');
    expect(routeAt('/join', '').id).toBe('class-join');
    expect(routeAt('/room/AB23CD', '').id).toBe('class-room');
    expect(routeAt('/room/AB23CD/screen', '').id).toBe('class-screen');
    expect(routeAt('/room/AB23CD/screen/', '').id).toBe('class-screen');
    expect(routeAt('/', '#/teacher').id).toBe('teacher');
    expect(routeAt('/', '#/lab').id).toBe('lab');
    expect(routeAt('/index.html', '').id).toBe('game');
    // A class page's own fragment never switches to a self-study page, and no hash opens a class page.
    expect(routeAt('/teacher', '#/lab').id).toBe('class-teacher');
    expect(routeAt('/', '/teacher').id).toBe('game');
    expect(isClassRoute(routeAt('/join', ''))).toBe(true);
    expect(isClassRoute(routeAt('/', ''))).toBe(false);
  });
});

describe('the shared draft', () => {
  const base = Decisions.parse({});

  it('sends the changed fields by path, a list whole', () => {
    const now = structuredClone(base);
    now.acquisition.budget = 4000;
    now.tiers.levels.push({ threshold: 200, discount: 0.03, service: 0.6, birthdayGift: false, giftPack: 0, priority: false, manager: false });
    const changes = diffDecisions(base, now);
    expect(changes.map((c) => c.path)).toEqual(['acquisition.budget', 'tiers.levels']);
    expect(changes[1].value).toEqual(now.tiers.levels);
    expect(diffDecisions(base, structuredClone(base))).toEqual([]);
  });

  it('lays unconfirmed edits over a teammate’s newer draft: each keeps their own field', () => {
    const mine = structuredClone(base);
    mine.acquisition.budget = 4000;
    const theirs = structuredClone(base);
    theirs.complaints.responseDays = 3;
    const merged = applyDecisionChanges(theirs, diffDecisions(base, mine))!;
    expect(merged.acquisition.budget).toBe(4000);
    expect(merged.complaints.responseDays).toBe(3);
  });

  it('refuses changes that make an invalid plan or walk a prototype', () => {
    expect(applyDecisionChanges(base, [{ path: 'acquisition.budget', value: 'lots' }])).toBeNull();
    expect(applyDecisionChanges(base, [{ path: '__proto__.x', value: 1 }])).toBeNull();
    expect(applyDecisionChanges(base, [{ path: '', value: {} }])).toEqual(base);
  });
});

describe('the clock', () => {
  it('says minutes and seconds, hours past an hour, never below zero', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(61_000)).toBe('1:01');
    expect(clockText(59_001)).toBe('1:00');
    expect(clockText(3_723_000)).toBe('1:02:03');
    expect(clockText(-5000)).toBe('0:00');
  });

  it('counts from when the server said how much was left, and names the latest closed season when none is open', () => {
    const open = { season: 1, status: 'open' as const, mode: 'deadline' as const, deadline: '2030-01-01T00:00:00Z', remainingMs: 5000, closedAt: null };
    expect(endsAt(open, 1000)).toBe(6000);
    expect(endsAt({ ...open, status: 'paused' }, 1000)).toBeNull();
    const closed = (n: number) => ({ ...open, season: n, status: 'closed' as const, remainingMs: null });
    expect(seasonShown(null, [closed(1), closed(2)])?.season).toBe(2);
    expect(seasonShown(open, [closed(0)])).toBe(open);
    expect(seasonShown(null, [])).toBeNull();
  });
});
