/** A small WXSS reader: flat rules (selector list → declarations), enough for our own files, which nest no @media. */

export interface Rule {
  selectors: string[];
  declarations: Map<string, string>;
}

/** The rules of a stylesheet, comments and @import lines left out. */
export function parseWxss(text: string): Rule[] {
  const body = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@import[^;]*;/g, '');
  const rules: Rule[] = [];
  for (const match of body.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = new Map<string, string>();
    for (const part of match[2]!.split(';')) {
      const colon = part.indexOf(':');
      if (colon < 0) continue;
      declarations.set(part.slice(0, colon).trim(), part.slice(colon + 1).trim());
    }
    rules.push({ selectors: match[1]!.split(',').map((s) => s.trim()), declarations });
  }
  return rules;
}

/** The classes a selector's last compound requires ('.a .b.on' → ['b', 'on']). */
export function lastCompoundClasses(selector: string): string[] {
  const last =
    selector
      .trim()
      .split(/\s+|>|\+|~/)
      .filter(Boolean)
      .pop() ?? '';
  return [...last.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!);
}

/**
 * A length in rpx at the standard text size: '88rpx', '44px' (2 rpx a px on the 375 px design width),
 * 'calc(88rpx * var(--gl-scale))' (the factor is never below 1). Undefined for anything else (100%, auto).
 */
export function lengthInRpx(value: string): number | undefined {
  const scaled = /^calc\(\s*([\d.]+)(rpx|px)\s*\*\s*var\(--gl-scale\)\s*\)$/.exec(value.trim());
  const plain = /^([\d.]+)(rpx|px)$/.exec(value.trim());
  const m = scaled ?? plain;
  if (!m) return undefined;
  return m[2] === 'px' ? Number(m[1]) * 2 : Number(m[1]);
}
