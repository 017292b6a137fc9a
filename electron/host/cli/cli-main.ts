import { join } from 'node:path';
import { runCli } from './run-cli';

// Bundled to dist/electron/cli.cjs: resources/ sits two levels up, the built renderer one level up.
const resourcesDir = process.env.PLEDGE_DESK_RESOURCES ?? join(__dirname, '..', '..', 'resources');
const rendererDir = join(__dirname, '..', 'renderer');

runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  },
  { resourcesDir, rendererDir },
).then((code) => {
  process.exitCode = code;
});
