/**
 * One table of status words (issue 13 item 5): a push and a page say the same word for the same state, and
 * no push writes its status as a literal of its own.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { noticeStateLabels as clientNoticeStates } from '../../miniprogram/labels/notice-states';
import { statusLabels as clientTicketStatuses } from '../../miniprogram/tickets/labels';
import {
  momentWords,
  noticeStateWords,
  ticketStatusWords,
} from '../../server/core/notifications/status-words';
import { KIND_STATUS } from '../../server/core/notifications/templates';
import { noticeStateLabels as serverNoticeStateLabels } from '../../server/core/notices/tables';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test("the server's ticket status words are the mini-program's, state for state", () => {
  expect(ticketStatusWords).toEqual(clientTicketStatuses);
});

test("the server's notice state words are the mini-program's, and the notice tables use them", () => {
  expect(noticeStateWords).toEqual(clientNoticeStates);
  expect(serverNoticeStateLabels).toBe(noticeStateWords);
});

test('every fallback status of a push is a word of the shared tables', () => {
  const words = new Set<string>([
    ...Object.values(ticketStatusWords),
    ...Object.values(noticeStateWords),
    ...Object.values(momentWords),
  ]);
  expect(Object.values(KIND_STATUS).filter((w) => !words.has(w))).toEqual([]);
});

test("no push in server/ writes its status as a Chinese literal (`status: '…'`): it names a table's word", () => {
  const literal = /\bstatus\??:\s*(?:[^,\n]*\?\s*)?'[^']*\p{Script=Han}/u;
  const offenders = sources(join(ROOT, 'server')).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        literal.test(line) ? [`${file.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
  expect(offenders).toEqual([]);
});
