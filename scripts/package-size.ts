/**
 * Each package's size as WeChat counts it (scripts/package-closure.ts says which files and how), beside
 * WeChat's limits: main ≤ 1.5 MB (miniprogram-ci's quality check; the hard limit is 2 MB), each subpackage
 * ≤ 2 MB, all together ≤ 20 MB, and what the pages of one package preload (app.json preloadRule) ≤ 2 MB.
 * `npm run size` prints a table and ends with one JSON line. Run `npm run pack:npm` first to count the
 * packed miniprogram_npm; without it TDesign is read from node_modules (the same files).
 */
import { join, resolve } from 'node:path';
import { computeClosure, packageNames, readApp, type AppJson } from './package-closure';

const MB = 1024 * 1024;

export interface Limits {
  main: number;
  subpackage: number;
  total: number;
  /** What the pages of one package may preload together. */
  preload: number;
}

export const WECHAT_LIMITS: Limits = { main: 1.5 * MB, subpackage: 2 * MB, total: 20 * MB, preload: 2 * MB };

export interface SizeRow {
  pkg: string;
  files: number;
  bytes: number;
  limit: number;
}

export interface SizeReport {
  rows: SizeRow[];
  total: { files: number; bytes: number; limit: number };
  /** Per package whose pages preload others: what they preload together. */
  preload: { pkg: string; bytes: number; limit: number; packages: string[] }[];
  /** Every figure above its limit, in words. */
  over: string[];
  /** References that do not resolve or cross packages. */
  problems: string[];
}

export function sizeReport(
  root: string,
  limits: Limits = WECHAT_LIMITS,
  app: AppJson = readApp(root),
): SizeReport {
  const closure = computeClosure(root, app);
  const subs = packageNames(app);
  const rows: SizeRow[] = ['main', ...subs.map((s) => s.name)].map((pkg) => {
    const files = [...closure.files.values()].filter((f) => f.pkg === pkg);
    return {
      pkg,
      files: files.length,
      bytes: files.reduce((sum, f) => sum + f.bytes, 0),
      limit: pkg === 'main' ? limits.main : limits.subpackage,
    };
  });
  const total = {
    files: closure.files.size,
    bytes: rows.reduce((sum, r) => sum + r.bytes, 0),
    limit: limits.total,
  };
  const nameOf = (ref: string) =>
    ref === '__APP__' ? 'main' : (subs.find((s) => s.name === ref || s.root === ref)?.name ?? ref);
  const pkgOfPage = (page: string) => subs.find((s) => page.startsWith(`${s.root}/`))?.name ?? 'main';
  const preloaded = new Map<string, Set<string>>();
  for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
    const set = preloaded.get(pkgOfPage(page)) ?? new Set<string>();
    for (const ref of rule.packages) set.add(nameOf(ref));
    preloaded.set(pkgOfPage(page), set);
  }
  const bytesOf = (pkg: string) => rows.find((r) => r.pkg === pkg)?.bytes ?? 0;
  const preload = [...preloaded].map(([pkg, set]) => ({
    pkg,
    packages: [...set],
    bytes: [...set].reduce((sum, p) => sum + bytesOf(p), 0),
    limit: limits.preload,
  }));
  const over = [
    ...rows.filter((r) => r.bytes > r.limit).map((r) => `${r.pkg}: ${kb(r.bytes)} > ${kb(r.limit)}`),
    ...(total.bytes > total.limit ? [`total: ${kb(total.bytes)} > ${kb(total.limit)}`] : []),
    ...preload
      .filter((p) => p.bytes > p.limit)
      .map((p) => `preload from ${p.pkg} (${p.packages.join(', ')}): ${kb(p.bytes)} > ${kb(p.limit)}`),
  ];
  return { rows, total, preload, over, problems: closure.problems };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function print(report: SizeReport): void {
  const line = (cells: string[]) =>
    console.log(cells.map((c, i) => (i ? c.padStart(12) : c.padEnd(22))).join(''));
  line(['package', 'files', 'size', 'limit', 'used']);
  for (const r of [...report.rows, { pkg: 'total', ...report.total }])
    line([r.pkg, String(r.files), kb(r.bytes), kb(r.limit), `${((100 * r.bytes) / r.limit).toFixed(1)}%`]);
  for (const p of report.preload)
    line([
      `preload from ${p.pkg}`,
      p.packages.join('+'),
      kb(p.bytes),
      kb(p.limit),
      `${((100 * p.bytes) / p.limit).toFixed(1)}%`,
    ]);
  for (const o of report.over) console.log(`OVER ${o}`);
  for (const p of report.problems) console.log(`PROBLEM ${p}`);
  console.log(
    JSON.stringify({
      packages: Object.fromEntries(report.rows.map((r) => [r.pkg, r.bytes])),
      total: report.total.bytes,
      limits: { main: WECHAT_LIMITS.main, subpackage: WECHAT_LIMITS.subpackage, total: WECHAT_LIMITS.total },
      preload: Object.fromEntries(report.preload.map((p) => [p.pkg, p.bytes])),
      over: report.over,
      problems: report.problems.length,
    }),
  );
}

if (resolve(process.argv[1] ?? '') === __filename) {
  const report = sizeReport(join(__dirname, '..', 'miniprogram'));
  print(report);
  if (report.over.length || report.problems.length) process.exitCode = 1;
}
