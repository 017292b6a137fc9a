import type { ApiResult } from '../../electron/shared/api-error';
import type { Signer } from '../../electron/shared/dto';
import type { FieldValues } from '../../electron/shared/template';
import { createHost } from '../../electron/host/create-host';
import type { Host } from '../../electron/host/host';
import { seededRandomBytes } from './lcg';
import { RESOURCES_DIR } from './paths';

/** A clock the test moves by hand; starts on the signing day used throughout the tests. */
export interface ManualClock {
  (): Date;
  /** Moves the clock forward by `ms` milliseconds. */
  tick(ms: number): void;
}

export function manualClock(startIso = '2026-11-28T02:30:00.000Z'): ManualClock {
  let now = Date.parse(startIso);
  const clock = (() => new Date(now)) as ManualClock;
  clock.tick = (ms) => {
    now += ms;
  };
  return clock;
}

export interface TestHost {
  host: Host;
  clock: ManualClock;
  /** Messages the host logged (unexpected errors only). */
  logs: string[];
}

/** `createHost` on `dataDir` with the repo's resources, a manual clock and seeded random bytes. */
export function createTestHost(dataDir: string, options: { seed?: number; clock?: ManualClock } = {}): TestHost {
  const clock = options.clock ?? manualClock();
  const logs: string[] = [];
  const host = createHost({
    dataDir,
    resourcesDir: RESOURCES_DIR,
    clock,
    randomBytes: seededRandomBytes(options.seed ?? 1),
    log: (message) => logs.push(message),
  });
  return { host, clock, logs };
}

/** The value of an `{ok:true}` envelope; fails the test with the error otherwise. */
export function ok<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The error of an `{ok:false}` envelope; fails the test otherwise. */
export function err(result: ApiResult<unknown>): { code: string; message: string; field?: string } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

export const TEMPLATE_ID = 'ecommerce-service';

/** A complete, valid answer set for the built-in template (every non-signature, non-date field). */
export const VALID_VALUES: FieldValues = {
  'pre-1': { option: '其他', other: '个体工商户' },
  'pre-2': '淘宝',
  'c1.1-1': '5',
  'c2.1-1': '3',
  'c2.2-1': '10',
  'c2.3-1': '24',
  'c2.3-2': '3',
  'c3.1-1': '7',
  'c3.2-1': '12',
  'c3.2-2': '2',
  'c3.3-1': '50000',
  'c4.1-1': '4',
  'c5.1-1': '1000.50',
  'c5.2-1': '2',
};

export const SIGNER: Signer = { type: '企业', name: '张三', organisation: '杭州某某贸易有限公司' };
