/**
 * How large the app's text and tap targets are drawn: the user's WeChat font size (WeChat's elder-friendly
 * guide asks pages to follow it), raised to at least the 关怀模式 size when 大字模式 is on in 我的.
 * Pure: the Behavior in text-size.ts reads WeChat and storage and hands the figures in.
 */

/** 关怀模式 is 23.8 px against the standard 17 px on iOS (WeChat's elder-friendly guide). */
export const largeTextScale = 1.4;
/** Beyond twice the size a line of the narrowest card holds fewer than six characters. */
export const maxTextScale = 2;

/** What a page binds: the factor, whether 大字模式 is on, and the two page-meta attributes. */
export interface TextSize {
  scale: number;
  large: boolean;
  /** page-meta page-style: sets --gl-scale, which every font-size and tap target in the wxss multiplies by. */
  pageStyle: string;
  /** page-meta root-font-size, so rem (16 px at the standard size) follows too. */
  rootFontSize: string;
}

/**
 * The factor for WeChat's fontSizeScaleFactor (undefined on base libraries before 2.23.4) and the switch.
 * A user who chose a size smaller than the standard keeps the standard: our smallest text is already 12 px.
 */
export function textScale(systemFactor: number | undefined, large: boolean): number {
  const system =
    systemFactor !== undefined && Number.isFinite(systemFactor)
      ? Math.min(Math.max(systemFactor, 1), maxTextScale)
      : 1;
  const scale = large ? Math.max(system, largeTextScale) : system;
  return Math.round(scale * 100) / 100;
}

/** The page-meta attributes for a factor. */
export function textSize(scale: number, large: boolean): TextSize {
  return {
    scale,
    large,
    pageStyle: `--gl-scale: ${scale};`,
    rootFontSize: `${Math.round(16 * scale * 10) / 10}px`,
  };
}
