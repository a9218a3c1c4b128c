import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

// A live class session in real browsers against the built game (dist/) served by the class server itself, which
// this test starts on a free port with a temporary data directory: the teacher (Chinese) creates a session with
// two teams; Alice (English) and Li (Chinese) join different teams and Carol (English) joins Alice's; Alice's
// edit reaches Carol live with who made it; both teams submit; the teacher closes the season; every student gets
// the report, checked against a re-simulation in the browser; a reload restores the room; the teacher shows the
// scores and the projector (English, 1920×1080) ranks the teams. Screenshots go to a temporary directory.

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function check(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`class: ${msg}`);
}

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => res(p));
    });
  });
}

/** `npm run class` on a free loopback port and a fresh data directory; resolves with its address and teacher token. */
async function startClassServer(dataDir: string): Promise<{ child: ChildProcess; base: string; token: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/cli.ts'), '--host', '127.0.0.1', '--port', String(port), '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const t0 = Date.now();
  while (!/#token=(\S+)/.test(out)) {
    if (child.exitCode !== null) throw new Error(`class server exited: ${err}`);
    if (Date.now() - t0 > 90_000) throw new Error(`class server did not start: ${out} ${err}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base: `http://127.0.0.1:${port}`, token: /#token=(\S+)/.exec(out)![1] };
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function person(browser: Browser, lang: 'zh-CN' | 'en', width: number, height: number, errors: string[], who: string): Promise<Page> {
  const context = await browser.newContext({ locale: lang, viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${who}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${who}: ${String(e)}`));
  return page;
}

async function shot(page: Page, dir: string, name: string): Promise<void> {
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: name.includes('full') });
}

/** Joins the session on `page` from the room's link, picking the team by its name. */
async function joinRoom(page: Page, base: string, code: string, team: string, name: string): Promise<void> {
  await page.goto(`${base}/room/${code}`);
  await page.getByTestId('class-name').waitFor();
  await page.locator('fieldset.class-teams label', { hasText: team }).click();
  await page.getByTestId('class-name').fill(name);
  await page.getByTestId('class-join').click();
  await page.getByTestId('room-bar').waitFor();
  check((await page.getByTestId('room-team').innerText()) === team, `${name} is in ${team}`);
}

export async function classE2E(): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), 'cs-class-e2e-'));
  const shots = process.env.E2E_CLASS_SHOTS || mkdtempSync(join(tmpdir(), 'cs-class-shots-'));
  mkdirSync(shots, { recursive: true });
  const { child, base, token } = await startClassServer(data);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: ARGS });
  const errors: string[] = [];
  try {
    // The teacher's console in Chinese: the token leaves the address bar; a session with two teams.
    const teacher = await person(browser, 'zh-CN', 1366, 768, errors, 'teacher');
    await teacher.goto(`${base}/teacher#token=${token}`);
    await teacher.getByTestId('cs-title').waitFor();
    check(!teacher.url().includes('token'), 'the teacher token is taken out of the address bar');
    check((await teacher.locator('h2').first().innerText()).includes('教师控制台'), 'the console speaks Chinese');
    await teacher.getByTestId('cs-title').fill('E2E 课堂');
    await teacher.getByTestId('cs-seed').fill('class-e2e-seed');
    await teacher.getByTestId('cs-scenario').selectOption('bubble-tea.yaml');
    await teacher.getByTestId('cs-teams').fill('Red\nBlue');
    await teacher.getByTestId('cs-practice').check();
    await teacher.getByTestId('cs-create').click();
    const code = (await teacher.getByTestId('class-code').innerText()).trim();
    check(/^[A-Z2-9]{6}$/.test(code), `a join code is shown: ${code}`);
    const card = await teacher.getByTestId('class-join-card').innerText();
    check(card.includes('E2E 课堂') && card.includes('class-e2e-seed') && card.includes('练习季'), `the session is the one the form described: ${card}`);
    await teacher.locator('img.class-qr').evaluate((img: HTMLImageElement) => img.decode());
    await shot(teacher, shots, 'teacher-zh-created');

    // Students: Alice (English) from the join page, Li (Chinese) and Carol (English) from the room's link.
    const alice = await person(browser, 'en', 1366, 768, errors, 'alice');
    await alice.goto(`${base}/join?code=${code.toLowerCase()}`);
    check((await alice.getByTestId('class-code-input').inputValue()) === code, 'the join page prefills the code from its link');
    await alice.getByTestId('class-code-go').click();
    await alice.waitForURL(`**/room/${code}`);
    await alice.getByTestId('class-name').waitFor();
    await shot(alice, shots, 'student-en-join');
    await alice.locator('fieldset.class-teams label', { hasText: 'Red' }).click();
    await alice.getByTestId('class-name').fill('Alice');
    await alice.getByTestId('class-join').click();
    await alice.getByTestId('room-bar').waitFor();
    const li = await person(browser, 'zh-CN', 1366, 768, errors, 'li');
    await joinRoom(li, base, code, 'Blue', '李明');
    const carol = await person(browser, 'en', 1366, 768, errors, 'carol');
    await joinRoom(carol, base, code, 'Red', 'Carol');
    await alice.getByTestId('room-wait').waitFor();
    check((await alice.getByTestId('room-bar').innerText()).includes('Carol'), 'Alice sees her teammate Carol');

    const screen = await person(browser, 'en', 1920, 1080, errors, 'screen');
    await screen.goto(`${base}/room/${code}/screen`);
    await screen.getByTestId('screen-teams').waitFor();

    // A practice season first, closing as soon as every team has submitted; its report is checked here too.
    await teacher.getByTestId('cs-mode').selectOption('all-submitted');
    await teacher.getByTestId('cs-open').click();
    await teacher.locator('[data-testid="cs-season-status"][data-status="open"]').waitFor();
    for (const p of [li, carol]) {
      await p.locator('#lever-acquisition-budget').waitFor({ timeout: 60_000 });
      await p.getByTestId('room-submit').click();
    }
    for (const p of [alice, li, carol]) await p.locator('[data-testid="room-hash"][data-state="same"]').waitFor({ timeout: 90_000 });
    check((await li.getByTestId('room-report').getAttribute('data-season')) === '0', 'the practice season is reported');
    await teacher.locator('[data-testid="cs-season-status"][data-status="closed"]').waitFor();

    // Season 1 opens with a deadline; every member gets the plan form.
    await teacher.getByTestId('cs-mode').selectOption('deadline');
    await teacher.getByTestId('cs-open').click();
    await teacher.locator('[data-testid="cs-season-status"][data-status="open"]').waitFor();
    for (const p of [alice, li, carol]) await p.locator('#lever-acquisition-budget').waitFor({ timeout: 60_000 });
    await alice.getByTestId('room-season').filter({ hasText: 'Season 1 of 4' }).waitFor();
    check((await alice.getByTestId('countdown').innerText()).includes('left'), 'the countdown runs');

    // Alice's edit reaches Carol, with who made it; Carol's submit carries it.
    await alice.locator('#lever-acquisition-budget').fill('4000');
    await alice.locator('#lever-acquisition-budget').press('Tab');
    await carol.waitForFunction(() => (document.querySelector('#lever-acquisition-budget') as HTMLInputElement | null)?.value === '4000', undefined, { timeout: 20_000 });
    await carol.getByTestId('changed-by').filter({ hasText: 'Alice' }).first().waitFor();
    check((await carol.getByTestId('room-last-edit').innerText()).includes('Alice'), 'Carol is told Alice changed the plan');
    await shot(carol, shots, 'student-en-teammate-edit-full');
    // Carol is typing a number when Alice's next change arrives: what Carol typed stays, and goes when she leaves.
    await carol.locator('#lever-acquisition-budget').fill('4500');
    await alice.getByTestId('tab-complaints').click();
    await alice.locator('#lever-complaints-responseDays').fill('2');
    await alice.locator('#lever-complaints-responseDays').press('Tab');
    await carol.getByTestId('room-last-edit').filter({ hasText: 'Target days to resolve' }).waitFor({ timeout: 20_000 });
    check((await carol.locator('#lever-acquisition-budget').inputValue()) === '4500', 'a teammate’s change keeps the number being typed');
    await carol.locator('#lever-acquisition-budget').press('Tab');
    await alice.getByTestId('tab-acquisition').click();
    await alice.waitForFunction(() => (document.querySelector('#lever-acquisition-budget') as HTMLInputElement | null)?.value === '4500', undefined, { timeout: 20_000 });
    await teacher.locator('[data-state="editing"]').first().waitFor();
    await shot(teacher, shots, 'teacher-zh-editing');

    await li.getByTestId('tab-complaints').click();
    await li.locator('#lever-complaints-responseDays').fill('3');
    await li.locator('#lever-complaints-responseDays').press('Tab');
    await li.waitForTimeout(800);
    await li.getByTestId('room-submit').click();
    await li.locator('[data-testid="room-plan-state"][data-state="submitted"]').waitFor();
    await shot(li, shots, 'student-zh-submitted');
    await carol.getByTestId('room-submit').click();
    await alice.locator('[data-testid="room-plan-state"][data-state="submitted"]').waitFor();
    await alice.getByTestId('room-locked').filter({ hasText: 'Carol' }).waitFor();
    // Withdrawn and submitted again, by Alice.
    await alice.getByTestId('room-withdraw').click();
    await alice.locator('[data-testid="room-plan-state"][data-state="draft"]').waitFor();
    await alice.getByTestId('room-submit').click();
    await alice.locator('[data-testid="room-plan-state"][data-state="submitted"]').waitFor();
    await screen.locator('[data-testid="screen-teams"] [data-submitted="true"]').nth(1).waitFor();
    await shot(screen, shots, 'screen-en-submitted');

    // The teacher closes the season; each student gets the report, checked here against the browser's own run.
    await teacher.getByTestId('cs-close').click();
    for (const p of [alice, li, carol]) {
      await p.locator('[data-testid="room-report"][data-season="1"]').waitFor({ timeout: 90_000 });
      await p.locator('[data-testid="room-hash"][data-state="same"]').waitFor({ timeout: 90_000 });
      await p.getByTestId('room-scores-hidden').waitFor();
    }
    check((await alice.getByTestId('room-played').innerText()).includes('submitted'), 'the submitted plan was played');
    await alice.locator('[data-testid="report-stages"] svg').first().waitFor();
    // The browser's engine holds the store as the server left it: its own analytics and customer files.
    await alice.getByTestId('store-analytics').locator('table').first().waitFor({ timeout: 60_000 });
    const files = alice.waitForEvent('download');
    await alice.getByTestId('export-customers').click();
    check((await (await files).suggestedFilename()).endsWith('-s1-customers.csv'), 'the customer file of season 1 downloads');
    await shot(alice, shots, 'student-en-report');
    await li.locator('[data-testid="report-stages"] svg').first().waitFor();
    await shot(li, shots, 'student-zh-report');

    // A reload (a lost connection, a closed laptop) brings the room back as it was.
    await alice.reload();
    await alice.getByTestId('room-report').waitFor({ timeout: 60_000 });
    check((await alice.getByTestId('room-team').innerText()) === 'Red', 'the reloaded room is the same team');

    // The teacher shows the scores: the projector ranks both teams; the students' reports get their score.
    await teacher.getByTestId('cs-scores').check();
    await screen.locator('[data-testid="screen-leaderboard"] tbody tr[data-rank="1"]').first().waitFor({ timeout: 30_000 });
    const ranked = await screen.locator('[data-testid="screen-leaderboard"] tbody tr').count();
    check(ranked === 2, `the projector ranks both teams (${ranked})`);
    await screen.locator('[data-testid="screen-trajectories"] svg').first().waitFor();
    await shot(screen, shots, 'screen-en-leaderboard');
    await alice.getByTestId('score-block').waitFor({ timeout: 30_000 });
    await teacher.locator('[data-testid="cs-standings"] table').waitFor();
    await shot(teacher, shots, 'teacher-zh-standings-full');
    await shot(alice, shots, 'student-en-report-scores');

    const download = teacher.waitForEvent('download');
    await teacher.getByTestId('cs-gradebook').click();
    const csvPath = join(data, 'gradebook.csv');
    await (await download).saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    check(csv.charCodeAt(0) === 0xfeff && csv.includes('Red') && csv.includes('Blue'), 'the gradebook is UTF-8 with BOM and lists both teams');

    const real = errors.filter((e) => !/WebSocket|ERR_CONNECTION|net::/.test(e));
    check(real.length === 0, `no console errors: ${real.join(' | ')}`);
    console.log(`e2e class: two-team session played end to end; screenshots in ${shots}`);
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(data, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await classE2E();
