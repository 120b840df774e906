// The `notice` cloud function: a thin entry. Identity comes from the WeChat context inside cloudFunction (server/production).
import { cloudFunction } from '../../server/production/main';
import { noticeFunction } from '../../server/functions/notice';

export const main = cloudFunction(noticeFunction);
