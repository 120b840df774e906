/**
 * 发布通知 (staff): write a notice (title, category, paragraphs with bold and links to other notices),
 * choose its audience (whole community, or grids and micro-grids, optionally narrowed by ledger tags),
 * add a cover image and attachments (PDFs from a chat, images), preview it with the number of households it
 * will reach, then publish now or at a set time — after a confirmation that names the household count.
 * Files are uploaded on publishing, each once.
 */
import type {
  NoticeAttachment,
  NoticeAudience,
  NoticeBlock,
  NoticeCategory,
  NoticeContent,
  NoticeHouseholdTag,
  StaffNoticeView,
} from '../../../../../typings/notice';
import { getGridMap } from '../../../../services/grid';
import {
  audienceSize,
  composeNotice,
  editNotice,
  publishNotice,
  staffNotice,
  staffNotices,
} from '../../../../services/notice';
import { choosePdfs, choosePhotos, extensionOf, uploadFile } from '../../../../services/upload';
import { noticeCategories, noticeCategoryLabels } from '../../../../pages/notices/categories';
import { linkMarker, toBlocks, toParagraphs } from './body-text';
import { textSizeBehavior } from '../../../../theme/text-size';

export const householdTagLabels: Record<NoticeHouseholdTag, string> = {
  elderly: '老年人',
  disabled: '残疾人',
  leftBehindChild: '留守儿童',
  hardship: '困难家庭',
};

/** The server takes at most this many attachments. */
const MAX_ATTACHMENTS = 9;

/** A chosen file: its local path until uploaded, then also its file id (kept, so a retry uploads nothing again). */
interface LocalFile {
  path: string;
  fileId: string | null;
}

interface LocalAttachment extends LocalFile {
  name: string;
  kind: NoticeAttachment['kind'];
}

