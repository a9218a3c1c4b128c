import { lazyPage } from './lazy';

// The route table's entry for the class room page (loaded on first use).
export const classRoomPage = lazyPage(() => import('./room').then((m) => m.roomPage));
