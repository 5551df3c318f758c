// Zoom and pan on the map with the pointer: the wheel (and a trackpad's pinch, which the browser
// sends as a wheel event with ctrlKey) zooms about the point under the pointer, a mouse drag pans,
// and on a touch screen two fingers pinch and drag (one finger still scrolls the page and taps).
// While a gesture lasts only the picture already loaded is moved and scaled (LandscapeView.preview):
// no request per pixel. When it ends the new window goes to onWindow once, and the page asks the
// server for its picture. A press that moves less than DRAG_PX stays a click (sets the start).

import * as mapWindow from './mapWindow.js';

const DRAG_PX = 4;           // a press moving less than this is a click, not a drag
const WHEEL_SETTLE_MS = 250; // the wheel has stopped when no event came for this long
const LINE_PX = 16;          // a wheel "line" (deltaMode 1) in pixels
// Zoom per wheel pixel: a mouse notch (100 px) zooms by e^0.2 ≈ 1.22; a pinch sends small deltas
// many times a second, so it gets a stronger rate to feel like the fingers.
const WHEEL_RATE = 0.002;
const PINCH_RATE = 0.01;

export class MapGestures {
  /**
   * @param {import('./landscapeView.js').LandscapeView} view  the map: its frame and its preview
   * @param {(w: number[]) => void} onWindow   a gesture ended on this window (tidy, within bounds)
   * @param {(atLimit: boolean) => void} [onLimit]  a gesture met (true) or left (false) the bounds
   * @param {boolean} [wheelNeedsCtrl]  only ctrl+wheel (and a pinch) zooms; a plain wheel scrolls the
   *                                    page, as an embedded map in another site's page should let it
   */
  constructor(view, onWindow, onLimit = () => {}, wheelNeedsCtrl = false) {
    this.view = view;
    this.wheelNeedsCtrl = wheelNeedsCtrl;
    this.onWindow = onWindow;
    this.onLimit = onLimit;
    this.press = null;     // mouse: { id, xPx, yPx, window, dragging }
    this.pinch = null;     // two fingers: { window, at: [x, y] world, cx, cy, d } at their start
    this.wheelTimer = 0;
    this.swallowClick = false;
    this.atLimit = false;
    this.listen(view.overlay);
  }

  /** True while a gesture holds a preview the page has not been told about yet. */
  get active() {
    return !!(this.press?.dragging || this.pinch || this.wheelTimer);
  }

  /** The click that ends a drag is not a click on the map; true when this one was such. */
  takeClick() {
    const swallow = this.swallowClick;
    this.swallowClick = false;
    return swallow;
  }

  /** Shows a window held within the bounds ({ window, limited }: mapWindow's zoomedWithin, pannedWithin). */
  show({ window, limited }) {
    if (mapWindow.problem(window) === null) this.view.preview(window);
    if (this.atLimit !== limited) {
      this.atLimit = limited;
      this.onLimit(limited);
    }
  }

  end() {
    const w = mapWindow.tidy(this.view.shownWindow());
    if (!mapWindow.same(w, this.view.window)) this.onWindow(w);
  }

  local(ev) {
    const r = this.view.overlay.getBoundingClientRect();
    return [ev.clientX - r.left, ev.clientY - r.top];
  }

