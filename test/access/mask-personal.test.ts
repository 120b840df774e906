/** Followers read free text with phone and room numbers masked: the masking as a table. */
import { maskPersonalText } from '../../server/core/tickets/mask-personal';

const cases: Array<[string, string]> = [
  ['电话13812345678', '电话138****5678'],
  ['联系我 138 1234 5678 谢谢', '联系我 138****5678 谢谢'],
  ['138-1234-5678', '138****5678'],
  ['+86 13912345678', '139****5678'],
  ['座机0931-8123456', '座机0931-*******'],
  ['座机 (0931)88123456', '座机 (0931)-********'],
  ['拨打09318123456', '拨打0931-*******'],
  ['3单元702漏水', '3单元***漏水'],
  ['3单元 702 漏水', '3单元*** 漏水'],
  ['2号楼702', '2号楼***'],
  ['5栋1202有人飞线充电', '5栋***有人飞线充电'],
  ['702室楼上漏水', '***室楼上漏水'],
  ['住在1202号房', '住在***号房'],
  ['3-1-502门口', '3-1-***门口'],
  // What says where the problem is, not who lives there, stays.
  ['3号楼2单元楼道灯坏了', '3号楼2单元楼道灯坏了'],
  ['7楼走廊有电动车', '7楼走廊有电动车'],
  ['已堵塞3天，共15个井盖', '已堵塞3天，共15个井盖'],
  ['12345热线', '12345热线'],
  ['2026年6月20日', '2026年6月20日'],
  ['', ''],
];

test.each(cases)('%s → %s', (text, masked) => {
  expect(maskPersonalText(text)).toBe(masked);
});

test('masking twice changes nothing more', () => {
  for (const [text] of cases) expect(maskPersonalText(maskPersonalText(text))).toBe(maskPersonalText(text));
});
