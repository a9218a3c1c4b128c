import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

// One server per data directory: PGlite corrupts its files when two processes open one directory. The lock is a
// file created exclusively (O_EXCL), holding the owner's pid. A lock whose process is gone (a crash, kill -9) is
// stale and taken over; a live owner — this very process included, since PGlite cannot be opened twice here
// either — refuses the start.

export class LockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory's lock or throws LockedError naming the owner; returns the function that releases it. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
      } catch {
        // vanished or unreadable: treated as stale below
      }
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
        throw new LockedError(`${dir} is in use by another class server (pid ${owner}); stop it first or choose another --data directory`);
      }
      try {
        unlinkSync(file);
      } catch {
        // another starter removed it first; the exclusive create decides
      }
      continue;
    }
    writeSync(fd, String(process.pid));
    closeSync(fd);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      try {
        if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
      } catch {
        // already gone
      }
    };
  }
  throw new LockedError(`${dir}: cannot take the lock file ${file}`);
}
