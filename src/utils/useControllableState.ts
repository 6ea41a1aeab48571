import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** `useLayoutEffect` in the browser, `useEffect` on the server (no SSR warning on React 18). */
export const useIsomorphicLayoutEffect = typeof document !== 'undefined' ? useLayoutEffect : useEffect;

export interface UseControllableStateParams<T> {
  /** The controlled value; `undefined` means uncontrolled. */
  value?: T;
  /** The initial value when uncontrolled. */
  defaultValue: T;
  /** Called with every new value, controlled or not (never for a no-op update). */
  onChange?: (value: T) => void;
}

/**
 * The `value / defaultValue / onValueChange` trio in one hook (Radix `useControllableState`).
 * The setter accepts a value or an updater and calls `onChange` only when the value changes.
 */
export function useControllableState<T>({
  value,
  defaultValue,
  onChange,
}: UseControllableStateParams<T>): [T, (next: T | ((prev: T) => T)) => void] {
  const [inner, setInner] = useState(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? (value as T) : inner;
  const latest = useRef({ current, controlled, onChange });
  useIsomorphicLayoutEffect(() => {
    latest.current = { current, controlled, onChange };
  });
  const setValue = useCallback((next: T | ((prev: T) => T)) => {
    const { current: prev, controlled: isControlled, onChange: cb } = latest.current;
    const resolved = typeof next === 'function' ? (next as (prev: T) => T)(prev) : next;
    if (Object.is(resolved, prev)) return;
    // Two calls in one tick must chain: remember the value we just asked for.
    latest.current = { ...latest.current, current: resolved };
    if (!isControlled) setInner(resolved);
    cb?.(resolved);
  }, []);
  return [current, setValue];
}
