// The `field` cloud function: a thin entry. Identity comes from the WeChat context inside cloudFunction (server/production).
import { cloudFunction } from '../../server/production/main';
import { fieldFunction } from '../../server/functions/field';

export const main = cloudFunction(fieldFunction);
