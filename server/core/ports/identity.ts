/** Who is calling, as the platform says: WeChat's context in production, a dev header in the local cloud. */
export interface Caller {
  openid: string;
  appid?: string;
}

/** Resolves the caller of one invocation; null when the platform names nobody (e.g. a timer trigger). */
export interface Identity<Ctx> {
  resolve(ctx: Ctx): Promise<Caller | null>;
}
