import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// Launching Debian's Chromium the way these machines need it, and screenshot helpers that check what they saw.

export const SHOTS = 'test-results/screens';

export async function launch(lang: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  mkdirSync(SHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cs-e2e-')), {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    locale: lang,
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang}`,
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

/** Saves a screenshot and fails if it is blank (nearly one colour). */
export async function shot(page: Page, name: string): Promise<void> {
  const path = join(SHOTS, `${name}.png`);
  const png = await page.screenshot({ path, fullPage: true });
  const distinct = await page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bmp = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d') as OffscreenCanvasRenderingContext2D;
    g.drawImage(bmp, 0, 0);
    const data = g.getImageData(0, 0, bmp.width, bmp.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return colours.size;
  }, png.toString('base64'));
  if (distinct < 8) throw new Error(`screenshot ${name} looks blank (${distinct} colours)`);
}

/** Fails if any visible text element overflows its box horizontally. */
export async function noOverflow(page: Page, where: string): Promise<void> {
  const bad = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, label, p, li, h1, h2, h3, h4, span, strong, .card'))) {
      if (!el.offsetParent || el.closest('dialog:not([open])')) continue;
      if (el.scrollWidth > el.clientWidth + 2 && getComputedStyle(el).overflowX === 'visible' && el.clientWidth > 0) {
        out.push(`${el.tagName.toLowerCase()}: "${(el.textContent ?? '').trim().slice(0, 40)}"`);
      }
    }
    return out.slice(0, 5);
  });
  if (bad.length) throw new Error(`text overflows its box on ${where}: ${bad.join('; ')}`);
}

/**
 * The longest main-thread task a responsiveness check accepts. The figures are printed (a desktop shows 0–70 ms);
 * the bound leaves room for a loaded shared CI machine, which stretches tasks three- to fourfold, and still fails a
 * page that does a season's or a file's work on its own thread, which takes seconds.
 */
export const LONGEST_TASK_MS = 250;
