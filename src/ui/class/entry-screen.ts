import { lazyPage } from './lazy';

// The route table's entry for the class screen page (loaded on first use).
export const classScreenPage = lazyPage(() => import('./screen').then((m) => m.screenPage));
