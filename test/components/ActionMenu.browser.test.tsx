import { render, screen } from '@testing-library/react';
import { createRef, useState } from 'react';
import { page, userEvent } from 'vitest/browser';
import { ActionMenu, type ActionMenuItem } from '../../src/components/ActionMenu/index.js';
import '../../src/theme/tokens.css';
import '../../src/components/ActionMenu/ActionMenu.css';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

function setup(extra: Partial<Parameters<typeof ActionMenu>[0]> = {}) {
  const selected: string[] = [];
  const items: ActionMenuItem[] = [
    { key: 'pin', label: 'Pin', onSelect: () => selected.push('pin') },
    { key: 'read', label: 'Mark as read', onSelect: () => selected.push('read') },
    { key: 'delete', label: 'Delete', destructive: true, onSelect: () => selected.push('delete') },
  ];
  render(
    <div className="ck-ConversationList">
      {/* A clipping row, as in the list: the menu must escape it. */}
      <div data-testid="row" style={{ overflow: 'hidden', height: 40, display: 'flex', justifyContent: 'flex-end', contain: 'paint' }}>
        <ActionMenu items={items} {...extra} />
      </div>
      <button type="button">Outside</button>
    </div>,
  );
  const trigger = screen.getByRole('button', { name: 'More actions' });
  return { trigger, selected };
}
const focusedName = () => document.activeElement?.textContent;

beforeEach(async () => {
  await page.viewport(500, 500);
});

