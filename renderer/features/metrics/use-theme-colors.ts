// A canvas cannot read CSS variables, so the chart asks the browser what each variable resolves to
// in the current theme, and asks again when the theme changes (OS setting or the app's choice).
import { useSyncExternalStore } from 'react';

export type ChartColors = {
  series: string;
  seriesFill: string;
  goal: string;
  axis: string;
  grid: string;
  text: string;
};

const variables: Record<keyof ChartColors, string> = {
  series: 'var(--accent)',
  seriesFill: 'var(--accent-soft)',
  goal: 'var(--warning)',
  axis: 'var(--muted)',
  grid: 'var(--border)',
  text: 'var(--text)',
};

function resolveColors(): ChartColors {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  document.body.append(probe);
  const resolved = Object.fromEntries(
    Object.entries(variables).map(([name, value]) => {
      probe.style.color = value;
      return [name, getComputedStyle(probe).color];
    }),
  ) as ChartColors;
  probe.remove();
  return resolved;
}

let cached: { key: string; colors: ChartColors } | null = null;

function snapshot(): ChartColors {
  const key = `${document.documentElement.dataset.theme ?? 'system'}:${matchMedia('(prefers-color-scheme: dark)').matches}`;
  if (cached?.key !== key) cached = { key, colors: resolveColors() };
  return cached.colors;
}

function subscribe(onChange: () => void): () => void {
  const media = matchMedia('(prefers-color-scheme: dark)');
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  media.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', onChange);
  };
}

export const useThemeColors = () => useSyncExternalStore(subscribe, snapshot);
