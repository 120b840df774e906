/**
 * A cloud function is a table: action → input schema → use case. `invoke` is the one path every call takes,
 * in production and in the local cloud: validate, call the core, reply with a typed result or typed error.
 */
import type * as z from 'zod/mini';
import type { ActionMap, ApiResult } from '../../typings/common';
import { AppError, isAppError } from '../core/errors';
import type { Deps } from '../core/ports';
import type { Caller } from '../core/ports/identity';
import { dispatchQueued, trackOutbox } from './after-action';
import { issueSentence } from './validation-messages';

export interface ActionSpec<Req, Res> {
  input: z.ZodMiniType<Req>;
  /** Runs with no caller (timer triggers, the scheduler). Default: a caller is required. */
  anonymous?: boolean;
  run(deps: Deps, caller: Caller, input: Req): Promise<Res>;
}

export type FunctionSpec<A extends ActionMap> = {
  name: string;
  actions: { [K in keyof A]: ActionSpec<A[K]['req'], A[K]['res']> };
};

export function defineFunction<A extends ActionMap>(
  name: string,
  actions: FunctionSpec<A>['actions'],
): FunctionSpec<A> {
  return { name, actions };
}

/** Fields the platform adds to every event; never part of an action's input. */
const PLATFORM_FIELDS = ['action', 'userInfo'];

/** Where a scheduled run with no caller acts from. */
export const SYSTEM_CALLER: Caller = { openid: 'system' };

export async function invoke(
  spec: FunctionSpec<ActionMap>,
  deps: Deps,
  caller: Caller | null,
  event: unknown,
): Promise<ApiResult<unknown>> {
  try {
    if (!event || typeof event !== 'object' || Array.isArray(event)) {
      throw new AppError('VALIDATION.FAILED', { message: '请求格式不正确：需要一个 JSON 对象' });
    }
    const { action } = event as { action?: unknown };
    const actionSpec =
      typeof action === 'string' && Object.hasOwn(spec.actions, action) ? spec.actions[action] : undefined;
    if (!actionSpec)
      throw new AppError('VALIDATION.UNKNOWN_ACTION', {
        message: `${spec.name} 云函数没有${typeof action === 'string' ? `「${action.slice(0, 40)}」` : '这个'}操作，可用的操作有：${Object.keys(spec.actions).join('、')}`,
        details: { action, known: Object.keys(spec.actions) },
      });
    if (!caller && !actionSpec.anonymous) throw new AppError('AUTH.UNAUTHENTICATED');

    const fields = Object.fromEntries(
      Object.entries(event).filter(([key]) => !PLATFORM_FIELDS.includes(key)),
    );
    const parsed = actionSpec.input.safeParse(fields);
    if (!parsed.success) {
      // The message names the field in Chinese (validation-messages.ts); details keep the path for developers.
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issueSentence(spec.name, action as string, issue, fields),
      }));
      const [first, ...rest] = issues;
      throw new AppError('VALIDATION.FAILED', {
        message: first
          ? `${first.message}${rest.length > 0 ? `（另有 ${rest.length} 处需要修改）` : ''}`
          : undefined,
        details: { issues },
      });
    }
    // Notifications the action queued are sent before the reply (after-action.ts); its failures never fail the action.
    const tracked = trackOutbox(deps);
    const data = await actionSpec.run(tracked.deps, caller ?? SYSTEM_CALLER, parsed.data);
    await dispatchQueued(deps, tracked.queued);
    return { ok: true, data };
  } catch (error) {
    if (isAppError(error))
      return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
    // Unknown failures are logged with their stack here and answered without internals.
    console.error(`[${spec.name}] unexpected error`, error);
    return { ok: false, error: { code: 'INTERNAL', message: new AppError('INTERNAL').message } };
  }
}
