import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const created: Array<{ options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn>; once: ReturnType<typeof vi.fn>; show: ReturnType<typeof vi.fn> }> = [];
  class BrowserWindow {
    loadURL = vi.fn(() => Promise.resolve());
    once = vi.fn();
    show = vi.fn();
    constructor(public options: Record<string, unknown>) {
      created.push(this);
    }
  }
  return { created, BrowserWindow };
});

vi.mock('electron', () => ({ BrowserWindow: fake.BrowserWindow }));

import { createMainWindow } from '../../../electron/shell/window';
import { secureWebPreferences } from '../../../electron/shell/web-preferences';

describe('createMainWindow', () => {
  beforeEach(() => {
    fake.created.length = 0;
  });

  it('opens a 1280×800 window with the secure webPreferences and the preload', () => {
    createMainWindow({ preloadPath: '/x/preload.cjs' });
    expect(fake.created).toHaveLength(1);
    const { options } = fake.created[0]!;
    expect(options.width).toBe(1280);
    expect(options.height).toBe(800);
    expect(options.webPreferences).toStrictEqual(secureWebPreferences('/x/preload.cjs'));
  });

  it('loads the renderer from the app origin, never from file://', () => {
    createMainWindow({ preloadPath: '/x/preload.cjs' });
    expect(fake.created[0]!.loadURL).toHaveBeenCalledWith('app://pledge-desk/index.html');
  });

  it('stays hidden until ready-to-show', () => {
    createMainWindow({ preloadPath: '/x/preload.cjs' });
    const win = fake.created[0]!;
    expect(win.options.show).toBe(false);
    expect(win.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
    const onReady = win.once.mock.calls[0]![1] as () => void;
    onReady();
    expect(win.show).toHaveBeenCalledTimes(1);
  });
});
