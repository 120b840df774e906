/** Every row of the authorization matrix, by function. A new function adds its file here. */
import type { FunctionName } from '../../../typings/functions';
import type { Row } from '../matrix';
import { figureRows } from './figures';
import { gridRows } from './grid';
import { messageRows } from './message';
import { noticeRows } from './notice';
import { onboardingGridRows, onboardingUserRows } from './onboarding';
import { schedulerRows } from './scheduler';
import { ticketRows } from './ticket';
import { userRows } from './user';
import { workbenchRows } from './workbench';

export const rowsByFunction: Record<FunctionName, Row[]> = {
  user: [...userRows, ...onboardingUserRows],
  grid: [...gridRows, ...onboardingGridRows],
  ticket: [...ticketRows, ...figureRows, ...workbenchRows],
  notice: noticeRows,
  message: messageRows,
  scheduler: schedulerRows,
};

export const allRows: Row[] = Object.values(rowsByFunction).flat();
