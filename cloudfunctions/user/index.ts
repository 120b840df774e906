// The `user` cloud function: a thin entry. Identity comes from the WeChat context inside cloudFunction (server/production).
import { cloudFunction } from '../../server/production/main';
import { userFunction } from '../../server/functions/user';

export const main = cloudFunction(userFunction);
