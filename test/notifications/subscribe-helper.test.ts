type Options = {
  tmplIds: string[];
  success?: (res: Record<string, string>) => void;
  fail?: (err: { errCode: number }) => void;
};
const requestSubscribeMessage = jest.fn<void, [Options]>();
(globalThis as unknown as { wx: unknown }).wx = { requestSubscribeMessage };

const callApi = jest.fn();
// The shell's transport is mocked: this test is about the helper's timing and what it reports.
jest.mock('../../miniprogram/services/api', () => ({ callApi: (...args: unknown[]) => callApi(...args) }), {
  virtual: true,
});

import { askSubscription, preloadSubscribeTemplates } from '../../miniprogram/services/subscribe';

const IDS = ['tmpl-accepted', 'tmpl-resolved', 'tmpl-escalation'];

describe('asking for subscription on the submit tap', () => {
  beforeEach(async () => {
    jest.clearAllMocks();
    callApi.mockImplementation(async (_fn: string, action: string) =>
      action === 'templates' ? { templateIds: IDS } : { recorded: 1, ignored: 0 },
    );
    await preloadSubscribeTemplates('ticketSubmit');
    callApi.mockClear();
  });

  test("WeChat's dialog opens synchronously, inside the tap, with the configured template ids", () => {
    void askSubscription('ticketSubmit');

    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(requestSubscribeMessage.mock.calls[0]![0].tmplIds).toEqual(IDS);
  });

  test('the answers are reported to the message function, and only real answers', async () => {
    const asked = askSubscription('ticketSubmit');
    requestSubscribeMessage.mock.calls[0]![0].success!({
      errMsg: 'requestSubscribeMessage:ok',
      'tmpl-accepted': 'accept',
      'tmpl-resolved': 'reject',
    });

    expect(await asked).toEqual({ 'tmpl-accepted': 'accept', 'tmpl-resolved': 'reject' });
    expect(callApi).toHaveBeenCalledWith('message', 'subscribe', {
      answers: { 'tmpl-accepted': 'accept', 'tmpl-resolved': 'reject' },
    });
  });

  test('a failed dialog resolves with no answers and reports nothing: the caller goes on', async () => {
    const asked = askSubscription('ticketSubmit');
    requestSubscribeMessage.mock.calls[0]![0].fail!({ errCode: 20004 });

    expect(await asked).toEqual({});
    expect(callApi).not.toHaveBeenCalled();
  });

  test('a failed report of the answers never reaches the caller', async () => {
    callApi.mockRejectedValue(new Error('offline'));
    const asked = askSubscription('ticketSubmit');
    requestSubscribeMessage.mock.calls[0]![0].success!({ 'tmpl-accepted': 'accept' });

    await expect(asked).resolves.toEqual({ 'tmpl-accepted': 'accept' });
  });

  test('with no templates configured nothing is asked', async () => {
    callApi.mockResolvedValue({ templateIds: [] });
    await preloadSubscribeTemplates('notice');

    expect(await askSubscription('notice')).toEqual({});
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });
});
