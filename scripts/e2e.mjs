// End-to-end tests in real headless Chromium against the built game (dist/), served by `vite preview`.
// Installs Debian's chromium (and Chinese and emoji fonts, so screenshots show real text) when missing and we are root;
// otherwise stops with the command to run.
import { existsSync } from 'node:fs';
import { execSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const root = process.getuid && process.getuid() === 0;

function hasChineseFont() {
  try {
    return execSync('fc-list :lang=zh', { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

function hasEmojiFont() {
  try {
    return /emoji/i.test(execSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

const missing = [];
if (!existsSync(CHROMIUM)) missing.push('chromium');
if (!hasChineseFont()) missing.push('fonts-wqy-zenhei');
// The mood faces and play symbols are emoji, which school PCs' system fonts draw; so should the screenshots.
if (!hasEmojiFont()) missing.push('fonts-noto-color-emoji');
if (missing.length) {
  if (root) {
    console.log(`Installing ${missing.join(' ')} (apt-get)…`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
  } else if (missing.includes('chromium')) {
    console.error(`error: the browser tests need Chromium. Install it with:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(2);
  }
}
if (!existsSync('dist/index.html')) execSync('npx vite build', { stdio: 'inherit' });

const port = await new Promise((resolve) => {
  const srv = createServer();
  srv.listen(0, '127.0.0.1', () => {
    const p = srv.address().port;
    srv.close(() => resolve(p));
  });
});
// Node runs vite directly (not through npx) so that stopping it stops the server.
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);

await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('vite preview did not start within 30 s')), 30000);
  server.stdout.on('data', (d) => {
    if (String(d).includes(String(port))) {
      clearTimeout(timer);
      resolve();
    }
  });
  server.on('exit', (code) => reject(new Error(`vite preview exited (${code})`)));
});

const child = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/run.ts'], {
  stdio: 'inherit',
  env: { ...process.env, E2E_URL: `http://127.0.0.1:${port}/`, CHROMIUM_PATH: CHROMIUM },
});
const code = await new Promise((resolve) => child.on('exit', resolve));
stop();
process.exit(code ?? 1);
