/**
 * 网格地图 (staff): the community's grids and micro-grids on the `map` component, with names. A tap on the map
 * asks routing where a report at that point would go, and shows the micro-grid, the person and the reason.
 */
import type { RouteAnswer } from '../../../../../typings/grid';
import type { TicketCategory } from '../../../../../typings/ticket';
import { getGridMap, routePoint } from '../../../../services/grid';
import { categoryOptions, ruleLabels } from './labels';
import { mapShapes, type MapPolygon, type NameMarker } from './shapes';
import { textSizeBehavior } from '../../../../theme/text-size';

interface AnswerView {
  place: string;
  assignee: string;
  reason: string;
  ruleLabel: string;
  urgent: boolean;
  assignmentReason: string;
}

function answerView(a: RouteAnswer): AnswerView {
  return {
    place: a.microGrid?.label ?? '未定位到微网格',
    assignee:
      a.assignee && !a.nobodyToAssign
        ? [a.assignee, ...a.alsoNotify].map((p) => p.name).join('、')
        : '暂无处理人，转社区值班台',
    reason: a.reason,
    ruleLabel: ruleLabels[a.rule],
    urgent: a.urgent,
    assignmentReason: a.assignmentReason,
  };
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    name: '',
    latitude: 0,
    longitude: 0,
    polygons: [] as MapPolygon[],
    markers: [] as NameMarker[],
    categories: categoryOptions,
    categoryIndex: categoryOptions.findIndex((c) => c.value === 'other'),
    tapped: null as { latitude: number; longitude: number } | null,
    answer: null as AnswerView | null,
    loading: false,
    error: '',
  },
  methods: {
    onLoad(query: { communityId?: string }) {
      const communityId = query.communityId ?? '';
      this.setData({ communityId });
      void this.load(communityId);
    },

    async load(communityId: string) {
      this.setData({ loading: true, error: '' });
      try {
        const view = await getGridMap(communityId);
        const { polygons, markers } = mapShapes(view);
        this.setData({
          name: view.name,
          latitude: view.center.lat,
          longitude: view.center.lng,
          polygons,
          markers,
          loading: false,
        });
        wx.setNavigationBarTitle({ title: `${view.name} 网格地图` });
      } catch (error) {
        this.setData({ loading: false, error: (error as Error).message || '加载失败' });
      }
    },

    onCategoryChange(e: WechatMiniprogram.PickerChange) {
      this.setData({ categoryIndex: Number(e.detail.value) });
      if (this.data.tapped) void this.ask(this.data.tapped);
    },

    onMapTap(e: { detail: { latitude: number; longitude: number } }) {
      const tapped = { latitude: e.detail.latitude, longitude: e.detail.longitude };
      this.setData({ tapped });
      void this.ask(tapped);
    },

    async ask(at: { latitude: number; longitude: number }) {
      const category = (categoryOptions[this.data.categoryIndex]?.value ?? 'other') as TicketCategory;
      try {
        const answer = await routePoint(
          this.data.communityId,
          { lat: at.latitude, lng: at.longitude },
          category,
        );
        this.setData({ answer: answerView(answer), error: '' });
      } catch (error) {
        this.setData({ answer: null, error: (error as Error).message || '查询失败' });
      }
    },
  },
});
