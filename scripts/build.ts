/** `npm run build`: bundle every cloud function for CloudBase (see build-functions.ts). */
import { buildFunctions } from './build-functions';

buildFunctions()
  .then((built) => {
    for (const fn of built)
      console.log(`dist/functions/${fn.name}/index.js  ${(fn.bytes / 1024).toFixed(0)} KB`);
    console.log('Deploy: npx @cloudbase/cli fn deploy <name> --force (see README)');
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
