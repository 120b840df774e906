/** Every cloud function of the project, by name: the local cloud serves these, the build bundles these. */
import type { ActionMap } from '../../typings/common';
import type { FunctionName } from '../../typings/functions';
import type { FunctionSpec } from './define';
import { fieldFunction } from './field';
import { gridFunction } from './grid';
import { messageFunction } from './message';
import { noticeFunction } from './notice';
import { schedulerFunction } from './scheduler';
import { ticketFunction } from './ticket';
import { userFunction } from './user';

export const functions: Record<FunctionName, FunctionSpec<ActionMap>> = {
  user: userFunction,
  grid: gridFunction,
  ticket: ticketFunction,
  notice: noticeFunction,
  message: messageFunction,
  scheduler: schedulerFunction,
  field: fieldFunction,
};
