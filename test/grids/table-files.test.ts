/**
 * Ledger CSV files as people send them: saved by Excel (BOM, \r\n), edited again elsewhere (\n), quoted
 * cells with commas and line breaks.
 */
import { readCsv } from '../../server/adapters/ledger/table-files';

describe('reading a ledger CSV', () => {
  test('mixed line endings keep every row apart', () => {
    const table = readCsv(
      '\uFEFF楼栋,单元,房号\r\n2号楼,1单元,701\r\n2号楼,1单元,702\n3号楼,2单元,101\r3号楼,2单元,102\n',
    );
    expect(table.headers).toEqual(['楼栋', '单元', '房号']);
    expect(table.rows).toEqual([
      ['2号楼', '1单元', '701'],
      ['2号楼', '1单元', '702'],
      ['3号楼', '2单元', '101'],
      ['3号楼', '2单元', '102'],
    ]);
  });

  test('a quoted cell keeps its comma and its line break', () => {
    const table = readCsv('名称,备注\r\n"东门, 北侧","第一行\r\n第二行"\r\n');
    expect(table.rows).toEqual([['东门, 北侧', '第一行\n第二行']]);
  });

  test('an unclosed quote is refused with the row it is on', () => {
    expect(() => readCsv('名称,备注\n东门,"没有结束\n')).toThrow(/第 \d+ 行引号不匹配/);
  });
});
