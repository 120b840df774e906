/**
 * Every error tells the person what to do next (issue 13 item 5): each standard message, and each one-line
 * message a use case writes instead, asks for a step (请…), and none shows an id or English.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessages } from '../../server/core/errors';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const saysNextStep = (message: string) => message.includes('请');
// Ids look like tk_x, u-1, outbox_…; English words are three letters or more (GeoJSON, MB and 2026-06 are fine).
const showsIdOrEnglish = (message: string) =>
  /\b[a-z]+[_-][a-z0-9]+\b|\b(?!GeoJSON\b)[A-Za-z]{3,}\b/.test(message);

test.each(Object.entries(errorMessages))('%s says what to do next, with no id', (_code, message) => {
  expect({ message, next: saysNextStep(message), id: showsIdOrEnglish(message) }).toEqual({
    message,
    next: true,
    id: false,
  });
});

test("every one-line message a use case writes instead (`{ message: '…' }`) says what to do next", () => {
  const override = /\{ message: '([^']*\p{Script=Han}[^']*)' \}/gu;
  const silent = sources(join(ROOT, 'server')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(override)]
      .map((m) => m[1] ?? '')
      .filter((message) => !saysNextStep(message))
      .map((message) => `${file.slice(ROOT.length + 1)}: ${message}`),
  );
  expect(silent).toEqual([]);
});
