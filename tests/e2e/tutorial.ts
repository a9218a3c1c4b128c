import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launch, noOverflow } from './browser';
import { openAreas } from '../../src/scenario/areas';
import { loadScenario } from '../../src/scenario/scenario';

// A new student's first game at 1366×768, in each language: the title screen offers the tutorial first; each
// season's plan opens with the brief (situation and goal) and names what opens next; season 1 asks at most 12
// inputs; every lever shows its unit and its cost where it is set; four seasons are played to the debrief. Every
// screen is saved to a temporary folder (printed), to be looked at.

function check(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`tutorial: ${msg}`);
}

function tutorialScenario() {
  const loaded = loadScenario(readFileSync('scenarios/tutorial.yaml', 'utf8'), 'tutorial.yaml');
  if (!loaded.ok) throw new Error('the tutorial does not load');
  return loaded.value.scenario;
}

/** Every tab of the plan, and the inputs each one shows. */
async function inputsByTab(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const tabs = page.locator('[role="tab"]');
  for (let k = 0; k < (await tabs.count()); k++) {
    const tab = tabs.nth(k);
    await tab.click();
    out[(await tab.getAttribute('data-testid')) ?? String(k)] = await page.locator('#tabpanel').locator('input, select').count();
  }
  return out;
}

/** Scrolls the panel (it scrolls on its own beside the store) so that the element is at its top. */
async function toTop(page: Page, target: string): Promise<void> {
  const el = target === 'h2' ? page.locator('h2').first() : page.getByTestId(target);
  await el.evaluate((e) => e.scrollIntoView({ block: 'start' }));
}

async function playSeason(page: Page): Promise<void> {
  check(!(await page.getByTestId('play-season').isDisabled()), `the plan can be played: ${await page.getByTestId('plan-issues').innerText()}`);
  await page.getByTestId('play-season').click();
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('to-report').click();
  await page.getByTestId('season-report').waitFor();
}