interface Chip {
  id: string;
  label: string;
  on: boolean;
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    title: '',
    categories: noticeCategories.map((key) => ({ key, label: noticeCategoryLabels[key] })),
    categoryIndex: 0,
    paragraphs: [''] as string[],
    scope: 'community' as NoticeAudience['scope'],
    grids: [] as Array<Chip & { microGrids: Chip[] }>,
    tags: (Object.keys(householdTagLabels) as NoticeHouseholdTag[]).map((id) => ({
      id,
      label: householdTagLabels[id],
      on: false,
    })),
    linkable: [] as Array<{ noticeId: string; title: string }>,
    cover: null as LocalFile | null,
    attachments: [] as LocalAttachment[],
    maxAttachments: MAX_ATTACHMENTS,
    preview: null as { blocks: NoticeBlock[]; households: number } | null,
    scheduleDate: '',
    scheduleTime: '',
    draft: null as StaffNoticeView | null,
    busy: false,
    error: '',
    done: '',
  },
  methods: {
    /** `noticeId`: a draft or scheduled notice opened from 我的通知, to go on editing and publish. */
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ communityId: query.communityId ?? '' });
      const choices = this.loadChoices();
      if (query.noticeId) void choices.then(() => this.loadDraft(query.noticeId ?? ''));
      return choices;
    },
    async loadDraft(noticeId: string) {
      try {
        const draft = await staffNotice(noticeId);
        const { audience } = draft;
        this.setData({
          draft,
          communityId: draft.communityId,
          title: draft.title,
          categoryIndex: Math.max(0, noticeCategories.indexOf(draft.category)),
          paragraphs: toParagraphs(draft.body),
          scope: audience.scope,
          grids: this.data.grids.map((g) => ({
            ...g,
            on: audience.gridIds.includes(g.id),
            microGrids: g.microGrids.map((m) => ({ ...m, on: audience.microGridIds.includes(m.id) })),
          })),
          tags: this.data.tags.map((t) => ({ ...t, on: audience.tags.includes(t.id) })),
          cover: draft.coverFileId ? { path: draft.coverFileId, fileId: draft.coverFileId } : null,
          attachments: draft.attachments.map((a) => ({ ...a, path: a.fileId })),
          // A scheduled notice keeps its time (Asia/Shanghai, as the server writes it) until changed.
          scheduleDate: draft.publishAt?.slice(0, 10) ?? '',
          scheduleTime: draft.publishAt?.slice(11, 16) ?? '',
        });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败' });
      }
    },
    async loadChoices() {
      try {
        const [map, notices] = await Promise.all([
          getGridMap(this.data.communityId),
          staffNotices(this.data.communityId),
        ]);
        this.setData({
          grids: map.grids.map((g) => ({
            id: g.gridId,
            label: g.name,
            on: false,
            microGrids: map.microGrids
              .filter((m) => m.gridId === g.gridId)
              .map((m) => ({ id: m.microGridId, label: m.name, on: false })),
          })),
          linkable: notices.map((n) => ({ noticeId: n.noticeId, title: n.title })),
        });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败' });
      }
    },
    onTitle(e: WechatMiniprogram.Input) {
      this.setData({ title: e.detail.value, preview: null });
    },
    onCategory(e: WechatMiniprogram.PickerChange) {
      this.setData({ categoryIndex: Number(e.detail.value) });
    },
    onParagraph(e: WechatMiniprogram.Input) {
      const index = Number(e.currentTarget.dataset.index);
      this.setData({ [`paragraphs[${index}]`]: e.detail.value, preview: null });
    },
    onAddParagraph() {
      this.setData({ paragraphs: [...this.data.paragraphs, ''] });
    },
    onInsertLink(e: WechatMiniprogram.PickerChange) {
      const target = this.data.linkable[Number(e.detail.value)];
      if (!target) return;
      const last = this.data.paragraphs.length - 1;
      this.setData({
        [`paragraphs[${last}]`]: `${this.data.paragraphs[last] ?? ''}${linkMarker(target.title, target.noticeId)}`,
      });
    },
    onScope(e: WechatMiniprogram.TouchEvent) {
      this.setData({ scope: e.currentTarget.dataset.scope as NoticeAudience['scope'], preview: null });
    },
    onToggleGrid(e: WechatMiniprogram.TouchEvent) {
      const g = Number(e.currentTarget.dataset.g);
      this.setData({ [`grids[${g}].on`]: !this.data.grids[g]?.on, scope: 'places', preview: null });
    },
    onToggleMicroGrid(e: WechatMiniprogram.TouchEvent) {
      const { g, m } = e.currentTarget.dataset as { g: number; m: number };
      this.setData({
        [`grids[${g}].microGrids[${m}].on`]: !this.data.grids[g]?.microGrids[m]?.on,
        scope: 'places',
        preview: null,
      });
    },
    onToggleTag(e: WechatMiniprogram.TouchEvent) {
      const t = Number(e.currentTarget.dataset.t);
      this.setData({ [`tags[${t}].on`]: !this.data.tags[t]?.on, preview: null });
    },
    onScheduleDate(e: WechatMiniprogram.PickerChange) {
      this.setData({ scheduleDate: String(e.detail.value) });
    },
    onScheduleTime(e: WechatMiniprogram.PickerChange) {
      this.setData({ scheduleTime: String(e.detail.value) });
    },
    async onChooseCover() {
      const [path] = await choosePhotos(1);
      if (path) this.setData({ cover: { path, fileId: null } });
    },
    onRemoveCover() {
      this.setData({ cover: null });
    },
    async onAddPdfs() {
      const chosen = await choosePdfs(MAX_ATTACHMENTS - this.data.attachments.length);
      this.addAttachments(chosen.map((f) => ({ path: f.path, name: f.name, kind: 'pdf', fileId: null })));
    },
    async onAddImages() {
      const chosen = await choosePhotos(MAX_ATTACHMENTS - this.data.attachments.length);
      const first = this.data.attachments.filter((a) => a.kind === 'image').length + 1;
      this.addAttachments(
        chosen.map((path, i) => ({
          path,
          name: `图片${first + i}.${extensionOf(path) || 'jpg'}`,
          kind: 'image',
          fileId: null,
        })),
      );
    },
    addAttachments(added: LocalAttachment[]) {
      if (added.length === 0) return;
      this.setData({ attachments: [...this.data.attachments, ...added].slice(0, MAX_ATTACHMENTS) });
    },
    onRemoveAttachment(e: WechatMiniprogram.TouchEvent) {
      const index = Number(e.currentTarget.dataset.index);
      this.setData({ attachments: this.data.attachments.filter((_, i) => i !== index) });
    },
    /** Uploads what is not stored yet; rejects on the first failure, so no notice refers to a missing file. */
    async uploadFiles() {
      const { cover } = this.data;
      if (cover && !cover.fileId) {
        const fileId = await uploadFile(cover.path, 'notices');
        this.setData({ 'cover.fileId': fileId });
      }
      for (const [i, a] of this.data.attachments.entries()) {
        if (a.fileId) continue;
        const fileId = await uploadFile(a.path, 'notices', a.name);
        this.setData({ [`attachments[${i}].fileId`]: fileId });
      }
    },

    content(): NoticeContent {
      return {
        title: this.data.title.trim(),
        body: toBlocks(this.data.paragraphs),
        category: (this.data.categories[this.data.categoryIndex]?.key ?? 'other') as NoticeCategory,
        coverFileId: this.data.cover?.fileId ?? null,
        attachments: this.data.attachments.map((a) => ({
          fileId: a.fileId ?? '',
          name: a.name,
          kind: a.kind,
        })),
      };
    },
    audience(): NoticeAudience {
      const chosenGrids = this.data.grids.filter((g) => g.on);
      return {
        scope: this.data.scope,
        gridIds: this.data.scope === 'places' ? chosenGrids.map((g) => g.id) : [],
        microGridIds:
          this.data.scope === 'places'
            ? this.data.grids
                .filter((g) => !g.on)
                .flatMap((g) => g.microGrids.filter((m) => m.on).map((m) => m.id))
            : [],
        tags: this.data.tags.filter((t) => t.on).map((t) => t.id),
      };
    },
    async onPreview() {
      await this.run(async () => {
        const households = await audienceSize(this.data.communityId, this.audience());
        this.setData({ preview: { blocks: this.content().body, households } });
      });
    },
    async onPublish(e: WechatMiniprogram.TouchEvent) {
      const scheduled = e.currentTarget.dataset.mode === 'scheduled';
      if (scheduled && !(this.data.scheduleDate && this.data.scheduleTime)) {
        this.setData({ error: '请选择定时发布的日期和时间' });
        return;
      }
      await this.run(async () => {
        // Publishing reaches every household at once and cannot be taken back unseen: say how many first.
        const households = await audienceSize(this.data.communityId, this.audience());
        if (households === 0) throw new Error('发布范围内没有住户，请调整范围或标签');
        const when = scheduled ? `${this.data.scheduleDate} ${this.data.scheduleTime}` : '';
        if (!(await confirmPublish(households, when))) return;
        await this.uploadFiles().catch((error: { message?: string }) => {
          throw new Error(`附件上传失败：${error.message ?? '请重试'}`);
        });
        const draft = this.data.draft
          ? await editNotice(
              this.data.draft.noticeId,
              this.data.draft.version,
              this.content(),
              this.audience(),
            )
          : await composeNotice(this.data.communityId, this.content(), this.audience());
        this.setData({ draft });
        const at = scheduled ? `${this.data.scheduleDate}T${this.data.scheduleTime}:00+08:00` : undefined;
        const published = await publishNotice(draft.noticeId, draft.version, at);
        this.setData({
          draft: published,
          done:
            published.state === 'scheduled'
              ? `已定时，将于 ${this.data.scheduleDate} ${this.data.scheduleTime} 发布`
              : `已发布，送达 ${published.households ?? 0} 户`,
        });
      });
    },
    async run(work: () => Promise<void>) {
      if (this.data.busy) return;
      this.setData({ busy: true, error: '' });
      try {
        await work();
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '操作失败' });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});

/** Asks before publishing, with the household count; true when the staff member confirms. */
function confirmPublish(households: number, when: string): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title: when ? '确认定时发布' : '确认发布',
      content: when
        ? `将于 ${when} 发布给 ${households} 户居民，到时自动推送。确定吗？`
        : `将立即发布给 ${households} 户居民，并推送给订阅的居民。发布后只能更正或撤回，确定发布吗？`,
      confirmText: '确认发布',
      cancelText: '再看看',
      success: (res) => resolve(res.confirm),
      fail: () => resolve(false),
    });
  });
}
