// The `message` cloud function: a thin entry. Identity comes from the WeChat context inside cloudFunction (server/production).
import { cloudFunction } from '../../server/production/main';
import { messageFunction } from '../../server/functions/message';

export const main = cloudFunction(messageFunction);
