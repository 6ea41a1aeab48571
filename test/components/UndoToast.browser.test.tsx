import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { userEvent } from 'vitest/browser';
import { UndoToast } from '../../src/components/UndoToast/index.js';
import { I18nProvider } from '../../src/i18n/index.js';
import '../../src/theme/tokens.css';
import '../../src/components/UndoToast/UndoToast.css';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

function setup(count = 1) {
  const onUndo = vi.fn();
  const onDismiss = vi.fn();
  const onPauseChange = vi.fn();
  render(
    <div>
      <button type="button">Before</button>
      <UndoToast count={count} onUndo={onUndo} onDismiss={onDismiss} onPauseChange={onPauseChange} data-testid="toast" />
      <button type="button">After</button>
    </div>,
  );
  return { onUndo, onDismiss, onPauseChange, toast: screen.getByTestId('toast') };
}

describe('UndoToast', () => {
  it('says what happened by count and does not announce itself (the list status region does)', () => {
    const { toast } = setup(3);
    expect(toast.textContent).toContain('3 conversations removed');
    expect(toast.getAttribute('aria-live')).toBe('off');
    expect(toast.getAttribute('role')).not.toBe('status');
    expect(toast.getAttribute('role')).not.toBe('alert');
  });
  it('Undo is a real button reachable with Tab and activated with Enter (E3)', async () => {
    const { onUndo } = setup();
    screen.getByRole('button', { name: 'Before' }).focus();
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' }));
    await userEvent.keyboard('{Enter}');
    expect(onUndo).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Dismiss' }));
  });
  it('pauses while focused, resumes when focus leaves (E3)', async () => {
    const { onPauseChange, toast } = setup();
    screen.getByRole('button', { name: 'Before' }).focus();
    await userEvent.keyboard('{Tab}');
    expect(onPauseChange).toHaveBeenLastCalledWith(true);
    expect(toast.hasAttribute('data-paused')).toBe(true);
    await userEvent.keyboard('{Tab}'); // to Dismiss: still inside, no change
    expect(onPauseChange).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Tab}'); // After
    expect(onPauseChange).toHaveBeenLastCalledWith(false);
    expect(onPauseChange).toHaveBeenCalledTimes(2);
  });
  it('pauses while hovered, resumes on leave (E3)', async () => {
    const { onPauseChange, toast } = setup();
    await userEvent.hover(toast);
    expect(onPauseChange).toHaveBeenLastCalledWith(true);
    await userEvent.hover(screen.getByRole('button', { name: 'After' }));
    expect(onPauseChange).toHaveBeenLastCalledWith(false);
  });
  it('Dismiss calls onDismiss', async () => {
    const { onDismiss, onUndo } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(onUndo).not.toHaveBeenCalled();
  });
  it('is localised', () => {
    render(
      <I18nProvider locale="zh-CN">
        <UndoToast count={2} onUndo={() => {}} />
      </I18nProvider>,
    );
    expect(screen.getByRole('button', { name: '撤销' })).toBeTruthy();
    expect(screen.getByText('已移除 2 个会话')).toBeTruthy();
  });
  it('forwards ref, merges className and style, spreads props', () => {
    const ref = createRef<HTMLDivElement>();
    render(<UndoToast ref={ref} count={1} onUndo={() => {}} className="mine" style={{ color: 'red' }} id="x" />);
    expect(ref.current?.className).toBe('ck-UndoToast mine');
    expect(ref.current?.style.color).toBe('red');
    expect(ref.current?.id).toBe('x');
    expect(ref.current?.hasAttribute('data-paused')).toBe(false);
  });
});
