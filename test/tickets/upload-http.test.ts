/** The local cloud's upload endpoint (stand-in for wx.cloud.uploadFile) and a submission using its file id. */
import { DEV_OPENID_HEADER } from '../../server/local-cloud/http';
import { startHttpHarness, type HttpHarness } from '../support/http-harness';

describe('POST /files in the local cloud', () => {
  let http: HttpHarness;
  beforeAll(async () => {
    http = await startHttpHarness();
  });
  afterAll(() => http.close());

  const upload = (path: string, body: number[], openid?: string) =>
    fetch(`${http.baseUrl}/files?path=${encodeURIComponent(path)}`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', ...(openid ? { [DEV_OPENID_HEADER]: openid } : {}) },
      body: Buffer.from(body),
    });

  it('gives the stored bytes back at GET /files/<path>, and 404 for a file that is not there', async () => {
    const path = `tickets/download-test-${process.pid}/1.jpg`;
    await upload(path, [0xff, 0xd8, 0xff, 0x01], 'dev-resident-liu');
    const res = await fetch(`${http.baseUrl}/files/${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff, 0x01]);
    expect((await fetch(`${http.baseUrl}/files/tickets/nothing-here.jpg`)).status).toBe(404);
    expect((await fetch(`${http.baseUrl}/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });

  it('stores the bytes and answers a file id that a ticket can carry', async () => {
    const res = await upload(
      `tickets/upload-test-${process.pid}/1.jpg`,
      [0xff, 0xd8, 0xff],
      'dev-resident-liu',
    );
    const json = (await res.json()) as { ok: true; data: { fileId: string } };
    expect(res.status).toBe(200);
    expect(await http.deps.files.exists(json.data.fileId)).toBe(true);

    const submitted = await http.post(
      'ticket',
      {
        action: 'submit',
        clientRequestId: `upload-${process.pid}-${Date.now()}`,
        category: 'garbage',
        description: '垃圾桶满了没人清',
        photos: [json.data.fileId],
        place: { kind: 'building', buildingId: 'b_jiaojiawan_6413_2' },
      },
      'dev-resident-liu',
    );
    expect(submitted.json).toMatchObject({ ok: true, data: { photos: [json.data.fileId] } });
  });

  it('refuses an upload without an identity, and a path that climbs out of storage', async () => {
    expect((await upload('tickets/a.jpg', [1])).status).toBe(401);
    const climbing = await upload('../../etc/passwd', [1], 'dev-resident-liu');
    expect(climbing.status).toBe(400);
    expect(await climbing.json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION.FAILED', message: expect.stringMatching(/^文件路径不合法/) },
    });
  });
});
