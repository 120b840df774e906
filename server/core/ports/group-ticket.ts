/**
 * Decodes the WeChat group a notice card was opened from (wx.getGroupEnterInfo's cloudID, valid 5 minutes).
 * Production asks WeChat itself to decode the cloudID (wx-server-sdk getOpenData), so that a client cannot
 * hand in a made-up group; locally, where there is no WeChat, it accepts signed test tokens with an expiry.
 * Outcomes are values: a refused ticket is an answer, not an exception.
 */
export type GroupTicketResult =
  { ok: true; opengid: string } | { ok: false; reason: 'forged' | 'expired' | 'unavailable' };

export interface GroupTicketDecoder {
  decode(cloudID: string, now: Date): Promise<GroupTicketResult>;
}
