import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * main.ts runs on import, so each test imports it afresh against a fake `electron` that records the order of
 * calls. What matters is Electron's ordering rules: userData, the sandbox and the privileged schemes before
 * `ready`; host, session hardening, protocols, IPC and the window after it; the host closed on quit.
 */
const fake = vi.hoisted(() => {
  const log: string[] = [];
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  let resolveReady: () => void = () => {};
  const state = { isPackaged: false, gotLock: true };
  const windows: Array<{ options: Record<string, unknown> }> = [];
  class BrowserWindow {
    static getAllWindows = () => windows;
    on = vi.fn();
    once = vi.fn();
    isMinimized = vi.fn(() => false);
    restore = vi.fn();
    focus = vi.fn(() => log.push('window.focus'));
    loadURL = vi.fn((url: string) => {
      log.push(`loadURL ${url}`);
      return Promise.resolve();
    });
    constructor(public options: Record<string, unknown>) {
      log.push('new BrowserWindow');
      windows.push(this);
    }
  }
  const app = {
    get isPackaged() {
      return state.isPackaged;
    },
    setPath: vi.fn((name: string, value: string) => log.push(`setPath ${name} ${value}`)),
    enableSandbox: vi.fn(() => log.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => {
      log.push('requestSingleInstanceLock');
      return state.gotLock;
    }),
    quit: vi.fn(() => log.push('quit')),
    exit: vi.fn(),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
      appListeners.set(event, listener);
      return app;
    }),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (resolveReady = resolve))),
  };
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => log.push('registerSchemesAsPrivileged')),
    handle: vi.fn((scheme: string) => log.push(`protocol.handle ${scheme}`)),
  };
  const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(() => log.push('setPermissionRequestHandler')),
    setPermissionCheckHandler: vi.fn(),
    on: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  const host = {
    dispatch: vi.fn(),
    putBlob: vi.fn(),
    readBlob: vi.fn(),
    openFile: vi.fn((file: string) => log.push(`openFile ${file}`)),
    dataDir: '',
    close: vi.fn(() => log.push('host.close')),
  };
  const createHost = vi.fn((options: unknown) => {
    log.push('createHost');
    return { ...host, options };
  });
  const resolveDataDir = vi.fn((opts: { flag?: string; env: Record<string, string | undefined> }) => opts.flag ?? opts.env.PLEDGE_DESK_HOME ?? '/nowhere');
  return {
    log,
    appListeners,
    state,
    windows,
    app,
    protocol,
    ipcMain,
    defaultSession,
    host,
    createHost,
    resolveDataDir,
    BrowserWindow,
    ready: () => resolveReady(),
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.BrowserWindow,
  dialog: { showErrorBox: vi.fn() },
  ipcMain: fake.ipcMain,
  protocol: fake.protocol,
  session: { defaultSession: fake.defaultSession },
}));
vi.mock('../../../electron/host/create-host', () => ({ createHost: fake.createHost }));
vi.mock('../../../electron/host/resolve-data-dir', () => ({ resolveDataDir: fake.resolveDataDir }));

let dataDir: string;
const argv = process.argv;

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  fake.log.length = 0;
  fake.appListeners.clear();
  fake.windows.length = 0;
  fake.state.gotLock = true;
  dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'pledge-main-')), 'data');
  process.argv = ['electron', '.', '--data-dir', dataDir];
});

afterEach(() => {
  process.argv = argv;
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

async function boot(): Promise<void> {
  await import('../../../electron/main');
  fake.ready();
  await vi.waitFor(() => expect(fake.log).toContain('new BrowserWindow'));
}

describe('electron/main.ts', () => {
  it('sets userData from --data-dir, the sandbox and the schemes before ready', async () => {
    await import('../../../electron/main');
    expect(fake.resolveDataDir).toHaveBeenCalledWith(
      expect.objectContaining({ flag: dataDir, platform: process.platform, homedir: os.homedir() }),
    );
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
      { scheme: 'pledge-blob', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(fake.createHost).not.toHaveBeenCalled();
    // The single-instance lock lives in userData, so it must be taken after setPath.
    expect(fake.log.indexOf(`setPath userData ${dataDir}`)).toBeLessThan(fake.log.indexOf('requestSingleInstanceLock'));
    expect(fake.appListeners.has('web-contents-created')).toBe(true);
  });

  it('on ready creates the host, then hardens, registers and opens the window', async () => {
    await boot();
    expect(fake.createHost).toHaveBeenCalledWith({
      dataDir,
      resourcesDir: expect.stringMatching(/resources$/),
      blobUrlPrefix: 'pledge-blob://',
      mode: 'desktop',
      ports: { saveFile: expect.any(Function), printPdf: expect.any(Function) },
    });
    const order = ['createHost', 'setPermissionRequestHandler', 'protocol.handle app', 'new BrowserWindow'].map((e) => fake.log.indexOf(e));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(fake.ipcMain.handle).toHaveBeenCalled();
    expect(fake.log).toContain('loadURL app://pledge-desk/index.html');
    const webPreferences = fake.windows[0]!.options.webPreferences as { preload: string };
    expect(webPreferences.preload).toMatch(/preload\.cjs$/);
  });

  it('closes the host on quit', async () => {
    await boot();
    fake.appListeners.get('will-quit')!();
    expect(fake.host.close).toHaveBeenCalledTimes(1);
  });

  it('quits at once as a second instance on the same data folder', async () => {
    fake.state.gotLock = false;
    await import('../../../electron/main');
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
  });

  it('hands files from the launch command line to the host once it exists, before the window opens', async () => {
    process.argv = ['electron', '.', '--data-dir', dataDir, '/tmp/a.pdf', '--no-sandbox', 'b.PLEDGEBUNDLE', 'notes.txt'];
    await boot();
    const opened = fake.log.filter((e) => e.startsWith('openFile'));
    expect(opened).toEqual(['openFile /tmp/a.pdf', `openFile ${path.resolve('b.PLEDGEBUNDLE')}`]);
    expect(fake.log.indexOf('createHost')).toBeLessThan(fake.log.indexOf('openFile /tmp/a.pdf'));
    expect(fake.log.indexOf('openFile /tmp/a.pdf')).toBeLessThan(fake.log.indexOf('new BrowserWindow'));
  });

  it('a second launch hands its files to the running instance, resolved against its own folder', async () => {
    await boot();
    fake.appListeners.get('second-instance')!({}, ['/opt/pledge-desk/pledge-desk', '--data-dir', dataDir, 'x.pledgebundle'], '/home/u/Downloads');
    expect(fake.host.openFile).toHaveBeenCalledWith('/home/u/Downloads/x.pledgebundle');
    expect(fake.log.at(-1)).toBe('window.focus');
  });

  it('macOS open-file before ready is kept until the host exists', async () => {
    await import('../../../electron/main');
    const preventDefault = vi.fn();
    fake.appListeners.get('open-file')!({ preventDefault }, '/Users/u/pledge.pdf');
    expect(preventDefault).toHaveBeenCalled();
    expect(fake.host.openFile).not.toHaveBeenCalled();
    fake.ready();
    await vi.waitFor(() => expect(fake.host.openFile).toHaveBeenCalledWith('/Users/u/pledge.pdf'));
  });
});
