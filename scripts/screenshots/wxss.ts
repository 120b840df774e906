/**
 * WXSS as Chromium can apply it to a page rendered by miniprogram-simulate: rpx in viewport units, class
 * selectors carrying the component's class prefix (the isolation exparser gives each component), built-in
 * tags as the wx-* elements simulate renders, and `page` as the document body.
 */

const TAGS = ['view', 'text', 'image', 'button', 'input', 'textarea', 'scroll-view', 'block', 'label'];

/** 24rpx → calc(24 * 100vw / 750): 750rpx is the screen's width whatever the phone. */
export function rpxToVw(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rpx\b/g, (_, n: string) => `calc(${n} * 100vw / 750)`);
}

function selectorFor(selector: string, prefix: string | null): string {
  return selector
    .replace(/\.([-_a-zA-Z][-_a-zA-Z0-9]*)/g, (_, name: string) =>
      prefix ? `.${prefix}--${name}` : `.${name}`,
    )
    .replace(/(^|[\s>+~,(])page\b/g, '$1body')
    .replace(
      new RegExp(`(^|[\\s>+~,(])(${TAGS.join('|')})(?![-_a-zA-Z0-9])`, 'g'),
      (_, before: string, tag: string) => `${before}wx-${tag}`,
    );
}

/** One component's (or page's) stylesheet, rewritten for the browser under `prefix`; null for app.wxss (global). */
export function browserCss(wxss: string, prefix: string | null): string {
  const withoutComments = wxss.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules = withoutComments.replace(/([^{}]+)\{([^{}]*)\}/g, (_, selectors: string, body: string) => {
    const trimmed = selectors.trim();
    if (trimmed.startsWith('@')) return `${trimmed} {${body}}`;
    const rewritten = trimmed
      .split(',')
      .map((s) => selectorFor(s.trim(), prefix))
      .join(', ');
    return `${rewritten} {${body}}\n`;
  });
  return rpxToVw(rules);
}
