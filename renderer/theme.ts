// Light and dark follow the OS unless the coach picks one in Settings. The choice is a display
// preference, not coach data, so it lives in localStorage and applies before the first paint.
export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

const storageKey = 'followthrough.theme';

export function storedTheme(): ThemeChoice {
  const value = localStorage.getItem(storageKey);
  return themeChoices.find((choice) => choice === value) ?? 'system';
}

function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

export function setTheme(choice: ThemeChoice): void {
  localStorage.setItem(storageKey, choice);
  applyTheme(choice);
}

export const applyStoredTheme = () => applyTheme(storedTheme());
