/** The transition tables of inspections, care visits and notices decide what may happen in which state. */
import {
  careTransitions,
  authorizeCare,
  permitsCare,
  transitionForOutcome,
} from '../../server/core/care/transitions';
import type { CareDue } from '../../server/core/care/model';
import { authorizeInspection, transitionFor } from '../../server/core/inspections/transitions';
import type { InspectionTask } from '../../server/core/inspections/model';
import {
  authorizeNotice,
  noticePermits,
  noticeTransitions,
  requireLive,
} from '../../server/core/notices/transitions';
import type { NoticeState } from '../../typings/notice';

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('inspection tasks', () => {
  const task = (state: InspectionTask['state']) => ({ state }) as InspectionTask;
  it('a failed item fails the walk; a re-inspection of a failed task may pass it; a passed round is closed', () => {
    expect(transitionFor(true)).toBe('fail');
    expect(authorizeInspection(task('due'), 'fail')).toBe('failed');
    expect(authorizeInspection(task('failed'), 'pass')).toBe('passed');
    expect(codeOf(() => authorizeInspection(task('passed'), 'pass'))).toBe('FIELD.INVALID_STATE');
  });
});

describe('care visits', () => {
  const due = (over: Partial<CareDue>) => ({ state: 'due', escalatedAt: null, ...over }) as CareDue;
  it('nobody home is an attempt that keeps the visit due; meeting someone finishes it', () => {
    expect(authorizeCare(transitionForOutcome('nobodyHome'), due({}))).toBe('due');
    expect(authorizeCare(transitionForOutcome('phone'), due({}))).toBe('done');
    expect(codeOf(() => authorizeCare('visit', due({ state: 'done' })))).toBe('FIELD.INVALID_STATE');
  });
  it('escalates a due visit once', () => {
    expect(permitsCare('escalate', due({}))).toBe(true);
    expect(permitsCare('escalate', due({ escalatedAt: '2026-06-27T09:00:00+08:00' }))).toBe(false);
    expect(careTransitions.escalate.to).toBe('same');
  });
});

describe('notices', () => {
  const n = (state: NoticeState) => ({ state });
  it('staff edit drafts and scheduled notices, correct published ones, never one being published or withdrawn', () => {
    expect(noticePermits('edit', n('draft'))).toBe(true);
    expect(noticePermits('edit', n('published'))).toBe(false);
    expect(noticePermits('correct', n('published'))).toBe(true);
    expect(codeOf(() => authorizeNotice('withdraw', n('publishing')))).toBe('NOTICE.INVALID_STATE');
    expect(codeOf(() => authorizeNotice('publish', n('withdrawn')))).toBe('NOTICE.INVALID_STATE');
    expect(authorizeNotice('publish', n('scheduled'))).toBe('publishing');
    expect(authorizeNotice('complete', n('publishing'))).toBe('published');
  });
  it('residents and workers act on live notices only: withdrawn says so, the rest do not exist for them', () => {
    expect(codeOf(() => requireLive('confirm', n('published')))).toBeNull();
    expect(codeOf(() => requireLive('confirm', n('withdrawn')))).toBe('NOTICE.WITHDRAWN');
    expect(codeOf(() => requireLive('visit', n('draft')))).toBe('NOTICE.NOT_FOUND');
  });
  it('nothing leaves a withdrawn notice', () => {
    const out = Object.entries(noticeTransitions).filter(([, t]) => t.from.includes('withdrawn'));
    expect(out).toEqual([]);
  });
});
