/** Light and dark themes: the stored preference, the system's, and what the page shows. Pure. */
export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'provex.theme';

export function parseThemePreference(raw: string | null | undefined): ThemePreference {
  return raw === 'light' || raw === 'dark' ? raw : 'system';
}

export function resolveTheme(pref: ThemePreference, systemDark: boolean): Theme {
  if (pref === 'system') return systemDark ? 'dark' : 'light';
  return pref;
}

/** The toggle switches to the other theme and remembers it as an explicit choice. */
export function toggledTheme(shown: Theme): ThemePreference {
  return shown === 'dark' ? 'light' : 'dark';
}
