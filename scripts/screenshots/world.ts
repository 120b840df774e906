/**
 * The data the screenshots show: the demo world seeded in memory, then scenario 1 (飞线充电, 六四一三小区
 * 2号楼) driven through the real `ticket` function up to 办结, plus a second report still waiting to be signed
 * for, so that the resident, the worker and the staff each have something on their pages.
 */
import type { Me } from '../../typings/user';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { ApiResult } from '../../typings/common';
import { ManualClock } from '../../server/adapters/local/clocks';
import { sequentialIds } from '../../server/adapters/local/ids';
import type { DueList } from '../../typings/field';
import { seedFieldWork } from '../../server/demo/field-work';
import { seedDemo } from '../../server/demo/seed';
import { invoke } from '../../server/functions/define';
import { functions } from '../../server/functions';
import { createLocalDeps, type LocalDeps } from '../../server/local-cloud/deps';

export const WORLD_START = '2026-06-20T09:00:00+08:00';
export const RESIDENT = 'dev-resident-liu';
export const WORKER = 'dev-worker-jiaojiawan-01-1';
export const STAFF = 'dev-staff-wujiayuan';
/** The other roles of 焦家湾社区, where the world's tickets are. */
export const COMMUNITY = 'c_jiaojiawan';
export const LEADER = 'dev-leader-jiaojiawan-01';
export const COMMUNITY_STAFF = 'dev-staff-jiaojiawan';
export const SECRETARY = 'dev-secretary-jiaojiawan';
export const STREET = 'dev-street-jiaojiawan';
/** Someone who opened the mini-program and bound nothing yet. */
export const NEWCOMER = 'dev-newcomer-shots';

export interface World {
  deps: LocalDeps;
  clock: ManualClock;
  /** The resolved 飞线充电 ticket (timeline, co-handler, photos). */
  resolvedTicketId: string;
  /** A 消防通道 report the worker has not signed for yet. */
  waitingTicketId: string;
  /** A policy notice to the whole of 焦家湾社区, published by its staff. */
  noticeId: string;
  /** The worker's first due inspection and care visit (the demo's field work), if any. */
  inspectionTaskId: string | null;
  careVisit: { dueId: string; place: string; reason: string } | null;
  /** 刘女士's household, with its address: the staff's household-members page opens on it. */
  household: { householdId: string; address: string };
}

const MINUTE = 60_000;

