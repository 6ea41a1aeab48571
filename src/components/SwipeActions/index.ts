export { SwipeActions } from './SwipeActions.js';
export type { FullSwipeMode, SwipeAction, SwipeActionsProps, SwipeSide } from './SwipeActions.js';
export { SWIPE } from './gesture.js';
