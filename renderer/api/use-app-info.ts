import type { AppInfo } from '../../electron/shared/dto';
import { call } from './pledge';
import { useApi } from './use-api';

/** What the host is (desktop or browser), or null while asking: decides native save and print dialogs. */
export function useAppInfo(): AppInfo | null {
  const [info] = useApi(() => call('app.info', {}), []);
  return info.state === 'ok' ? info.value : null;
}
