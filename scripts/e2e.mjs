// End-to-end tests in real headless Chromium against the built game (dist/), served by `vite preview`.
// Installs Debian's chromium when it is missing and we are root; otherwise stops with the command to run.
import { existsSync } from 'node:fs';
import { execSync, spawn } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid && process.getuid() === 0) {
    console.log('Installing Chromium (apt-get install -y chromium)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.error('error: Chromium is needed for the browser tests. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium');
    process.exit(2);
  }
}
if (!existsSync('dist/index.html')) execSync('npx vite build', { stdio: 'inherit' });

const port = 4173 + Math.floor(Math.random() * 500);
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);

await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('vite preview did not start')), 30000);
  server.stdout.on('data', (d) => {
    if (String(d).includes(String(port))) {
      clearTimeout(timer);
      resolve();
    }
  });
});

const child = spawn('npx', ['tsx', 'tests/e2e/run.ts'], {
  stdio: 'inherit',
  env: { ...process.env, E2E_URL: `http://127.0.0.1:${port}/`, CHROMIUM_PATH: CHROMIUM },
});
const code = await new Promise((resolve) => child.on('exit', resolve));
stop();
process.exit(code ?? 1);
