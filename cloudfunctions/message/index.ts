// The `message` cloud function: a thin entry. Identity comes from the WeChat context inside cloudbaseHandler.
import { cloudbaseHandler } from '../../server/adapters/cloudbase/runtime';
import { messageFunction } from '../../server/functions/message';

export const main = cloudbaseHandler(messageFunction);
