// Whether the app runs as the desktop app (false until the platform has answered, and on the web).
import { useEffect, useState } from 'react';
import { platform } from './index';

export function useDesktop(): boolean {
  const [desktop, setDesktop] = useState(false);
  useEffect(() => {
    void platform.appInfo().then((info) => setDesktop(info.ok && info.value.desktop));
  }, []);
  return desktop;
}
