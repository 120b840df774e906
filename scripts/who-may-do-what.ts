/**
 * Writes the "Who may do what" section, rendered from the authorization matrix's rows (test/access/rows), into
 * README.md when it has the section's markers, else into NOTES-privacy.md. test/access/complete.test.ts checks
 * that the text matches the rows. Usage: npx tsx scripts/who-may-do-what.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { DOC_BEGIN, DOC_END, renderMarkdown } from '../test/access/matrix';
import { allRows } from '../test/access/rows';

const root = join(__dirname, '..');
const readme = join(root, 'README.md');
const notes = join(root, 'NOTES-privacy.md');
const target = readFileSync(readme, 'utf8').includes(DOC_BEGIN) || !existsSync(notes) ? readme : notes;
const text = readFileSync(target, 'utf8');
const start = text.indexOf(DOC_BEGIN);
const end = text.indexOf(DOC_END);
const section = renderMarkdown(allRows);
const next =
  start >= 0 && end > start
    ? text.slice(0, start) + section + text.slice(end + DOC_END.length)
    : `${text.trimEnd()}\n\n## Who may do what\n\n${section}\n`;
void format(next, { filepath: target }).then((formatted) => writeFileSync(target, formatted));
console.log(`wrote the "Who may do what" section (${allRows.length} actions) to ${target}`);
