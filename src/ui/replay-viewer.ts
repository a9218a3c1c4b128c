import type { CustomerProfile, SeasonReport } from '../sim';
import type { RunFile } from '../run/runfile';
import { parseRunOffThread } from '../workers/parse-host';
import { createReplaySession, type ReplaySession } from '../store/replay-session';
import { createWorkerHost } from '../workers/worker-host';
import { pointFeed, type PointFeed } from '../store/world-feed';
import { MOOD_FACE, STAGE_ORDER, STAGE_STYLE } from './badges';
import { setCompareFile } from './compare-view';
import { openModal } from './dialog';
import { h, pickFile } from './dom';
import { describe, verdictReason } from './files';
import { num, pick, t, type MessageKey } from './i18n';
import { profileCard } from './profile';
import { reportView, scoreText } from './report';
import { decisionsCard } from './replay-decisions';

// The replay viewer (#/replay): open any run file, check it by re-simulation, then step or scrub through its
// seasons and weeks. At each point: the decisions in force, the week's figures, the season's report and
// customer files as they were. The run is replayed on a simulation host of the viewer's own, so studying a
// run never touches the game in progress (nor its autosave).

interface Study {
  file: { name: string; text: string };
  run: RunFile;
  reports: SeasonReport[];
}

let study: Study | null = null;
/** The point shown: a week counted over the seasons played, from 0. */
let point = 0;
let problem: string | null = null;
let busy = false;
let sim: ReplaySession | null = null;
let mounted: HTMLElement | null = null;
/** Increases with every point shown, so customer files that arrive late for an older point are dropped. */
let shown = 0;
let fetchTimer: ReturnType<typeof setTimeout> | undefined;
/** The point whose week the store view shows, for a click on one of its figures. */
let seen: { st: Study; s: number; gameWeek: number } | null = null;
/** The viewer's own store view: one element and one Phaser game, moved between redraws rather than rebuilt. */
let world: { box: HTMLElement; feed: PointFeed } | null = null;

function storeView(): { box: HTMLElement; feed: PointFeed } {
  if (world) return world;
  const box = h('div', { class: 'world replay-world', 'data-testid': 'replay-world', role: 'img', 'aria-label': t('replay.world') });
  const feed = pointFeed((id) => {
    if (seen) void openCustomer(seen.st, seen.s, seen.gameWeek, id);
  });
  world = { box, feed };
  // Phaser is in its own chunk; the viewer's text works before (and without) it.
  void import('../game/boot').then(({ startWorld }) => startWorld(box, feed));
  return world;
}

const session = (): ReplaySession => (sim ??= createReplaySession(createWorkerHost()));
const onPage = () => typeof location !== 'undefined' && location.hash.startsWith('#/replay');

/** Opens a run file in the viewer (from the title screen, the debrief or the viewer itself) and shows the viewer. */
export async function studyRun(name: string, text: string): Promise<void> {
  busy = true;
  problem = null;
  study = null;
  if (!onPage()) location.hash = '#/replay';
  else if (mounted) renderReplay(mounted);
  // Read in a worker: a large or hostile file never holds up the page.
  let loaded: Awaited<ReturnType<typeof parseRunOffThread>>;
  try {
    loaded = await parseRunOffThread(name, text);
  } catch (err) {
    loaded = { ok: false, issues: [{ file: name, path: '', message: (err as Error).message }] };
  }
  const parsed = loaded.ok ? { ok: true as const, run: loaded.value } : null;
  if (!parsed) {
    problem = t('notice.importFailed', { reason: describe(loaded.ok ? [] : loaded.issues, 1) });
  } else {
    try {
      const opened = await session().open(parsed.run);
      if (opened.ok && opened.reports.length === 0) problem = t('replay.empty');
      else if (opened.ok) {
        study = { file: { name, text }, run: parsed.run, reports: opened.reports };
        point = 0;
      } else problem = t('replay.tampered', { reason: verdictReason(opened.verdict) });
    } catch (err) {
      problem = t('replay.failed', { reason: (err as Error).message });
    }
  }
  busy = false;
  if (mounted && onPage()) renderReplay(mounted);
}

export async function chooseRunToStudy(): Promise<void> {
  const file = await pickFile('.json,application/json');
  if (file) await studyRun(file.name, file.text);
}

/** Season (0-based), week within it (0-based) and week of the game for a point. */
function locate(reports: readonly SeasonReport[], p: number): { s: number; w: number; week: number } {
  let rest = p;
  for (let s = 0; s < reports.length; s++) {
    if (rest < reports[s].weeks) return { s, w: rest, week: reports[s].firstWeek + rest };
    rest -= reports[s].weeks;
  }
  const s = reports.length - 1;
  return { s, w: reports[s].weeks - 1, week: reports[s].firstWeek + reports[s].weeks - 1 };
}

