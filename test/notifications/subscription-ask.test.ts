/**
 * What a moment asks for (issue 13 item 3): the worker's task templates until a long-term grant is in place,
 * then only what is still one-time; `ready` says whether the main template's grant is usable now, and a
 * one-time grant is spent by the message it allowed, so the moment asks again.
 */
import { subscriptionAsk } from '../../server/core/notifications/subscription-ask';
import { recordAnswers, reserveGrant, subscriptionId } from '../../server/core/notifications/subscriptions';
import type { TemplateSet } from '../../server/core/notifications/templates';
import { createHarness, type Harness } from '../support/harness';

const fields = { thing1: 'subject' as const };
/** A 政务民生 account: the task template is long-term, the others one-time. */
const TEMPLATES: TemplateSet = {
  task: { id: 'lt-task', longTerm: true, fields },
  escalation: { id: 'ot-escalation', fields },
  progress: { id: 'ot-progress', fields },
  resolved: { id: 'ot-resolved', fields },
  accepted: { id: 'ot-accepted', fields },
};

describe('what one moment asks for', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  test('a long-term template is asked alone (WeChat refuses a mix), until the user accepted it', async () => {
    const now = h.clock.now();
    expect(await subscriptionAsk(h.deps.store, TEMPLATES, 'u1', 'task')).toEqual({
      templateIds: ['lt-task'],
      ready: false,
    });
    await recordAnswers(h.deps.store, TEMPLATES, 'u1', { 'lt-task': 'accept' }, now);
    expect(await subscriptionAsk(h.deps.store, TEMPLATES, 'u1', 'task')).toEqual({
      templateIds: ['ot-escalation', 'ot-progress'],
      ready: true,
    });
    // Another user's grant is theirs alone.
    expect((await subscriptionAsk(h.deps.store, TEMPLATES, 'u2', 'task')).ready).toBe(false);
  });

  test('a one-time grant is ready until its message is sent, then the moment asks again', async () => {
    const now = h.clock.now();
    await recordAnswers(h.deps.store, TEMPLATES, 'u1', { 'ot-resolved': 'accept' }, now);
    expect(await subscriptionAsk(h.deps.store, TEMPLATES, 'u1', 'ticketResolution')).toEqual({
      templateIds: ['ot-resolved'],
      ready: true,
    });
    const grant = (await h.deps.store.get('subscriptions', subscriptionId('u1', 'ot-resolved')))!;
    expect(await reserveGrant(h.deps.store, grant)).toBe(true);
    expect(await subscriptionAsk(h.deps.store, TEMPLATES, 'u1', 'ticketResolution')).toEqual({
      templateIds: ['ot-resolved'],
      ready: false,
    });
  });

  test('a refusal leaves the moment not ready; nothing configured asks nothing', async () => {
    await recordAnswers(h.deps.store, TEMPLATES, 'u1', { 'lt-task': 'reject' }, h.clock.now());
    expect(await subscriptionAsk(h.deps.store, TEMPLATES, 'u1', 'task')).toEqual({
      templateIds: ['lt-task'],
      ready: false,
    });
    expect(await subscriptionAsk(h.deps.store, {}, 'u1', 'task')).toEqual({ templateIds: [], ready: false });
  });

  test('through the message function: a worker’s sign-for moment, before and after accepting', async () => {
    const worker = h.as('dev-worker-jiaojiawan-01-1');
    const before = await worker.ok('message', 'templates', { purpose: 'task' });
    expect(before).toEqual({
      templateIds: ['demo-tmpl-task', 'demo-tmpl-escalation', 'demo-tmpl-progress'],
      ready: false,
    });
    await worker.ok('message', 'subscribe', { answers: { 'demo-tmpl-task': 'accept' } });
    expect((await worker.ok('message', 'templates', { purpose: 'task' })).ready).toBe(true);
    const follow = await h.as('dev-resident-liu').ok('message', 'templates', { purpose: 'ticketFollow' });
    expect(follow).toEqual({
      templateIds: ['demo-tmpl-resolved', 'demo-tmpl-progress', 'demo-tmpl-accepted'],
      ready: false,
    });
  });
});
