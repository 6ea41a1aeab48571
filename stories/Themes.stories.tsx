import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { useMemo } from 'react';
import { ConversationList } from '../src/components/ConversationList/index.js';
import { createMemoryChatServer } from '../src/sdk/memory/index.js';
import type { ThemeTokens } from '../src/theme/index.js';
import { fixtures } from './support/demo.js';

/** A brand's own tokens: they become `--ck-*` CSS variables on the list's root. */
const grape: Partial<ThemeTokens> = {
  background: '#fbf8ff',
  surface: '#ffffff',
  surfaceHover: '#f1eafc',
  text: '#1d1430',
  textMuted: '#5b4e70',
  accent: '#6a1fd0',
  badge: '#6a1fd0',
  selected: '#ece2fb',
  focusRing: '#6a1fd0',
  radius: 20,
  rowHeight: 64,
  avatarSize: 40,
  fontFamily: 'Georgia, "Times New Roman", serif',
};

function Themes() {
  const server = useMemo(() => createMemoryChatServer({ conversations: fixtures(300) }), []);
  const themes = [
    ['Light', 'light'],
    ['Dark', 'dark'],
    ['Custom tokens', grape],
  ] as const;
  return (
    <div className="sb-row">
      {themes.map(([caption, theme]) => (
        <section key={caption} style={{ flex: '1 1 320px' }}>
          <h2 className="sb-caption">{caption}</h2>
          <div className="sb-frame" style={{ blockSize: 560 }}>
            <ConversationList adapter={server.connect()} theme={theme} aria-label={caption} />
          </div>
        </section>
      ))}
    </div>
  );
}

/** Light, dark and custom tokens side by side, on one server. */
const meta = { title: 'Themes', component: Themes } satisfies Meta<typeof Themes>;
export default meta;

export const SideBySide: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const lists = canvasElement.querySelectorAll<HTMLElement>('.ck-ConversationList');
    await expect(lists).toHaveLength(3);
    await expect(lists[1]).toHaveAttribute('data-theme', 'dark');
    await expect(lists[2].style.getPropertyValue('--ck-accent')).toBe('#6a1fd0');
    const rows = await within(lists[2]).findAllByRole('row', {}, { timeout: 5000 });
    await expect(rows[0].getBoundingClientRect().height).toBe(64);
    await expect(getComputedStyle(lists[0]).backgroundColor).not.toBe(getComputedStyle(lists[1]).backgroundColor);
  },
};
