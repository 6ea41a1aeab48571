/// <reference types="vite/client" />
/**
 * SwipeActions in real Chromium with real PointerEvents dispatched on the real elements.
 * Spec: ../shared/spec/interaction.md A1–A12, B2, C2. The numbers in the expectations are the
 * spec's numbers, written out, not imported from the implementation.
 */
import { Profiler, createRef, useState, type ReactNode } from 'react';
import { render, screen } from '@testing-library/react';
import { cdp, page } from 'vitest/browser';
import {
  SwipeActions,
  type SwipeAction,
  type SwipeActionsProps,
} from '../../src/components/SwipeActions/index.js';
import '../../src/components/SwipeActions/SwipeActions.css';
import { Pointer, type PointerKind } from '../support/pointer.js';

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function action(key: string, label: string, tone?: SwipeAction['tone']): SwipeAction {
  return { key, label, tone, onAction: vi.fn() };
}

interface Setup extends Partial<SwipeActionsProps> {
  /** Controlled harness with a real parent state (the list's role). */
  controlled?: boolean;
  initialOpen?: 'leading' | 'trailing' | null;
  rowContent?: ReactNode;
}

function setup({ controlled = true, initialOpen = null, rowContent, ...props }: Setup = {}) {
  const trailing = props.trailingActions ?? [action('delete', 'Delete', 'destructive'), action('more', 'More')];
  const leading = props.leadingActions ?? [action('pin', 'Pin', 'accent')];
  const onOpenChange = vi.fn();
  const onFullSwipe = vi.fn();
  const onRowClick = vi.fn();
  function Harness() {
    const [open, setOpen] = useState(initialOpen);
    const handle = (next: 'leading' | 'trailing' | null) => {
      onOpenChange(next);
      setOpen(next);
    };
    return (
      <div style={{ width: 400, marginInlineStart: 100 }} data-testid="list">
        <SwipeActions
          data-testid="row"
          onFullSwipe={onFullSwipe}
          {...props}
          trailingActions={trailing}
          leadingActions={leading}
          {...(controlled ? { open, onOpenChange: handle } : { onOpenChange: handle, defaultOpen: initialOpen })}
        >
          {rowContent ?? (
            <div data-testid="content" onClick={onRowClick} style={{ height: 72, padding: '0 16px' }}>
              Alice: see you tomorrow
            </div>
          )}
        </SwipeActions>
        <button type="button">Outside</button>
      </div>
    );
  }
  const utils = render(<Harness />);
  const root = screen.getByTestId('row');
  const surface = root.querySelector<HTMLElement>('.ck-SwipeActions-surface')!;
  const rect = root.getBoundingClientRect();
  /** A press without movement: the trays are rendered lazily, on the first press. */
  const press = () => {
    const init = { pointerId: 99, isPrimary: true, pointerType: 'mouse', clientX: rect.left + 200, clientY: rect.top + 30, bubbles: true, button: 0 };
    surface.dispatchEvent(new PointerEvent('pointerdown', { ...init, buttons: 1 }));
    surface.dispatchEvent(new PointerEvent('pointerup', { ...init, buttons: 0 }));
  };
  const findTray = (side: 'leading' | 'trailing') =>
    root.querySelector<HTMLElement>(`.ck-SwipeActions-tray[data-side="${side}"]`);
  const trayOf = (side: 'leading' | 'trailing') => {
    if (!findTray(side)) press();
    return findTray(side)!;
  };
  /** A point inside the row, `fromStart` px from its inline start. */
  const at = (fromStart: number) => {
    const rtl = getComputedStyle(root).direction === 'rtl';
    return [rtl ? rect.right - fromStart : rect.left + fromStart, rect.top + 30] as const;
  };
  /** The surface's horizontal screen offset in px. */
  const offset = () => {
    const m = /translate3d\((-?[\d.]+)px/.exec(surface.style.transform);
    return m ? Number(m[1]) : 0;
  };
  const trayWidth = (side: 'leading' | 'trailing') => {
    const tray = trayOf(side);
    const saved = tray.style.width;
    tray.style.width = '';
    const w = tray.getBoundingClientRect().width;
    tray.style.width = saved;
    return w;
  };
  return {
    ...utils,
    root,
    surface,
    trayOf,
    findTray,
    press,
    rect,
    at,
    offset,
    trayWidth,
    trailing,
    leading,
    onOpenChange,
    onFullSwipe,
    onRowClick,
    pointer: (kind: PointerKind = 'touch') => new Pointer(surface, kind),
  };
}

/** A click as the browser sends it after a pointer sequence (detail 1). */
function click(el: Element) {
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1 }));
}

beforeAll(async () => {
  await page.viewport(800, 600);
});

