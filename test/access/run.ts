/** Runs rows of the matrix cell by cell and collects every violation (see matrix.ts for what a cell checks). */
import { isAllowed, ROLES, type Cell, type Row } from './matrix';
import { buildWorld, type World } from './world';

export interface MatrixRun {
  cells: number;
  allowed: number;
  refused: number;
  notApplicable: number;
  violations: string[];
  /** Violations of rows marked pending: printed, not failed. */
  pending: string[];
}

/** A validation error means the row built a broken request; INTERNAL means a crash: neither is a refusal. */
const NOT_REFUSALS = ['INTERNAL', 'VALIDATION.FAILED', 'VALIDATION.UNKNOWN_ACTION'];

/** The people a caller must not be told about: those of communities the caller has nothing to do with. */
function foreignPeople(world: World, callerUserId: string | null) {
  const mine = callerUserId ? world.communitiesOf(callerUserId) : new Set<string>();
  const foreign = world.people.filter(
    (p) => p.communities.size > 0 && ![...p.communities].some((c) => mine.has(c)),
  );
  const namesInside = new Set(world.people.filter((p) => !foreign.includes(p)).map((p) => p.name));
  return {
    ids: foreign.map((p) => p.userId),
    // A name shared with someone the caller may know proves nothing; only names unique to outsiders count.
    names: foreign.map((p) => p.name).filter((n) => !namesInside.has(n)),
  };
}

export async function runMatrix(rows: readonly Row[]): Promise<MatrixRun> {
  const world = await buildWorld();
  const run: MatrixRun = { cells: 0, allowed: 0, refused: 0, notApplicable: 0, violations: [], pending: [] };
  const callerIds = new Map<string, string | null>();
  for (const role of ROLES) {
    const openid = world.openidOf(role);
    callerIds.set(role, openid ? await world.userId(openid) : null);
  }
  try {
    for (const r of rows) {
      for (const role of ROLES) {
        const outsiders = foreignPeople(world, callerIds.get(role)!);
        for (const relation of r.relations) {
          const cell: Cell = { role, relation, openid: world.openidOf(role) };
          const name = `${r.fn}.${r.action} × ${role} × ${relation}`;
          const violations = r.pending ? run.pending : run.violations;
          world.restore();
          let built;
          try {
            built = await r.request(world, cell);
          } catch (error) {
            violations.push(`${name}: set-up failed: ${(error as Error).message}`);
            continue;
          }
          if (!built) {
            run.notApplicable += 1;
            continue;
          }
          run.cells += 1;
          const before = world.writes();
          const answer = await world.call(cell.openid, r.fn, r.action, built.req);
          const after = world.writes();
          const expected = isAllowed(r, role, relation);
          const granted = answer.ok && (r.grants ? r.grants(answer.data, built.subject) : true);
          if (!answer.ok && NOT_REFUSALS.includes(answer.error.code)) {
            violations.push(`${name}: ${answer.error.code} ${answer.error.message}`);
            continue;
          }
          if (expected && !granted) {
            violations.push(
              `${name}: should be allowed, got ${answer.ok ? 'an answer without the subject' : `${answer.error.code} ${answer.error.message}`}`,
            );
          } else if (!expected && granted) {
            violations.push(`${name}: should be refused, was allowed`);
          }
          if (!expected && !answer.ok && r.refusedWith && !r.refusedWith.includes(answer.error.code)) {
            violations.push(
              `${name}: refused with ${answer.error.code}, expected ${r.refusedWith.join(' or ')}`,
            );
          }
          if (!granted) {
            run.refused += 1;
            const wrote = (['rows', 'files', 'pushes'] as const).filter((k) => after[k] !== before[k]);
            if (wrote.length)
              violations.push(
                `${name}: refused but wrote ${wrote.map((k) => `${k} +${after[k] - before[k]}`).join(', ')}`,
              );
          } else run.allowed += 1;
          if (relation !== 'own' && !r.ownAnswer) {
            const text = JSON.stringify(answer);
            const leaked = [
              ...outsiders.ids.filter((id) => text.includes(JSON.stringify(id))),
              ...outsiders.names.filter((n) => text.includes(n)),
            ];
            if (leaked.length)
              violations.push(`${name}: names people of another community: ${leaked.join(', ')}`);
          }
        }
      }
    }
  } finally {
    world.h.close();
  }
  return run;
}

/** The jest body of a function's matrix: run, print the size, expect zero violations. */
export async function expectMatrix(label: string, rows: readonly Row[]): Promise<void> {
  const run = await runMatrix(rows);
  console.log(
    `authorization matrix ${label}: ${run.cells} cells (${run.allowed} allowed, ${run.refused} refused), ` +
      `${run.notApplicable} n/a, ${run.violations.length} violations` +
      (run.pending.length ? `; pending elsewhere (not failed):\n  ${run.pending.join('\n  ')}` : ''),
  );
  expect(run.violations).toEqual([]);
}
