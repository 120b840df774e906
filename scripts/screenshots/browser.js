/*
 * The browser half of scripts/screenshots.ts: a `wx` that calls the local cloud for real, definitions captured
 * from the page's bundled Component() calls, and one page rendered with miniprogram-simulate's browser build.
 * Reads window.__SHOT__ (written by the server) and sets window.__SHOT_DONE__ when the page has settled.
 */
(function () {
  const shot = window.__SHOT__;
  const fixedNow = Date.parse(shot.now);
  // The phone's clock reads the local cloud's time, so 剩余/已超时 and 几分钟前 match the data.
  Date.now = () => fixedNow;

  let inflight = 0;
  const log = (kind, detail) => {
    console.log(`[wx.${kind}] ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
  };
  const toast = (title) => {
    const box = document.createElement('div');
    box.className = 'shot-toast';
    box.textContent = title;
    document.body.appendChild(box);
  };

  const storage = {};
  const baseInfo = () => ({
    SDKVersion: '3.7.0',
    language: 'zh_CN',
    theme: 'light',
    fontSizeSetting: shot.font.fontSizeSetting,
    fontSizeScaleFactor: shot.font.fontSizeScaleFactor,
  });
  const windowInfo = () => ({
    windowWidth: 375,
    windowHeight: 812,
    screenWidth: 375,
    screenHeight: 812,
    pixelRatio: 2,
    statusBarHeight: 44,
    safeArea: { top: 44, bottom: 778, left: 0, right: 375, width: 375, height: 734 },
  });
  const calls = {
    getAppBaseInfo: baseInfo,
    getWindowInfo: windowInfo,
    getSystemInfoSync: () => ({ ...baseInfo(), ...windowInfo(), platform: 'ios', system: 'iOS 17' }),
    getStorageSync: (key) => (key in storage ? storage[key] : ''),
    setStorageSync: (key, value) => {
      storage[key] = value;
    },
    removeStorageSync: (key) => {
      delete storage[key];
    },
    canIUse: () => true,
    getAccountInfoSync: () => ({
      miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' },
    }),
    request(options) {
      inflight += 1;
      fetch(options.url, {
        method: options.method || 'GET',
        headers: options.header || {},
        body: options.data === undefined ? undefined : JSON.stringify(options.data),
      })
        .then(async (res) => {
          const text = await res.text();
          let data = text;
          try {
            data = JSON.parse(text);
          } catch (_) {
            // Not JSON: handed over as text, as wx.request does.
          }
          if (data && data.ok === false)
            log('request', `${options.url} → ${data.error.code} ${data.error.message}`);
          if (options.success) options.success({ data, statusCode: res.status });
        })
        .catch((error) => options.fail && options.fail({ errMsg: `request:fail ${error.message}` }))
        .finally(() => {
          inflight -= 1;
          if (options.complete) options.complete({});
        });
    },
    showToast(options) {
      log('showToast', options.title);
      toast(options.title);
    },
    showModal(options) {
      log('showModal', options.content);
    },
    navigateTo(options) {
      log('navigateTo', options.url);
    },
    redirectTo(options) {
      log('redirectTo', options.url);
    },
    stopPullDownRefresh() {},
    setTabBarBadge() {},
    removeTabBarBadge() {},
    setNavigationBarTitle(options) {
      const nav = document.querySelector('.shot-nav');
      if (nav) nav.textContent = options.title;
    },
    requestSubscribeMessage(options) {
      if (options.fail) options.fail({ errMsg: 'requestSubscribeMessage:fail not in a tap' });
    },
    previewImage() {},
  };
  // Anything else the pages call is logged, so that a shot says which wx APIs a page reached for.
  window.wx = new Proxy(calls, {
    get(target, key) {
      if (key in target) return target[key];
      if (typeof key !== 'string') return undefined;
      return (options) => {
        log(key, options && typeof options === 'object' ? Object.keys(options).join(',') : String(options));
        return undefined;
      };
    },
  });

  // Each bundled module calls Component()/App() once; the bundle says whose definition comes next.
  const definitions = {};
  window.__captureAs = (key) => {
    window.Component = (definition) => {
      definitions[key] = definition;
    };
  };
  window.App = (definition) => definition.onLaunch && definition.onLaunch();

  const settle = async () => {
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    let quiet = 0;
    for (let i = 0; i < 100 && quiet < 3; i += 1) {
      await sleep(100);
      quiet = inflight === 0 ? quiet + 1 : 0;
    }
  };

  /**
   * Built-in tags keep their attributes in simulate's virtual tree, not on the DOM: copies the ones that
   * change how a phone shows them (image src, button type/size/disabled, placeholders, field values).
   */
  const paintNatives = (node) => {
    if (!node) return;
    const dom = node.$$;
    const vt = node._vt;
    if (dom && vt && vt.attrs && /^(image|button|input|textarea)$/.test(vt.tagName)) {
      for (const { name, value } of vt.attrs) {
        if (vt.tagName === 'image' && name === 'src' && value) dom.style.backgroundImage = `url("${value}")`;
        if (vt.tagName === 'button' && (name === 'type' || name === 'size') && value)
          dom.setAttribute(name, value);
        if (vt.tagName === 'button' && name === 'disabled' && value) dom.setAttribute('disabled', '');
        if (name === 'placeholder' && value) dom.setAttribute('data-shot-placeholder', value);
        if (name === 'value' && value !== undefined && value !== '') dom.textContent = String(value);
      }
    }
    (node.childNodes || []).forEach(paintNatives);
    if (node.shadowRoot) paintNatives(node.shadowRoot);
  };

  /**
   * simulate renders no <page-meta>: does what WeChat does with its attributes, on the body (the `page` of
   * the WXSS), so that --gl-scale and rem follow the page's textSize as on a phone.
   */
  const applyPageMeta = (page) => {
    const size = page.instance.data.textSize;
    if (!size) return;
    document.body.setAttribute('style', size.pageStyle);
    document.documentElement.style.fontSize = size.rootFontSize;
  };

  window.__renderShot = async () => {
    const { simulate } = window;
    const ids = {};
    // Children before parents: a parent's usingComponents names the children's ids.
    for (const component of shot.components) {
      const using = {};
      for (const [tag, key] of Object.entries(component.using)) using[tag] = ids[key];
      const definition = component.stub
        ? {
            properties: Object.fromEntries(
              Object.entries(component.stub.properties).map(([k, t]) => [k, window[t]]),
            ),
          }
        : definitions[component.key];
      if (!definition) throw new Error(`no Component() definition captured for ${component.key}`);
      ids[component.key] = simulate.load({
        ...definition,
        id: `shot-${component.key}`,
        tagName: component.tag,
        template: component.template,
        usingComponents: using,
        options: { ...(definition.options || {}), classPrefix: component.prefix },
      });
    }
    const page = simulate.render(ids.page);
    page.attach(document.getElementById('page'));
    if (page.instance.onLoad) await page.instance.onLoad(shot.query);
    if (page.instance.onShow) page.instance.onShow();
    await settle();
    applyPageMeta(page);
    for (const selector of shot.taps) {
      const target = page.querySelector(selector);
      if (!target) throw new Error(`nothing matches ${selector}`);
      target.dispatchEvent('tap');
      await settle();
      applyPageMeta(page);
    }
    if (page.instance.onHide) page.instance.onHide();
    paintNatives(page._exparserNode);
    window.__SHOT_DONE__ = true;
  };
})();
