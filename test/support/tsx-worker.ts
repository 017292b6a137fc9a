import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './paths';

/**
 * A Worker script (a `data:` URL) that loads a TypeScript entry file through tsx, so tests can start the real
 * worker entries without a build. Why not `execArgv: ['--import', 'tsx']`: Node 20 does not apply those
 * loader hooks inside worker threads ("Unknown file extension .ts").
 */
export function tsxWorkerUrl(entryFile: string): URL {
  const code = [
    `import { createRequire } from 'node:module';`,
    `const require = createRequire(${JSON.stringify(pathToFileURL(`${REPO_ROOT}package.json`).href)});`,
    `require('tsx/cjs/api').require(${JSON.stringify(entryFile)}, ${JSON.stringify(`${REPO_ROOT}package.json`)});`,
  ].join('\n');
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
