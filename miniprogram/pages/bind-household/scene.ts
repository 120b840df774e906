/**
 * Where a household code's scene comes from: the launch query of a mini-program code (`scene`, URL-encoded
 * by WeChat), a plain query (`code`), or what wx.scanCode read — `path` for a mini-program code,
 * `result` for the QR code the local cloud prints (both "pages/bind-household/index?scene=…").
 */
export function sceneFromQuery(query: Record<string, string | undefined>): string {
  const raw = query.scene ?? query.code ?? '';
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

export function sceneFromScan(scan: { path?: string; result?: string }): string {
  for (const text of [scan.path, scan.result]) {
    if (!text) continue;
    const match = /[?&]scene=([^&]+)/.exec(text);
    if (match) return sceneFromQuery({ scene: match[1] });
  }
  // A code printed as bare text (the scene itself).
  return (scan.result ?? '').trim();
}
