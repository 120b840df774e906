import { templateData } from '../../server/core/notifications/message-data';
import type { Notification } from '../../server/core/notifications/model';
import { fieldValue, truncateText, wechatTime } from '../../server/core/notifications/wechat-fields';

describe('subscribe message fields within WeChat limits', () => {
  test('a thing longer than 20 characters is cut to 20, the ellipsis included', () => {
    const value = fieldValue(
      'thing2',
      '吴家园社区第三网格六号楼东侧下水井堵塞污水外溢严重影响通行',
      'subject',
    );
    expect([...value]).toHaveLength(20);
    expect(value).toBe('吴家园社区第三网格六号楼东侧下水井堵塞…');
  });

  test('a thing of 20 characters or fewer is kept as is', () => {
    expect(fieldValue('thing1', '3号楼下水井堵塞', 'subject')).toBe('3号楼下水井堵塞');
  });

  test('cutting never splits an emoji or a surrogate pair', () => {
    const value = truncateText('楼道灯不亮了👨‍👩‍👧请尽快修理谢谢大家辛苦了𠀋𠀋𠀋', 9);
    expect(value).toBe('楼道灯不亮了…');
    expect(truncateText('𠀋𠀋𠀋𠀋', 3)).toBe('𠀋𠀋…');
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(value)).toBe(false);
  });

  test('line breaks and control characters become single spaces', () => {
    expect(fieldValue('thing3', '已联系物业\n明天\t上午维修', 'note')).toBe('已联系物业 明天 上午维修');
  });

  test('a phrase keeps only Chinese characters, at most 5', () => {
    expect(fieldValue('phrase3', '已受理', 'status')).toBe('已受理');
    expect(fieldValue('phrase3', '处理中(第2次)', 'status')).toBe('处理中第次');
    expect(fieldValue('phrase1', '网格员已经签收了', 'status')).toBe('网格员已经');
  });

  test('an empty value is replaced, because WeChat refuses empty fields', () => {
    expect(fieldValue('thing4', '   ', 'place')).toBe('无');
    expect(fieldValue('phrase2', 'OK!', 'status')).toBe('有更新');
  });

  test('times are written in Asia/Shanghai in the format WeChat accepts', () => {
    expect(wechatTime('2026-06-20T01:05:00Z')).toBe('2026年6月20日 09:05');
    expect(fieldValue('time4', '2026-06-20T14:05:00+08:00', 'time')).toBe('2026年6月20日 14:05');
  });

  test('a character_string drops Chinese and spaces and keeps 32 at most', () => {
    expect(fieldValue('character_string1', '工单 ticket_20260620_0001', 'ticketNo')).toBe(
      'ticket_20260620_0001',
    );
    expect([...fieldValue('character_string1', 'x'.repeat(40), 'ticketNo')]).toHaveLength(32);
  });

  test('a template is filled from the facts, falling back to the in-app text', () => {
    const n = {
      _id: 'ntf_1',
      kind: 'ticketResolved',
      title: '您反映的问题已办结',
      body: '已疏通下水井，请确认',
      createdAt: '2026-06-20T10:30:00+08:00',
      ticketId: 'ticket_7',
      noticeId: null,
      facts: { subject: '3号楼下水井堵塞' },
    } as unknown as Notification;
    const data = templateData(
      {
        id: 't',
        fields: {
          thing1: 'subject',
          phrase2: 'status',
          thing3: 'note',
          time4: 'time',
          character_string5: 'ticketNo',
        },
      },
      n,
    );
    expect(data).toEqual({
      thing1: { value: '3号楼下水井堵塞' },
      phrase2: { value: '已办结' },
      thing3: { value: '已疏通下水井，请确认' },
      time4: { value: '2026年6月20日 10:30' },
      character_string5: { value: 'ticket_7' },
    });
  });
});
