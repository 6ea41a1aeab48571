import type { Ref, RefCallback } from 'react';

/** One ref callback that feeds every given ref (object or callback); `undefined`/`null` skipped. */
export function mergeRefs<T>(...refs: Array<Ref<T> | undefined>): RefCallback<T> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) (ref as { current: T | null }).current = node;
    }
  };
}
