// Real pointer sequences for play functions: PointerEvents dispatched on the real element, as a
// finger, pen or mouse would send them.
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function swipe(
  el: Element,
  dx: number,
  { pointerType = 'touch', steps = 12, stepMs = 16, dy = 0 }: { pointerType?: string; steps?: number; stepMs?: number; dy?: number } = {},
) {
  const r = el.getBoundingClientRect();
  const x0 = r.left + r.width * (dx < 0 ? 0.75 : 0.25);
  const y0 = r.top + r.height / 2;
  const init = { pointerId: 7, pointerType, isPrimary: true, bubbles: true, cancelable: true, composed: true };
  el.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientX: x0, clientY: y0, buttons: 1, button: 0 }));
  for (let i = 1; i <= steps; i++) {
    await wait(stepMs);
    const target = document.elementFromPoint(x0 + (dx * i) / steps, y0) ?? el;
    void target;
    el.dispatchEvent(
      new PointerEvent('pointermove', { ...init, clientX: x0 + (dx * i) / steps, clientY: y0 + (dy * i) / steps, buttons: 1, button: -1 }),
    );
  }
  await wait(stepMs);
  el.dispatchEvent(new PointerEvent('pointerup', { ...init, clientX: x0 + dx, clientY: y0 + dy, buttons: 0, button: 0 }));
}