  listen(c) {
    c.addEventListener('pointerdown', (ev) => {
      this.swallowClick = false; // a drag released off the map had no click to swallow
      if (ev.pointerType === 'touch' || ev.button !== 0 || !this.view.window) return;
      const [xPx, yPx] = this.local(ev);
      if (!this.view.frame.inside(xPx, yPx)) return;
      this.press = { id: ev.pointerId, xPx, yPx, window: this.view.shownWindow(), dragging: false };
    });
    c.addEventListener('pointermove', (ev) => {
      const p = this.press;
      if (!p || ev.pointerId !== p.id) return;
      const [xPx, yPx] = this.local(ev);
      const dx = xPx - p.xPx, dy = yPx - p.yPx;
      if (!p.dragging) {
        if (dx * dx + dy * dy < DRAG_PX * DRAG_PX) return;
        p.dragging = true;
        c.setPointerCapture(ev.pointerId); // keep following when the pointer leaves the map
        c.classList.add('panning');
      }
      // The world point that was under the pointer stays under it: move the window the other way.
      const f = this.view.frame;
      const w = p.window;
      this.show(mapWindow.pannedWithin(w, (-dx / f.widCss) * (w[1] - w[0]), (dy / f.heiCss) * (w[3] - w[2])));
    });
    const release = (ev, cancelled) => {
      const p = this.press;
      if (!p || ev.pointerId !== p.id) return;
      this.press = null;
      if (!p.dragging) return;
      c.classList.remove('panning');
      if (c.hasPointerCapture(ev.pointerId)) c.releasePointerCapture(ev.pointerId);
      if (cancelled) {
        this.view.revert();
      } else {
        this.swallowClick = true; // the browser follows a drag's release with a click
        this.end();
      }
    };
    c.addEventListener('pointerup', (ev) => release(ev, false));
    c.addEventListener('pointercancel', (ev) => release(ev, true));

    c.addEventListener('wheel', (ev) => {
      if (!this.view.window || (this.wheelNeedsCtrl && !ev.ctrlKey)) return;
      const [xPx, yPx] = this.local(ev);
      const f = this.view.frame;
      if (!f.inside(xPx, yPx)) return; // over the axes: the page scrolls as usual
      ev.preventDefault();
      const unit = ev.deltaMode === 1 ? LINE_PX : ev.deltaMode === 2 ? f.heiCss : 1;
      const factor = Math.exp(ev.deltaY * unit * (ev.ctrlKey ? PINCH_RATE : WHEEL_RATE));
      this.show(mapWindow.zoomedWithin(this.view.shownWindow(), factor, [f.xWorld(xPx), f.yWorld(yPx)]));
      clearTimeout(this.wheelTimer);
      this.wheelTimer = setTimeout(() => { this.wheelTimer = 0; this.end(); }, WHEEL_SETTLE_MS);
    }, { passive: false });

    // Two fingers: Touch Events, which can be cancelled so the page neither scrolls nor zooms
    // while they move (CSS touch-action lets one finger scroll the page over the map).
    const fingers = (ev) => {
      const r = c.getBoundingClientRect();
      const [a, b] = [ev.touches[0], ev.touches[1]];
      const ax = a.clientX - r.left, ay = a.clientY - r.top, bx = b.clientX - r.left, by = b.clientY - r.top;
      return { cx: (ax + bx) / 2, cy: (ay + by) / 2, d: Math.max(1, Math.hypot(bx - ax, by - ay)) };
    };
    c.addEventListener('touchstart', (ev) => {
      if (ev.touches.length !== 2 || !this.view.window) return;
      ev.preventDefault();
      const g = fingers(ev);
      const f = this.view.frame;
      this.pinch = { ...g, window: this.view.shownWindow(), at: [f.xWorld(g.cx), f.yWorld(g.cy)] };
    }, { passive: false });
    c.addEventListener('touchmove', (ev) => {
      const s = this.pinch;
      if (!s || ev.touches.length < 2) return;
      ev.preventDefault();
      const g = fingers(ev);
      // Scale about the world point that was between the fingers, then carry it to where they are now.
      const z = mapWindow.zoomedWithin(s.window, s.d / g.d, s.at);
      const f = this.view.frame;
      const w = z.window;
      const moved = mapWindow.pannedWithin(w, (-(g.cx - s.cx) / f.widCss) * (w[1] - w[0]), ((g.cy - s.cy) / f.heiCss) * (w[3] - w[2]));
      this.show({ window: moved.window, limited: z.limited || moved.limited });
    }, { passive: false });
    const lift = (ev) => {
      if (!this.pinch || ev.touches.length >= 2) return;
      this.pinch = null; // (a two-finger gesture makes no click)
      this.end();
    };
    c.addEventListener('touchend', lift);
    c.addEventListener('touchcancel', lift);
  }
}
