import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../electron/shared/dto';
import { createHost } from '../../electron/host/create-host';
import { RESOURCES_DIR } from '../support/paths';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { TEMPLATE_ID, manualClock, ok } from '../support/test-host';

/** Issue 6: automatic backups "daily while the app runs, keeping the last 7" — with a fake timer, no waiting. */

afterAll(removeTempDirs);

const HOUR = 3_600_000;

/** A host whose hourly check the test fires by hand. */
function hostWithFakeTimer() {
  const dataDir = makeTempDir('pledge-daily-');
  const clock = manualClock();
  const timer: { check: (() => Promise<BackupInfo | null>) | null; everyMs: number; stopped: boolean } = { check: null, everyMs: 0, stopped: false };
  const host = createHost({
    dataDir,
    resourcesDir: RESOURCES_DIR,
    clock,
    log: () => undefined,
    scheduleBackups: (check, everyMs) => {
      timer.check = check;
      timer.everyMs = everyMs;
      return () => {
        timer.stopped = true;
      };
    },
  });
  const fire = (): Promise<BackupInfo | null> => {
    if (!timer.check) throw new Error('no timer was scheduled');
    return timer.check();
  };
  const automatic = (): string[] => readdirSync(join(dataDir, 'backups')).filter((n) => /Z(-\d+)?\.db$/.test(n)).sort();
  return { dataDir, clock, host, timer, fire, automatic };
}

describe('the daily backup while the app runs', () => {
  it('checks hourly and takes a backup once a day has passed since the last one', async () => {
    const { clock, host, timer, fire, automatic } = hostWithFakeTimer();
    try {
      expect(timer.everyMs).toBe(HOUR);
      expect((await host.autoBackup)?.name).toBe('pledge-desk-20261128T023000Z.db');
      for (let h = 1; h < 24; h++) {
        clock.tick(HOUR);
        expect(await fire()).toBeNull();
      }
      // Work done meanwhile is in the next backup.
      ok(await host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
      clock.tick(HOUR);
      const next = await fire();
      expect(next).toMatchObject({ name: 'pledge-desk-20261129T023000Z.db', kind: 'automatic' });
      expect(automatic()).toEqual(['pledge-desk-20261128T023000Z.db', 'pledge-desk-20261129T023000Z.db']);
    } finally {
      host.close();
    }
  });

  it('keeps the last 7 when the app stays open for ten days', async () => {
    const { clock, host, fire, automatic } = hostWithFakeTimer();
    try {
      await host.autoBackup;
      for (let day = 1; day <= 10; day++) {
        clock.tick(24 * HOUR);
        expect(await fire()).not.toBeNull();
      }
      expect(automatic()).toEqual(
        ['20261202', '20261203', '20261204', '20261205', '20261206', '20261207', '20261208'].map((d) => `pledge-desk-${d}T023000Z.db`),
      );
    } finally {
      host.close();
    }
  });

  it('two checks at once take one backup, and close stops the timer; a late check takes none', async () => {
    const { dataDir, clock, host, timer, fire, automatic } = hostWithFakeTimer();
    await host.autoBackup;
    clock.tick(25 * HOUR);
    const [a, b] = await Promise.all([fire(), fire()]);
    expect([a, b].filter((x) => x !== null)).toHaveLength(1);
    expect(automatic()).toHaveLength(2);
    host.close();
    expect(timer.stopped).toBe(true);
    clock.tick(48 * HOUR);
    expect(await fire()).toBeNull();
    expect(automatic()).toHaveLength(2);
    expect(existsSync(join(dataDir, 'pledge-desk.db'))).toBe(true);
  });

  it('is not scheduled when automatic backups are off', () => {
    let scheduled = false;
    const host = createHost({
      dataDir: makeTempDir('pledge-daily-off-'),
      resourcesDir: RESOURCES_DIR,
      clock: manualClock(),
      autoBackup: false,
      scheduleBackups: () => {
        scheduled = true;
        return () => undefined;
      },
    });
    host.close();
    expect(scheduled).toBe(false);
  });
});
