/** Who the user is: one function per action of the `user` cloud function that pages need. */
import type { Me } from '../../typings/user';
import { callApi } from './api';

/** Creates the user on first use (by the platform's openid) and answers who they are. */
export function login(): Promise<Me> {
  return callApi('user', 'login', {});
}

/** Who the user is now: roles and household. */
export function me(): Promise<Me> {
  return callApi('user', 'me', {});
}
