import { lazyPage } from './lazy';

// The route table's entry for the class join page (loaded on first use).
export const classJoinPage = lazyPage(() => import('./join').then((m) => m.joinPage));
