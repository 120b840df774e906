/** The coverage export: an Excel workbook with the same figures as the dashboard. */
import ExcelJS from 'exceljs';
import { LI, grids, noticeWorld, type NoticeWorld } from './fixture';

let w: NoticeWorld;
afterEach(() => w.h.close());

test('the export holds a row per micro-grid, grid subtotals and the community total', async () => {
  w = await noticeWorld();
  const notice = await w.publish(grids('g_wujiayuan_02'));
  await w.h.as(LI).ok('notice', 'confirm', { noticeId: notice.noticeId });

  const file = await w.staff.ok('notice', 'exportCoverage', { noticeId: notice.noticeId });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await w.h.deps.files.read(file.fileId)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('覆盖情况')!;
  const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];

  expect(file.name).toMatch(/^通知覆盖情况-城乡居民医保缴费提醒-\d{12}\.xlsx$/);
  expect(rows[0]?.slice(1, 6)).toEqual(['网格', '微网格', '户数', '已覆盖户数', '覆盖率']);
  expect(rows).toHaveLength(1 + 3 + 1 + 1);
  expect(rows.at(-1)?.slice(1, 6)).toEqual(['全社区', '合计', 85, 1, '1.2%']);
  expect(workbook.getWorksheet('覆盖趋势')!.rowCount).toBe(2);
});
