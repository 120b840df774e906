/** The local cloud over real HTTP, tried as a careless or hostile client would: it answers, it never crashes. */
import { connect } from 'node:net';
import { DEV_OPENID_HEADER } from '../../server/local-cloud/http';
import { startHttpHarness, type HttpHarness } from '../support/http-harness';

const STAFF = 'dev-staff-wujiayuan';
const RESIDENT = 'dev-resident-liu';

/** One raw HTTP/1.1 exchange on a fresh socket: what came back, and whether the server closed the socket. */
function rawExchange(port: number, request: string | Buffer): Promise<{ head: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('error', reject);
    // The test waits for the server to close; a connection left open fails the test by its timeout.
    socket.on('close', () => resolve({ head: text.split('\r\n\r\n')[0]!, closed: true }));
    socket.write(request);
  });
}

describe('the local cloud over HTTP, hardened', () => {
  let http: HttpHarness;
  let port: number;
  beforeAll(async () => {
    http = await startHttpHarness();
    port = Number(new URL(http.baseUrl).port);
  });
  afterAll(() => http.close());

  const upload = (path: string, body: number[] = [0xff, 0xd8, 0xff], openid = RESIDENT) =>
    fetch(`${http.baseUrl}/files?path=${encodeURIComponent(path)}`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', [DEV_OPENID_HEADER]: openid },
      body: Buffer.from(body),
    });

  it('answers a malformed escape in a file path with 400, and a folder path with 404, never 500', async () => {
    expect((await upload('tickets/20990101/a.jpg')).status).toBe(200);
    const bad = await fetch(`${http.baseUrl}/files/%`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } });
    expect((await fetch(`${http.baseUrl}/files/%E4%B8`)).status).toBe(400);
    for (const folder of ['tickets', 'tickets/20990101', 'tickets/20990101/'])
      expect((await fetch(`${http.baseUrl}/files/${folder}`)).status).toBe(404);
  });

  it('refuses an upload whose path names a folder, so later photos of that folder still store', async () => {
    for (const path of ['tickets/20990102', 'tickets/20990102.d/a.jpg', 'tickets/x.exe', 'tickets//a.jpg']) {
      const res = await upload(path);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } });
    }
    expect((await upload('tickets/20990102/1.jpg')).status).toBe(200);
    expect((await upload('tickets/20990102/2.jpg')).status).toBe(200);
  });

  it('refuses through the Files adapter a file in a folder`s place or under a file', async () => {
    await http.deps.files.put('tickets/20990103/1.jpg', new Uint8Array([1]), 'image/jpeg');
    await expect(
      http.deps.files.put('tickets/20990103', new Uint8Array([1]), 'image/jpeg'),
    ).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
    await expect(
      http.deps.files.put('tickets/20990103/1.jpg/2.jpg', new Uint8Array([1]), 'image/jpeg'),
    ).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
    expect(await http.deps.files.exists('local://tickets/20990103')).toBe(false);
    expect(await http.deps.files.exists('local://tickets/20990103/1.jpg')).toBe(true);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
    'knows no function called %s, and lists the known ones',
    async (name) => {
      const { status, json } = await http.post(name, { action: 'me' }, STAFF);
      expect(status).toBe(404);
      expect(json).toMatchObject({ ok: false, error: { code: 'VALIDATION.UNKNOWN_ACTION' } });
      const message = !json.ok ? json.error.message : '';
      for (const known of ['user', 'ticket', 'notice', 'grid', 'message']) expect(message).toContain(known);
    },
  );

  it.each(['constructor', 'toString', 'nope'])(
    'knows no action called %s, and lists the known ones',
    async (action) => {
      const { json } = await http.post('ticket', { action }, STAFF);
      expect(json).toMatchObject({ ok: false, error: { code: 'VALIDATION.UNKNOWN_ACTION' } });
      const message = !json.ok ? json.error.message : '';
      for (const known of ['submit', 'accept', 'resolve', 'confirm']) expect(message).toContain(known);
    },
  );

  it('answers a file id that climbs out of storage with a validation error, not INTERNAL', async () => {
    const submitted = await http.post(
      'ticket',
      {
        action: 'submit',
        clientRequestId: `climb-${process.pid}`,
        category: 'garbage',
        description: '垃圾桶满了',
        photos: ['local://../../etc/passwd'],
        place: { kind: 'building', buildingId: 'b_jiaojiawan_6413_2' },
      },
      RESIDENT,
    );
    expect(submitted.json).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } });
    const imported = await http.post(
      'grid',
      {
        action: 'importBoundaries',
        communityId: 'c_wujiayuan',
        fileId: 'local://exports/../../../x.geojson',
      },
      STAFF,
    );
    expect(imported.json).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } });
    await expect(http.deps.files.read('local://a/../../x')).rejects.toMatchObject({
      code: 'IMPORT.FILE_NOT_FOUND',
    });
  });

  it('lets no foreign web page send the identity header: no wildcard origin, preflight refused', async () => {
    const preflight = await fetch(`${http.baseUrl}/fn/user`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': DEV_OPENID_HEADER,
      },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    const post = await fetch(`${http.baseUrl}/fn/user`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: '{"action":"me"}',
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    const plain = await fetch(`${http.baseUrl}/`);
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows a page served from this machine', async () => {
    const preflight = await fetch(`${http.baseUrl}/fn/user`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toContain(DEV_OPENID_HEADER);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const { head } = await rawExchange(
      port,
      'GET / HTTP/1.1\r\nHost: evil.example:3900\r\nConnection: close\r\n\r\n',
    );
    expect(head).toMatch(/^HTTP\/1\.1 421/);
  });

  it('closes the connection after refusing an oversize body, declared or streamed', async () => {
    const big = 'x'.repeat(150 * 1024);
    const declared = await rawExchange(
      port,
      `POST /fn/user HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${big.length}\r\nConnection: keep-alive\r\n\r\n${big}`,
    );
    expect(declared.head).toMatch(/^HTTP\/1\.1 413/);
    expect(declared.head.toLowerCase()).toContain('connection: close');
    expect(declared.closed).toBe(true);

    const chunked = await rawExchange(
      port,
      `POST /fn/user HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Transfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n` +
        `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`,
    );
    expect(chunked.head).toMatch(/^HTTP\/1\.1 413/);
    expect(chunked.closed).toBe(true);
    expect((await http.post('user', { action: 'me' }, STAFF)).json.ok).toBe(true);
  });

  it('serves exported files with Chinese names at a URL that carries the port', async () => {
    const { json } = await http.post(
      'grid',
      { action: 'export', communityId: 'c_wujiayuan', kind: 'buildings', format: 'csv' },
      STAFF,
    );
    if (!json.ok) throw new Error(json.error.message);
    const { fileId, fileName } = json.data as { fileId: string; fileName: string };
    expect(fileName).toBe('楼栋台账.csv');
    const url = await http.deps.files.url(fileId);
    expect(url.startsWith(`${http.baseUrl}/files/`)).toBe(true);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('楼栋台账.csv'));
    expect(Buffer.from(await res.arrayBuffer()).toString('utf8')).toContain('楼栋');
  });

  it('says which header is missing when a call has no identity, and which action when it never logged in', async () => {
    const anonymous = await http.post('user', { action: 'me' });
    expect(anonymous.json).toMatchObject({ ok: false, error: { code: 'AUTH.UNAUTHENTICATED' } });
    expect(!anonymous.json.ok && anonymous.json.error.message).toContain(DEV_OPENID_HEADER);
    const stranger = await http.post('ticket', { action: 'mine', scope: 'all' }, 'never-logged-in');
    expect(stranger.json).toMatchObject({ ok: false, error: { code: 'AUTH.UNAUTHENTICATED' } });
    expect(!stranger.json.ok && stranger.json.error.message).toContain('login');
  });

  it('lists the communities with their ids at GET /, so a newcomer finds the ids actions take', async () => {
    const status = (await (await fetch(`${http.baseUrl}/`)).json()) as {
      communities: Array<{ communityId: string; name: string }>;
    };
    expect(status.communities).toContainEqual({ communityId: 'c_wujiayuan', name: '吴家园社区' });
    expect(status.communities).toHaveLength(5);
  });
});
