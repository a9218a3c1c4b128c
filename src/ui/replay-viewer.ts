import type Phaser from 'phaser';
import { shownWeek } from '../game/visitors';
import type { CustomerProfile } from '../sim';
import { pointFeed, type PointFeed } from '../store/world-feed';
import { MOOD_FACE, moodName, STAGE_ORDER, STAGE_STYLE, stageName } from './badges';
import { setCompareFile } from './compare-store';
import { openModal } from './dialog';
import { h } from './dom';
import { num, pick, say, t, weekName } from './i18n';
import { goTo, stopAll, watch, watchLang, type Page } from './page';
import { profileCard } from './profile';
import { chooseRunToStudy, locate, replaySession, replayStore, showPoint, startOf, type Study } from './replay-store';
import { reportView, scoreText } from './report';
import { scoreMovesCard } from './score-moves-card';
import { decisionsCard } from './replay-decisions';

// The replay viewer (#/replay): open any run file, check it by re-simulation, then step or scrub through its
// seasons and weeks. At each point: the decisions in force, the week's figures, the season's report and
// customer files as they were. The run and the point are kept in the viewer's store (replay-store.ts); moving
// the point redraws only what shows the point. The viewer's own store view (a Phaser game) lives while the page
// is mounted; unmounting stops it and drops customer files still on their way.

export const replayPage: Page = {
  mount(root) {
    const view = replayView(root);
    const stops = [
      watch(replayStore, (s) => [s.study, s.problem, s.busy], view.draw),
      watch(replayStore, (s) => s.point, view.show),
      watchLang(view.draw),
    ];
    view.draw();
    return () => {
      stopAll(stops)();
      view.stop();
    };
  },
};

/** The point whose week the store view shows, for a click on one of its figures. */
interface Seen {
  st: Study;
  s: number;
  gameWeek: number;
}

