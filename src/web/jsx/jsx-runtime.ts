/**
 * A small JSX runtime for server-rendered HTML that escapes by default.
 *
 * Why our own: the usual string-JSX runtimes leave children unescaped unless each
 * one is marked, and a registry that shows names typed by the public cannot rely on
 * every author remembering that. Here every string child and attribute is escaped;
 * only values wrapped by `raw()` (or produced by this runtime) pass through.
 */

const SAFE = Symbol.for('greenlist.safe-html');

/** HTML that has already been escaped or is trusted markup. */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly html: string;
  toString(): string;
}

function safe(html: string): SafeHtml {
  return { [SAFE]: true, html, toString: () => html };
}

/** Marks trusted markup (an SVG chart, an inline script we wrote) to pass unescaped. */
export function raw(html: string): SafeHtml {
  return safe(html);
}

export function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && (value as Partial<SafeHtml>)[SAFE] === true;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export type Child = SafeHtml | string | number | bigint | boolean | null | undefined | readonly Child[];

function renderChild(child: Child, out: string[]): void {
  if (child === null || child === undefined || child === false || child === true) return;
  if (typeof child === 'string') out.push(escapeHtml(child));
  else if (typeof child === 'number' || typeof child === 'bigint') out.push(String(child));
  else if (Array.isArray(child)) for (const c of child) renderChild(c as Child, out);
  else if (isSafeHtml(child)) out.push(child.html);
}

function attributeName(name: string): string {
  if (name === 'className') return 'class';
  if (name === 'htmlFor') return 'for';
  return name;
}

function renderAttributes(props: Record<string, unknown>): string {
  let s = '';
  for (const key in props) {
    if (key === 'children') continue;
    const value = props[key];
    if (value === undefined || value === null || value === false) continue;
    const name = attributeName(key);
    if (value === true) s += ' ' + name;
    else if (isSafeHtml(value)) s += ` ${name}="${value.html}"`;
    else s += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return s;
}

type Component = (props: Record<string, unknown>) => SafeHtml;

export function jsx(type: string | Component, props: Record<string, unknown>): SafeHtml {
  if (typeof type === 'function') return type(props);
  const out: string[] = ['<', type, renderAttributes(props), '>'];
  if (VOID.has(type)) return safe(out.join(''));
  renderChild(props.children as Child, out);
  out.push('</', type, '>');
  return safe(out.join(''));
}

export const jsxs = jsx;
export const jsxDEV = jsx;

export function Fragment(props: { children?: Child }): SafeHtml {
  const out: string[] = [];
  renderChild(props.children, out);
  return safe(out.join(''));
}

/** Renders a list of children (e.g. the result of `map`) to one SafeHtml. */
export function join(children: readonly Child[]): SafeHtml {
  const out: string[] = [];
  renderChild(children, out);
  return safe(out.join(''));
}

type AttributeValue = string | number | boolean | null | undefined | SafeHtml;

export namespace JSX {
  export type Element = SafeHtml;
  export interface ElementChildrenAttribute {
    children: unknown;
  }
  export interface IntrinsicAttributes {}
  export interface HtmlAttributes {
    children?: Child;
    [attribute: string]: AttributeValue | Child;
  }
  export interface IntrinsicElements {
    [element: string]: HtmlAttributes;
  }
}
