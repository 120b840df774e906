/**
 * 通知详情: the notice's body rendered from its blocks (text, bold, links to other notices — never HTML),
 * its cover image and attachments (a PDF opens in WeChat's viewer, an image in the image viewer), its
 * corrections with their time, and 已知晓. Workers share it into their grid's group with a share ticket;
 * opened from a group card, the page sends the group's cloudID so that the group gets bound to the grid.
 */
import type { NoticeDetail } from '../../../typings/notice';
import { openAttachment } from '../../services/attachments';
import { displayUrl } from '../../services/files';
import {
  bindGroupFromLaunch,
  confirmNotice,
  noticeDetail,
  sharePath,
  shareTokenFor,
} from '../../services/notice';
import { callPhone } from '../../services/phone-call';
import { me, myGridWorker } from '../../services/user';
import { noticeCategoryLabels, timeText } from '../notices/categories';
import { textSizeBehavior } from '../../theme/text-size';

/** Who may put a notice into their grid's group (the `shareToken` rows of the authorization matrix). */
const SHARERS: ReadonlyArray<string> = ['worker', 'leader'];

Component({
  behaviors: [textSizeBehavior],
  data: {
    noticeId: '',
    notice: null as NoticeDetail | null,
    categoryLabel: '',
    coverUrl: '',
    publishedText: '',
    corrections: [] as Array<{ timeText: string; note: string }>,
    confirming: false,
    /** A worker's or leader's signed token for the share path: the group a card is opened in gets their grid. */
    shareToken: '',
    error: '',
    /** 联系网格员 何丽萍: the reader's own micro-grid worker, when the server knows one with a phone. */
    worker: null as { text: string; phone: string } | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const noticeId = query.noticeId ?? '';
      this.setData({ noticeId });
      wx.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage'] });
      void this.load();
      void this.loadWorker();
      void this.loadShareToken();
      // The token is URL-safe as it is (ids, dots, base64url): the query carries it unchanged.
      void bindGroupFromLaunch(noticeId, query.share);
    },
    /**
     * Only workers and leaders may sign a share token (the group gets their grid): a resident is not asked
     * for one (the server would refuse) and sees no 分享到群; the page's own share menu still forwards it.
     */
    async loadShareToken() {
      try {
        const { roles } = await me();
        if (!roles.some((g) => SHARERS.includes(g.role))) return;
        const shareToken = await shareTokenFor(this.data.noticeId);
        this.setData({ shareToken: shareToken ?? '' });
      } catch {
        // Not known who the reader is: no share button, the notice itself still shows.
      }
    },
    async load() {
      try {
        const notice = await noticeDetail(this.data.noticeId);
        this.setData({
          notice,
          categoryLabel: noticeCategoryLabels[notice.category],
          coverUrl: notice.coverFileId ? displayUrl(notice.coverFileId) : '',
          publishedText: notice.publishedAt ? timeText(notice.publishedAt) : '',
          corrections: notice.corrections.map((c) => ({ timeText: timeText(c.at), note: c.note })),
          error: '',
        });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败' });
      }
    },
    /** A notice often says "contact your grid worker": the number is at hand, or nothing is shown. */
    async loadWorker() {
      try {
        const worker = await myGridWorker();
        if (worker?.phone)
          this.setData({ worker: { text: `联系${worker.roleLabel} ${worker.name}`, phone: worker.phone } });
      } catch {
        // Not logged in or offline: the notice reads the same without the button.
      }
    },
    onCallWorkerTap() {
      if (this.data.worker) callPhone(this.data.worker.phone);
    },
    async onConfirm() {
      if (this.data.confirming || !this.data.notice?.canConfirm) return;
      this.setData({ confirming: true });
      try {
        const result = await confirmNotice(this.data.noticeId);
        this.setData({
          'notice.confirmed': true,
          'notice.canConfirm': false,
          'notice.confirmedAt': result.confirmedAt,
        });
        wx.showToast({ title: '已确认知晓', icon: 'success' });
      } catch (error) {
        wx.showToast({ title: (error as { message?: string }).message ?? '操作失败', icon: 'none' });
      } finally {
        this.setData({ confirming: false });
      }
    },
    onTapLink(e: WechatMiniprogram.TouchEvent) {
      wx.navigateTo({
        url: `/pages/notice-detail/index?noticeId=${String(e.currentTarget.dataset.id ?? '')}`,
      });
    },
    async onTapAttachment(e: WechatMiniprogram.TouchEvent) {
      const all = this.data.notice?.attachments ?? [];
      const attachment = all[Number(e.currentTarget.dataset.index)];
      if (!attachment) return;
      try {
        await openAttachment(attachment, all);
      } catch {
        wx.showToast({ title: '附件打开失败，请稍后重试', icon: 'none' });
      }
    },
    onShareAppMessage() {
      return {
        title: this.data.notice?.title ?? '社区通知',
        path: sharePath(this.data.noticeId, this.data.shareToken || null),
      };
    },
  },
});
