/**
 * 走访记录 (workers): how the household was reached — in person, by phone, or nobody home (the visit stays due)
 * — the services done, a note and a photo. One client request id per opened page, so a retried tap is one visit.
 */
import type { CareService, VisitOutcome } from '../../../../../typings/field';
import { recordCareVisit } from '../../../../services/field';
import { choosePhotos, uploadPhotos } from '../../../../services/upload';
import { careOutcomeLabels, careServiceLabels } from '../../../../labels/field';
import { textSizeBehavior } from '../../../../theme/text-size';

let serial = 0;

Component({
  behaviors: [textSizeBehavior],
  data: {
    dueId: '',
    place: '',
    reason: '',
    clientRequestId: '',
    outcomes: (Object.keys(careOutcomeLabels) as VisitOutcome[]).map((key) => ({
      key,
      label: careOutcomeLabels[key],
    })),
    services: (Object.keys(careServiceLabels) as CareService[]).map((key) => ({
      key,
      label: careServiceLabels[key],
      on: false,
    })),
    outcome: '' as VisitOutcome | '',
    note: '',
    photoPath: '',
    sending: false,
    result: '',
  },
  methods: {
    onLoad(query: { dueId?: string; place?: string; reason?: string }) {
      serial += 1;
      this.setData({
        dueId: query.dueId ?? '',
        place: decodeURIComponent(query.place ?? ''),
        reason: decodeURIComponent(query.reason ?? ''),
        clientRequestId: `visit-${Date.now().toString(36)}-${serial.toString(36)}`,
      });
    },
    onOutcome(e: WechatMiniprogram.TouchEvent) {
      this.setData({ outcome: e.currentTarget.dataset.key as VisitOutcome });
    },
    onService(e: WechatMiniprogram.TouchEvent) {
      const index = Number(e.currentTarget.dataset.index);
      this.setData({ [`services[${index}].on`]: !this.data.services[index]?.on });
    },
    onNote(e: WechatMiniprogram.Input) {
      this.setData({ note: e.detail.value });
    },
    async onPhoto() {
      const [path] = await choosePhotos(1);
      if (path) this.setData({ photoPath: path });
    },
    async onSubmit() {
      const outcome = this.data.outcome;
      if (!outcome) {
        wx.showToast({ title: '请选择走访结果', icon: 'none' });
        return;
      }
      if (this.data.sending) return;
      this.setData({ sending: true });
      try {
        const photos = this.data.photoPath ? await uploadPhotos([this.data.photoPath], 'tickets') : [];
        const saved = await recordCareVisit({
          dueId: this.data.dueId,
          clientRequestId: this.data.clientRequestId,
          outcome,
          services: this.data.services.filter((s) => s.on).map((s) => s.key),
          note: this.data.note,
          photos,
        });
        this.setData({
          result: saved.state === 'done' ? '已记录，本次走访完成' : '已记录无人在家，走访仍待完成',
        });
      } catch (error) {
        wx.showToast({ title: (error as { message?: string }).message ?? '提交失败', icon: 'none' });
      } finally {
        this.setData({ sending: false });
      }
    },
  },
});