export async function tutorialE2E(url: string, lang: 'zh-CN' | 'en', dir = mkdtempSync(join(tmpdir(), 'cs-tutorial-'))): Promise<void> {
  const zh = lang === 'zh-CN';
  const tag = zh ? 'zh' : 'en';
  const sc = tutorialScenario();
  const text = (b: { zh: string; en: string }) => (zh ? b.zh : b.en);
  const { context, page, errors } = await launch(lang);
  const shot = async (name: string) => {
    await page.screenshot({ path: join(dir, `${tag}-${name}.png`), fullPage: false });
    await page.screenshot({ path: join(dir, `${tag}-${name}-full.png`), fullPage: true });
  };
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(url);
    await page.getByTestId('start').waitFor();

    // The title offers the tutorial first, marked for a new student, and Start stays in view.
    const cards = page.locator('.scenario-card');
    check((await cards.first().getAttribute('for')) === 'sc-tutorial', 'the tutorial is the first scenario offered');
    check((await page.getByTestId('tutorial-badge').innerText()).includes(zh ? '第一次玩' : 'New to the game'), 'the tutorial is marked for a new student');
    const start = (await page.getByTestId('start').boundingBox())!;
    check(start.y + start.height <= 768, `Start is in view at 1366×768 (its bottom at ${Math.round(start.y + start.height)})`);
    await noOverflow(page, 'title');
    await shot('01-title');
    await page.getByTestId('sc-tutorial').focus();
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid="sc-tutorial"]:checked');
    check((await page.locator('.title-start h3').innerText()) === text(sc.title), 'choosing the tutorial shows its story');
    await page.getByTestId('start').click();
    await page.getByTestId('play-season').waitFor();

    for (let n = 1; n <= sc.seasons; n++) {
      // The brief: the season's situation and goal, above the plan, and what opens next season.
      const brief = page.getByTestId('brief');
      await brief.waitFor();
      const b = sc.briefs![n - 1];
      check((await brief.getByTestId('brief-situation').innerText()) === text(b.situation), `season ${n}: the brief's situation`);
      check((await brief.getByTestId('brief-goal').innerText()) === text(b.goal), `season ${n}: the brief's goal`);
      const briefBox = (await brief.boundingBox())!;
      const tabsBox = (await page.locator('[role="tablist"]').boundingBox())!;
      check(briefBox.y < tabsBox.y, `season ${n}: the brief is above the plan form`);
      if (n < sc.seasons) check((await brief.getByTestId('brief-next').count()) === 1, `season ${n}: the brief names what opens next season`);
      else check((await brief.getByTestId('brief-next').count()) === 0, 'the last season announces nothing more');

      // Only the open areas are on the form.
      const inputs = await inputsByTab(page);
      const total = Object.values(inputs).reduce((a, x) => a + x, 0);
      const open = openAreas(sc, n);
      console.log(`e2e tutorial ${lang}: season ${n} opens ${open.join(', ')}; inputs by tab ${JSON.stringify(inputs)}`);
      if (n === 1) {
        check(total <= 12, `season 1 asks at most 12 inputs (found ${total}: ${JSON.stringify(inputs)})`);
        check(Object.keys(inputs).length === 2, `season 1 shows two tabs: ${Object.keys(inputs).join(', ')}`);
        // The unit and the cost where each lever is set.
        await page.getByTestId('tab-acquisition').click();
        const budgetRow = page.locator('.lever').filter({ has: page.locator('#lever-acquisition-budget') });
        check((await budgetRow.locator('.unit').innerText()) === '¥', 'the acquisition budget shows ¥ beside it');
        const budgetCost = await page.getByTestId('cost-acquisition.budget').innerText();
        check(budgetCost.includes(`¥${sc.costs.acquisition.social}`), `the budget says what one new customer costs: ${budgetCost}`);
        await page.locator('#lever-acquisition-budget').fill('2500');
        await page.locator('#lever-acquisition-budget').press('Tab');
        await page.locator('#lever-acquisition-target').selectOption('students');
        await page.locator('#lever-acquisition-screening').check();
        check((await page.locator('.lever').filter({ has: page.locator('#lever-acquisition-claim') }).locator('.unit').innerText()) === '%', 'advertising claims in %');
        await shot('02-plan-season1-acquisition');
        await noOverflow(page, 'plan');
        await page.getByTestId('tab-information').click();
        const weekly = await page.getByTestId('cost-information.birthdayRegistration').innerText();
        const perSeason = (sc.costs.infoActivityWeek * sc.weeksPerSeason).toLocaleString('en');
        check(weekly.includes(`¥${sc.costs.infoActivityWeek}`) && weekly.includes(`¥${perSeason}`), `an information activity states its weekly and season cost: ${weekly}`);
        await page.locator('#lever-information-birthdayRegistration').check();
        await page.locator('.budget').filter({ hasText: `¥${(2500 + sc.costs.infoActivityWeek * sc.weeksPerSeason).toLocaleString('en')}` }).waitFor();
        await shot('03-plan-season1-information');
      }
      if (n === 2) {
        check((await page.getByTestId('brief-new').innerText()).includes(zh ? '会员分级' : 'Membership tiers'), 'season 2 names its new areas');
        await page.getByTestId('tab-tiers').click();
        await page.getByTestId('add-level').click();
        const discount = page.locator('#tier-0-discount');
        await discount.waitFor();
        check((await page.locator('.tier-field').filter({ has: discount }).locator('.unit').innerText()) === '%', 'the member discount is set in %');
        const tierText = await page.locator('.tier-row').first().innerText();
        check(tierText.includes(zh ? '会员消费减价 3%' : '3% off members'), `the member discount states what it gives away: ${tierText}`);
        await shot('04-plan-season2-tiers');
        await noOverflow(page, 'plan tiers');
        await page.getByTestId('tab-care').click();
        await page.locator('#lever-care-contactsPerMonth').fill('1');
        await page.locator('#lever-care-contactsPerMonth').press('Tab');
        const contact = await page.getByTestId('cost-care.contactsPerMonth').innerText();
        check(contact.includes(`¥${sc.costs.contact.app}`), `a contact states its price: ${contact}`);
        await shot('05-plan-season2-care');
      }
      if (n === 3) {
        await page.getByTestId('tab-staff').click();
        const staff = await page.getByTestId('cost-staff.extraStaff').innerText();
        const per = (sc.costs.staffWeek * sc.weeksPerSeason).toLocaleString('en');
        check(staff.includes(`¥${per}`), `one more staff member states what it adds to the plan (¥${per}): ${staff}`);
        await page.getByTestId('tab-complaints').click();
        await page.locator('#lever-complaints-responseDays').fill('3');
        await page.locator('#lever-complaints-responseDays').press('Tab');
        check((await page.locator('.lever').filter({ has: page.locator('#lever-complaints-responseDays') }).locator('.unit').innerText()) === (zh ? '天' : 'days'), 'the response target is in days');
        await shot('06-plan-season3-complaints');
        await page.getByTestId('tab-information').click();
        await page.locator('#lever-survey-sample').fill('60');
        await page.locator('#lever-survey-sample').press('Tab');
      }
      if (n === 4) {
        await page.getByTestId('tab-retention').click();
        await page.locator('#lever-retention-atRiskOffer').fill('5');
        await page.locator('#lever-retention-atRiskOffer').press('Tab');
        const coupon = await page.getByTestId('cost-retention.atRiskOffer').innerText();
        check(coupon.includes('¥5'), `the coupon states its value per coupon: ${coupon}`);
        await shot('07-plan-season4-retention');
      }
      await page.locator('[role="tab"]').first().click();
      await toTop(page, 'h2');
      await shot(`10-season${n}-plan`);
      await playSeason(page);
      await toTop(page, 'season-report');
      await shot(`11-season${n}-report`);
      await page.getByTestId('report-continue').click();
    }
    await page.getByTestId('final-score').waitFor();
    await toTop(page, 'final-score');
    await shot('12-debrief');
    await noOverflow(page, 'debrief');
    check(errors.length === 0, `no console errors: ${errors.join(' | ')}`);
    console.log(`e2e tutorial ${lang}: title to debrief at 1366×768; screens in ${dir}`);
  } finally {
    await context.close();
  }
}

// Run alone: E2E_URL=http://127.0.0.1:PORT/ node --import tsx tests/e2e/tutorial.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const url = process.env.E2E_URL ?? 'http://127.0.0.1:4173/';
  const dir = mkdtempSync(join(tmpdir(), 'cs-tutorial-'));
  for (const lang of ['zh-CN', 'en'] as const) await tutorialE2E(url, lang, dir);
}
