/**
 * `npm start`: the local cloud on 127.0.0.1 with the demo community. Flags: --reset wipes and reloads the
 * demo data. Environment: PORT (default 3900), GRIDLINK_DATA (default ./data), GRIDLINK_CORS_ORIGINS (cors.ts).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { invoke } from '../functions/define';
import { functions } from '../functions';
import { seedFieldWork } from '../demo/field-work';
import { demoUsers, seedDemo } from '../demo/seed';
import { loadNotificationSettings } from '../adapters/push-templates';
import { createLocalDeps } from './deps';
import { extraOrigins } from './cors';
import { createLocalCloud, DEV_OPENID_HEADER } from './http';

async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  const port = Number(process.env.PORT ?? 3900);
  const dataDir = resolve(process.env.GRIDLINK_DATA ?? 'data');
  mkdirSync(dataDir, { recursive: true });

  const deps = createLocalDeps({
    dataDir,
    notificationSettings: loadNotificationSettings(process.env),
    groupSecret: process.env.GRIDLINK_GROUP_SECRET,
  });
  if (reset) deps.store.clear();
  if ((await deps.store.count('communities')) === 0) {
    const summary = await seedDemo(deps.store);
    console.log(
      `Loaded the demo data: ${summary.communities} communities, ${summary.grids} grids, ${summary.microGrids} micro-grids, ${summary.households} households, ${summary.users} users.`,
    );
    const field = await seedFieldWork(deps);
    console.log(
      `Field work in 焦家湾社区: ${field.tasks} buildings to inspect this month, ${field.careHouseholds} elderly households visited weekly.`,
    );
  }

  const server = createLocalCloud({
    deps,
    functions,
    corsOrigins: extraOrigins(process.env.GRIDLINK_CORS_ORIGINS),
  });
  server.listen(port, '127.0.0.1', () => {
    const base = `http://127.0.0.1:${port}`;
    console.log(`GridLink local cloud running at ${base}`);
    console.log(`  functions: ${Object.keys(functions).join(', ')}  (POST ${base}/fn/<name>)`);
    console.log(`  data:      ${dataDir}  (npm start -- --reset reloads the demo)`);
    console.log(`  status:    curl ${base}/`);
    console.log('  act as (header ' + DEV_OPENID_HEADER + '):');
    for (const user of demoUsers())
      console.log(`    ${user.openid.padEnd(34)} ${user.name} — ${user.roles}, ${user.community}`);
    console.log(
      `  try:       curl -s -X POST ${base}/fn/user -H '${DEV_OPENID_HEADER}: dev-staff-wujiayuan' -H 'content-type: application/json' -d '{"action":"me"}'`,
    );
  });
  // Production runs the scheduler from a timer trigger; the local cloud ticks it on an interval instead.
  const tickMs = Number(process.env.GRIDLINK_TICK_MS ?? 60_000);
  const timer = setInterval(() => {
    void invoke(functions.scheduler, deps, null, { action: 'tick' }).then((result) => {
      if (!result.ok) console.error('[scheduler]', result.error);
    });
  }, tickMs);
  const stop = () => {
    clearInterval(timer);
    server.close(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