describe('ActionMenu', () => {
  describe('given the trigger', () => {
    it('is a labelled menu button, at least 24×24', () => {
      const { trigger } = setup();
      expect(trigger.getAttribute('aria-haspopup')).toBe('menu');
      expect(trigger.getAttribute('aria-expanded')).toBe('false');
      const r = trigger.getBoundingClientRect();
      expect(r.width).toBeGreaterThanOrEqual(24);
      expect(r.height).toBeGreaterThanOrEqual(24);
    });
    it('opens on click with focus on the first item, in the top layer, unclipped by the row', async () => {
      const { trigger } = setup();
      await userEvent.click(trigger);
      const menu = screen.getByRole('menu', { name: 'More actions' });
      expect(trigger.getAttribute('aria-expanded')).toBe('true');
      expect(trigger.getAttribute('aria-controls')).toBe(menu.id);
      expect(menu.matches(':popover-open')).toBe(true);
      expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Pin', 'Mark as read', 'Delete']);
      expect(focusedName()).toBe('Pin');
      // Visible below the 40px-high clipping row: hit-testing reaches the last item.
      const last = screen.getByRole('menuitem', { name: 'Delete' }).getBoundingClientRect();
      expect(last.bottom).toBeGreaterThan(screen.getByTestId('row').getBoundingClientRect().bottom);
      expect(document.elementFromPoint(last.left + 5, last.top + last.height / 2)?.textContent).toBe('Delete');
      for (const item of screen.getAllByRole('menuitem')) expect(item.getBoundingClientRect().height).toBeGreaterThanOrEqual(24);
    });
  });

  describe('given the keyboard', () => {
    it('arrows wrap, Home and End jump, Enter selects and returns focus to the trigger', async () => {
      const { trigger, selected } = setup();
      trigger.focus();
      await userEvent.keyboard('{Enter}');
      expect(focusedName()).toBe('Pin');
      await userEvent.keyboard('{ArrowDown}');
      expect(focusedName()).toBe('Mark as read');
      await userEvent.keyboard('{ArrowDown}{ArrowDown}');
      expect(focusedName()).toBe('Pin');
      await userEvent.keyboard('{ArrowUp}');
      expect(focusedName()).toBe('Delete');
      await userEvent.keyboard('{Home}');
      expect(focusedName()).toBe('Pin');
      await userEvent.keyboard('{End}');
      expect(focusedName()).toBe('Delete');
      await userEvent.keyboard('{Enter}');
      expect(selected).toEqual(['delete']);
      expect(screen.queryByRole('menu')).toBeNull();
      expect(document.activeElement).toBe(trigger);
    });
    it('Space selects the focused item', async () => {
      const { trigger, selected } = setup();
      trigger.focus();
      await userEvent.keyboard('{ArrowUp}'); // opens on the last item
      expect(focusedName()).toBe('Delete');
      await userEvent.keyboard('{ArrowUp} ');
      expect(selected).toEqual(['read']);
    });
    it('Escape closes without selecting and returns focus to the trigger', async () => {
      const { trigger, selected } = setup();
      const onKeyDown = vi.fn();
      document.addEventListener('keydown', onKeyDown);
      await userEvent.click(trigger);
      await userEvent.keyboard('{Escape}');
      document.removeEventListener('keydown', onKeyDown);
      expect(screen.queryByRole('menu')).toBeNull();
      expect(selected).toEqual([]);
      expect(document.activeElement).toBe(trigger);
      expect(trigger.getAttribute('aria-expanded')).toBe('false');
      // The Escape stayed with the menu: a grid around it does not also clear its selection.
      expect(onKeyDown).not.toHaveBeenCalled();
    });
  });

  describe('given a pointer', () => {
    it('a click outside closes without selecting', async () => {
      const { selected } = setup();
      await userEvent.click(screen.getByRole('button', { name: 'More actions' }));
      await userEvent.click(screen.getByRole('button', { name: 'Outside' }));
      expect(screen.queryByRole('menu')).toBeNull();
      expect(selected).toEqual([]);
      expect(focusedName()).toBe('Outside');
    });
    it('a click on an item selects it', async () => {
      const { selected } = setup();
      await userEvent.click(screen.getByRole('button', { name: 'More actions' }));
      await userEvent.click(screen.getByRole('menuitem', { name: 'Mark as read' }));
      expect(selected).toEqual(['read']);
    });
  });

  describe('given placement', () => {
    it('flips above the trigger near the bottom of its scroll container', async () => {
      const items = [1, 2, 3, 4].map((n) => ({ key: `${n}`, label: `Item ${n}`, onSelect() {} }));
      render(
        <div className="ck-ConversationList" style={{ height: 300, overflowY: 'auto' }}>
          <div style={{ height: 260 }} />
          <ActionMenu items={items} defaultOpen />
          <div style={{ height: 400 }} />
        </div>,
      );
      const trigger = screen.getByRole('button', { name: 'More actions' }).getBoundingClientRect();
      const menu = screen.getByRole('menu');
      expect(menu.dataset.side).toBe('top');
      expect(parseFloat(menu.style.top) + menu.offsetHeight).toBeLessThanOrEqual(trigger.top);
    });
    it('opens at a point as a context menu, controlled', async () => {
      function Controlled() {
        const [open, setOpen] = useState(true);
        return (
          <ActionMenu items={[{ key: 'a', label: 'A', onSelect() {} }]} open={open} onOpenChange={setOpen} anchorPoint={{ x: 150, y: 120 }} />
        );
      }
      render(<Controlled />);
      const menu = screen.getByRole('menu');
      expect(menu.style.left).toBe('150px');
      expect(menu.style.top).toBe('124px');
      await userEvent.keyboard('{Escape}');
      expect(screen.queryByRole('menu')).toBeNull();
    });
  });

  it('forwards ref to the trigger, merges className, spreads props, exposes data-open', async () => {
    const ref = createRef<HTMLButtonElement>();
    render(<ActionMenu ref={ref} items={[]} className="mine" label="Options for Alice" data-testid="t" tabIndex={-1} />);
    const trigger = screen.getByTestId('t');
    expect(ref.current).toBe(trigger);
    expect(trigger.className).toBe('ck-ActionMenu ck-ActionMenu-trigger mine');
    expect(trigger.getAttribute('aria-label')).toBe('Options for Alice');
    expect(trigger.tabIndex).toBe(-1);
    expect(trigger.hasAttribute('data-open')).toBe(false);
    await userEvent.click(trigger);
    expect(trigger.hasAttribute('data-open')).toBe(true);
  });
});