/** Calls `fn.action` as `openid`, throwing on a refusal: the world must be built exactly. */
async function call<T>(deps: LocalDeps, openid: string, fn: string, action: string, req: object): Promise<T> {
  const spec = functions[fn as keyof typeof functions];
  const result = (await invoke(spec, deps, { openid }, { ...req, action })) as ApiResult<T>;
  if (!result.ok)
    throw new Error(`${fn}.${action} as ${openid}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** Builds the world at WORLD_START and leaves its clock a little after the last step. */
export async function buildWorld(): Promise<World> {
  const clock = new ManualClock(WORLD_START);
  const filesRoot = mkdtempSync(join(tmpdir(), 'gridlink-shots-'));
  const deps = createLocalDeps({ clock, ids: sequentialIds(), filesRoot });
  await seedDemo(deps.store);
  const photo = (name: string, hue: number) =>
    deps.files.put(`shots/${name}.png`, fakePhoto(hue), 'image/png');
  type Ticket = { ticketId: string; version: number };

  await call(deps, RESIDENT, 'user', 'login', {});
  await call(deps, WORKER, 'user', 'login', {});
  const filed = await call<Ticket>(deps, RESIDENT, 'ticket', 'submit', {
    clientRequestId: 'shots-report-1',
    category: 'flyingWireCharging',
    description: '7楼有人从窗口吊电线给电动车充电，很危险',
    photos: [await photo('wire', 20)],
    place: { kind: 'building', buildingId: 'b_jiaojiawan_6413_2', unit: '1单元', floor: 7 },
  });
  clock.advance(12 * MINUTE);
  const signed = await call<Ticket>(deps, WORKER, 'ticket', 'accept', filed);
  clock.advance(20 * MINUTE);
  const coHandled = await call<Ticket>(deps, WORKER, 'ticket', 'coHandle', {
    ...signed,
    party: '物业',
    request: '请唐经理通知住户拆除飞线',
  });
  clock.advance(15 * MINUTE);
  const arranged = await call<Ticket>(deps, WORKER, 'ticket', 'progress', {
    ...coHandled,
    note: '临时安排：楼下车棚集中充电点可用，已告知住户',
    photos: [],
  });
  clock.advance(48 * MINUTE);
  await call<Ticket>(deps, WORKER, 'ticket', 'resolve', {
    ...arranged,
    note: '飞线已拆除',
    photos: [await photo('removed-1', 140), await photo('removed-2', 200)],
  });
  clock.advance(30 * MINUTE);
  const waiting = await call<Ticket>(deps, RESIDENT, 'ticket', 'submit', {
    clientRequestId: 'shots-report-2',
    category: 'fireLane',
    description:
      '2号楼东侧消防通道长期停满电动车和三轮车，晚上还有人在通道里堆放纸箱杂物，消防车根本进不来，希望尽快清理并设置禁停标志。',
    photos: [await photo('lane', 50)],
    place: { kind: 'building', buildingId: 'b_jiaojiawan_6413_2' },
  });
  clock.advance(10 * MINUTE);
  await call(deps, RESIDENT, 'ticket', 'submit', {
    clientRequestId: 'shots-letter-1',
    category: 'secretaryLetter',
    description: '书记您好，小区里老人多，能不能在2号楼前装两张休息的长椅？',
    photos: [],
    place: { kind: 'building', buildingId: 'b_jiaojiawan_6413_2' },
  });
  clock.advance(15 * MINUTE);
  const notice = await publishNotice(deps);
  await seedFieldWork(deps);
  for (const openid of [LEADER, COMMUNITY_STAFF, SECRETARY, STREET, NEWCOMER])
    await call(deps, openid, 'user', 'login', {});
  const due = await call<DueList>(deps, WORKER, 'field', 'due', {});
  const visit = due.visits[0];
  return {
    deps,
    clock,
    resolvedTicketId: filed.ticketId,
    waitingTicketId: waiting.ticketId,
    noticeId: notice,
    inspectionTaskId: due.inspections[0]?.taskId ?? null,
    careVisit: visit ? { dueId: visit.dueId, place: visit.placeText, reason: visit.reason } : null,
    household: await residentHousehold(deps),
  };
}

async function publishNotice(deps: LocalDeps): Promise<string> {
  const draft = await call<{ noticeId: string; version: number }>(
    deps,
    COMMUNITY_STAFF,
    'notice',
    'compose',
    {
      communityId: COMMUNITY,
      audience: { scope: 'community', gridIds: [], microGridIds: [], tags: [] },
      title: '城乡居民医保缴费提醒',
      body: [
        {
          kind: 'paragraph',
          spans: [
            { kind: 'text', text: '2027年度城乡居民医保开始缴费，' },
            { kind: 'text', text: '截止日期为12月31日', bold: true },
            { kind: 'text', text: '。行动不便的老人可请网格员上门代办。' },
          ],
        },
      ],
      category: 'medicalInsurance',
      coverFileId: null,
      attachments: [],
    },
  );
  await call(deps, COMMUNITY_STAFF, 'notice', 'publish', draft);
  return draft.noticeId;
}

/** A 240×180 PNG with a soft gradient, standing in for a phone photo (real image bytes, so <image> shows it). */
function fakePhoto(hue: number): Uint8Array {
  const width = 240;
  const height = 180;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const shade = 0.45 + (0.4 * (x + y)) / (width + height);
      const [r, g, b] = hsl(hue, 0.45, shade);
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

async function residentHousehold(deps: LocalDeps): Promise<World['household']> {
  const me = await call<Me>(deps, RESIDENT, 'user', 'me', {});
  if (!me.household) throw new Error('the demo resident has no household');
  return { householdId: me.household.householdId, address: me.household.address };
}
