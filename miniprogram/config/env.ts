/**
 * Where the mini-program's calls go, chosen by the build WeChat runs (wx.getAccountInfoSync().miniProgram
 * .envVersion), never by editing a file before a release:
 *
 * - develop (DevTools, 开发版): `developTransport` decides — 'local' (a fresh checkout, and the only choice
 *   with the placeholder appid "touristappid", which has no cloud) calls the local cloud that `npm start` runs,
 *   at `localBaseUrl`, over wx.request, acting as `devOpenid` through the dev header x-gridlink-openid (any demo
 *   openid `npm start` prints). DevTools simulator only: the local cloud accepts the dev header from 127.0.0.1.
 * - trial (体验版) and release (正式版): always wx.cloud.callFunction in the CloudBase environment `cloudEnv`,
 *   whatever `developTransport` says — a build a user can open never calls 127.0.0.1.
 */
export type AppEnv =
  { mode: 'local'; localBaseUrl: string; devOpenid: string } | { mode: 'cloud'; cloudEnv: string };

export type EnvVersion = 'develop' | 'trial' | 'release';

export interface EnvSettings {
  /** The CloudBase environment id (云开发控制台 → 环境 ID). */
  cloudEnv: string;
  /** What a develop build uses. */
  developTransport: 'local' | 'cloud';
  localBaseUrl: string;
  devOpenid: string;
}

export const envSettings: EnvSettings = {
  cloudEnv: 'gridlink-prod',
  developTransport: 'local',
  localBaseUrl: 'http://127.0.0.1:3900',
  devOpenid: 'dev-staff-wujiayuan',
};

/** The transport of a build: local only for a develop build that asks for it; anything else is the cloud. */
export function appEnvFor(envVersion: string, settings: EnvSettings = envSettings): AppEnv {
  if (envVersion === 'develop' && settings.developTransport === 'local')
    return { mode: 'local', localBaseUrl: settings.localBaseUrl, devOpenid: settings.devOpenid };
  return { mode: 'cloud', cloudEnv: settings.cloudEnv };
}

let chosen: AppEnv | null = null;

/** Set once at launch (app.ts) from the build's envVersion; tests set it directly. */
export function setAppEnv(next: AppEnv): void {
  chosen = next;
}

/** The environment in use. Before app.ts chose one: the cloud, the choice that never reaches 127.0.0.1. */
export function appEnv(): AppEnv {
  return chosen ?? appEnvFor('release');
}
