/** The app: choose the transport once from the build WeChat runs (config/env.ts), then every page calls services. */
import { appEnv, appEnvFor, setAppEnv } from './config/env';
import { refreshUnreadBadge } from './services/message';
import { cloudTransport, localTransport, setTransport } from './services/transport';

App({
  onLaunch() {
    setAppEnv(appEnvFor(wx.getAccountInfoSync().miniProgram.envVersion));
    const env = appEnv();
    if (env.mode === 'cloud') {
      wx.cloud.init({ env: env.cloudEnv, traceUser: true });
      setTransport(cloudTransport());
    } else {
      setTransport(localTransport(env.localBaseUrl, env.devOpenid));
    }
  },
  // WeChat calls onShow right after onLaunch and whenever the app returns to the front: the 消息 tab's badge
  // is the unread count then, whichever page opens first.
  onShow() {
    void refreshUnreadBadge();
  },
});
