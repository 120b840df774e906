/**
 * 绑定住户: reads the household code from the launch (a mini-program code opens this page with its scene)
 * or from wx.scanCode, shows the home it claims with the room masked, and binds on a tap — at once, or as
 * a request the micro-grid worker approves. Refusals (forged, revoked, used up) show the server's words.
 */
import type { HouseholdCodePreview } from '../../../typings/user';
import { ApiCallError } from '../../services/api';
import { bindHousehold, previewHouseholdCode } from '../../services/user';
import { sceneFromQuery, sceneFromScan } from './scene';
import { textSizeBehavior } from '../../theme/text-size';

function messageOf(error: unknown): string {
  return error instanceof ApiCallError ? error.message : '出了点问题，请稍后重试';
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    code: '',
    preview: null as HouseholdCodePreview | null,
    done: '' as '' | 'bound' | 'pending',
    address: '',
    busy: false,
    error: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const code = sceneFromQuery(query ?? {});
      return code ? this.open(code) : Promise.resolve();
    },

    async open(code: string): Promise<void> {
      this.setData({ code, preview: null, error: '', busy: true });
      try {
        this.setData({ preview: await previewHouseholdCode(code), busy: false });
      } catch (error) {
        this.setData({ error: messageOf(error), busy: false });
      }
    },

    onScan() {
      wx.scanCode({
        scanType: ['wxCode', 'qrCode'],
        success: (res) => {
          const code = sceneFromScan(res as { path?: string; result?: string });
          if (code) void this.open(code);
          else this.setData({ error: '没有识别到住户码，请对准社区发放的住户码重新扫描' });
        },
      });
    },

    async onSubmit(): Promise<void> {
      if (!this.data.code || this.data.busy) return;
      this.setData({ busy: true, error: '' });
      try {
        const outcome = await bindHousehold(this.data.code);
        this.setData({
          busy: false,
          done: outcome.status,
          address:
            outcome.status === 'bound'
              ? (outcome.me.household?.address ?? '')
              : (outcome.me.pendingBinding?.address ?? ''),
        });
      } catch (error) {
        this.setData({ busy: false, error: messageOf(error) });
      }
    },

    onHome() {
      wx.reLaunch({ url: '/pages/home/index' });
    },
  },
});
