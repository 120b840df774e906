/**
 * 导入网格图与台账 (staff): choose what to import, pick the file from a chat, see what it would change — the
 * map's grids added, updated and retired, or the ledger's rows added and updated, or every bad row — and only
 * then confirm. The file is uploaded once; the preview and the import read the same stored file.
 */
import type { CoordinateSystemName, NewInvite } from '../../../../../typings/grid';
import { ApiCallError } from '../../../../services/api';
import { importLedger, replaceMap } from '../../../../services/grid';
import { chooseDataFile, extensionOf, uploadFile } from '../../../../services/upload';
import {
  blockedCount,
  importKinds,
  ledgerSections,
  mapSections,
  problemLines,
  type ImportKindView,
  type PreviewSection,
} from './kinds';
import { textSizeBehavior } from '../../../../theme/text-size';

interface ChosenFile {
  name: string;
  fileId: string;
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    kinds: importKinds,
    kind: importKinds[0] as ImportKindView,
    coordinateSystem: 'wgs84' as CoordinateSystemName,
    file: null as ChosenFile | null,
    preview: null as PreviewSection[] | null,
    /** Retirements the map file asks for that cannot happen yet: confirming is not offered. */
    blocked: 0,
    problems: [] as string[],
    invites: [] as Array<Pick<NewInvite, 'inviteId' | 'name' | 'code'>>,
    done: '',
    busy: false,
    error: '',
  },
  methods: {
    onLoad(query: { communityId?: string; kind?: string }) {
      const kind = importKinds.find((k) => k.key === query.kind) ?? importKinds[0]!;
      this.setData({ communityId: query.communityId ?? '', kind });
    },
    reset() {
      this.setData({ file: null, preview: null, blocked: 0, problems: [], invites: [], done: '', error: '' });
    },
    onKindTap(e: WechatMiniprogram.TouchEvent) {
      const kind = importKinds.find((k) => k.key === e.currentTarget.dataset.key);
      if (!kind || kind.key === this.data.kind.key) return;
      this.reset();
      this.setData({ kind });
    },
    onCoordinateTap(e: WechatMiniprogram.TouchEvent) {
      this.setData({ coordinateSystem: e.currentTarget.dataset.crs as CoordinateSystemName, preview: null });
      if (this.data.file) void this.preview();
    },
    async onChooseFile() {
      const chosen = await chooseDataFile(this.data.kind.extensions);
      if (!chosen) {
        this.setData({ error: `请从聊天中选择 ${this.data.kind.extensions.join(' 或 ')} 文件` });
        return;
      }
      this.reset();
      await this.run(async () => {
        const fileId = await uploadFile(chosen.path, 'imports', chosen.name).catch(
          (error: { message?: string }) => {
            throw new Error(`文件上传失败：${error.message ?? '请重试'}`);
          },
        );
        this.setData({ file: { name: chosen.name, fileId } });
        await this.apply(true);
      });
    },
    preview() {
      return this.run(() => this.apply(true));
    },
    onConfirm() {
      return this.run(() => this.apply(false));
    },
    /** Sends the stored file: a dry run fills the preview, the real run says what was done. */
    async apply(dryRun: boolean) {
      const { file, kind, communityId } = this.data;
      if (!file) return;
      if (kind.key === 'map') {
        const plan = await replaceMap(communityId, file.fileId, dryRun, this.data.coordinateSystem);
        if (dryRun) this.setData({ preview: mapSections(plan), blocked: blockedCount(plan) });
        else
          this.setData({
            preview: null,
            done: `网格图已替换：新增 ${plan.create.length} 个，更新 ${plan.update.length} 个，撤销 ${plan.retire.length} 个`,
          });
        return;
      }
      const format = extensionOf(file.name) === 'xlsx' ? 'xlsx' : 'csv';
      const summary = await importLedger(communityId, kind.key, format, file.fileId, dryRun);
      if (dryRun) {
        this.setData({ preview: ledgerSections(summary), blocked: 0 });
        return;
      }
      this.setData({
        preview: null,
        done: `${kind.label}已导入：新增 ${summary.created} 条，更新 ${summary.updated} 条`,
        invites: (summary.invites ?? []).map((i) => ({ inviteId: i.inviteId, name: i.name, code: i.code })),
      });
    },
    async run(work: () => Promise<void>) {
      if (this.data.busy) return;
      this.setData({ busy: true, error: '', problems: [] });
      try {
        await work();
      } catch (error) {
        const problems = error instanceof ApiCallError ? problemLines(error.details) : [];
        this.setData({
          error: (error as { message?: string }).message || '导入失败，请重试',
          problems,
          preview: null,
        });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
