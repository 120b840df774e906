/**
 * Small stand-ins for the TDesign components pages use, registered with miniprogram-simulate: pages render
 * their own markup for real, and the library (tested by its authors) is not rendered in our tests.
 */
import type * as SimulateModule from 'miniprogram-simulate';

/** Registers the stubs and returns the usingComponents override for simulate.load. */
export function tdesignStubs(simulate: typeof SimulateModule): Record<string, unknown> {
  const cell = simulate.load({
    template:
      '<view class="t-cell"><text class="t-cell__title">{{title}}</text><text class="t-cell__description">{{description}}</text><text class="t-cell__note">{{note}}</text><slot/></view>',
    properties: { title: String, description: String, note: String, arrow: Boolean },
  });
  const group = simulate.load({
    template:
      '<view class="t-cell-group"><view class="t-cell-group__title" wx:if="{{title}}">{{title}}</view><slot/></view>',
    properties: { title: String },
  });
  const tag = simulate.load({
    template: '<view class="t-tag"><slot/></view>',
    properties: { theme: String, variant: String },
  });
  const button = simulate.load({
    template: '<view class="t-button"><slot/></view>',
    properties: {
      theme: String,
      size: String,
      disabled: Boolean,
      loading: Boolean,
      block: Boolean,
      variant: String,
    },
  });
  const toggle = simulate.load({
    template: "<view class=\"t-switch {{value ? 't-switch--on' : ''}}\"></view>",
    properties: { value: Boolean, label: Array, disabled: Boolean, loading: Boolean, size: String },
  });
  return { 't-cell': cell, 't-cell-group': group, 't-tag': tag, 't-button': button, 't-switch': toggle };
}
