// The `user` cloud function: a thin entry. Identity comes from the WeChat context inside cloudbaseHandler.
import { cloudbaseHandler } from '../../server/adapters/cloudbase/runtime';
import { userFunction } from '../../server/functions/user';

export const main = cloudbaseHandler(userFunction);
