/** A ticket's history, oldest first: every event with who (name and role), when, the note and photos. */
import type { TimelineEntry } from '../../tickets/views';
import { previewPhotos } from '../../services/photo-preview';

type PhotoTap = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  { url: string; urls: string[] }
>;

Component({
  properties: {
    entries: { type: Array, value: [] as TimelineEntry[] },
  },
  methods: {
    onPhotoTap(event: PhotoTap) {
      const { url, urls } = event.currentTarget.dataset;
      previewPhotos(urls, url);
    },
  },
});
