/**
 * A small WXML reader: elements with their attributes, children and text, quotes and {{ }} respected.
 * Enough for the static checks over our own templates (WeChat's wcc compiles them for real elsewhere).
 */

export interface Element {
  tag: string;
  attributes: Map<string, string>;
  children: Array<Element | string>;
  /** 1-based line of the start tag. */
  line: number;
}

const voidTags = new Set(['image', 'input', 'icon', 'import', 'include', 'switch', 'page-meta']);

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** The end of the tag starting at `start` ('<'), skipping '>' inside quotes and {{ }}. */
function tagEnd(text: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  throw new Error(`unclosed tag at line ${lineAt(text, start)}`);
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of source.matchAll(/([\w:.@-]+)(?:\s*=\s*("([^"]*)"|'([^']*)'))?/g)) {
    attributes.set(m[1]!, m[3] ?? m[4] ?? '');
  }
  return attributes;
}

/** The element tree of a template under a synthetic root. */
export function parseWxml(text: string): Element {
  const source = text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const root: Element = { tag: '#root', attributes: new Map(), children: [], line: 1 };
  const stack = [root];
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt < 0) {
      top.children.push(source.slice(i));
      break;
    }
    if (lt > i) top.children.push(source.slice(i, lt));
    const end = tagEnd(source, lt);
    const inner = source.slice(lt + 1, end);
    if (inner.startsWith('/')) {
      const tag = inner.slice(1).trim();
      while (stack.length > 1 && stack[stack.length - 1]!.tag !== tag) stack.pop();
      if (stack.length > 1) stack.pop();
    } else if (inner.startsWith('wxs') && !inner.endsWith('/')) {
      const close = source.indexOf('</wxs>', end);
      i = close + '</wxs>'.length;
      continue;
    } else {
      const selfClosing = inner.endsWith('/');
      const body = selfClosing ? inner.slice(0, -1) : inner;
      const tag = /^[\w-]+/.exec(body)?.[0] ?? '';
      const element: Element = {
        tag,
        attributes: parseAttributes(body.slice(tag.length)),
        children: [],
        line: lineAt(source, lt),
      };
      top.children.push(element);
      if (!selfClosing && !voidTags.has(tag)) stack.push(element);
    }
    i = end + 1;
  }
  return root;
}

/** Every element of the tree, depth first. */
export function allElements(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (el: Element) => {
    for (const child of el.children) {
      if (typeof child === 'string') continue;
      out.push(child);
      visit(child);
    }
  };
  visit(root);
  return out;
}

/** The text inside an element and its descendants, whitespace collapsed. */
export function textOf(el: Element): string {
  return el.children
    .map((child) => (typeof child === 'string' ? child : textOf(child)))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a person can tap: a bindtap/catchtap handler, a button (native or TDesign), a TDesign icon. */
export function isTappable(el: Element): boolean {
  return (
    el.attributes.has('bindtap') ||
    el.attributes.has('catchtap') ||
    el.attributes.has('bind:tap') ||
    el.attributes.has('catch:tap') ||
    el.tag === 'button' ||
    el.tag === 't-button' ||
    el.tag === 't-icon'
  );
}

/** The class names written literally in the class attribute (the {{ }} parts left out). */
export function staticClasses(el: Element): string[] {
  const value = (el.attributes.get('class') ?? '').replace(/\{\{[\s\S]*?\}\}/g, ' ');
  return value.split(/\s+/).filter(Boolean);
}
