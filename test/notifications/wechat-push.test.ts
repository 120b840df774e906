import { classifyWechatError } from '../../server/adapters/cloudbase/wechat-push';

const wx = (errCode: number, errMsg = `openapi.subscribeMessage.send:fail ${errCode}`) =>
  Object.assign(new Error(errMsg), { errCode, errMsg });

describe("WeChat's answers to subscribeMessage.send, by code", () => {
  test('43101 (user refused, or no grant left) is refused: kept in-app, not retried', () => {
    expect(classifyWechatError(wx(43101))).toMatchObject({ kind: 'refused', code: 43101 });
  });

  test.each([47003, 40003, 40037, 41030, -604101])('%i is bad data: a bug, not retried', (code) => {
    expect(classifyWechatError(wx(code))).toMatchObject({ kind: 'badData', code });
  });

  test.each([45009, 45011, -1])('%i is throttled: retried later', (code) => {
    expect(classifyWechatError(wx(code))).toMatchObject({ kind: 'throttled', code });
  });

  test.each([40001, 42001])('%i (stale access token) is retried like a network failure', (code) => {
    expect(classifyWechatError(wx(code)).kind).toBe('network');
  });

  test('a code WeChat never documented is still a "no": bad data with its code, not retried', () => {
    expect(classifyWechatError(wx(99999))).toMatchObject({ kind: 'badData', code: 99999 });
  });

  test('a refused connection never left: network, retried', () => {
    expect(
      classifyWechatError(
        Object.assign(new Error('connect ECONNREFUSED 1.2.3.4:443'), { code: 'ECONNREFUSED' }),
      ).kind,
    ).toBe('network');
    expect(classifyWechatError(new Error('getaddrinfo EAI_AGAIN api.weixin.qq.com')).kind).toBe('network');
  });

  test('a timeout or reset with no answer may have been delivered: unknown, never resent', () => {
    expect(classifyWechatError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).kind).toBe(
      'unknown',
    );
    expect(classifyWechatError(new Error('ESOCKETTIMEDOUT')).kind).toBe('unknown');
  });

  test('errcode in snake case, as the HTTP API spells it, is read too', () => {
    expect(classifyWechatError({ errcode: 43101, errmsg: 'user refuse to accept the msg' }).kind).toBe(
      'refused',
    );
  });
});
