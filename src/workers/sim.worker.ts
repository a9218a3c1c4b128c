/// <reference lib="webworker" />
import { expose } from 'comlink';
import { createLocalHost } from '../host/local-host';

// The simulation's thread in the browser: the same host tests use in place, exposed as it is (Comlink). The page
// wraps it as a SimHost (worker-host.ts).

expose(createLocalHost());
