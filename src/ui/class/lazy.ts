import type { Page } from '../page';

// A class page is loaded on its own chunk when its address is opened: the self-study game never downloads the
// class pages, and a class page's module is fetched only where it is used.

export function lazyPage(load: () => Promise<Page>): Page {
  return {
    mount(root) {
      let stop: (() => void) | null = null;
      let gone = false;
      void load().then((page) => {
        if (!gone) stop = page.mount(root);
      });
      return () => {
        gone = true;
        stop?.();
      };
    },
  };
}
