/**
 * Where the mini-program's calls go. Edit this file to switch; app.ts reads it once at launch.
 *
 * - 'local' (the default for a fresh checkout, and the only choice with the placeholder appid
 *   "touristappid", which has no cloud): every call is a wx.request POST to `${localBaseUrl}/fn/<name>` on
 *   the local cloud that `npm start` runs, acting as `devOpenid` through the dev header x-gridlink-openid.
 *   Pick any demo openid `npm start` prints (dev-staff-wujiayuan, dev-resident-liu, …). DevTools simulator
 *   only: the local cloud accepts the dev header from 127.0.0.1 alone, so a phone preview cannot use it.
 * - 'cloud': wx.cloud.callFunction against the CloudBase environment `cloudEnv`; WeChat supplies the openid.
 */
export type AppEnv =
  { mode: 'local'; localBaseUrl: string; devOpenid: string } | { mode: 'cloud'; cloudEnv: string };

export const appEnv: AppEnv = {
  mode: 'local',
  localBaseUrl: 'http://127.0.0.1:3900',
  devOpenid: 'dev-staff-wujiayuan',
};
