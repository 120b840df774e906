/** The `user` cloud function: log in, who am I, roles, household binding. */
import * as z from 'zod';
import type { UserActions } from '../../typings/user';
import { bindHousehold } from '../core/users/bind-household';
import { loadActor } from '../core/users/actor';
import { login } from '../core/users/login';
import { meView } from '../core/users/me-view';
import { grantRole, revokeRole } from '../core/users/roles';
import { defineFunction } from './define';
import { empty, id, roleGrantSchema } from './schemas';

export const userFunction = defineFunction<UserActions>('user', {
  login: {
    input: z.object({ name: z.string().trim().max(32).optional() }),
    run: (deps, caller, input) => login(deps, caller, input),
  },
  me: {
    input: empty,
    run: async (deps, caller) => meView(deps.store, await loadActor(deps.store, caller)),
  },
  grantRole: {
    input: z.object({ userId: id, grant: roleGrantSchema }),
    run: (deps, caller, input) => grantRole(deps, caller, input),
  },
  revokeRole: {
    input: z.object({ userId: id, grant: roleGrantSchema }),
    run: (deps, caller, input) => revokeRole(deps, caller, input),
  },
  bindHousehold: {
    input: z.object({ userId: id.optional(), householdId: id }),
    run: (deps, caller, input) => bindHousehold(deps, caller, input),
  },
});
