/** The gesture's pure decisions, with the spec's numbers (interaction.md A2, A5–A8). */
import {
  armPoint,
  decideRelease,
  lockAxis,
  nextVelocity,
  resistOffset,
} from '../../src/components/SwipeActions/gesture.js';

const widths = { leading: 74, trailing: 148 };

describe('lockAxis (A2)', () => {
  it('waits for 10 px, then splits at 40° from horizontal', () => {
    expect(lockAxis(9, 0)).toBe('pending');
    expect(lockAxis(6, 7)).toBe('pending');
    expect(lockAxis(10, 0)).toBe('x');
    expect(lockAxis(-10, 8.3)).toBe('x'); // 39.7°
    expect(lockAxis(-10, 8.5)).toBe('y'); // 40.4°
    expect(lockAxis(0, -10)).toBe('y');
  });
});

describe('resistOffset (A4, A5)', () => {
  it('follows 1:1 up to the tray, then at 0.55×; a side without actions stays put', () => {
    expect(resistOffset(-100, widths)).toBe(-100);
    expect(resistOffset(-248, widths)).toBeCloseTo(-(148 + 100 * 0.55));
    expect(resistOffset(174, widths)).toBeCloseTo(74 + 100 * 0.55);
    expect(resistOffset(50, { leading: 0, trailing: 148 })).toBe(0);
  });
});

describe('armPoint (A7)', () => {
  it('is max(tray + 30 px, 50% of the row)', () => {
    expect(armPoint(148, 400)).toBe(200);
    expect(armPoint(148, 300)).toBe(178);
  });
});

describe('nextVelocity (A6)', () => {
  it('is 0.7·new + 0.3·previous and skips samples more than 100 ms apart', () => {
    expect(nextVelocity(1, 10, 10)).toBeCloseTo(0.7 * 1 + 0.3 * 1);
    expect(nextVelocity(0.5, -20, 10)).toBeCloseTo(0.7 * -2 + 0.3 * 0.5);
    expect(nextVelocity(0.5, 100, 101)).toBe(0.5);
    expect(nextVelocity(0.5, 100, 0)).toBe(0.5);
  });
});

describe('decideRelease (A6, A8)', () => {
  it('opens from 50% of the tray when slow', () => {
    expect(decideRelease({ offset: -74, velocity: 0, widths, armed: null }).open).toBe('trailing');
    expect(decideRelease({ offset: -73, velocity: 0, widths, armed: null }).open).toBe(null);
    expect(decideRelease({ offset: 37, velocity: -0.2, widths, armed: null }).open).toBe('leading');
  });
  it('lets a flick over 0.3 px/ms decide', () => {
    expect(decideRelease({ offset: -20, velocity: -0.31, widths, armed: null }).open).toBe('trailing');
    expect(decideRelease({ offset: -140, velocity: 0.31, widths, armed: null }).open).toBe(null);
    expect(decideRelease({ offset: -20, velocity: -0.3, widths, armed: null }).open).toBe(null);
  });
  it('triggers the full swipe only from the armed position, never from speed', () => {
    expect(decideRelease({ offset: -150, velocity: -50, widths, armed: null }).fullSwipe).toBe(null);
    expect(decideRelease({ offset: -210, velocity: 5, widths, armed: 'trailing' })).toEqual({
      open: 'trailing',
      fullSwipe: 'trailing',
    });
  });
});
