/**
 * The states of a list other than its rows, shown the same way on every list page: 加载中 while a load runs
 * (never the empty text, which would flash before the rows arrive), the error with 重试, and the empty text
 * (with whatever the page slots in, e.g. a 随手拍 button) only once a load has answered with nothing.
 */
Component({
  options: { multipleSlots: false },
  properties: {
    loading: { type: Boolean, value: false },
    /** The last load's error, as the server said it; empty when it worked. */
    error: { type: String, value: '' },
    /** The last load answered and the list has no rows. */
    empty: { type: Boolean, value: false },
    emptyText: { type: String, value: '这里还没有内容' },
    /** Rows are already shown: a load runs as a small line under them, not instead of them. */
    more: { type: Boolean, value: false },
  },
  methods: {
    onRetryTap() {
      this.triggerEvent('retry');
    },
  },
});
