/**
 * The Electron main process: app lifecycle only. Everything it wires together lives elsewhere: the domain in
 * host/ (which never imports electron), the Electron glue in shell/. The order below is Electron's, not ours:
 * paths, schemes and the sandbox must be set before `ready`; protocols, IPC and windows only after it.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { createHostOrRecovery } from './host/create-recovery-host';
import type { Host } from './host/host';
import { resolveDataDir } from './host/resolve-data-dir';
import { APP_SCHEME, BLOB_SCHEME, BLOB_URL_PREFIX } from './shell/app-url';
import { registerIpc } from './shell/ipc';
import { openedFileArgs } from './shell/opened-file-args';
import { printPdf } from './shell/print-pdf';
import { savePdf } from './shell/save-pdf';
import { registerProtocols } from './shell/protocol';
import { readDataDirFlag } from './shell/read-data-dir-flag';
import { guardWebContents, hardenSession } from './shell/security';
import { createMainWindow } from './shell/window';

// Built main lives at dist/electron/main.cjs; dist/ is packaged into the asar, so these hold in both modes.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererDir = path.join(__dirname, '..', 'renderer');
const resourcesDir = app.isPackaged ? process.resourcesPath : path.join(__dirname, '..', '..', 'resources');

// One data folder for the app, the CLI and `pledge serve`: --data-dir, else $PLEDGE_DESK_HOME, else the OS folder.
const dataDir = resolveDataDir({
  flag: readDataDirFlag(process.argv),
  env: process.env,
  platform: process.platform,
  homedir: os.homedir(),
});
// setPath throws for a folder that does not exist yet; Chromium's own state goes to a subfolder of it.
mkdirSync(dataDir, { recursive: true });
app.setPath('userData', dataDir);
app.setPath('sessionData', path.join(dataDir, 'chromium'));

app.enableSandbox();
protocol.registerSchemesAsPrivileged(
  [APP_SCHEME, BLOB_SCHEME].map((scheme) => ({
    scheme,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
  })),
);
// Guards go on every web contents as it is created, so no window or frame can exist without them.
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

let host: Host | undefined;
// Files the OS asked us to open before the host existed (argv at launch, macOS `open-file` before `ready`).
const pendingFiles: string[] = openedFileArgs(process.argv.slice(1), process.cwd());
// The save port reads through whichever host is current (it exists before the host does).
const readBlob = { readBlob: (blobId: string) => host?.readBlob(blobId) ?? null };
let mainWindow: BrowserWindow | undefined;

/** Hands a file to the host's inbox (the renderer polls `app.openedFiles`) and brings the window forward. */
function openFile(file: string): void {
  if (!host) {
    pendingFiles.push(file);
    return;
  }
  host.openFile(file);
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
}

function openWindow(): void {
  mainWindow = createMainWindow({ preloadPath });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

async function start(): Promise<void> {
  let created: Host;
  try {
    // A damaged, missing, newer or unwritable database starts a recovery host: the window then explains the
    // problem and offers the latest backup (see createRecoveryHost) instead of the app quitting.
    created = createHostOrRecovery({
      dataDir,
      resourcesDir,
      blobUrlPrefix: BLOB_URL_PREFIX,
      mode: 'desktop',
      ports: {
        saveFile: (suggestedName, blobId) => savePdf(readBlob, { blobId, suggestedName, ...(mainWindow ? { parent: mainWindow } : {}) }),
        printPdf: (blobId, copies) => printPdf(blobId, copies),
      },
    });
  } catch (error) {
    // What not even a recovery host can stand in for (e.g. the data folder cannot be created): say so.
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Pledge Desk cannot start / 无法启动', `${message}\n\nData folder: ${dataDir}`);
    app.exit(1);
    return;
  }
  host = created;
  hardenSession(session.defaultSession, { allowDevtoolsExtensions: !app.isPackaged });
  registerProtocols(protocol, { rendererDir, host: created });
  registerIpc(ipcMain, created);
  for (const file of pendingFiles.splice(0)) created.openFile(file);
  openWindow();
}

// One instance per data folder (the lock lives in userData): two writers on one SQLite file would race.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch (a double-clicked bundle or PDF) hands its files to this instance and quits.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const file of openedFileArgs(argv.slice(1), workingDirectory)) openFile(file);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // macOS delivers double-clicked files as events, also before `ready`.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFile(file);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (host && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', () => {
    host?.close();
    host = undefined;
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Pledge Desk: failed to start', error);
      app.exit(1);
    });
}