function replayView(root: HTMLElement) {
  let mounted = true;
  /** Increases with every point shown, so customer files that arrive late for an older point are dropped. */
  let shown = 0;
  let fetchTimer: ReturnType<typeof setTimeout> | undefined;
  let seen: Seen | null = null;
  /** One element and one Phaser game for the mount, moved between redraws rather than rebuilt. */
  let world: { box: HTMLElement; feed: PointFeed; game: Promise<Phaser.Game | null> } | null = null;
  /** Redraws the parts that show the point, in the study drawn last. */
  let showPointNow: () => void = () => undefined;

  const storeView = () => {
    if (world) return world;
    const box = h('div', { class: 'world replay-world', 'data-testid': 'replay-world', role: 'img', 'aria-label': t('replay.world') });
    const feed = pointFeed((id) => {
      if (seen) void openCustomer(seen, id);
    });
    // Phaser is in its own chunk; the viewer's text works before (and without) it.
    const game = import('../game/boot').then(({ startWorld }) => (mounted ? startWorld(box, feed) : null));
    world = { box, feed, game };
    return world;
  };

  async function openCustomer(at: Seen, id: number): Promise<void> {
    const found = await replaySession()
      .customersAt(at.s + 1, at.gameWeek, [id])
      .catch(() => null);
    const p = found?.[0];
    if (!p || !mounted) return;
    openModal(t('replay.fileAt', { id, when: weekName(at.gameWeek, at.st.run.scenario.data.weeksPerSeason, true) }), card(at, p));
  }

  function customersCard(box: HTMLElement, at: Seen): void {
    const mine = ++shown;
    const n = at.st.run.scenario.data.population.size;
    const lookup = h('input', { type: 'number', id: 'replay-customer', min: 0, max: n - 1, step: 1, inputmode: 'numeric', 'data-testid': 'replay-customer' });
    const openBtn = h('button', { type: 'button', 'data-testid': 'replay-customer-open' }, t('replay.lookup.open'));
    const lookupNote = h('p', { class: 'hint', role: 'status' });
    const tryOpen = () => {
      const id = Number(lookup.value);
      if (lookup.value === '' || !Number.isInteger(id) || id < 0 || id >= n) {
        lookupNote.textContent = t('replay.lookup.range', { max: n - 1 });
        return;
      }
      lookupNote.textContent = '';
      void openCustomer(at, id);
    };
    openBtn.addEventListener('click', tryOpen);
    lookup.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') tryOpen();
    });
    const cards = h('div', { class: 'grid', 'aria-busy': 'true' }, h('p', {}, t('replay.loadingFiles')));
    box.replaceChildren(
      h('h3', {}, t('replay.customers', { when: weekName(at.gameWeek, at.st.run.scenario.data.weeksPerSeason, true) })),
      h('div', { class: 'row' }, h('label', { for: 'replay-customer' }, t('replay.lookup')), lookup, openBtn),
      lookupNote,
      cards,
    );
    // Scrubbing moves through many points quickly: ask for files only once the point has stayed put a moment.
    clearTimeout(fetchTimer);
    fetchTimer = setTimeout(() => {
      void replaySession()
        .customersAt(at.s + 1, at.gameWeek, null, () => mine === shown)
        .then((list) => {
          if (!list || mine !== shown) return;
          cards.removeAttribute('aria-busy');
          cards.replaceChildren(
            ...list.map((p) => h('section', { class: 'card', 'data-testid': 'replay-profile' }, h('h4', {}, t('profile.heading', { id: p.id })), card(at, p))),
          );
        })
        .catch((err: Error) => {
          if (mine === shown) cards.replaceChildren(h('p', { role: 'alert' }, t('replay.filesFailed', { reason: err.message })));
        });
    }, 150);
  }

  function studyView(st: Study): HTMLElement {
    const { run, reports } = st;
    const sc = run.scenario.data;
    const total = startOf(reports, reports.length);
    const point = () => Math.min(replayStore.getState().point, total - 1);
    const summary = h(
      'section',
      { class: 'card', 'data-testid': 'replay-summary' },
      h('h3', {}, t('replay.summary', { team: run.team, scenario: pick(sc.title) })),
      h('p', {}, t('replay.summary.line', { seed: run.seed, played: run.seasons.length, seasons: sc.seasons })),
      h('p', {}, run.final ? t('final.score', { total: scoreText(run.final.score.total) }) : t('replay.unfinished')),
      h('p', { 'data-testid': 'replay-verified' }, `✓ ${t('replay.verified')}`),
    );
    const slider = h('input', { type: 'range', id: 'replay-point', min: 0, max: Math.max(0, total - 1), step: 1, value: point(), 'data-testid': 'replay-slider' });
    const where = h('p', { class: 'week', 'aria-live': 'polite', 'data-testid': 'replay-where' });
    const button = (label: string, testid: string, target: () => number) => {
      const b = h('button', { type: 'button', 'data-testid': testid }, label);
      b.addEventListener('click', () => showPoint(target()));
      return b;
    };
    const at = () => locate(reports, point());
    const prevSeason = button(`« ${t('replay.prevSeason')}`, 'replay-prev-season', () => (at().w > 0 ? startOf(reports, at().s) : startOf(reports, Math.max(0, at().s - 1))));
    const prevWeek = button(`‹ ${t('replay.prevWeek')}`, 'replay-prev-week', () => point() - 1);
    const nextWeek = button(`${t('replay.nextWeek')} ›`, 'replay-next-week', () => point() + 1);
    const nextSeason = button(`${t('replay.nextSeason')} »`, 'replay-next-season', () => startOf(reports, Math.min(reports.length - 1, at().s + 1)));
    const decisions = h('div', {});
    const week = h('div', {});
    const customers = h('section', { class: 'card', 'data-testid': 'replay-customers' });
    const report = h('div', {});
    const store = storeView();
    store.box.setAttribute('aria-label', t('replay.world'));
    let season = -1;

    slider.addEventListener('input', () => showPoint(Number(slider.value)));
    // Page Up / Page Down move by a season; arrows, Home and End work as on any slider.
    slider.addEventListener('keydown', (e) => {
      if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
      e.preventDefault();
      (e.key === 'PageUp' ? prevSeason : nextSeason).click();
    });

    showPointNow = () => {
      const p = point();
      const { s, w, week: gameWeek } = at();
      const r = reports[s];
      const label = t('replay.where', { season: s + 1, seasons: reports.length, week: w + 1, weeks: r.weeks });
      slider.value = String(p);
      slider.setAttribute('aria-valuetext', label);
      where.textContent = label;
      prevSeason.disabled = prevWeek.disabled = p === 0;
      nextWeek.disabled = p === total - 1;
      nextSeason.disabled = s === reports.length - 1;
      if (s !== season) {
        season = s;
        decisions.replaceChildren(decisionsCard(run.seasons[s].decisions, s > 0 ? run.seasons[s - 1].decisions : null, sc, s + 1));
        // A finished game's replay is after the game: every figure shows. An unfinished run keeps the truth hidden.
        // The replay has its own engine, not the game's host: no doing-nothing line here.
        const why = scoreMovesCard(r, reports, { decisions: run.seasons.map((x) => x.decisions), baseline: null }, sc, Boolean(run.final));
        report.replaceChildren(h('h3', {}, t('report.heading', { n: s + 1 })), reportView(r, reports.slice(0, s + 1), Boolean(run.final), sc, why));
      }
      week.replaceChildren(weekCard(st, s, w, (id) => void openCustomer({ st, s, gameWeek }, id)));
      seen = { st, s, gameWeek };
      customersCard(customers, seen);
      store.feed.show({ reports: reports.slice(0, s + 1), playWeek: w, scenario: sc, extraStaff: run.seasons[s].decisions.staff.extraStaff });
    };
    const box = h(
      'div',
      { 'data-testid': 'replay-view' },
      summary,
      h(
        'section',
        { class: 'card replay-controls', 'aria-label': t('replay.controls') },
        h('label', { for: 'replay-point' }, t('replay.slider')),
        slider,
        h('div', { class: 'row' }, prevSeason, prevWeek, nextWeek, nextSeason),
        where,
        h('p', { class: 'hint' }, t('replay.keys')),
      ),
      store.box,
      h('div', { class: 'grid' }, decisions, week),
      customers,
      report,
    );
    showPointNow();
    return box;
  }

  const draw = () => {
    const { study, problem, busy } = replayStore.getState();
    const open = h('button', { type: 'button', class: study ? '' : 'primary', 'data-testid': 'replay-open', onclick: () => void chooseRunToStudy() }, t('replay.open'));
    const top = h('div', { class: 'row' }, open);
    if (study) {
      const file = study.file;
      top.append(
        h('button', {
          type: 'button',
          'data-testid': 'replay-compare',
          onclick: () => {
            setCompareFile('a', file);
            goTo('#/compare');
          },
        }, t('replay.compare')),
      );
    }
    showPointNow = () => undefined;
    root.replaceChildren(
      h('h2', {}, t('replay.heading')),
      h('p', {}, t('replay.intro')),
      top,
      h('p', { role: 'status', 'aria-live': 'polite', 'data-testid': 'replay-status' }, busy ? t('replay.busy') : ''),
      problem ? h('p', { class: 'notice', role: 'alert', 'data-testid': 'replay-problem' }, `⚠ ${say(problem)}`) : '',
      study ? studyView(study) : '',
    );
  };

  return {
    draw,
    show: () => showPointNow(),
    stop: () => {
      mounted = false;
      shown++;
      clearTimeout(fetchTimer);
      void world?.game.then((game) => game?.destroy(true));
    },
  };
}

