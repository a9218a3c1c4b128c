import './ui/style.css';
import { resume } from './store/actions';
import { loadPrefs } from './store/autosave';
import { setHost } from './store/host-instance';
import { watchPlayback } from './store/playback';
import { prefs } from './store/session';
import { createWorkerHost } from './workers/worker-host';
import { sessionFeed } from './store/world-feed';
import { mountApp } from './ui/app';
import { browserLang } from './ui/i18n';

// Boot: preferences, the simulation worker, the panels, the world view (loaded on its own chunk), and the
// autosaved game if there is one (mid-playback: at the week being watched).

const saved = loadPrefs();
prefs.setState({
  lang: saved.lang === 'en' || saved.lang === 'zh-CN' ? saved.lang : browserLang(),
  speed: typeof saved.speed === 'number' && saved.speed > 0 ? saved.speed : 1,
});
setHost(createWorkerHost());
const layout = mountApp(document.getElementById('app') as HTMLElement);
watchPlayback();
void import('./game/boot').then(({ startWorld }) => startWorld(layout.world, sessionFeed));
void resume();
