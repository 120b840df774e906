/** The app: choose the transport once from the build WeChat runs (config/env.ts), then every page calls services. */
import { appEnv, appEnvFor, setAppEnv } from './config/env';
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
});
