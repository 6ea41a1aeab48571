import { act, render, renderHook } from '@testing-library/react';
import { createRef } from 'react';
import { cx, mergeRefs, safeImageUrl, useControllableState } from '../../src/utils/index.js';

describe('safeImageUrl', () => {
  it.each([
    'https://example.com/a.png',
    'http://example.com/a.png',
    'HTTPS://EXAMPLE.COM/A.PNG',
    'blob:https://example.com/uuid',
    'data:image/png;base64,AAAA',
    'data:image/svg+xml,<svg/>',
    '  https://example.com/space.png  ',
  ])('accepts %s', (url) => expect(safeImageUrl(url)).toBe(url.trim()));
  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'file:///etc/passwd',
    '/relative.png',
    '//evil.example/a.png',
    '',
  ])('rejects %j', (url) => expect(safeImageUrl(url)).toBeUndefined());
  it('rejects non-strings', () => {
    expect(safeImageUrl(undefined)).toBeUndefined();
    expect(safeImageUrl(42)).toBeUndefined();
    expect(safeImageUrl({ toString: () => 'https://x' })).toBeUndefined();
  });
});

describe('cx and mergeRefs', () => {
  it('cx joins truthy parts', () => {
    expect(cx('a', false, undefined, 'b', null, '')).toBe('a b');
  });
  it('mergeRefs feeds object and callback refs', () => {
    const object = createRef<HTMLDivElement>();
    const seen: Array<HTMLDivElement | null> = [];
    render(<div ref={mergeRefs(object, (el) => void seen.push(el), undefined)} />);
    expect(object.current).toBeInstanceOf(HTMLDivElement);
    expect(seen[0]).toBe(object.current);
  });
});

describe('useControllableState', () => {
  describe('given no value (uncontrolled)', () => {
    it('starts at defaultValue, updates itself and reports changes', () => {
      const onChange = vi.fn();
      const { result } = renderHook(() => useControllableState({ defaultValue: 1, onChange }));
      expect(result.current[0]).toBe(1);
      act(() => result.current[1](2));
      expect(result.current[0]).toBe(2);
      act(() => result.current[1]((n) => n + 1));
      expect(result.current[0]).toBe(3);
      expect(onChange.mock.calls).toEqual([[2], [3]]);
    });
    it('does not report a no-op update', () => {
      const onChange = vi.fn();
      const { result } = renderHook(() => useControllableState({ defaultValue: 'a', onChange }));
      act(() => result.current[1]('a'));
      expect(onChange).not.toHaveBeenCalled();
    });
    it('chains two updater calls in one tick', () => {
      const { result } = renderHook(() => useControllableState({ defaultValue: 0 }));
      act(() => {
        result.current[1]((n) => n + 1);
        result.current[1]((n) => n + 1);
      });
      expect(result.current[0]).toBe(2);
    });
  });
  describe('given a value (controlled)', () => {
    it('shows the value, asks onChange and does not change by itself', () => {
      const onChange = vi.fn();
      const { result, rerender } = renderHook(({ value }) => useControllableState({ value, defaultValue: false, onChange }), {
        initialProps: { value: false },
      });
      act(() => result.current[1](true));
      expect(onChange).toHaveBeenCalledWith(true);
      expect(result.current[0]).toBe(false);
      rerender({ value: true });
      expect(result.current[0]).toBe(true);
    });
    it('keeps the setter identity stable', () => {
      const { result, rerender } = renderHook(() => useControllableState({ defaultValue: 0 }));
      const first = result.current[1];
      rerender();
      expect(result.current[1]).toBe(first);
    });
  });
});
