/** WCAG 2 contrast of text colours: parsing CSS colours, resolving our palette's var(), the ratio. */

export type Rgba = [number, number, number, number];

/** #rgb, #rrggbb, rgb(), rgba(), white, black; undefined for anything else (inherit, transparent, gradients). */
export function parseColour(value: string): Rgba | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'white') return [255, 255, 255, 1];
  if (v === 'black') return [0, 0, 0, 1];
  let m = /^#([0-9a-f]{3})$/.exec(v);
  if (m) return [...m[1]!].map((c) => parseInt(c + c, 16)).concat(1) as Rgba;
  m = /^#([0-9a-f]{6})$/.exec(v);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1]!.slice(i, i + 2), 16)).concat(1) as Rgba;
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(v);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
  return undefined;
}

/** `top` painted over the opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG contrast ratio of `text` (alpha allowed) over the opaque `background`. */
export function contrastRatio(text: Rgba, background: Rgba): number {
  const a = luminance(over(text, background));
  const b = luminance(background);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** Replaces var(--name) (and var(--name, fallback)) with the palette's value, recursively. */
export function resolveVars(value: string, palette: Map<string, string>): string {
  let out = value;
  for (let i = 0; i < 5 && out.includes('var('); i++) {
    out = out.replace(
      /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g,
      (whole, name: string, fallback?: string) => palette.get(name) ?? fallback ?? whole,
    );
  }
  return out;
}

/** The first colour in a background shorthand ('#fff', 'rgba(…) url(…)'), if any. */
export function backgroundColour(value: string): Rgba | undefined {
  const token = /#[0-9a-fA-F]{3,6}\b|rgba?\([^)]*\)|\bwhite\b|\bblack\b/.exec(value);
  return token ? parseColour(token[0]) : undefined;
}
