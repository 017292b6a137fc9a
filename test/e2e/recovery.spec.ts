import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api } from './api';
import { CLI_PATH, expect, startPledgeServe, test } from './fixtures';
import { ArchiveSearchPage } from './pages/ArchiveSearchPage';
import { HomePage } from './pages/HomePage';
import { shot } from './shots';
import { COMPANY_SIGNER, signViaApi } from './sign-via-api';

/**
 * Issue 7: "the database file is corrupted: the app says so and offers a restore from the latest automatic
 * backup; it never silently replaces a damaged database with an empty one". Issue 6: "备份全部数据".
 */

/** Runs `use` on the data folder's database through a connection of its own (the recovery host holds none). */
function withDatabase<T>(dataDir: string, use: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'pledge-desk.db'));
  try {
    return use(db);
  } finally {
    db.close();
  }
}

test('a damaged database: the recovery screen says so, restores the latest backup and the app opens with its data', async ({ page, requests }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pledge-e2e-recovery-'));
  try {
    // A folder with one signed pledge and a backup of it, as a day of work leaves it.
    const first = await startPledgeServe(dataDir);
    requests.origins.push(first.origin);
    let signedId: string;
    try {
      // Opened as a user would: the page trades the URL's token for the session cookie the API calls need.
      await new HomePage(page).open(first.url);
      signedId = (await signViaApi(page, first.origin, 'ecommerce-service', COMPANY_SIGNER)).id;
      await api(page, first.origin, 'backup.create', {});
    } finally {
      await first.stop();
    }
    // Something wrote over the database file.
    writeFileSync(join(dataDir, 'pledge-desk.db'), Buffer.from('a sync tool wrote this over the database\n'.repeat(400)));
    for (const suffix of ['-wal', '-shm']) rmSync(join(dataDir, `pledge-desk.db${suffix}`), { force: true });

    const server = await startPledgeServe(dataDir, ['--recover']);

    requests.origins.push(server.origin);
    try {
      await page.goto(server.url);
      const screen = page.getByTestId('recovery-screen');
      await expect(screen).toBeVisible();
      await expect(screen).toHaveAttribute('data-code', 'DB_CORRUPT');
      await expect(page.getByTestId('recovery-problem')).toContainText('数据文件已损坏');
      await expect(page.getByTestId('recovery-path')).toHaveText(join(dataDir, 'pledge-desk.db'));
      // The newest backup is the one taken by hand after signing (newer than the start-up one).
      await expect(page.getByTestId('recovery-backup')).toContainText(/最近的备份：.*-manual\.db/);
      // The normal screens are not there: nothing can be typed into a database that is not open.
      await expect(page.locator('.app-header')).toHaveCount(0);
      await shot(page, 'recovery-damaged', { narrow: true });

      await page.getByRole('button', { name: '从最近的自动备份恢复' }).click();
      const done = page.getByTestId('recovery-done');
      await expect(done).toBeVisible();
      await expect(done).toContainText('已恢复');
      await expect(done.locator('code').first()).toContainText('pledge-desk.db.damaged-');
      // The damaged file is kept beside the restored one, never deleted.
      expect(readdirSync(dataDir).filter((n) => n.startsWith('pledge-desk.db.damaged-'))).toHaveLength(1);
      await shot(page, 'recovery-restored', { narrow: true });

      await page.getByRole('button', { name: '进入应用' }).click();
      const home = new HomePage(page);
      await expect(home.archiveRows).toHaveCount(1);
      await expect(page.locator(`[data-archive-id="${signedId}"]`)).toBeVisible();
      await expect(page.getByTestId('recovery-screen')).toHaveCount(0);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the backup before an upgrade cannot be written: the screen says nothing was changed, and 重试 opens the app once fixed', async ({ page, requests }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pledge-e2e-premig-'));
  try {
    const first = await startPledgeServe(dataDir);
    requests.origins.push(first.origin);
    try {
      await new HomePage(page).open(first.url);
      await signViaApi(page, first.origin, 'ecommerce-service', COMPANY_SIGNER);
    } finally {
      await first.stop();
    }
    // The database now looks one migration behind, and a file stands where the backups folder must be.
    const latest = withDatabase(dataDir, (db) => {
      const row = db.prepare('SELECT id, name, applied_at FROM schema_migrations ORDER BY id DESC LIMIT 1').get() as { id: number; name: string; applied_at: string };
      db.prepare('DELETE FROM schema_migrations WHERE id = ?').run(row.id);
      return row;
    });
    rmSync(join(dataDir, 'backups'), { recursive: true, force: true });
    writeFileSync(join(dataDir, 'backups'), 'in the way');

    const server = await startPledgeServe(dataDir, ['--recover']);

    requests.origins.push(server.origin);
    try {
      await page.goto(server.url);
      const screen = page.getByTestId('recovery-screen');
      await expect(screen).toHaveAttribute('data-code', 'MIGRATION_BACKUP_FAILED');
      await expect(page.getByTestId('recovery-problem')).toContainText('数据文件未升级，也未作任何改动');
      await expect(screen).toContainText('可写且磁盘未满');
      await expect(page.getByRole('button', { name: '从最近的自动备份恢复' })).toHaveCount(0);
      await shot(page, 'recovery-premigration', { narrow: true });
      // Not migrated: still one behind.
      expect(withDatabase(dataDir, (db) => db.prepare('SELECT max(id) FROM schema_migrations').pluck().get())).toBe(latest.id - 1);

      // Fixed (and, for this test, the schema marked current again): 重试 opens the app without a restart.
      rmSync(join(dataDir, 'backups'));
      withDatabase(dataDir, (db) => db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(latest.id, latest.name, latest.applied_at));
      await page.getByRole('button', { name: '重试' }).click();
      await expect(new HomePage(page).archiveRows).toHaveCount(1);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('备份全部数据 downloads one .pledgebackup that `pledge restore` puts into an empty folder', async ({ page, server }) => {
  const home = new HomePage(page);
  await home.open(server.url);
  const signed = await signViaApi(page, server.origin, 'ecommerce-service', COMPANY_SIGNER);
  const search = new ArchiveSearchPage(page);
  await search.openFromHeader();
  await page.getByRole('button', { name: '备份全部数据' }).click();
  const link = page.getByTestId('backup-download');
  await expect(link).toBeVisible();
  await expect(page.getByText(/备份已生成：1 份存档/)).toBeVisible();
  await shot(page, 'backup-all-ready', { narrow: true });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^承诺书备份-\d{8}\.pledgebackup$/);

  const work = mkdtempSync(join(tmpdir(), 'pledge-e2e-backup-'));
  try {
    const file = join(work, download.suggestedFilename());
    await download.saveAs(file);
    const target = join(work, 'restored');
    const run = spawnSync(process.execPath, [CLI_PATH, '--data-dir', target, '--json', 'restore', file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ records: 1, files: 1 });
    expect(existsSync(join(target, 'archive', `${signed.fileSha256}.pdf`))).toBe(true);
    const list = spawnSync(process.execPath, [CLI_PATH, '--data-dir', target, '--json', 'archive', 'list'], { encoding: 'utf8' });
    expect(list.stdout).toContain(signed.id);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
