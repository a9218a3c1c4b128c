// Installs dependencies when they are missing or were installed from another lockfile. Uses only Node
// built-ins, because it runs before anything is installed. The lockfile's content is compared, not file dates:
// a fresh checkout has new dates on an unchanged lockfile and must not reinstall.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const stamp = 'node_modules/.installed-lock-sha256';
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
if (installed !== lockHash || !existsSync('node_modules/.package-lock.json')) {
  console.log('Installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
  writeFileSync(stamp, `${lockHash}\n`);
}
