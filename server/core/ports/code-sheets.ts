/** Lays out printable sheets of codes: one cell per household, its code image and its address. */
export interface CodeSheet {
  /** e.g. 文明村小区 3号楼 住户码 */
  title: string;
  /** A line under the title: how to use the code. */
  subtitle: string;
  cells: Array<{ image: Uint8Array; caption: string }>;
}

export interface CodeSheets {
  /** A PDF document. */
  render(sheet: CodeSheet): Promise<Uint8Array>;
}
