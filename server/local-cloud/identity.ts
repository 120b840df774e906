/**
 * Who calls the local cloud: the dev header `x-gridlink-openid`, which only this server reads, and only from
 * loopback clients. Production takes identity from the WeChat context alone.
 */
import type { IncomingMessage } from 'node:http';

export const DEV_OPENID_HEADER = 'x-gridlink-openid';

/** Only the machine itself may claim an identity by header. */
export function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

/** The openid the request claims, or null when it sends none. */
export function claimedOpenid(req: IncomingMessage): string | null {
  const header = req.headers[DEV_OPENID_HEADER];
  return typeof header === 'string' && header.trim() ? header.trim() : null;
}

/**
 * "请先登录" said so that a newcomer knows what to add: the header when there was none, the login action when
 * the openid has never logged in.
 */
export function unauthenticatedMessage(openid: string | null): string {
  return openid
    ? '请先登录：这个身份还没有登录过，请先调用 POST /fn/user {"action":"login"}（带同一个 x-gridlink-openid 请求头）'
    : `请先登录：本地云从请求头 ${DEV_OPENID_HEADER} 读取调用者身份，请加上它（演示账号见 npm start 的输出，如 dev-resident-liu）`;
}
