import './ui/style.css';
import { resume } from './store/actions';
import { loadPrefs } from './store/autosave';
import { setHost } from './store/host-instance';
import { watchPlayback } from './store/playback';
import { prefs } from './store/session';
import { createWorkerHost } from './workers/worker-host';
import { sessionFeed } from './store/world-feed';
import { mountApp } from './ui/app';
import { browserLang, loadLang } from './ui/i18n';
import { isClassRoute, routeAt } from './ui/routes';

// Boot: preferences, the simulation worker, the panels, the world view (loaded on its own chunk), and the
// autosaved game if there is one (mid-playback: at the week being watched).

const saved = loadPrefs();
const lang = saved.lang === 'en' || saved.lang === 'zh-CN' ? saved.lang : browserLang();
// The page's words come before the page: the dictionary of its language is loaded first.
await loadLang(lang);
prefs.setState({ lang, speed: typeof saved.speed === 'number' && saved.speed > 0 ? saved.speed : 1 });
setHost(createWorkerHost());
const layout = mountApp(document.getElementById('app') as HTMLElement);
// A class page (served by the class server at its own path) keeps its own game: the self-study autosave is not
// resumed over it, and it shows no store world.
if (!isClassRoute(routeAt(location.pathname, location.hash))) {
  watchPlayback();
  void import('./game/boot').then(({ startWorld }) => startWorld(layout.world, sessionFeed));
  void resume();
}
