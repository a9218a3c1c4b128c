import { prefs } from '../store/session';
import { en } from './locales/en';
import { zhCN, type MessageKey } from './locales/zh-CN';

// Locale lookup and number formatting. Scenario texts come bilingual from the file; everything else from here.

export type Lang = 'zh-CN' | 'en';
export const LOCALES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const lang = prefs.getState().lang;
  const text = LOCALES[lang][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? fmtParam(params[k]) : m));
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

export function num(v: number, digits = 0): string {
  const lang = prefs.getState().lang;
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);
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
