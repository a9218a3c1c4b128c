import { lazyPage } from './lazy';

// The route table's entry for the class teacher page (loaded on first use).
export const classTeacherPage = lazyPage(() => import('./teacher').then((m) => m.teacherConsole));
