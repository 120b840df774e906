/**
 * Every icon-only control has a spoken name: a tappable element (bindtap/catchtap, button, t-button,
 * t-icon) whose visible content is only symbols (＋, ×, ★, ▸ …), only an image, or nothing, must carry an
 * aria-label, which screen readers (VoiceOver, TalkBack) read instead.
 */
import { readSource, sourceFiles } from './checks/sources';
import { allElements, isTappable, parseWxml, textOf, type Element } from './checks/wxml';

/**
 * Controls that draw their own content from properties (ticket-card, t-cell) and the map, which is the
 * place being chosen rather than a control: their names come from within.
 */
function drawsItsOwnContent(el: Element): boolean {
  return el.tag === 'map' || (el.tag.includes('-') && el.tag !== 't-icon' && el.tag !== 't-button');
}

/** Words a person can read: a letter, a digit or a CJK character, or a {{ }} binding (text at run time). */
function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.replace(/\{\{[\s\S]*?\}\}/g, '字'));
}

/** The unnamed icon-only controls of a template, as 'line N: <tag> "text"'. */
function unnamed(template: string): string[] {
  return allElements(parseWxml(template))
    .filter((el: Element) => isTappable(el) && !drawsItsOwnContent(el))
    .filter((el) => !(el.attributes.get('aria-label') ?? '').trim())
    .filter(
      (el) => el.tag === 't-icon' || !(hasWords(textOf(el)) || allElements(el).some(drawsItsOwnContent)),
    )
    .map((el) => `line ${el.line}: <${el.tag}> "${textOf(el)}"`);
}

describe('aria-label on icon-only controls', () => {
  test.each(sourceFiles('.wxml'))('%s', (file) => {
    expect(unnamed(readSource(file))).toEqual([]);
  });

  test('the check finds ×, ＋, a star, a bare image and a t-icon without a label, and passes words and labels', () => {
    const template = [
      '<view class="photo-remove" bindtap="onRemove">×</view>',
      '<view class="add" bindtap="onAdd">＋</view>',
      '<text wx:for="{{stars}}" catchtap="onStar">{{item <= n ? "★" : "☆"}}</text>',
      '<image src="{{src}}" bindtap="onPhoto" />',
      '<t-icon name="chevron-right" />',
      '<view bindtap="onBack">‹ 返回</view>',
      '<view bindtap="onOpen">{{item.title}}</view>',
      '<view aria-label="删除照片" bindtap="onRemove">×</view>',
      '<view>×</view>',
      '<ticket-card card="{{item}}" bindtap="onCard" />',
      '<view bindtap="onCard"><ticket-card card="{{item}}" /></view>',
    ].join('\n');
    expect(unnamed(template)).toEqual([
      'line 1: <view> "×"',
      'line 2: <view> "＋"',
      'line 4: <image> ""',
      'line 5: <t-icon> ""',
    ]);
  });
});
