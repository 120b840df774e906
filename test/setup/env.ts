// Tests run in Asia/Shanghai like production, and never reach the network by accident.
process.env.TZ = 'Asia/Shanghai';
// node-sdk probes a cloud metadata address at init unless told it runs in Tencent Cloud.
process.env.TENCENTCLOUD = 'true';

// Pages and services run as the develop build in DevTools with the local cloud (miniprogram/config/env.ts);
// test/miniprogram/transport-choice.test.ts checks the other builds.
import { appEnvFor, setAppEnv } from '../../miniprogram/config/env';
setAppEnv(appEnvFor('develop'));
