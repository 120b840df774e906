/**
 * `npm run bench:local-submit`: submit on the local cloud against raw SQLite doing the same writes
 * (bench/support/local-vs-raw.ts), alone — the same figure bench:cloudbase prints, in seconds rather than
 * minutes, and small enough to profile: `node --cpu-prof --import tsx bench/local-submit.ts`.
 * Prints a table; the last line is one JSON object.
 */
import { localVsRaw, printLocalVsRaw } from './support/local-vs-raw';

async function main(): Promise<void> {
  const submits = Number(process.env.SUBMITS ?? 600);
  const r = await localVsRaw(submits);
  printLocalVsRaw(r);
  console.log(
    JSON.stringify({
      localSubmitCpuMs: Number(r.localCpuMs.toFixed(3)),
      rawSameWritesCpuMs: Number(r.rawCpuMs.toFixed(3)),
      rawBareTablesCpuMs: Number(r.bareCpuMs.toFixed(3)),
      localVsRawSqlite: Number(r.ratio.toFixed(2)),
      localVsRawSqliteWall: Number(r.wallRatio.toFixed(2)),
      localVsBareSqlite: Number(r.bareRatio.toFixed(2)),
    }),
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