const startOf = (reports: readonly SeasonReport[], s: number) => reports.slice(0, s).reduce((a, r) => a + r.weeks, 0);

export function renderReplay(root: HTMLElement): void {
  mounted = root;
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
          location.hash = '#/compare';
        },
      }, t('replay.compare')),
    );
  }
  root.replaceChildren(
    h('h2', {}, t('replay.heading')),
    h('p', {}, t('replay.intro')),
    top,
    h('p', { role: 'status', 'aria-live': 'polite', 'data-testid': 'replay-status' }, busy ? t('replay.busy') : ''),
    problem ? h('p', { class: 'notice', role: 'alert', 'data-testid': 'replay-problem' }, `⚠ ${problem}`) : '',
    study ? studyView(study) : '',
  );
}

function studyView(st: Study): HTMLElement {
  const { run, reports } = st;
  const sc = run.scenario.data;
  const total = startOf(reports, reports.length);
  point = Math.min(point, total - 1);
  const summary = h(
    'section',
    { class: 'card', 'data-testid': 'replay-summary' },
    h('h3', {}, t('replay.summary', { team: run.team, scenario: pick(sc.title) })),
    h('p', {}, t('replay.summary.line', { seed: run.seed, played: run.seasons.length, seasons: sc.seasons })),
    h('p', {}, run.final ? t('final.score', { total: scoreText(run.final.score.total) }) : t('replay.unfinished')),
    h('p', { 'data-testid': 'replay-verified' }, `✓ ${t('replay.verified')}`),
  );
  const slider = h('input', { type: 'range', id: 'replay-point', min: 0, max: Math.max(0, total - 1), step: 1, value: point, 'data-testid': 'replay-slider' });
  const where = h('p', { class: 'week', 'aria-live': 'polite', 'data-testid': 'replay-where' });
  const button = (label: string, testid: string, target: () => number) => {
    const b = h('button', { type: 'button', 'data-testid': testid }, label);
    b.addEventListener('click', () => go(target()));
    return b;
  };
  const at = () => locate(reports, point);
  const prevSeason = button(`« ${t('replay.prevSeason')}`, 'replay-prev-season', () => (at().w > 0 ? startOf(reports, at().s) : startOf(reports, Math.max(0, at().s - 1))));
  const prevWeek = button(`‹ ${t('replay.prevWeek')}`, 'replay-prev-week', () => point - 1);
  const nextWeek = button(`${t('replay.nextWeek')} ›`, 'replay-next-week', () => point + 1);
  const nextSeason = button(`${t('replay.nextSeason')} »`, 'replay-next-season', () => startOf(reports, Math.min(reports.length - 1, at().s + 1)));
  const decisions = h('div', {});
  const week = h('div', {});
  const customers = h('section', { class: 'card', 'data-testid': 'replay-customers' });
  const report = h('div', {});
  const store = storeView();
  store.box.setAttribute('aria-label', t('replay.world'));
  let season = -1;

  const go = (p: number) => {
    point = Math.max(0, Math.min(total - 1, p));
    show();
  };
  slider.addEventListener('input', () => go(Number(slider.value)));
  // Page Up / Page Down move by a season; arrows, Home and End work as on any slider.
  slider.addEventListener('keydown', (e) => {
    if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
    e.preventDefault();
    (e.key === 'PageUp' ? prevSeason : nextSeason).click();
  });

  const show = () => {
    const { s, w, week: gameWeek } = at();
    const r = reports[s];
    const label = t('replay.where', { season: s + 1, seasons: reports.length, week: w + 1, weeks: r.weeks, gameWeek: gameWeek + 1 });
    slider.value = String(point);
    slider.setAttribute('aria-valuetext', label);
    where.textContent = label;
    prevSeason.disabled = prevWeek.disabled = point === 0;
    nextWeek.disabled = point === total - 1;
    nextSeason.disabled = s === reports.length - 1;
    if (s !== season) {
      season = s;
      decisions.replaceChildren(decisionsCard(run.seasons[s].decisions, s > 0 ? run.seasons[s - 1].decisions : null, sc, s + 1));
      // A finished game's replay is after the game: every figure shows. An unfinished run keeps the truth hidden.
      report.replaceChildren(h('h3', {}, t('report.heading', { n: s + 1 })), reportView(r, reports.slice(0, s + 1), Boolean(run.final), sc));
    }
    week.replaceChildren(weekCard(st, s, w));
    customersCard(customers, st, s, gameWeek);
    seen = { st, s, gameWeek };
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
  show();
  return box;
}

function weekCard(st: Study, s: number, w: number): HTMLElement {
  const stats = st.reports[s].weekly[w];
  const gameWeek = stats.week;
  return h(
    'section',
    { class: 'card', 'data-testid': 'replay-week' },
    h('h3', {}, t('replay.week', { season: s + 1, week: w + 1 })),
    h('p', { class: 'reading' }, t('play.visits', { visits: stats.visits, acquired: stats.acquired, churned: stats.churned, complaints: stats.complaints })),
    h('h4', {}, t('replay.week.stages')),
    h(
      'ul',
      { class: 'stage-counts' },
      ...STAGE_ORDER.map((id, k) => h('li', {}, h('span', { class: 'badge', style: `color:${STAGE_STYLE[id].color}`, 'aria-hidden': 'true' }, STAGE_STYLE[id].shape), ` ${t(`stage.${id}` as MessageKey)}: `, h('strong', {}, num(stats.byStage[k] ?? 0)))),
    ),
    h('h4', {}, t('replay.week.visitors')),
    stats.visitors.length === 0
      ? h('p', {}, t('replay.week.noVisitors'))
      : h(
          'ul',
          { class: 'visitors' },
          ...stats.visitors.slice(0, 12).map((v) => {
            const stage = STAGE_ORDER[v.stage];
            const label = t('replay.visitor', { id: v.id, stage: t(`stage.${stage}` as MessageKey), mood: t(`mood.${v.mood}` as MessageKey) });
            return h(
              'li',
              {},
              h(
                'button',
                { type: 'button', 'aria-label': label, title: label, 'data-testid': `replay-visitor-${v.id}`, onclick: () => void openCustomer(st, s, gameWeek, v.id) },
                `${STAGE_STYLE[stage].shape} #${v.id} ${MOOD_FACE[v.mood]}${v.complained ? ' ❗' : ''}`,
              ),
            );
          }),
        ),
  );
}

async function openCustomer(st: Study, s: number, gameWeek: number, id: number): Promise<void> {
  const found = await session()
    .customersAt(s + 1, gameWeek, [id])
    .catch(() => null);
  const p = found?.[0];
  if (!p) return;
  openModal(t('replay.fileAt', { id, week: gameWeek + 1 }), card(st, p, s, gameWeek));
}

function card(st: Study, p: CustomerProfile, s: number, gameWeek: number): HTMLElement {
  const r = st.reports[s];
  const seasonEnd = gameWeek === r.firstWeek + r.weeks - 1;
  return h(
    'div',
    {},
    h('p', { class: 'hint' }, seasonEnd ? t('replay.asAtSeasonEnd', { season: s + 1 }) : t('replay.asAtWeek', { week: gameWeek + 1, season: s + 1 })),
    profileCard(p, Boolean(st.run.final), st.run.scenario.data),
  );
}

function customersCard(box: HTMLElement, st: Study, s: number, gameWeek: number): void {
  const mine = ++shown;
  const n = st.run.scenario.data.population.size;
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
    void openCustomer(st, s, gameWeek, id);
  };
  openBtn.addEventListener('click', tryOpen);
  lookup.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') tryOpen();
  });
  const cards = h('div', { class: 'grid', 'aria-busy': 'true' }, h('p', {}, t('replay.loadingFiles')));
  box.replaceChildren(
    h('h3', {}, t('replay.customers', { week: gameWeek + 1 })),
    h('div', { class: 'row' }, h('label', { for: 'replay-customer' }, t('replay.lookup')), lookup, openBtn),
    lookupNote,
    cards,
  );
  // Scrubbing moves through many points quickly: ask for files only once the point has stayed put a moment.
  clearTimeout(fetchTimer);
  fetchTimer = setTimeout(() => {
    void session()
      .customersAt(s + 1, gameWeek, null, () => mine === shown)
      .then((list) => {
        if (!list || mine !== shown) return;
        cards.removeAttribute('aria-busy');
        cards.replaceChildren(
          ...list.map((p) => h('section', { class: 'card', 'data-testid': 'replay-profile' }, h('h4', {}, t('profile.heading', { id: p.id })), card(st, p, s, gameWeek))),
        );
      })
      .catch((err: Error) => {
        if (mine === shown) cards.replaceChildren(h('p', { role: 'alert' }, t('replay.filesFailed', { reason: err.message })));
      });
  }, 150);
}
