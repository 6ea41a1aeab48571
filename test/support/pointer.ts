// One synthetic pointer for browser tests: real PointerEvents dispatched on a real element, with
// deterministic timestamps (`timeStamp` is pinned on every event), so velocities are exact.
export type PointerKind = 'mouse' | 'touch' | 'pen';

let clock = 1_000_000;
let nextPointerId = 100;

export class Pointer {
  x = 0;
  y = 0;
  t = 0;
  readonly id = nextPointerId++;
  /**
   * @param stepMs the time a `move()` takes by default: 16 ms (a frame), or 50 ms for slow drags
   *   whose release position, not a flick, decides.
   */
  constructor(
    readonly target: Element,
    readonly kind: PointerKind = 'touch',
    readonly stepMs = 16,
  ) {}
  private fire(type: string, init: PointerEventInit) {
    const event = new PointerEvent(type, {
      pointerId: this.id,
      pointerType: this.kind,
      isPrimary: true,
      clientX: this.x,
      clientY: this.y,
      bubbles: true,
      cancelable: true,
      composed: true,
      ...init,
    });
    Object.defineProperty(event, 'timeStamp', { value: this.t });
    this.target.dispatchEvent(event);
  }
  down(x: number, y: number, button = 0) {
    this.x = x;
    this.y = y;
    this.t = clock += 10_000;
    this.fire('pointerdown', { button, buttons: button === 2 ? 2 : 1 });
    return this;
  }
  move(dx: number, dy = 0, dt = this.stepMs) {
    this.x += dx;
    this.y += dy;
    this.t += dt;
    this.fire('pointermove', { button: -1, buttons: 1 });
    return this;
  }
  /** Moves in equal steps: `slow` is 5 px per 50 ms (0.1 px/ms), `fast` 20 px per 10 ms. */
  drag(dx: number, speed: 'slow' | 'fast' = 'slow', dy = 0) {
    const step = speed === 'slow' ? 5 : 20;
    const dt = speed === 'slow' ? 50 : 10;
    const n = Math.max(1, Math.ceil(Math.abs(dx) / step));
    for (let i = 0; i < n; i++) this.move(dx / n, dy / n, dt);
    return this;
  }
  up(dt = 16) {
    this.t += dt;
    this.fire('pointerup', { button: 0, buttons: 0 });
  }
  cancel() {
    this.t += 16;
    this.fire('pointercancel', { button: 0, buttons: 0 });
  }
}
