/** The ledger import's preview: a dry run validates and counts what the file would change, writing nothing. */
import { createHarness, type Harness } from '../support/harness';

const C = 'c_wujiayuan';
const STAFF = 'dev-staff-wujiayuan';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe('ledger import dry run', () => {
  it('counts new and changed households without writing them; applying then does what it said', async () => {
    const staff = h.as(STAFF);
    const exported = await staff.ok('grid', 'export', { communityId: C, kind: 'households', format: 'csv' });
    const lines = (exported.text ?? '').trim().split(/\r?\n/);
    // One household more (a new room in the building of a row with no quoted cell), the rest as exported.
    const first = lines
      .slice(1)
      .find((line) => !line.includes('"'))!
      .split(',');
    const header = lines[0]!.split(',');
    const room = header.indexOf('房号');
    const added = first.map((cell, i) => (i === room ? '9901' : cell)).join(',');
    const text = [...lines, added].join('\r\n');
    const households = await h.deps.store.count('households');

    const preview = await staff.ok('grid', 'importLedger', {
      communityId: C,
      kind: 'households',
      format: 'csv',
      text,
      dryRun: true,
    });
    expect(preview).toEqual({
      kind: 'households',
      created: 1,
      updated: 0,
      unchanged: lines.length - 1,
      dryRun: true,
    });
    expect(await h.deps.store.count('households')).toBe(households);

    const applied = await staff.ok('grid', 'importLedger', {
      communityId: C,
      kind: 'households',
      format: 'csv',
      text,
    });
    expect(applied).toEqual({ kind: 'households', created: 1, updated: 0, unchanged: lines.length - 1 });
    expect(await h.deps.store.count('households')).toBe(households + 1);
  });

  it('a members preview says who would be invited, and invites nobody', async () => {
    const csv = [
      '姓名,手机,职责,网格,微网格,是否主责',
      '新人,13000000000,网格员,第一网格,第一网格-1号微网格,否',
    ].join('\n');
    const invites = await h.deps.store.count('invites');
    const preview = await h.as(STAFF).ok('grid', 'importLedger', {
      communityId: C,
      kind: 'members',
      format: 'csv',
      text: csv,
      dryRun: true,
    });
    expect(preview).toMatchObject({ dryRun: true, toInvite: 1, created: 0 });
    expect(preview.invites).toBeUndefined();
    expect(await h.deps.store.count('invites')).toBe(invites);
  });

  it('a bad row fails the preview as it fails the import', async () => {
    const result = await h.as(STAFF).call('grid', 'importLedger', {
      communityId: C,
      kind: 'households',
      format: 'csv',
      text: '小区,楼栋\n吴家园东区,1号楼',
      dryRun: true,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT.INVALID' } });
  });
});
