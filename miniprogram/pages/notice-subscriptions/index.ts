/**
 * 通知推送设置 (residents): the notice categories that send them a WeChat message when published. Saving
 * asks WeChat for the 'notice' subscribe-message grant on the same tap: without it nothing can be pushed.
 */
import type { NoticeCategory } from '../../../typings/notice';
import { noticeSubscriptions, setNoticeSubscriptions } from '../../services/notice';
import { askSubscription, preloadSubscribeTemplates } from '../../services/subscribe';
import { noticeCategories, noticeCategoryLabels } from '../notices/categories';
import { textSizeBehavior } from '../../theme/text-size';

interface Choice {
  key: NoticeCategory;
  label: string;
  on: boolean;
}

const choicesOf = (chosen: NoticeCategory[]): Choice[] =>
  noticeCategories.map((key) => ({ key, label: noticeCategoryLabels[key], on: chosen.includes(key) }));

Component({
  behaviors: [textSizeBehavior],
  data: {
    choices: choicesOf([]),
    loaded: false,
    saving: false,
    error: '',
  },
  methods: {
    onLoad() {
      void preloadSubscribeTemplates('notice');
      void this.load();
    },
    async load() {
      try {
        this.setData({ choices: choicesOf(await noticeSubscriptions()), loaded: true, error: '' });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败' });
      }
    },
    /** TDesign's switch says its new value; the choice follows it (saved with 保存). */
    onSwitchChange(
      e: WechatMiniprogram.CustomEvent<{ value: boolean }, Record<string, never>, { index: number }>,
    ) {
      this.setData({ [`choices[${Number(e.currentTarget.dataset.index)}].on`]: !!e.detail.value });
    },
    onSave() {
      // WeChat shows the grant dialog only from a tap, before anything is awaited; none to ask for when
      // every category is off.
      if (this.data.choices.some((c) => c.on)) void askSubscription('notice');
      void this.save();
    },
    async save() {
      if (this.data.saving || !this.data.loaded) return;
      this.setData({ saving: true, error: '' });
      try {
        const saved = await setNoticeSubscriptions(this.data.choices.filter((c) => c.on).map((c) => c.key));
        this.setData({ choices: choicesOf(saved) });
        wx.showToast({ title: saved.length ? '已保存' : '已关闭通知推送', icon: 'none' });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '保存失败' });
      } finally {
        this.setData({ saving: false });
      }
    },
  },
});
