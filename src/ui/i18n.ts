import { prefs } from '../store/session';
import { zhCN, type MessageKey } from './locales/zh-CN';

// Locale lookup and number formatting. Scenario texts come bilingual from the file; everything else from here.

export type Lang = 'zh-CN' | 'en';

/**
 * The dictionaries loaded so far. Chinese, the first language, comes with the page; English is its own chunk,
 * loaded before the page first shows it (loadLang), so a first visit downloads only the language it shows.
 */
const dicts: Partial<Record<Lang, Record<MessageKey, string>>> = { 'zh-CN': zhCN };

export async function loadLang(lang: Lang): Promise<void> {
  if (!dicts[lang]) dicts[lang] = (await import('./locales/en')).en;
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const lang = prefs.getState().lang;
  // Until its dictionary has arrived a language reads as Chinese: loadLang comes before every change of language.
  const dict = dicts[lang];
  return dict ? format(dict[key] ?? key, lang, params) : format(zhCN[key] ?? key, 'zh-CN', params);
}

/**
 * Fills a message's {name} places. A count that changes the words is written the ICU way,
 * `{n, plural, one {# customer} other {# customers}}`: the branch is chosen by the language's plural rules
 * (Intl.PluralRules; Chinese has only "other") and # is the number. A branch may hold {name} places of its own.
 */
export function format(text: string, lang: Lang, params?: Record<string, string | number>): string {
  if (!params) return text;
  const plural = text.replace(/\{(\w+), plural,((?:\s*[=\w]+\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g, (m, k: string, branches: string) => {
    // A count may come formatted already ("1,200"): its words follow the number it shows.
    const v = params[k];
    if (v === undefined) return m;
    const n = typeof v === 'number' ? v : Number(v.replace(/[,\s]/g, ''));
    const forms = new Map<string, string>();
    for (const b of branches.matchAll(/([=\w]+)\s*\{((?:[^{}]|\{\w+\})*)\}/g)) forms.set(b[1], b[2]);
    // Not a number at all ("—"): the general form.
    const rule = Number.isFinite(n) ? new Intl.PluralRules(lang).select(n) : 'other';
    const form = forms.get(`=${n}`) ?? forms.get(rule) ?? forms.get('other') ?? m;
    return form.replace(/#/g, fmtParam(v));
  });
  return plural.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? fmtParam(params[k]) : m));
}

/**
 * A list in the player's language (Intl.ListFormat): "A, B, C" and "A、B、C" (`plain`), with "and"/"和" or
 * "or"/"或" before the last item (`and`, `or`). Never a Chinese 、 on the English page or a comma on the Chinese.
 */
export function list(items: readonly string[], kind: 'plain' | 'and' | 'or' = 'plain'): string {
  const lang = prefs.getState().lang;
  const type = kind === 'or' ? 'disjunction' : 'conjunction';
  return new Intl.ListFormat(lang, { type, style: kind === 'plain' ? 'narrow' : 'long' }).format(items);
}

/** A message kept to be said later (a page's notice, say): in the player's language at the time it is drawn. */
export interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export function say(m: Message): string {
  return t(m.key, m.params);
}

/** A message whose {reason} is a list of messages of their own (a save's problems, say), each in the player's language. */
export function tWithReasons(m: Message & { reasons?: readonly Message[] }): string {
  const reason = m.reasons?.map((r) => t(r.key, r.params)).join(prefs.getState().lang === 'zh-CN' ? '；' : '; ');
  return t(m.key, reason === undefined ? m.params : { ...m.params, reason });
}

/** Numbers in messages: whole numbers for money and counts of 100 and more, up to two decimals below. */
function fmtParam(v: string | number): string {
  return typeof v === 'number' ? num(v, Math.abs(v) >= 100 ? 0 : 2) : v;
}

/** A change with its sign: "+1.5", "−2" (a true minus), and "0" with none. */
export function signed(x: number, digits = 2): string {
  const s = num(Math.abs(x), digits);
  if (!/[1-9]/.test(s)) return s;
  return `${x > 0 ? '+' : '−'}${s}`;
}

export function num(v: number, digits = 0): string {
  const lang = prefs.getState().lang;
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);
}

/**
 * A week of the game (0-based, counted from the first season) as the player reads it everywhere: the season and
 * the week within it ("Season 2, week 3"), never the game's running week count in one place and the season's in
 * another. `inline` for the middle of a sentence. Without the season length, the running count.
 */
export function weekName(gameWeek: number, weeksPerSeason: number | undefined, inline = false): string {
  if (!weeksPerSeason || weeksPerSeason <= 0) return t(inline ? 'when.gameWeekInline' : 'when.gameWeek', { week: gameWeek + 1 });
  const season = Math.floor(gameWeek / weeksPerSeason) + 1;
  const week = (gameWeek % weeksPerSeason) + 1;
  return t(inline ? 'when.weekInline' : 'when.week', { season, week });
}

/** Picks the player's language from a bilingual scenario text. */
export function pick(text: { zh: string; en: string }): string {
  return prefs.getState().lang === 'zh-CN' ? text.zh || text.en : text.en || text.zh;
}

export function browserLang(): Lang {
  const l = typeof navigator !== 'undefined' ? navigator.language : 'zh-CN';
  return l.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export type { MessageKey };
