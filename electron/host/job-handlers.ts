import { verifyAllSteps } from './archive-handlers';
import { exportBundleSteps } from './bundle-handlers';
import type { Handlers } from './handlers';

/**
 * `jobs.start` and `jobs.get`: the long methods as background jobs with progress. A job runs the same steps
 * as the direct call, so its result is the one the direct call would have answered.
 */
export const JOB_HANDLERS: Pick<Handlers, 'jobs.start' | 'jobs.get'> = {
  'jobs.start': (input, ctx) => {
    switch (input.method) {
      case 'archive.verifyAll':
        return { id: ctx.jobs.start('archive.verifyAll', verifyAllSteps(ctx)) };
      case 'archive.exportBundle':
        return { id: ctx.jobs.start('archive.exportBundle', exportBundleSteps(input.input, ctx)) };
    }
  },
  'jobs.get': (input, ctx) => ctx.jobs.get(input.id),
};
