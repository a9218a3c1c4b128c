// The class server's errors in the page's language: a body's code and params read as `classError.<code>` (the
// season's state, a plan's problem and a scenario file's problem in the page's own words), an unknown code shows
// the server's English line, and every code of the server has its words in both locale files.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERROR_CODES, errorText, placeholders, type ErrorCode } from '../../../src/server/error-codes';
import { badRequest, conflict, tooManyRequests } from '../../../src/server/errors';
import { prefs } from '../../../src/store/session';
import { api, ApiError } from '../../../src/ui/class/api';
import { serverErrorText, type ServerErrorBody } from '../../../src/ui/class/server-error';
import { loadLang } from '../../../src/ui/i18n';
import { en } from '../../../src/ui/locales/en';
import { zhCN } from '../../../src/ui/locales/zh-CN';

const codes = Object.keys(ERROR_CODES) as ErrorCode[];
const say = (lang: 'zh-CN' | 'en', body: ServerErrorBody) => {
  prefs.setState({ lang });
  return serverErrorText(body, 'fallback');
};

beforeAll(async () => {
  await loadLang('en');
});

afterEach(() => {
  vi.unstubAllGlobals();
  prefs.setState({ lang: 'zh-CN' });
});

describe('the server’s error codes in the locale files', () => {
  it('has every code in both languages, with the places the server fills', () => {
    for (const code of codes) {
      const key = `classError.${code}` as keyof typeof zhCN;
      expect(zhCN[key], code).toBeTypeOf('string');
      expect(en[key], code).toBeTypeOf('string');
      // A page's words use only the params the server sends (the template's places, plus a few known extras).
      const sent = new Set([...placeholders(ERROR_CODES[code])]);
      for (const text of [zhCN[key], en[key]]) for (const p of placeholders(text)) expect(sent.has(p), `${code}: {${p}}`).toBe(true);
    }
    const keys = Object.keys(zhCN).filter((k) => k.startsWith('classError.'));
    expect(keys.sort()).toEqual(codes.map((c) => `classError.${c}`).sort());
  });

  it('reads every code with every place filled, in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const code of codes) {
        const params = Object.fromEntries(placeholders(ERROR_CODES[code]).map((p) => [p, p === 'status' ? 'open' : 7]));
        const text = say(lang, { error: errorText(code, params), code, params });
        expect(text, `${lang} ${code}`).not.toMatch(/\{\w+\}|classError/);
      }
    }
  });
});

describe('a server error on the page', () => {
  it('reads in Chinese and in English, with the season’s state in words', () => {
    const body = conflict('season-status-not-open', { season: 2, status: 'paused' }).body();
    expect(say('zh-CN', body)).toBe('第 2 季不在进行中（当前：已暂停）');
    expect(say('en', body)).toBe('Season 2 is not open (now: Paused)');
    expect(say('zh-CN', conflict('season-not-open', { season: 3 }).body())).toBe('第 3 季尚未开放');
    expect(say('zh-CN', conflict('team-name-taken', { name: 'Red' }).body())).toBe('已经有名为 Red 的团队了');
    expect(say('zh-CN', tooManyRequests('too-many-requests', { seconds: 42 }).body())).toBe('请求太频繁，请 42 秒后再试');
    expect(say('en', tooManyRequests('too-many-joins', { seconds: 5 }).body())).toBe('Too many students joining from this address: try again in 5 s');
  });

  it('says a plan’s problem with the game’s own words for it', () => {
    const body = badRequest('plan-unplayable', { detail: 'acquisition.budget: planned spending 9000 exceeds the season budget 5000', issue: 'over-budget', planned: 9000, budget: 5000 }).body();
    expect(say('zh-CN', body)).toBe('这份计划还不能执行：计划支出 ¥9,000 超过本季预算 ¥5,000');
    expect(say('en', body)).toMatch(/^The plan cannot be played yet: /);
    expect(say('en', body)).toContain('9,000');
  });

  it('says a scenario file’s problem through the scenario messages’ Chinese', () => {
    const body = badRequest('invalid-scenario', { detail: 'upload.yaml:3:10 seasons: expected number, found "many"', file: 'upload.yaml', line: 3, column: 10, path: 'seasons', message: 'expected number, found "many"' }).body();
    expect(say('zh-CN', body)).toBe('情景文件有误：upload.yaml:3:10 seasons: 应为数字，实际为 "many"');
    expect(say('en', body)).toBe('The scenario file has a problem: upload.yaml:3:10 seasons: expected number, found "many"');
  });

  it('passes a zod line through as the detail', () => {
    const body = { error: 'name: expected 1–40 characters', code: 'invalid-input', params: { detail: 'name: expected 1–40 characters' } };
    expect(say('zh-CN', body)).toBe('输入有误：name: expected 1–40 characters');
  });

  it('shows the English line for a code it does not know, or without a code (an older server)', () => {
    expect(say('zh-CN', { error: 'something new', code: 'brand-new-code', params: {} })).toBe('something new');
    expect(say('zh-CN', { error: 'a team named Red exists already' })).toBe('a team named Red exists already');
    expect(say('zh-CN', { error: 'season 2 is not open', code: 'season-not-open', params: {} })).toBe('season 2 is not open');
    expect(say('zh-CN', { type: 'error', message: 'only a team member can change a draft', code: 'members-only', params: {} })).toBe('只有团队成员才能修改计划');
    expect(say('zh-CN', {})).toBe('fallback');
  });

  it('is what api() rejects with', async () => {
    const body = conflict('plan-already-submitted').body();
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status: 409, headers: { 'content-type': 'application/json' } }));
    prefs.setState({ lang: 'zh-CN' });
    const err = await api('POST', '/api/team/submit', { body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe('计划已经提交过了');
    expect((err as ApiError).status).toBe(409);
    expect((err as ApiError).code).toBe('plan-already-submitted');
    prefs.setState({ lang: 'en' });
    const again = (await api('POST', '/api/team/submit', { body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(again.message).toBe('The plan is submitted already');
    vi.stubGlobal('fetch', async () => new Response('', { status: 502 }));
    expect(((await api('GET', '/api/x').catch((e: unknown) => e)) as ApiError).message).toBe('HTTP 502');
  });
});
