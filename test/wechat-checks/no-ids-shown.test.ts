/**
 * No id reaches people (issue 13 item 5): no page or component template shows an id field as text. Ids may
 * travel in attributes (data-id, wx:key, a url), never between tags where they would be read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wxmlFiles } from '../../scripts/wxml-check';

const ROOT = join(__dirname, '..', '..', 'miniprogram');

/** The text between tags (attributes and comments removed), where {{…}} is shown to people. */
function shownText(wxml: string): string {
  return wxml.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '\n');
}

/** A name that holds an id: ticketId, noticeId, _id, id, openid, userIds … */
const ID_NAME = /(?:^|[^\w$])(?:[A-Za-z$]\w*Ids?|_id|id|openid|openId)(?![\w$])/;

function idsShown(wxml: string): string[] {
  return (
    [...shownText(wxml).matchAll(/\{\{([^}]*)\}\}/g)]
      .map((m) => m[1] ?? '')
      // Quoted text inside an expression ('已提交') is words, not a name.
      .filter((expression) => ID_NAME.test(expression.replace(/'[^']*'|"[^"]*"/g, "''")))
  );
}

test('the check can fail: an id between tags is found, the same id in an attribute is not', () => {
  expect(idsShown('<view data-id="{{item.ticketId}}">{{item.title}}</view>')).toEqual([]);
  expect(idsShown('<view>工单 {{item.ticketId}}</view>')).toEqual(['item.ticketId']);
  expect(idsShown('<text>{{notice._id}}</text>')).toEqual(['notice._id']);
});

test('no page or component template shows an id field as text', () => {
  const shown = wxmlFiles(ROOT).flatMap((file) =>
    idsShown(readFileSync(join(ROOT, file), 'utf8')).map((expression) => `${file}: {{${expression}}}`),
  );
  expect(shown).toEqual([]);
});
