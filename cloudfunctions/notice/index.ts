// The `notice` cloud function: a thin entry. Identity comes from the WeChat context inside cloudbaseHandler.
import { cloudbaseHandler } from '../../server/adapters/cloudbase/runtime';
import { noticeFunction } from '../../server/functions/notice';

export const main = cloudbaseHandler(noticeFunction);
