/**
 * Light or dark. Invariants: `theme` is what `<html data-theme>` shows; it follows the system's
 * `prefers-color-scheme` until the user toggles, and the explicit choice is kept in localStorage.
 */
import { create } from 'zustand';
import {
  THEME_STORAGE_KEY,
  parseThemePreference,
  resolveTheme,
  toggledTheme,
  type Theme,
  type ThemePreference,
} from './theme.js';

interface ThemeStore {
  preference: ThemePreference;
  theme: Theme;
  toggle(): void;
  setPreference(p: ThemePreference): void;
}

const media = typeof matchMedia === 'undefined' ? null : matchMedia('(prefers-color-scheme: dark)');

function readPreference(): ThemePreference {
  try {
    return parseThemePreference(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

function apply(theme: Theme): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = theme;
}

const initial = readPreference();

export const useThemeStore = create<ThemeStore>((set, get) => ({
  preference: initial,
  theme: resolveTheme(initial, media?.matches ?? false),
  toggle() {
    get().setPreference(toggledTheme(get().theme));
  },
  setPreference(preference) {
    try {
      if (preference === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, preference);
    } catch {
      // Storage may be disabled: the choice then lasts for this page only.
    }
    const theme = resolveTheme(preference, media?.matches ?? false);
    apply(theme);
    set({ preference, theme });
  },
}));

apply(useThemeStore.getState().theme);
media?.addEventListener('change', () => {
  const { preference } = useThemeStore.getState();
  if (preference === 'system') useThemeStore.getState().setPreference('system');
});
