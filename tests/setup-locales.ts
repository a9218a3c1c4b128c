// Tests read the page's words in both languages: the English dictionary, which the page loads on its own chunk
// when it first shows English (src/ui/i18n.ts), is loaded before any test runs.
import { loadLang } from '../src/ui/i18n';

await loadLang('en');
