import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { darkTheme, lightTheme, themeToStyle, tokenVariables } from '../../src/theme/index.js';

const css = readFileSync(resolve(__dirname, '../../src/theme/tokens.css'), 'utf8');

describe('themeToStyle', () => {
  it('maps the presets onto data-theme only, so host CSS can still override tokens', () => {
    expect(themeToStyle('light')).toEqual({ style: {}, rowHeight: 72, colorScheme: 'light' });
    expect(themeToStyle('dark')).toEqual({ style: {}, rowHeight: 72, colorScheme: 'dark' });
    expect(themeToStyle(undefined).colorScheme).toBe('light');
  });
  it('maps a token object onto --ck-* variables, with units', () => {
    const { style, rowHeight, colorScheme } = themeToStyle({
      accent: 'rebeccapurple',
      rowHeight: 64,
      radius: 4,
      motionDuration: 120,
      surfaceHover: '#eee',
      avatarColors: ['red', 'blue'],
    });
    expect(style).toEqual({
      '--ck-accent': 'rebeccapurple',
      '--ck-row-height': '64px',
      '--ck-radius': '4px',
      '--ck-duration': '120ms',
      '--ck-surface-hover': '#eee',
      '--ck-avatar-0': 'red',
      '--ck-avatar-1': 'blue',
    });
    expect(rowHeight).toBe(64);
    expect(colorScheme).toBe('light');
  });
  it('infers a dark colour scheme from a dark background', () => {
    expect(themeToStyle({ ...darkTheme }).colorScheme).toBe('dark');
    expect(themeToStyle({ background: '#000' }).colorScheme).toBe('dark');
    expect(themeToStyle({ background: '#fafafa' }).colorScheme).toBe('light');
  });
  it('ignores a nonsense row height', () => {
    expect(themeToStyle({ rowHeight: Number.NaN }).rowHeight).toBe(72);
    expect(themeToStyle({ rowHeight: -3 }).rowHeight).toBe(72);
  });
});

describe('tokens.css', () => {
  it('declares every light token with the same value as lightTheme', () => {
    for (const [name, value] of Object.entries(tokenVariables(lightTheme))) {
      const decl = new RegExp(`^\\s*${name}:\\s*([^;]+);`, 'm').exec(css);
      expect(decl, name).not.toBeNull();
      const norm = (s: string) => s.replace(/\s+/g, ' ').replace(/'/g, '"').trim();
      expect(norm(decl![1]), name).toBe(norm(value));
    }
  });
  it('declares every dark colour with the same value as darkTheme', () => {
    const dark = css.slice(css.indexOf("[data-theme='dark']"));
    for (const [name, value] of Object.entries(tokenVariables(darkTheme))) {
      if (value === tokenVariables(lightTheme)[name]) continue;
      expect(dark, name).toContain(`${name}: ${value};`);
    }
  });
  it('has no global element selectors', () => {
    const selectors = css.replace(/\/\*[\s\S]*?\*\//g, '').match(/(^|})\s*([^{}@]+)\{/g) ?? [];
    for (const s of selectors) expect(s).toMatch(/\.ck-/);
  });
});
