// The map on screen: two stacked canvases (the still landscape below, the moving overlay on top),
// kept at the window's aspect ratio so a world unit is as long across as up and eigenvectors keep
// their true angles. Turns pointer and keyboard input into world coordinates for main.js, and, when
// given onWindow, lets the pointer zoom and pan (mapGestures.js), showing the loaded picture moved
// and scaled until the page brings the new window's own.

import { Frame, sizeCanvas } from './plotFrame.js';
import { LandscapeLayer } from './landscapeLayer.js';
import { drawOverlay } from './overlayLayer.js';
import { MapGestures } from './mapGestures.js';

const M = { left: 44, right: 10, top: 10, bottom: 40 };
/** Room around the plot for the axes, in CSS px: the map's box is the plot and these. */
export const MARGIN_CSS = Object.freeze({ ...M });

export class LandscapeView {
  /**
   * @param {object} o
   * @param {HTMLElement} o.wrap            positions the canvases; its width sets the size
   * @param {HTMLCanvasElement} o.base
   * @param {HTMLCanvasElement} o.overlay   receives input (data-testid="canvas")
   * @param {(x: number, y: number) => void} o.onPick
   * @param {(p: number[]|null) => void} o.onHover
   * @param {(dx: number, dy: number) => void} o.onNudge  arrow keys, in fractions of the window
   * @param {(frame: Frame, widCss: number) => void} o.onLayout  the plot moved or resized
   * @param {() => number} [o.maxPlotHeight]  the tallest the plot may be, in CSS px (default: what
   *                                          the viewport shows below a header and a toolbar)
   * @param {(w: number[]) => void} [o.onWindow]  zoom and pan on: a gesture ended on window w
   * @param {(atLimit: boolean) => void} [o.onWindowLimit]  a gesture met (or left) the window's bounds
   * @param {boolean} [o.wheelNeedsCtrl]  zoom on ctrl+wheel (and pinch) only: the page scrolls on a wheel
   */
  constructor(o) {
    this.maxPlotHeight = () => Math.max(220, window.innerHeight - 190);
    Object.assign(this, o);
    this.frame = new Frame();
    this.layer = new LandscapeLayer();
    this.window = null; // the loaded picture's window; the frame shows another during a gesture
    this.scene = { start: null, racers: [], inspect: null, focused: false };
    this.pending = false;
    this.pendingBase = false;
    this.widCss = 0;
    this.drawOverlayNow = this.drawOverlayNow.bind(this);
    this.drawAllNow = this.drawAllNow.bind(this);
    // laid out on the next frame, not inside the observer, so a resize can never loop
    new ResizeObserver(() => requestAnimationFrame(() => this.layout())).observe(this.wrap);
    this.gestures = o.onWindow ? new MapGestures(this, o.onWindow, o.onWindowLimit, o.wheelNeedsCtrl) : null;
    this.listen();
  }

  setLandscape(land) {
    this.layer.setData(land);
    this.window = land.window;
    // a gesture still under way keeps its own window; the next picture will be for that one
    if (!this.gestures?.active) this.frame.setWindow(land.window);
    this.layout(true);
  }

  /** The window the map shows now: the picture's, or a gesture's on the way to the next one. */
  shownWindow() {
    const f = this.frame;
    return [f.x0, f.x1, f.y0, f.y1];
  }

  /**
   * Shows window w with the picture already loaded, moved and scaled (what it does not cover stays
   * blank), and everything on it: cheap enough for every pointer move. w keeps the picture's aspect
   * ratio, so the plot keeps its size.
   */
  preview(w) {
    this.frame.setWindow(w);
    if (this.pendingBase) return;
    this.pendingBase = true;
    requestAnimationFrame(this.drawAllNow);
  }

  /** Back to the loaded picture's window (a gesture was cancelled, or its window failed to load). */
  revert() {
    if (!this.window) return;
    this.preview(this.window);
  }

  drawAllNow() {
    this.pendingBase = false;
    this.layer.draw(this.base, this.frame);
    this.drawOverlayNow();
  }

  layout(force = false) {
    if (!this.window) return;
    const widCss = Math.floor(this.wrap.clientWidth);
    if (widCss <= 0) return;
    const [x0, x1, y0, y1] = this.window;
    const plotW = widCss - M.left - M.right;
    // as tall as the window's aspect says, but never taller than the viewport can show
    const maxPlotH = this.maxPlotHeight();
    let plotH = Math.round(plotW * (y1 - y0) / (x1 - x0));
    let usedW = plotW;
    if (plotH > maxPlotH) { plotH = maxPlotH; usedW = Math.round(plotH * (x1 - x0) / (y1 - y0)); }
    const left = M.left + Math.floor((plotW - usedW) / 2);
    const heiCss = plotH + M.top + M.bottom;
    const resized = sizeCanvas(this.base, widCss, heiCss) | sizeCanvas(this.overlay, widCss, heiCss);
    const moved = this.frame.leftCss !== left || this.frame.widCss !== usedW;
    this.frame.setPlot(left, M.top, usedW, plotH);
    if (resized || moved || force) {
      this.layer.draw(this.base, this.frame);
      this.onLayout(this.frame, widCss);
      this.drawOverlayNow();
    }
  }

  /** Schedules one overlay redraw on the next animation frame (coalescing repeated calls). */
  redraw() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(this.drawOverlayNow);
  }

  drawOverlayNow() {
    this.pending = false;
    if (!this.window) return;
    drawOverlay(this.overlay, this.frame, this.scene);
    // what the map shows (its window and the start drawn), in world units, and in CSS pixels: for tests and tools that point at it
    const f = this.frame;
    const shown = `${f.x0},${f.x1},${f.y0},${f.y1}`;
    if (this.overlay.dataset.window !== shown) this.overlay.dataset.window = shown;
    const start = this.scene.start ? this.scene.start.join(',') : '';
    if (this.overlay.dataset.start !== start) this.overlay.dataset.start = start;
    const plot = `${f.leftCss},${f.topCss},${f.widCss},${f.heiCss}`;
    if (this.overlay.dataset.plot !== plot) this.overlay.dataset.plot = plot;
  }

  toWorld(ev) {
    const r = this.overlay.getBoundingClientRect();
    const xPx = ev.clientX - r.left, yPx = ev.clientY - r.top;
    if (!this.frame.inside(xPx, yPx)) return null;
    return [this.frame.xWorld(xPx), this.frame.yWorld(yPx)];
  }

  listen() {
    const c = this.overlay;
    // click, not pointerdown: a tap sets the start, a finger dragging to scroll the page does not
    c.addEventListener('click', (ev) => {
      if (!this.window || this.gestures?.takeClick()) return; // the end of a drag is no click
      const p = this.toWorld(ev);
      if (p) { c.focus({ preventScroll: true }); this.onPick(p[0], p[1]); }
    });
    c.addEventListener('pointermove', (ev) => {
      if (ev.pointerType !== 'mouse' || !this.window) return;
      // while the map is dragged the point under the pointer does not change: nothing to inspect
      this.onHover(this.gestures?.press?.dragging ? null : this.toWorld(ev));
    });
    c.addEventListener('pointerleave', () => this.onHover(null));
    c.addEventListener('keydown', (ev) => {
      const big = ev.shiftKey ? 10 : 1;
      const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[ev.key];
      if (!d) return;
      ev.preventDefault();
      this.onNudge(d[0] * 0.01 * big, d[1] * 0.01 * big);
    });
    c.addEventListener('focus', () => { this.scene.focused = true; this.redraw(); });
    c.addEventListener('blur', () => { this.scene.focused = false; this.redraw(); });
  }
}
