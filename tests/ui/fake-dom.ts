// The few DOM calls the game's views make (src/ui/dom.ts builds every element), enough to render a view in Node
// and read what a player would see: its text and its attributes (aria labels included). Not a browser: no layout,
// no selectors beyond the helpers below. Import it before any view module.

class FakeNode {
  parentNode: FakeElement | null = null;
  get textContent(): string {
    return '';
  }
  get isConnected(): boolean {
    return false;
  }
}

class FakeText extends FakeNode {
  constructor(public data: string) {
    super();
  }
  override get textContent(): string {
    return this.data;
  }
}

export class FakeElement extends FakeNode {
  readonly tagName: string;
  readonly attributes = new Map<string, string>();
  childNodes: FakeNode[] = [];
  readonly listeners: Record<string, ((e: unknown) => void)[]> = {};
  value = '';
  checked = false;
  disabled = false;
  constructor(tag: string) {
    super();
    this.tagName = tag.toUpperCase();
  }
  setAttribute(k: string, v: string): void {
    this.attributes.set(k, String(v));
  }
  getAttribute(k: string): string | null {
    return this.attributes.get(k) ?? null;
  }
  removeAttribute(k: string): void {
    this.attributes.delete(k);
  }
  addEventListener(type: string, fn: (e: unknown) => void): void {
    (this.listeners[type] ??= []).push(fn);
  }
  append(...nodes: (FakeNode | string)[]): void {
    for (const n of nodes) {
      const node = typeof n === 'string' ? new FakeText(n) : n;
      node.parentNode = this;
      this.childNodes.push(node);
    }
  }
  replaceChildren(...nodes: (FakeNode | string)[]): void {
    this.childNodes = [];
    this.append(...nodes);
  }
  removeChild(n: FakeNode): void {
    this.childNodes = this.childNodes.filter((c) => c !== n);
  }
  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  remove(): void {
    this.parentNode?.removeChild(this);
  }
  focus(): void {}
  override get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }
  override set textContent(v: string) {
    this.replaceChildren(v);
  }
  get children(): FakeElement[] {
    return this.childNodes.filter((c): c is FakeElement => c instanceof FakeElement);
  }
  querySelector(): null {
    return null;
  }
}

/** Every element under `root` (itself included), depth first. */
export function walk(root: FakeElement): FakeElement[] {
  const out: FakeElement[] = [root];
  for (const c of root.children) out.push(...walk(c));
  return out;
}

/** What a player (or a screen reader) can read: the text and every attribute value, one string. */
export function visible(root: FakeElement): string {
  const attrs = walk(root).flatMap((e) => [...e.attributes.values()]);
  return `${root.textContent}\n${attrs.join('\n')}`;
}

export function byTestId(root: FakeElement, id: string): FakeElement | undefined {
  return walk(root).find((e) => e.getAttribute('data-testid') === id);
}

const g = globalThis as Record<string, unknown>;
g.Node ??= FakeNode;
g.document ??= {
  createElement: (tag: string) => new FakeElement(tag),
  createTextNode: (text: string) => new FakeText(text),
  activeElement: null,
  body: new FakeElement('body'),
};
