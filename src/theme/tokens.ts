import type { CSSProperties } from 'react';

/**
 * The kit's design tokens. Each maps onto one `--ck-*` CSS custom property declared in
 * tokens.css (see the table in the README). Colours are any CSS colour; sizes are px numbers.
 */
export interface ThemeTokens {
  /** List background. `--ck-background` */
  background: string;
  /** Raised surfaces: dialog, menu, toolbar. `--ck-surface` */
  surface: string;
  /** Row and menu item under the pointer. `--ck-surface-hover` */
  surfaceHover: string;
  /** Primary text: names, titles. `--ck-text` */
  text: string;
  /** Secondary text: previews, times (≥ 4.5:1 on background, surfaceHover and selected). `--ck-text-muted` */
  textMuted: string;
  /** Separators and outlines. `--ck-border` */
  border: string;
  /** Brand colour: buttons, checkmarks, links, unread time. `--ck-accent` */
  accent: string;
  /** Text on an accent fill. `--ck-accent-text` */
  accentText: string;
  /** Destructive colour: Delete buttons, draft marker, @-mention. `--ck-danger` */
  danger: string;
  /** Text on a danger fill. `--ck-danger-text` */
  dangerText: string;
  /** Keyboard focus outline. `--ck-focus-ring` */
  focusRing: string;
  /** Unread badge fill. `--ck-badge` */
  badge: string;
  /** Unread badge text. `--ck-badge-text` */
  badgeText: string;
  /** Selected row background. `--ck-selected` */
  selected: string;
  /** Toast background. `--ck-toast` */
  toast: string;
  /** Toast text. `--ck-toast-text` */
  toastText: string;
  /** Dialog backdrop. `--ck-backdrop` */
  backdrop: string;
  /** Initials avatar fills (white text on each, ≥ 4.5:1); picked by a stable hash. `--ck-avatar-0` … `--ck-avatar-7` */
  avatarColors: readonly string[];
  /** Corner radius of dialogs, menus, toasts and buttons, px. `--ck-radius` */
  radius: number;
  /** Row height, px; the virtualiser reads it. `--ck-row-height` */
  rowHeight: number;
  /** Avatar diameter, px. `--ck-avatar-size` */
  avatarSize: number;
  /** Font stack. `--ck-font-family` */
  fontFamily: string;
  /** Base font size, px. `--ck-font-size` */
  fontSize: number;
  /** Spacing unit, px; paddings are multiples of it. `--ck-spacing` */
  spacing: number;
  /** Shadow of floating surfaces. `--ck-shadow` */
  shadow: string;
  /** Duration of UI transitions, ms (0.01 under prefers-reduced-motion). `--ck-duration` */
  motionDuration: number;
}

const avatarColors = ['#c2410c', '#b91c1c', '#047857', '#1d4ed8', '#6d28d9', '#be185d', '#0e7490', '#a16207'];

const shared = {
  avatarColors,
  radius: 12,
  rowHeight: 72,
  avatarSize: 48,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "PingFang SC", "Microsoft YaHei", "Noto Sans", sans-serif',
  fontSize: 15,
  spacing: 8,
  motionDuration: 200,
} satisfies Partial<ThemeTokens>;

export const lightTheme: ThemeTokens = {
  ...shared,
  background: '#ffffff',
  surface: '#ffffff',
  surfaceHover: '#f2f2f7',
  text: '#111114',
  textMuted: '#636366',
  border: '#e0e0e6',
  accent: '#0062d1',
  accentText: '#ffffff',
  danger: '#d70015',
  dangerText: '#ffffff',
  focusRing: '#0062d1',
  badge: '#0062d1',
  badgeText: '#ffffff',
  selected: '#e6effc',
  toast: '#2c2c30',
  toastText: '#ffffff',
  backdrop: 'rgb(0 0 0 / 0.4)',
  shadow: '0 8px 32px rgb(0 0 0 / 0.18), 0 1px 3px rgb(0 0 0 / 0.12)',
};

export const darkTheme: ThemeTokens = {
  ...shared,
  background: '#121214',
  surface: '#1f2024',
  surfaceHover: '#1f2024',
  text: '#f2f2f7',
  textMuted: '#9b9ba1',
  border: '#2e2f34',
  accent: '#5aa9ff',
  accentText: '#00172f',
  danger: '#ff6b6b',
  dangerText: '#240000',
  focusRing: '#5aa9ff',
  badge: '#5aa9ff',
  badgeText: '#00172f',
  selected: '#1a2a40',
  toast: '#e8e8ed',
  toastText: '#111114',
  backdrop: 'rgb(0 0 0 / 0.6)',
  shadow: '0 8px 32px rgb(0 0 0 / 0.5), 0 0 0 1px rgb(255 255 255 / 0.08)',
};

export type ThemeProp = 'light' | 'dark' | Partial<ThemeTokens>;

/** `theme` prop → what the root element needs. */
export interface ThemeStyle {
  /** Inline `--ck-*` variables for the overridden tokens only (presets live in tokens.css). */
  style: CSSProperties;
  /** The row height in px, for the virtualiser. */
  rowHeight: number;
  /** Put it on the root as `data-theme={colorScheme}`: tokens.css keys the dark values on it. */
  colorScheme: 'light' | 'dark';
}

const px = (n: number) => `${n}px`;
const cssName = (key: string) => `--ck-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Token → CSS variable (numbers get their unit). */
export function tokenVariables(tokens: Partial<ThemeTokens>): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [key, value] of Object.entries(tokens) as Array<[keyof ThemeTokens, unknown]>) {
    if (value === undefined || value === null) continue;
    if (key === 'avatarColors') {
      (value as readonly string[]).forEach((c, i) => (vars[`--ck-avatar-${i}`] = c));
    } else if (key === 'motionDuration') {
      vars['--ck-duration'] = `${value}ms`;
    } else if (typeof value === 'number') {
      if (Number.isFinite(value)) vars[cssName(key)] = px(value);
    } else if (typeof value === 'string') {
      vars[cssName(key)] = value;
    }
  }
  return vars;
}

/** Relative luminance of a `#rgb`/`#rrggbb` colour; `undefined` for anything else. */
function luminance(color: string): number | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Maps the `theme` prop onto the root: `'light'` and `'dark'` select the presets in tokens.css
 * (no inline variables, so a host stylesheet can still override single tokens); a token object
 * becomes inline `--ck-*` variables. A token object with a dark `background` gets the dark
 * presets underneath it.
 */
export function themeToStyle(theme: ThemeProp | undefined = 'light'): ThemeStyle {
  if (theme === 'light' || theme === 'dark') {
    return { style: {}, rowHeight: lightTheme.rowHeight, colorScheme: theme };
  }
  const lum = theme.background ? luminance(theme.background) : undefined;
  const colorScheme = lum !== undefined && lum < 0.18 ? 'dark' : 'light';
  const rowHeight =
    typeof theme.rowHeight === 'number' && Number.isFinite(theme.rowHeight) && theme.rowHeight > 0
      ? theme.rowHeight
      : lightTheme.rowHeight;
  return { style: tokenVariables(theme) as CSSProperties, rowHeight, colorScheme };
}
