/** The app: choose the transport once, then every page calls services. */
import { appEnv } from './config/env';
import { cloudTransport, localTransport, setTransport } from './services/transport';

App({
  onLaunch() {
    if (appEnv.mode === 'cloud') {
      wx.cloud.init({ env: appEnv.cloudEnv, traceUser: true });
      setTransport(cloudTransport());
    } else {
      setTransport(localTransport(appEnv.localBaseUrl, appEnv.devOpenid));
    }
  },
});
