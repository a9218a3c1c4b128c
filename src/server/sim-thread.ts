import { parentPort } from 'node:worker_threads';
import { simulateSeason } from './simulate';
import type { SimReply, SimRequest } from './sim-pool';

// A simulation thread of the class server (sim-pool.ts): plays the seasons it is sent, one at a time, with the
// same function the server's event loop would run, so the outcome is the same. Its own starting-market cache
// lives here, in the thread.

const port = parentPort;
if (!port) throw new Error('sim-thread.ts runs only as a worker thread of the class server');
port.on('message', (req: SimRequest) => {
  let reply: SimReply;
  try {
    const t = req.task;
    reply = { id: req.id, outcome: simulateSeason(t.scenario, t.scenarioHash, t.seed, t.season, t.prior, t.candidates) };
  } catch (err) {
    reply = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
