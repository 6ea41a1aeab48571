export { cx } from './cx.js';
export { mergeRefs } from './mergeRefs.js';
export { safeImageUrl } from './safeUrl.js';
export {
  useControllableState,
  useIsomorphicLayoutEffect,
  type UseControllableStateParams,
} from './useControllableState.js';
