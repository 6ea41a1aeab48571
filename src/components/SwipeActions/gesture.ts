/**
 * The swipe gesture's numbers and pure decisions (interaction.md A). No DOM, no React: the
 * controller in useSwipe.ts feeds pointer samples in and applies the results to the DOM.
 *
 * Offsets are logical: positive moves the surface toward the inline end (revealing the leading
 * tray at the inline start), negative toward the inline start (revealing the trailing tray).
 * Under `dir="rtl"` the controller flips the sign when it converts to and from screen pixels.
 */

export type SwipeSide = 'leading' | 'trailing';
/** What a full swipe does on release (A9). */
export type FullSwipeMode = 'confirm' | 'perform' | false;

export const SWIPE = {
  /** A2: nothing moves until this much travel (px). */
  lockDistance: 10,
  /** A2: steeper than this from horizontal (degrees) and the whole gesture is a scroll. */
  maxAngle: 40,
  /** A3: swipes starting this close to the start screen edge (px) belong to the OS back gesture. */
  edgeGuard: 15,
  /** A5: past the tray width the surface follows at this factor (rubber band). */
  elastic: 0.55,
  /** A6: the tray stays open from this fraction of its width. */
  openRatio: 0.5,
  /** A6: faster than this (px/ms) a flick decides instead of the position. */
  flickVelocity: 0.3,
  /** A6: velocity samples further apart than this (ms) are ignored. */
  velocityMaxGap: 100,
  /** A6: velocity = newWeight·new + (1 − newWeight)·previous. */
  velocityNewWeight: 0.7,
  /** A7: full swipe arms at max(tray + this, rowRatio·row width). */
  fullSwipeMargin: 30,
  fullSwipeRowRatio: 0.5,
  /** A10: a row that just closed ignores drags for this long (ms). */
  closeLock: 600,
  /** A11: a pointer sequence that moved this far (px) is a drag, never a tap. */
  tapSlop: 3,
  /** B2: touch long-press (ms) without moving `lockDistance`. */
  longPress: 500,
} as const;

/** A2: which way the gesture goes, once it has travelled far enough to tell. */
export function lockAxis(dx: number, dy: number): 'pending' | 'x' | 'y' {
  if (Math.hypot(dx, dy) < SWIPE.lockDistance) return 'pending';
  const angle = (Math.atan2(Math.abs(dy), Math.abs(dx)) * 180) / Math.PI;
  return angle > SWIPE.maxAngle ? 'y' : 'x';
}

export interface TrayWidths {
  /** Natural width of each tray in px; 0 when the side has no actions. */
  leading: number;
  trailing: number;
}

export function sideOf(offset: number): SwipeSide | null {
  return offset < 0 ? 'trailing' : offset > 0 ? 'leading' : null;
}

/** The resting offset of a tray state. */
export function restOffset(open: SwipeSide | null, widths: TrayWidths): number {
  return open === 'trailing' ? -widths.trailing : open === 'leading' ? widths.leading : 0;
}

/**
 * A4/A5: the surface offset for a raw (finger) offset. A side without actions does not move;
 * past the tray width the surface follows at `elastic`.
 */
export function resistOffset(raw: number, widths: TrayWidths): number {
  const side = sideOf(raw);
  if (!side) return 0;
  const w = widths[side];
  if (w <= 0) return 0;
  const a = Math.abs(raw);
  const d = a <= w ? a : w + (a - w) * SWIPE.elastic;
  return raw < 0 ? -d : d;
}

/** A7: the open amount at which a full swipe arms. */
export function armPoint(trayWidth: number, rowWidth: number): number {
  return Math.max(trayWidth + SWIPE.fullSwipeMargin, rowWidth * SWIPE.fullSwipeRowRatio);
}

/** A6: one velocity step (px/ms). Samples too close or too far apart leave it unchanged. */
export function nextVelocity(previous: number, dx: number, dt: number): number {
  if (!(dt > 0) || dt > SWIPE.velocityMaxGap) return previous;
  const w = SWIPE.velocityNewWeight;
  return w * (dx / dt) + (1 - w) * previous;
}

export interface ReleaseInput {
  /** The surface offset at release (after the rubber band). */
  offset: number;
  /** Logical velocity in px/ms (positive toward the inline end). */
  velocity: number;
  widths: TrayWidths;
  /** The side armed for a full swipe at release, if any (A7). */
  armed: SwipeSide | null;
}

export interface ReleaseDecision {
  open: SwipeSide | null;
  /** Set when the release performs the full swipe of that side. */
  fullSwipe: SwipeSide | null;
}

/** A6/A8: where the surface settles on release. */
export function decideRelease({ offset, velocity, widths, armed }: ReleaseInput): ReleaseDecision {
  // A8: only the position at release triggers a full swipe, never the speed.
  if (armed) return { open: armed, fullSwipe: armed };
  let side = sideOf(offset);
  if (!side) side = velocity < 0 ? 'trailing' : velocity > 0 ? 'leading' : null;
  if (!side || widths[side] <= 0) return { open: null, fullSwipe: null };
  if (Math.abs(velocity) > SWIPE.flickVelocity) {
    const opening = side === 'trailing' ? velocity < 0 : velocity > 0;
    return { open: opening ? side : null, fullSwipe: null };
  }
  const open = Math.abs(offset) >= widths[side] * SWIPE.openRatio ? side : null;
  return { open, fullSwipe: null };
}
