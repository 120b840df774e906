/**
 * `npm run deploy`: everything a CloudBase environment needs, in one command — the function bundles with
 * their settings, environment variables and the scheduler's timer trigger; the collections and their indexes;
 * the database and storage security rules. Through @cloudbase/manager-node, the management SDK that
 * @cloudbase/cli itself uses. The one thing no command can apply, the open-API permissions, is printed as
 * the last step (DevTools upload).
 *
 *   ENV_ID=<env> TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… GRIDLINK_APPID=… \
 *     GRIDLINK_PUSH_TEMPLATES='…' GRIDLINK_MINIPROGRAM_STATE=formal npm run deploy
 *   npm run deploy -- --dry-run        # prints the plan; no network, no credentials
 */
import type CloudBase from '@cloudbase/manager-node';
import { basename, join, resolve } from 'node:path';
import { buildFunctions } from './build-functions';
import { deployPlan, describePlan, readRc, REQUIRED_VARIABLES, type Step } from './deploy-plan';

const root = resolve(__dirname, '..');

type Manager = CloudBase;

async function apply(
  manager: Manager,
  envId: string,
  step: Step,
  log: (line: string) => void,
): Promise<void> {
  switch (step.kind) {
    case 'build':
      await buildFunctions(join(root, 'dist'));
      return;
    case 'function':
      // force: update the code and the configuration of a function that exists; triggers are created with it.
      await manager.functions.createFunction({
        func: { ...step.fn, envVariables: step.envVariables },
        functionRootPath: join(root, readRc().functionRoot),
        force: true,
      });
      return;
    case 'collection': {
      await manager.database.createCollectionIfNotExists(step.name);
      const { Indexes = [] } = await manager.database.describeCollection(step.name);
      const missing = step.indexes.filter(
        (ix) => !Indexes.some((have: { Name?: string }) => have.Name === ix.IndexName),
      );
      if (missing.length) await manager.database.updateCollection(step.name, { CreateIndexes: missing });
      return;
    }
    case 'databaseRule':
      await manager.commonService().call({
        Action: 'ModifySafeRule',
        Param: { EnvId: envId, CollectionName: step.collection, AclTag: 'CUSTOM', Rule: step.rule },
      });
      return;
    case 'storageRule': {
      const { EnvInfo } = await manager.env.getEnvInfo();
      const bucket = EnvInfo.Storages?.[0]?.Bucket;
      if (!bucket) throw new Error('the environment has no storage bucket');
      await manager.commonService().call({
        Action: 'ModifyStorageSafeRule',
        Param: { EnvId: envId, Bucket: bucket, AclTag: 'CUSTOM', Rule: step.rule },
      });
      return;
    }
    case 'manual':
      log(`\nStill to do by hand: ${step.what}`);
      return;
  }
}

/** Runs the deploy (or prints its plan); returns the exit code. */
export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<number> {
  const dryRun = argv.includes('--dry-run');
  const steps = deployPlan(env);
  log(dryRun ? 'Deploy plan (dry run: nothing is sent):' : 'Deploy plan:');
  for (const line of describePlan(steps)) log(`  ${line}`);
  const unset = REQUIRED_VARIABLES.filter((name) => !env[name]);
  if (unset.length) log(`warning: ${unset.join(', ')} not set: the functions get them empty`);
  if (dryRun) return 0;

  const envId = env.ENV_ID;
  if (!envId || !env.TENCENTCLOUD_SECRETID || !env.TENCENTCLOUD_SECRETKEY) {
    log('ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are needed (or run with --dry-run).');
    return 2;
  }
  // Loaded here only: a dry run needs neither the SDK nor the network.
  const { default: Manager } = await import('@cloudbase/manager-node');
  const manager = new Manager({
    envId,
    secretId: env.TENCENTCLOUD_SECRETID,
    secretKey: env.TENCENTCLOUD_SECRETKEY,
  });
  for (const [i, step] of steps.entries()) {
    log(`[${i + 1}/${steps.length}] ${describePlan([step])[0]}`);
    await apply(manager, envId, step, log);
  }
  log('Deployed.');
  return 0;
}

// Run as a script (`tsx scripts/deploy.ts`), not when a test imports main.
if (basename(process.argv[1] ?? '') === 'deploy.ts')
  main(process.argv.slice(2), process.env, (line) => console.log(line)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