function weekCard(st: Study, s: number, w: number, open: (id: number) => void): HTMLElement {
  // The week as the store view shows it: visitors who left for good that week are not listed as this week's visitors.
  const stats = shownWeek(st.reports[s].weekly[w]);
  return h(
    'section',
    { class: 'card', 'data-testid': 'replay-week' },
    h('h3', {}, t('replay.week', { season: s + 1, week: w + 1 })),
    h('p', { class: 'reading' }, t('play.visits', { visits: stats.visits, acquired: stats.acquired, churned: stats.churned, complaints: stats.complaints })),
    h('h4', {}, t('replay.week.stages')),
    h(
      'ul',
      { class: 'stage-counts' },
      ...STAGE_ORDER.map((id, k) => h('li', {}, h('span', { class: 'badge', style: `color:${STAGE_STYLE[id].color}`, 'aria-hidden': 'true' }, STAGE_STYLE[id].shape), ` ${stageName(id)}: `, h('strong', {}, num(stats.byStage[k] ?? 0)))),
    ),
    h('h4', {}, t('replay.week.visitors')),
    stats.visitors.length === 0
      ? h('p', {}, t('replay.week.noVisitors'))
      : h(
          'ul',
          { class: 'visitors' },
          ...stats.visitors.slice(0, 12).map((v) => {
            const stage = STAGE_ORDER[v.stage];
            const label = t('replay.visitor', { id: v.id, stage: stageName(stage), mood: moodName(v.mood) });
            return h(
              'li',
              {},
              h(
                'button',
                { type: 'button', 'aria-label': label, title: label, 'data-testid': `replay-visitor-${v.id}`, onclick: () => open(v.id) },
                `${STAGE_STYLE[stage].shape} #${v.id} ${MOOD_FACE[v.mood]}${v.complained ? ' ❗' : ''}`,
              ),
            );
          }),
        ),
  );
}

function card(at: Seen, p: CustomerProfile): HTMLElement {
  const r = at.st.reports[at.s];
  const seasonEnd = at.gameWeek === r.firstWeek + r.weeks - 1;
  return h(
    'div',
    {},
    h('p', { class: 'hint' }, seasonEnd ? t('replay.asAtSeasonEnd', { season: at.s + 1 }) : t('replay.asAtWeek', { when: weekName(at.gameWeek, at.st.run.scenario.data.weeksPerSeason, true), season: at.s + 1 })),
    profileCard(p, Boolean(at.st.run.final), at.st.run.scenario.data),
  );
}