beforeEach(() => {
  // Updates from native listeners are scheduled by React like in an app, not by act().
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

// ---------------------------------------------------------------------------------------------
// Parts
// ---------------------------------------------------------------------------------------------

describe('given a SwipeActions row', () => {
  it('forwards its ref, spreads props, merges className and style, and carries stable classes', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <SwipeActions
        ref={ref}
        className="mine"
        style={{ marginTop: 3 }}
        aria-label="row"
        data-x="1"
        trailingActions={[action('delete', 'Delete', 'destructive')]}
      >
        content
      </SwipeActions>,
    );
    const root = ref.current!;
    expect(root.className).toBe('ck-SwipeActions mine');
    expect(root.style.marginTop).toBe('3px');
    expect(root.getAttribute('aria-label')).toBe('row');
    expect(root.dataset.x).toBe('1');
    expect(root.querySelector('.ck-SwipeActions-surface')?.textContent).toBe('content');
    // Trays are rendered lazily: none on a row that was never pressed, both after a press.
    expect(root.querySelector('.ck-SwipeActions-tray')).toBeNull();
    const surface = root.querySelector('.ck-SwipeActions-surface')!;
    const r = surface.getBoundingClientRect();
    const init = { pointerId: 5, isPrimary: true, pointerType: 'touch', clientX: r.left + 100, clientY: r.top + 10, bubbles: true, button: 0 };
    surface.dispatchEvent(new PointerEvent('pointerdown', { ...init, buttons: 1 }));
    surface.dispatchEvent(new PointerEvent('pointerup', { ...init, buttons: 0 }));
    expect(root.querySelector('.ck-SwipeActions-tray .ck-SwipeActions-action')).toBeTruthy();
  });

  it('A1: the surface is `touch-action: pan-y`', () => {
    const { surface } = setup();
    expect(getComputedStyle(surface).touchAction).toBe('pan-y');
  });

  describe('C2: the tray buttons', () => {
    it('are real buttons with text labels, at least 44 px tall and 24 px wide', () => {
      const { trayOf } = setup({ initialOpen: 'trailing' });
      const buttons = [...trayOf('trailing').querySelectorAll('button')];
      expect(buttons.map((b) => b.textContent)).toEqual(['Delete', 'More']);
      for (const b of buttons) {
        const r = b.getBoundingClientRect();
        expect(r.height).toBeGreaterThanOrEqual(44);
        expect(r.width).toBeGreaterThanOrEqual(24);
        expect(b.type).toBe('button');
      }
    });

    it('are neither focusable nor announced while the tray is closed', () => {
      const { trayOf, findTray } = setup();
      // A row that was never pressed has no tray in the DOM at all.
      expect(findTray('trailing')).toBeNull();
      const tray = trayOf('trailing');
      expect(tray.inert).toBe(true);
      expect(tray.getAttribute('aria-hidden')).toBe('true');
      expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
      const b = tray.querySelector('button')!;
      b.focus();
      expect(document.activeElement).not.toBe(b);
    });

    it('are focusable and named once the tray is open, Delete outermost', () => {
      const { trayOf, root } = setup({ initialOpen: 'trailing' });
      expect(trayOf('trailing').inert).toBe(false);
      const del = screen.getByRole('button', { name: 'Delete' });
      const more = screen.getByRole('button', { name: 'More' });
      del.focus();
      expect(document.activeElement).toBe(del);
      // A4: the first action sits at the row's inline end (the outer edge).
      const rowRight = root.getBoundingClientRect().right;
      expect(del.getBoundingClientRect().right).toBeCloseTo(rowRight, 0);
      expect(more.getBoundingClientRect().right).toBeLessThan(del.getBoundingClientRect().left + 1);
      expect(trayOf('leading').inert).toBe(true);
    });

    it('run their action, close the tray, and do not activate the row', async () => {
      const s = setup({ initialOpen: 'trailing' });
      screen.getByRole('button', { name: 'More' }).click();
      expect(s.trailing[1].onAction).toHaveBeenCalledTimes(1);
      expect(s.onOpenChange).toHaveBeenLastCalledWith(null);
      expect(s.onRowClick).not.toHaveBeenCalled();
      await vi.waitFor(() => expect(s.root.dataset.open).toBeUndefined());
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Gestures
// ---------------------------------------------------------------------------------------------

describe('given a closed row', () => {
  describe('A2: direction lock', () => {
    it('a vertical move never becomes a swipe', async () => {
      const s = setup();
      const p = s.pointer().down(...s.at(300));
      p.move(2, 12).move(-3, 30).move(-20, 10);
      expect(s.offset()).toBe(0);
      p.up();
      await nextFrame();
      expect(s.root.hasAttribute('data-swiping')).toBe(false);
      expect(s.onOpenChange).not.toHaveBeenCalled();
    });

    it('nothing moves until 10 px of travel', async () => {
      const s = setup();
      const p = s.pointer().down(...s.at(300));
      p.move(-9);
      expect(s.offset()).toBe(0);
      await nextFrame();
      expect(s.root.hasAttribute('data-swiping')).toBe(false);
      p.move(-1);
      expect(s.offset()).toBe(-10);
      await vi.waitFor(() => expect(s.root.hasAttribute('data-swiping')).toBe(true));
      p.up();
      await vi.waitFor(() => expect(s.root.hasAttribute('data-swiping')).toBe(false));
    });

    it('more than 40° from horizontal is a scroll; less locks horizontally', () => {
      const steep = setup();
      // 45°: scroll, and the rest of the gesture stays a scroll even if it turns horizontal.
      const p = steep.pointer().down(...steep.at(300));
      p.move(-10, 10).move(-60, 0);
      expect(steep.offset()).toBe(0);
      p.up();
      steep.unmount();

      const shallow = setup();
      // 35°: horizontal.
      const q = shallow.pointer().down(...shallow.at(300));
      q.move(-10, 7);
      expect(shallow.offset()).toBe(-10);
      q.move(-20, 20);
      expect(shallow.offset()).toBe(-30);
      q.up();
    });

    it('reports the drag so the list can suspend its scroll', async () => {
      const onDragStateChange = vi.fn();
      const s = setup({ onDragStateChange });
      const p = s.pointer().down(...s.at(300)).drag(-40);
      expect(onDragStateChange.mock.calls).toEqual([[true]]);
      p.up();
      expect(onDragStateChange.mock.calls).toEqual([[true], [false]]);
    });
  });

  describe('A3: start-edge guard', () => {
    it('ignores a swipe that starts within 15 px of the left screen edge', () => {
      const s = setup({ rowContent: <div style={{ height: 72 }}>x</div> });
      // Move the row to the screen edge.
      s.root.parentElement!.style.marginInlineStart = `${100 - s.rect.left}px`;
      const r = s.root.getBoundingClientRect();
      expect(r.left).toBe(0);
      s.pointer().down(14, r.top + 20).drag(80).up();
      expect(s.offset()).toBe(0);
      expect(s.onOpenChange).not.toHaveBeenCalled();
      const p = s.pointer().down(15, r.top + 20).drag(60);
      expect(s.offset()).toBeGreaterThan(0);
      p.up();
    });

    it('uses the right edge in RTL', () => {
      const s = setup({ dir: 'rtl', rowContent: <div style={{ height: 72 }}>x</div> });
      const r = s.root.getBoundingClientRect();
      s.pointer().down(window.innerWidth - 14, r.top + 20).drag(-80).up();
      expect(s.offset()).toBe(0);
      // 14 px from the left edge is fine in RTL (it is the end edge there).
      s.root.parentElement!.style.marginInlineStart = `${100 - s.rect.left}px`;
      const p = s.pointer().down(14, s.root.getBoundingClientRect().top + 20).drag(60);
      expect(s.offset()).toBeGreaterThan(0);
      p.up();
    });
  });

  describe('A4: dragging toward the start edge', () => {
    it('reveals the trailing tray; toward the end edge the leading tray', () => {
      const s = setup();
      const p = s.pointer().down(...s.at(300)).drag(-60);
      expect(s.offset()).toBe(-60);
      expect(s.root.dataset.reveal).toBe('trailing');
      expect(getComputedStyle(s.trayOf('trailing')).visibility).toBe('visible');
      expect(getComputedStyle(s.trayOf('leading')).visibility).toBe('hidden');
      p.drag(120);
      expect(s.offset()).toBe(60);
      expect(s.root.dataset.reveal).toBe('leading');
      expect(getComputedStyle(s.trayOf('leading')).visibility).toBe('visible');
      p.up();
    });

    it('does not move toward a side without actions', () => {
      const s = setup({ leadingActions: [] });
      const p = s.pointer().down(...s.at(100)).drag(80);
      expect(s.offset()).toBe(0);
      p.up();
      expect(s.onOpenChange).not.toHaveBeenCalled();
    });
  });

  it('A5: past the tray width the surface follows at 0.55×', () => {
    const s = setup();
    const w = s.trayWidth('trailing');
    const p = s.pointer().down(...s.at(380)).drag(-(w + 100));
    expect(Math.abs(s.offset() - -(w + 100 * 0.55))).toBeLessThanOrEqual(1);
    // The tray stretches with the surface so no gap opens behind it.
    expect(s.trayOf('trailing').getBoundingClientRect().width).toBeCloseTo(-s.offset(), 0);
    p.up();
  });

  describe('A6: release', () => {
    it('stays open from 50% of the tray width (slow)', async () => {
      const s = setup();
      const w = s.trayWidth('trailing');
      s.pointer().down(...s.at(300)).drag(-Math.ceil(w * 0.5) - 1).up();
      expect(s.onOpenChange).toHaveBeenLastCalledWith('trailing');
      await vi.waitFor(() => expect(s.root.dataset.open).toBe('trailing'));
      expect(s.offset()).toBeCloseTo(-w, 0);
      await vi.waitFor(() => expect(s.trayOf('trailing').inert).toBe(false));
    });

    it('closes below 50% (slow)', () => {
      const s = setup();
      const w = s.trayWidth('trailing');
      s.pointer().down(...s.at(300)).drag(-Math.floor(w * 0.5) + 5).up();
      expect(s.onOpenChange).not.toHaveBeenCalled();
      expect(s.offset()).toBe(0);
    });

    it('a flick faster than 0.3 px/ms opens even below 50%', () => {
      const s = setup();
      const w = s.trayWidth('trailing');
      const p = s.pointer().down(...s.at(300));
      p.move(-12, 0, 10).move(-12, 0, 10).move(-12, 0, 10); // 1.2 px/ms
      expect(-s.offset()).toBeLessThan(w * 0.5);
      p.up(8);
      expect(s.onOpenChange).toHaveBeenLastCalledWith('trailing');
    });

    it('a flick just under 0.3 px/ms does not decide', () => {
      const s = setup();
      const p = s.pointer().down(...s.at(300));
      for (let i = 0; i < 6; i++) p.move(-5.8, 0, 20); // 0.29 px/ms
      p.up(8);
      expect(s.onOpenChange).not.toHaveBeenCalled();
    });

    it('samples more than 100 ms apart are ignored (a pause before release is not a flick)', () => {
      const s = setup();
      const p = s.pointer().down(...s.at(300));
      p.move(-12, 0, 10).move(-12, 0, 10).move(-12, 0, 10);
      p.up(150);
      expect(s.onOpenChange).not.toHaveBeenCalled();
      // A slow sample after a long gap does not feed the velocity either.
      const q = s.pointer().down(...s.at(300));
      q.move(-12, 0, 10).move(-12, 0, 10).move(-30, 0, 120); // the 120 ms sample is skipped
      expect(-s.offset()).toBeLessThan(s.trayWidth('trailing') * 0.5);
      q.up(8); // still the earlier fast velocity: a flick open
      expect(s.onOpenChange).toHaveBeenLastCalledWith('trailing');
    });
  });

  describe('A7/A8/A9: full swipe', () => {
    it('arms at max(tray + 30 px, 50% of the row), disarms below, runs nothing before release', async () => {
      const s = setup();
      const w = s.trayWidth('trailing');
      const row = s.rect.width;
      const arm = Math.max(w + 30, row * 0.5);
      const rawFor = (open: number) => w + (open - w) / 0.55;
      const p = s.pointer().down(...s.at(395));
      p.drag(-Math.floor(rawFor(arm - 2)));
      expect(s.root.hasAttribute('data-armed')).toBe(false);
      p.drag(-8);
      expect(-s.offset()).toBeGreaterThanOrEqual(arm);
      expect(s.root.hasAttribute('data-armed')).toBe(true);
      const del = s.trayOf('trailing').querySelector('button')!;
      expect(del.hasAttribute('data-armed')).toBe(true);
      // The first action visibly expands to fill the revealed area.
      await sleep(250);
      const trayRect = s.trayOf('trailing').getBoundingClientRect();
      expect(del.getBoundingClientRect().width).toBeCloseTo(trayRect.width, 0);
      expect(getComputedStyle(del).backgroundColor).toBe('rgb(217, 45, 32)');
      // Back below the arm point: disarmed.
      p.drag(20);
      expect(s.root.hasAttribute('data-armed')).toBe(false);
      expect(del.hasAttribute('data-armed')).toBe(false);
      p.drag(-20);
      expect(s.root.hasAttribute('data-armed')).toBe(true);
      expect(s.onFullSwipe).not.toHaveBeenCalled();
      expect(s.trailing[0].onAction).not.toHaveBeenCalled();
      expect(s.onOpenChange).not.toHaveBeenCalled();
      p.up();
      // A9: the list is asked (it opens the confirm dialog), the row rests on the open tray.
      expect(s.onFullSwipe).toHaveBeenCalledTimes(1);
      expect(s.onFullSwipe).toHaveBeenCalledWith(s.trailing[0], 'trailing');
      expect(s.onOpenChange).toHaveBeenLastCalledWith('trailing');
      expect(s.trailing[0].onAction).not.toHaveBeenCalled();
      expect(s.root.hasAttribute('data-armed')).toBe(false);
      await vi.waitFor(() => expect(s.root.dataset.open).toBe('trailing'));
      expect(s.offset()).toBeCloseTo(-w, 0);
    });

    it('released after disarming, it is an ordinary open', () => {
      const s = setup();
      const p = s.pointer().down(...s.at(395)).drag(-320);
      expect(s.root.hasAttribute('data-armed')).toBe(true);
      p.drag(200).up();
      expect(s.onFullSwipe).not.toHaveBeenCalled();
      expect(s.onOpenChange).toHaveBeenLastCalledWith('trailing');
    });

    it('A8: a flick never triggers it, however fast', () => {
      const s = setup();
      const p = s.pointer().down(...s.at(395));
      p.move(-40, 0, 5).move(-40, 0, 5).move(-40, 0, 5); // 8 px/ms, ends short of the arm point
      expect(s.root.hasAttribute('data-armed')).toBe(false);
      p.up(5);
      expect(s.onFullSwipe).not.toHaveBeenCalled();
      expect(s.onOpenChange).toHaveBeenLastCalledWith('trailing');
    });

    it('only the position at release counts: armed and flicking back still fires', () => {
      const s = setup();
      const p = s.pointer().down(...s.at(395)).drag(-330);
      expect(s.root.hasAttribute('data-armed')).toBe(true);
      p.move(2, 0, 4).up(4);
      expect(s.onFullSwipe).toHaveBeenCalledTimes(1);
    });

    it("fullSwipe={false} never arms; 'perform' closes and reports", () => {
      const off = setup({ fullSwipe: false });
      const p = off.pointer().down(...off.at(395)).drag(-340);
      expect(off.root.hasAttribute('data-armed')).toBe(false);
      p.up();
      expect(off.onFullSwipe).not.toHaveBeenCalled();
      expect(off.onOpenChange).toHaveBeenLastCalledWith('trailing');
      off.unmount();

      const perform = setup({ fullSwipe: { leading: 'perform' } });
      perform.pointer().down(...perform.at(20)).drag(330).up();
      expect(perform.onFullSwipe).toHaveBeenCalledWith(perform.leading[0], 'leading');
      expect(perform.onOpenChange).not.toHaveBeenCalled(); // it was closed and stays closed
      expect(perform.offset()).toBe(0);
    });

    it('without onFullSwipe the action itself runs', () => {
      const s = setup({ onFullSwipe: undefined });
      s.pointer().down(...s.at(395)).drag(-340).up();
      expect(s.trailing[0].onAction).toHaveBeenCalledTimes(1);
    });
  });

  describe('A12: pointers', () => {
    it.each(['mouse', 'touch', 'pen'] as const)('%s drags open the tray', (kind) => {
      const s = setup();
      s.pointer(kind).down(...s.at(300)).drag(-120).up();
      expect(s.onOpenChange).toHaveBeenLastCalledWith('trailing');
    });

    it('ignores the right mouse button and a pen barrel button', () => {
      const s = setup();
      s.pointer('mouse').down(...s.at(300), 2).drag(-120).up();
      s.pointer('pen').down(...s.at(300), 5).drag(-120).up();
      expect(s.offset()).toBe(0);
      expect(s.onOpenChange).not.toHaveBeenCalled();
    });

    it('captures the pointer when the drag locks', () => {
      const s = setup();
      const capture = vi.spyOn(s.surface, 'setPointerCapture');
      const p = s.pointer('mouse').down(...s.at(300)).move(-5);
      expect(capture).not.toHaveBeenCalled();
      p.move(-10);
      expect(capture).toHaveBeenCalledWith(p.id);
      p.up();
    });

    it('follows one pointer; a second finger is ignored', () => {
      const s = setup();
      const a = s.pointer().down(...s.at(300)).drag(-40);
      const b = s.pointer().down(...s.at(200));
      b.drag(100);
      expect(s.offset()).toBe(-40);
      a.up();
      b.up();
    });

    it('a pointercancel (the browser took over) returns to where it was', () => {
      const s = setup();
      s.pointer().down(...s.at(300)).drag(-120).cancel();
      expect(s.offset()).toBe(0);
      expect(s.onOpenChange).not.toHaveBeenCalled();
    });
  });

  describe('A11: taps and clicks', () => {
    it('swallows the click after a drag', () => {
      const s = setup();
      s.pointer('mouse').down(...s.at(300)).drag(-30).drag(30).up();
      click(screen.getByTestId('content'));
      expect(s.onRowClick).not.toHaveBeenCalled();
    });

    it('swallows the click after 3 px of movement, even without a swipe', () => {
      const s = setup();
      s.pointer('mouse').down(...s.at(300)).move(0, 3).up();
      click(screen.getByTestId('content'));
      expect(s.onRowClick).not.toHaveBeenCalled();
    });

    it('swallows it when the click lands on an ancestor of the row', () => {
      const s = setup();
      const onListClick = vi.fn();
      screen.getByTestId('list').addEventListener('click', onListClick);
      s.pointer('mouse').down(...s.at(300)).move(-6).up();
      click(screen.getByTestId('list'));
      expect(onListClick).not.toHaveBeenCalled();
    });

    it('lets a tap (under 3 px) and keyboard clicks through', () => {
      const s = setup();
      s.pointer('mouse').down(...s.at(300)).move(2).up();
      click(screen.getByTestId('content'));
      expect(s.onRowClick).toHaveBeenCalledTimes(1);
      s.pointer('mouse').down(...s.at(300)).drag(-30).up();
      screen.getByTestId('content').dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 0 }));
      expect(s.onRowClick).toHaveBeenCalledTimes(2);
    });

    it('swallows only one click', () => {
      const s = setup();
      s.pointer('mouse').down(...s.at(300)).drag(-30).up();
      click(screen.getByTestId('content'));
      click(screen.getByTestId('content'));
      expect(s.onRowClick).toHaveBeenCalledTimes(1);
    });
  });

  describe('B2: long-press', () => {
    it('a 500 ms touch hold calls onLongPress and swallows the click', async () => {
      const onLongPress = vi.fn();
      const s = setup({ onLongPress });
      const p = s.pointer('touch').down(...s.at(300));
      await sleep(400);
      expect(onLongPress).not.toHaveBeenCalled();
      await sleep(150);
      expect(onLongPress).toHaveBeenCalledTimes(1);
      // It is not a swipe afterwards.
      p.drag(-80).up();
      expect(s.offset()).toBe(0);
      click(screen.getByTestId('content'));
      expect(s.onRowClick).not.toHaveBeenCalled();
    });

    it('moving cancels it; mouse never long-presses', async () => {
      const onLongPress = vi.fn();
      const s = setup({ onLongPress });
      const p = s.pointer('touch').down(...s.at(300)).move(0, 12);
      await sleep(550);
      p.up();
      const m = s.pointer('mouse').down(...s.at(300));
      await sleep(550);
      m.up();
      expect(onLongPress).not.toHaveBeenCalled();
    });
  });

  describe('B2: disabled (selection mode)', () => {
    it('does not swipe', () => {
      const s = setup({ disabled: true });
      s.pointer().down(...s.at(300)).drag(-120).up();
      expect(s.offset()).toBe(0);
      expect(s.onOpenChange).not.toHaveBeenCalled();
      expect(s.root.hasAttribute('data-disabled')).toBe(true);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// An open row
// ---------------------------------------------------------------------------------------------

describe('given an open row', () => {
  it('dragging back toward the end closes it', () => {
    const s = setup({ initialOpen: 'trailing' });
    const w = s.trayWidth('trailing');
    expect(s.offset()).toBeCloseTo(-w, 0);
    const p = s.pointer().down(...s.at(100)).drag(40);
    expect(s.offset()).toBeCloseTo(-w + 40, 0);
    p.drag(60).up();
    expect(s.onOpenChange).toHaveBeenLastCalledWith(null);
  });

  it('a flick closing from 80% open closes it', () => {
    const s = setup({ initialOpen: 'trailing' });
    const p = s.pointer().down(...s.at(100));
    p.move(12, 0, 10).move(12, 0, 10).move(6, 0, 10);
    p.up(8);
    expect(s.onOpenChange).toHaveBeenLastCalledWith(null);
  });

  it('A11: a tap closes it and does not activate the row', async () => {
    const s = setup({ initialOpen: 'trailing' });
    s.pointer().down(...s.at(100)).up();
    click(screen.getByTestId('content'));
    expect(s.onOpenChange).toHaveBeenLastCalledWith(null);
    expect(s.onRowClick).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(s.root.dataset.open).toBeUndefined());
  });

  describe('A10: it closes', () => {
    it('on Escape', () => {
      const s = setup({ initialOpen: 'trailing' });
      screen.getByTestId('content').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      expect(s.onOpenChange).toHaveBeenLastCalledWith(null);
    });

    it('on Escape from a tray button, keeping focus on the row', async () => {
      const s = setup({
        initialOpen: 'trailing',
        rowContent: <div style={{ height: 72 }}>x</div>,
      });
      s.root.parentElement!.tabIndex = -1;
      const del = screen.getByRole('button', { name: 'Delete' });
      del.focus();
      del.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      expect(s.onOpenChange).toHaveBeenLastCalledWith(null);
      expect(document.activeElement).toBe(s.root.parentElement);
    });

    it('on a pointerdown outside the tray, not inside it', () => {
      const s = setup({ initialOpen: 'trailing' });
      const del = s.trayOf('trailing').querySelector('button')!;
      new Pointer(del).down(380, s.rect.top + 30).up();
      expect(s.onOpenChange).not.toHaveBeenCalled();
      new Pointer(screen.getByRole('button', { name: 'Outside' })).down(10, 500).up();
      expect(s.onOpenChange).toHaveBeenLastCalledWith(null);
    });

    it('when focus leaves the row, but not when it moves into the dialog the swipe opened', async () => {
      const s = setup({
        initialOpen: 'trailing',
        rowContent: <button type="button">Inner</button>,
      });
      const dialog = document.createElement('div');
      dialog.setAttribute('role', 'alertdialog');
      const confirm = document.createElement('button');
      dialog.append(confirm);
      document.body.append(dialog);
      try {
        screen.getByRole('button', { name: 'Inner' }).focus();
        screen.getByRole('button', { name: 'Delete' }).focus();
        confirm.focus();
        expect(s.onOpenChange).not.toHaveBeenCalled();
        screen.getByRole('button', { name: 'Inner' }).focus();
        screen.getByRole('button', { name: 'Outside' }).focus();
        expect(s.onOpenChange).toHaveBeenLastCalledWith(null);
      } finally {
        dialog.remove();
      }
    });

    it('when the list scrolls, or a vertical gesture starts on the row', async () => {
      const s = setup({ initialOpen: 'trailing' });
      s.root.parentElement!.dispatchEvent(new Event('scroll'));
      expect(s.onOpenChange).toHaveBeenLastCalledWith(null);
      s.unmount();
      const t = setup({ initialOpen: 'trailing' });
      t.pointer().down(...t.at(100)).move(0, 20);
      expect(t.onOpenChange).toHaveBeenLastCalledWith(null);
    });

    it('when disabled (selection mode begins)', () => {
      const onOpenChange = vi.fn();
      const props = { trailingActions: [action('d', 'Delete')], onOpenChange, open: 'trailing' as const };
      const { rerender } = render(<SwipeActions {...props}>x</SwipeActions>);
      rerender(<SwipeActions {...props} disabled>x</SwipeActions>);
      expect(onOpenChange).toHaveBeenCalledWith(null);
    });
  });

  it('re-measures the open tray when an action is relabelled (Pin → Unpin)', async () => {
    const make = (label: string) => [action('pin', label, 'accent')];
    const { rerender, container } = render(
      <div style={{ width: 400 }}>
        <SwipeActions leadingActions={make('Pin')} open="leading">
          <div style={{ height: 72 }}>x</div>
        </SwipeActions>
      </div>,
    );
    const surface = container.querySelector<HTMLElement>('.ck-SwipeActions-surface')!;
    const before = surface.style.transform;
    rerender(
      <div style={{ width: 400 }}>
        <SwipeActions leadingActions={make('Unpin this conversation')} open="leading">
          <div style={{ height: 72 }}>x</div>
        </SwipeActions>
      </div>,
    );
    const tray = container.querySelector<HTMLElement>('.ck-SwipeActions-tray')!;
    expect(surface.style.transform).not.toBe(before);
    const m = /translate3d\(([\d.]+)px/.exec(surface.style.transform)!;
    // The surface edge meets the (re-measured) tray exactly.
    expect(Number(m[1])).toBe(tray.getBoundingClientRect().width);
    expect(Number(m[1])).toBeGreaterThan(150);
  });

  it('activating a tray button keeps focus on the row', () => {
    const s = setup({ initialOpen: 'trailing', rowContent: <div style={{ height: 72 }}>x</div> });
    s.root.parentElement!.tabIndex = -1;
    const more = screen.getByRole('button', { name: 'More' });
    more.focus();
    more.click();
    expect(document.activeElement).toBe(s.root.parentElement);
  });

  it('A10: after closing, the row ignores drags for 600 ms', async () => {
    const s = setup({ initialOpen: 'trailing' });
    screen.getByTestId('content').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await vi.waitFor(() => expect(s.root.dataset.open).toBeUndefined());
    s.onOpenChange.mockClear();
    await sleep(300);
    s.pointer().down(...s.at(300)).drag(-120).up();
    expect(s.offset()).toBe(0);
    expect(s.onOpenChange).not.toHaveBeenCalled();
    await sleep(350);
    s.pointer().down(...s.at(300)).drag(-120).up();
    expect(s.onOpenChange).toHaveBeenLastCalledWith('trailing');
  });

  it('follows the controlled prop: another row opening closes this one (the list decides)', async () => {
    function Two() {
      const [openRow, setOpenRow] = useState<string | null>('a');
      return (
        <div style={{ width: 400, marginInlineStart: 100 }}>
          {['a', 'b'].map((id) => (
            <SwipeActions
              key={id}
              data-testid={id}
              trailingActions={[action('d', 'Delete', 'destructive')]}
              open={openRow === id ? 'trailing' : null}
              onOpenChange={(o) => setOpenRow(o ? id : openRow === id ? null : openRow)}
            >
              <div style={{ height: 72 }}>{id}</div>
            </SwipeActions>
          ))}
        </div>
      );
    }
    render(<Two />);
    const a = screen.getByTestId('a');
    const b = screen.getByTestId('b');
    expect(a.dataset.open).toBe('trailing');
    const bs = b.querySelector('.ck-SwipeActions-surface')!;
    const r = b.getBoundingClientRect();
    new Pointer(bs).down(r.left + 300, r.top + 30).drag(-120).up();
    await vi.waitFor(() => expect(b.dataset.open).toBe('trailing'));
    expect(a.dataset.open).toBeUndefined();
    expect(a.querySelector<HTMLElement>('.ck-SwipeActions-surface')!.style.transform).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------
// RTL
// ---------------------------------------------------------------------------------------------

describe('given dir="rtl"', () => {
  it('mirrors: dragging right (toward the start edge) reveals the trailing tray on the left', async () => {
    const s = setup({ dir: 'rtl' });
    const p = s.pointer().down(...s.at(300)).drag(100);
    expect(s.offset()).toBe(100);
    expect(s.root.dataset.reveal).toBe('trailing');
    const tray = s.trayOf('trailing').getBoundingClientRect();
    expect(tray.left).toBeCloseTo(s.rect.left, 0);
    p.up();
    expect(s.onOpenChange).toHaveBeenLastCalledWith('trailing');
    // Delete is the outermost: at the left edge.
    const del = await vi.waitFor(() => screen.getByRole('button', { name: 'Delete' }));
    expect(del.getBoundingClientRect().left).toBeCloseTo(s.rect.left, 0);
  });

  it('mirrors the leading tray, flicks and the rubber band', () => {
    const s = setup({ dir: 'rtl' });
    const w = s.trayWidth('leading');
    const p = s.pointer().down(...s.at(300)).drag(-(w + 40));
    expect(Math.abs(s.offset() - -(w + 40 * 0.55))).toBeLessThanOrEqual(1);
    expect(s.root.dataset.reveal).toBe('leading');
    p.up();
    expect(s.onOpenChange).toHaveBeenLastCalledWith('leading');
  });

  it('reads the direction from CSS when no dir prop is given', () => {
    const s = setup();
    s.root.parentElement!.setAttribute('dir', 'rtl');
    s.pointer().down(...s.at(300)).drag(60);
    expect(s.root.dataset.reveal).toBe('trailing');
  });
});

// ---------------------------------------------------------------------------------------------
// Performance, motion, hygiene
// ---------------------------------------------------------------------------------------------

describe('performance', () => {
  it('no React commit per pointermove: 20 moves after the lock commit nothing', async () => {
    let commits = 0;
    const Row = () => (
      <Profiler id="row" onRender={() => commits++}>
        <SwipeActions
          trailingActions={[action('d', 'Delete', 'destructive'), action('m', 'More')]}
          onOpenChange={() => {}}
          data-testid="perf"
        >
          <div style={{ height: 72 }}>row</div>
        </SwipeActions>
      </Profiler>
    );
    render(
      <div style={{ width: 400, marginInlineStart: 100 }}>
        <Row />
      </div>,
    );
    const root = screen.getByTestId('perf');
    const surface = root.querySelector<HTMLElement>('.ck-SwipeActions-surface')!;
    const r = root.getBoundingClientRect();
    const p = new Pointer(surface, 'touch').down(r.left + 395, r.top + 30);
    p.move(-12);
    await nextFrame();
    await nextFrame();
    expect(root.hasAttribute('data-swiping')).toBe(true);
    commits = 0;
    const transforms = new Set<string>();
    for (let i = 0; i < 20; i++) {
      // Through the tray width, the rubber band and the arm point.
      p.move(-16, 0, 16);
      transforms.add(surface.style.transform);
      await nextFrame();
    }
    expect(root.hasAttribute('data-armed')).toBe(true);
    await nextFrame();
    expect(commits).toBe(0);
    expect(transforms.size).toBe(20);
    p.move(40).up();
    await nextFrame();
    expect(commits).toBeGreaterThan(0);
  });
});

describe('motion', () => {
  it('settles with a ~200 ms ease-out transition', () => {
    const { surface } = setup();
    const cs = getComputedStyle(surface);
    expect(cs.transitionProperty).toBe('transform');
    expect(cs.transitionDuration).toBe('0.2s');
  });

  it('has no slide animations under prefers-reduced-motion: reduce', async () => {
    const session = cdp();
    await session.send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-reduced-motion', value: 'reduce' }],
    });
    try {
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true);
      const s = setup({ initialOpen: 'trailing' });
      expect(getComputedStyle(s.surface).transitionDuration).toBe('0s');
      expect(getComputedStyle(s.trayOf('trailing')).transitionDuration).toBe('0s');
      expect(getComputedStyle(s.trayOf('trailing').querySelector('button')!).transitionDuration).toBe('0s');
    } finally {
      await session.send('Emulation.setEmulatedMedia', { features: [] });
    }
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(false);
  });
});

describe('listener hygiene', () => {
  it('adds document listeners only while open and leaves none behind', async () => {
    const live = new Map<string, number>();
    const targets = [document, window] as const;
    const originals = targets.map((t) => ({ t, add: t.addEventListener, remove: t.removeEventListener }));
    const seen = new Map<EventListenerOrEventListenerObject, string>();
    for (const { t, add, remove } of originals) {
      t.addEventListener = function (this: EventTarget, type: string, l: EventListenerOrEventListenerObject, o?: unknown) {
        const key = `${t === document ? 'document' : 'window'}:${type}`;
        if (!seen.has(l)) {
          seen.set(l, key);
          live.set(key, (live.get(key) ?? 0) + 1);
        }
        return add.call(this, type, l, o as AddEventListenerOptions);
      } as typeof t.addEventListener;
      t.removeEventListener = function (this: EventTarget, type: string, l: EventListenerOrEventListenerObject, o?: unknown) {
        const key = seen.get(l);
        if (key) {
          seen.delete(l);
          live.set(key, (live.get(key) ?? 1) - 1);
        }
        return remove.call(this, type, l, o as EventListenerOptions);
      } as typeof t.removeEventListener;
    }
    const total = () => [...live.values()].reduce((a, b) => a + b, 0);
    try {
      const s = setup();
      expect(total()).toBe(0);
      const p = s.pointer().down(...s.at(300)).drag(-120);
      expect(total()).toBeGreaterThan(0); // the gesture's move/up listeners
      p.up();
      await vi.waitFor(() => expect(s.root.dataset.open).toBe('trailing'));
      expect(live.get('document:pointerdown')).toBe(1);
      expect(live.get('document:keydown')).toBe(1);
      screen.getByTestId('content').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await vi.waitFor(() => expect(s.root.dataset.open).toBeUndefined());
      expect(live.get('document:pointerdown')).toBe(0);
      expect(live.get('document:keydown')).toBe(0);
      // Open again, then unmount while open and mid-gesture.
      await sleep(650);
      s.pointer().down(...s.at(300)).drag(-120).up();
      await vi.waitFor(() => expect(s.root.dataset.open).toBe('trailing'));
      s.pointer().down(...s.at(300)).drag(-20);
      s.unmount();
      expect(Object.fromEntries([...live].filter(([, n]) => n !== 0))).toEqual({});
    } finally {
      for (const { t, add, remove } of originals) {
        t.addEventListener = add;
        t.removeEventListener = remove;
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Trusted input through the Chrome DevTools Protocol: real hit testing, pointer capture, the
// browser's own click after pointerup and its own touch-action handling.
// ---------------------------------------------------------------------------------------------

function devtools() {
  const frame = (window.frameElement as HTMLElement).getBoundingClientRect();
  const scale = frame.width / window.innerWidth;
  const at = (x: number, y: number) => ({ x: frame.left + x * scale, y: frame.top + y * scale });
  const session = cdp();
  return {
    async mouse(type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', x: number, y: number) {
      const button = type === 'mouseMoved' ? 'none' : 'left';
      await session.send('Input.dispatchMouseEvent', {
        type,
        ...at(x, y),
        button,
        buttons: type === 'mouseReleased' ? 0 : type === 'mousePressed' ? 1 : undefined,
        clickCount: type === 'mouseMoved' ? 0 : 1,
      });
    },
    async touch(type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) {
      await session.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [at(x, y)],
      });
    },
  };
}

describe('given trusted input', () => {
  it('a real mouse drag opens the tray and the browser’s click does not activate the row', async () => {
    const s = setup();
    const input = devtools();
    const [x, y] = s.at(300);
    await input.mouse('mouseMoved', x, y);
    await input.mouse('mousePressed', x, y);
    for (let i = 1; i <= 12; i++) await input.mouse('mouseMoved', x - i * 10, y);
    // Pointer capture: the pointer leaves the row, the drag still follows and ends.
    await input.mouse('mouseMoved', x - 130, y + 200);
    expect(s.offset()).toBe(-130);
    await sleep(120); // no flick: the position decides
    await input.mouse('mouseReleased', x - 130, y + 200);
    await nextFrame();
    expect(s.onOpenChange).toHaveBeenLastCalledWith('trailing');
    expect(s.onRowClick).not.toHaveBeenCalled();
    // A plain click on the open row closes it and does not activate it either.
    const [cx] = s.at(50);
    await input.mouse('mousePressed', cx, y);
    await input.mouse('mouseReleased', cx, y);
    await nextFrame();
    expect(s.onOpenChange).toHaveBeenLastCalledWith(null);
    expect(s.onRowClick).not.toHaveBeenCalled();
    // And on the closed row a click is a click.
    await input.mouse('mousePressed', cx, y);
    await input.mouse('mouseReleased', cx, y);
    await nextFrame();
    expect(s.onRowClick).toHaveBeenCalledTimes(1);
  });

  it('a real touch swipe opens the tray; a vertical touch scrolls the list instead', async () => {
    function Scroller() {
      return (
        <div data-testid="scroller" style={{ width: 400, height: 200, overflowY: 'auto', marginInlineStart: 100 }}>
          {Array.from({ length: 10 }, (_, i) => (
            <SwipeActions key={i} data-testid={`r${i}`} trailingActions={[action('d', 'Delete', 'destructive')]}>
              <div style={{ height: 72 }}>row {i}</div>
            </SwipeActions>
          ))}
        </div>
      );
    }
    render(<Scroller />);
    const scroller = screen.getByTestId('scroller');
    const row = screen.getByTestId('r1');
    const surface = row.querySelector<HTMLElement>('.ck-SwipeActions-surface')!;
    const input = devtools();
    const r = row.getBoundingClientRect();
    const x = r.left + 300;
    const y = r.top + 30;
    await input.touch('touchStart', x, y);
    for (let i = 1; i <= 10; i++) await input.touch('touchMove', x - i * 12, y + i);
    await input.touch('touchEnd', x - 120, y + 10);
    await vi.waitFor(() => expect(row.dataset.open).toBe('trailing'));
    expect(scroller.scrollTop).toBe(0);

    const row2 = screen.getByTestId('r0');
    const r2 = row2.getBoundingClientRect();
    await input.touch('touchStart', r2.left + 200, r2.top + 60);
    for (let i = 1; i <= 10; i++) await input.touch('touchMove', r2.left + 200 - i, r2.top + 60 - i * 8);
    await input.touch('touchEnd', r2.left + 190, r2.top - 20);
    await vi.waitFor(() => expect(scroller.scrollTop).toBeGreaterThan(20));
    expect(row2.querySelector<HTMLElement>('.ck-SwipeActions-surface')!.style.transform).toBe('');
    // A10: scrolling the list closed the open row.
    await vi.waitFor(() => expect(row.dataset.open).toBeUndefined());
    expect(surface.style.transform).toBe('');
  });
});
