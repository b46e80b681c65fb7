// In Electron, the take and clear actions also work while another app has focus (through the desktop bridge).
import { useEffect, useState } from 'react';
import type { GlobalAction } from '../../../shared-ipc/bridge.js';
import { clearAir, takeTopSuggestion } from '../console/console-actions.js';
import { useSettings } from '../settings/settings-store.js';

export function useGlobalShortcuts(): { failed: GlobalAction[] } {
  const take = useSettings((s) => s.settings.global.take);
  const clear = useSettings((s) => s.settings.global.clear);
  const [failed, setFailed] = useState<GlobalAction[]>([]);

  useEffect(() => {
    const bridge = window.cuecartDesktop;
    if (!bridge) return;
    return bridge.onGlobalShortcut((action) => {
      if (action === 'take') takeTopSuggestion();
      else if (action === 'clear') clearAir();
    });
  }, []);

  useEffect(() => {
    const bridge = window.cuecartDesktop;
    if (!bridge) return;
    let live = true;
    bridge
      .setGlobalShortcuts({ ...(take ? { take } : {}), ...(clear ? { clear } : {}) })
      .then((r) => live && setFailed(r.failed))
      .catch(() => live && setFailed(['take', 'clear']));
    return () => {
      live = false;
    };
  }, [take, clear]);

  return { failed };
}
