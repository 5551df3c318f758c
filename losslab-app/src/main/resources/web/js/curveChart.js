// A chart of curves against training step, one per racer in its colour, for the models page: the
// loss and the gradient norm on a log scale (a straight line down is a constant factor per step),
// accuracy and sharpness on a linear one, with dashed reference lines (sharpness' 2/lr). The same
// canvas bookkeeping (plotFrame.js) and left/right margins (chartAxis.js) as the lab's loss chart,
// so the page's charts line up and look like the lab's. The numbers are the server's; this draws.

import { cssContext, niceTicks, sizeCanvas } from './plotFrame.js';
import { MARGIN_LEFT, MARGIN_RIGHT } from './chartAxis.js';
import { num, tick } from './format.js';

const M = { left: MARGIN_LEFT, right: MARGIN_RIGHT, top: 10, bottom: 34 };
const INK = '#4b5563';
const GRID = '#e5e7eb';
const FLOOR = 1e-300; // a log axis has no zero: exact zeros sit on its floor

export class CurveChart {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {object} o
   * @param {boolean} [o.log]    log₁₀ vertical axis
   * @param {number[]} [o.range] a fixed vertical range [lo, hi] (accuracy: [0, 1]); else from the data
   * @param {(v: number) => string} [o.format] tick labels
   * @param {string} o.empty     what the empty chart says
   */
  constructor(canvas, { log = false, range = null, format = null, empty }) {
    this.canvas = canvas;
    this.log = log;
    this.range = range;
    this.format = format || ((v) => (log ? num(v, 1) : tick(v)));
    this.empty = empty;
    this.series = [];
    this.lines = [];
    this.steps = 1;
    new ResizeObserver(() => this.draw()).observe(canvas.parentElement);
  }

  /**
   * @param {{id: string, color: string, x: number[], y: (number|null)[], dash?: number[]}[]} series  the curves
   *        (dash: a dashed curve, such as the loss a slice shows under a path beside the path's own)
   * @param {number} steps  the horizontal axis' end (the run's last step)
   * @param {{value?: number, x?: number[], y?: (number|null)[], color: string, label?: string}[]} [lines]
   *        dashed reference lines: horizontal at `value`, or through (x, y) when the reference moves
   *        with the step (2/lr under a learning-rate schedule)
   */
  set(series, steps, lines = []) {
    this.series = series;
    this.steps = Math.max(1, steps);
    this.lines = lines;
    this.draw();
  }

  /**
   * [lo, hi] in axis units (log₁₀ on a log axis) from the curves, or the fixed range, and whether
   * a curve runs above hi.
   */
  bounds() {
    if (this.range) return [...(this.log ? this.range.map(Math.log10) : this.range), false];
    let lo = Infinity, hi = -Infinity;
    for (const s of this.series) {
      for (const v of s.y) {
        if (v === null || !Number.isFinite(v) || (this.log && v <= 0)) continue;
        lo = Math.min(lo, v); hi = Math.max(hi, v);
      }
    }
    if (!Number.isFinite(lo)) return this.log ? [-1, 0, false] : [0, 1, false];
    // a reference line near the data is in view (sharpness reaching 2/lr); one far above it (Adam's
    // 2/lr of 2,000 over a sharpness of 20) would flatten the curves: the page says where it is instead
    const dataHi = hi;
    for (const line of this.lines) {
      for (const v of line.y ?? [line.value]) if (v !== null && v <= 3 * dataHi) hi = Math.max(hi, v);
    }
    if (this.log) {
      // A racer that blows up climbs to 1e300 and would press every other curve flat against the
      // floor: the axis stops three decades above the highest start, and that curve leaves the top.
      const starts = this.series.map((c) => c.y.find((v) => v !== null && Number.isFinite(v) && v > 0)).filter((v) => v !== undefined);
      const ceiling = starts.length ? 1e3 * Math.max(...starts) : Infinity;
      const clipped = hi > ceiling;
      if (clipped) hi = ceiling;
      const a = Math.floor(Math.log10(Math.max(lo, FLOOR))), b = Math.ceil(Math.log10(hi));
      return [a, b > a ? b : a + 1, clipped];
    }
    // a linear axis starts at 0 for positive data (sharpness), so heights compare
    lo = Math.min(0, lo);
    if (hi <= lo) hi = lo + 1;
    return [lo, hi + (hi - lo) * 0.05, false];
  }

  draw() {
    const { canvas } = this;
    const widCss = Math.floor(canvas.parentElement.clientWidth);
    if (widCss <= 0) return;
    const heiCss = Math.round(Math.min(240, Math.max(160, widCss * 0.5)));
    sizeCanvas(canvas, widCss, heiCss);
    const ctx = cssContext(canvas);
    ctx.clearRect(0, 0, widCss, heiCss);
    const pw = widCss - M.left - M.right, ph = heiCss - M.top - M.bottom;
    let points = 0;
    if (this.series.every((s) => s.x.length === 0)) {
      ctx.strokeStyle = '#d1d5db';
      ctx.setLineDash([4, 4]);
      ctx.strokeRect(M.left - 0.5, M.top - 0.5, pw + 1, ph + 1);
      ctx.setLineDash([]);
      ctx.fillStyle = '#6b7280';
      ctx.font = '13px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(this.empty, M.left + pw / 2, M.top + ph / 2, pw - 8);
      canvas.dataset.points = '0';
      return;
    }
    const [lo, hi, clipped] = this.bounds();
    canvas.dataset.clipped = String(clipped);
    const ty = (v) => (this.log ? Math.log10(Math.max(v, FLOOR)) : v);
    const xPx = (s) => M.left + (s / this.steps) * pw;
    const yPx = (v) => M.top + (1 - (ty(v) - lo) / (hi - lo)) * ph;
    this.grid(ctx, lo, hi, xPx, yPx, pw, ph);

    ctx.save();
    ctx.beginPath();
    ctx.rect(M.left, M.top - 2, pw, ph + 4);
    ctx.clip();
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 1.5;
    const clamp = (v) => Math.max(-1e4, Math.min(1e4, yPx(v)));
    for (const line of this.lines) {
      ctx.strokeStyle = line.color;
      ctx.beginPath();
      if (line.y) {
        let pen = false;
        for (let i = 0; i < line.y.length; i++) {
          const v = line.y[i];
          if (v === null || !Number.isFinite(v)) { pen = false; continue; }
          if (pen) ctx.lineTo(xPx(line.x[i]), clamp(v)); else ctx.moveTo(xPx(line.x[i]), clamp(v));
          pen = true;
        }
      } else {
        const y = Math.round(yPx(line.value)) + 0.5;
        ctx.moveTo(M.left, y);
        ctx.lineTo(M.left + pw, y);
      }
      ctx.stroke();
    }
    ctx.setLineDash([]);
    // each line's name just under it at the left, where curves start low
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    for (const line of this.lines) {
      const start = line.y ? line.y.find((v) => v !== null && Number.isFinite(v)) : line.value;
      if (!line.label || start === undefined) continue;
      ctx.fillStyle = line.color;
      ctx.fillText(line.label, M.left + 4, clamp(start) + 3);
    }
    ctx.lineJoin = 'round';
    ctx.lineWidth = 2;
    for (const s of this.series) {
      ctx.strokeStyle = s.color;
      ctx.fillStyle = s.color;
      ctx.setLineDash(s.dash ?? []);
      ctx.beginPath();
      let pen = false;
      for (let i = 0; i < s.x.length; i++) {
        const v = s.y[i];
        if (v === null || !Number.isFinite(v)) { pen = false; continue; }
        points++;
        const x = xPx(s.x[i]), y = Math.max(-1e4, Math.min(1e4, yPx(v)));
        if (pen) ctx.lineTo(x, y); else ctx.moveTo(x, y);
        pen = true;
      }
      ctx.stroke();
      ctx.setLineDash([]);
      // few points (sharpness every K steps): a dot on each, so a single check still shows
      if (s.x.length <= 60) {
        for (let i = 0; i < s.x.length; i++) {
          const v = s.y[i];
          if (v === null || !Number.isFinite(v)) continue;
          ctx.beginPath();
          ctx.arc(xPx(s.x[i]), yPx(v), 2.5, 0, 2 * Math.PI);
          ctx.fill();
        }
      }
    }
    ctx.restore();
    // how many (step, value) points the curves pass through, for tests and tools
    canvas.dataset.points = String(points);
  }

  grid(ctx, lo, hi, xPx, yPx, pw, ph) {
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = INK;
    ctx.strokeStyle = GRID;
    ctx.lineWidth = 1;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.beginPath();
    const values = this.log ? logTicks(lo, hi) : niceTicks(lo, hi, Math.max(2, Math.floor(ph / 40)));
    for (const v of values) {
      const y = Math.round(yPx(v)) + 0.5;
      if (y < M.top - 1 || y > M.top + ph + 1) continue;
      ctx.moveTo(M.left, y); ctx.lineTo(M.left + pw, y);
      ctx.fillText(this.format(v), M.left - 6, y);
    }
    ctx.stroke();
    ctx.strokeStyle = '#9ca3af';
    ctx.strokeRect(M.left - 0.5, M.top - 0.5, pw + 1, ph + 1);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const top = M.top + ph;
    const edge = M.left + pw + M.right - 1;
    for (const s of niceTicks(0, this.steps, Math.max(2, Math.round(pw / 90)))) {
      const text = String(s);
      const x = xPx(s);
      const half = ctx.measureText(text).width / 2;
      if (x + half > edge) {
        ctx.textAlign = 'right';
        ctx.fillText(text, edge, top + 5);
        ctx.textAlign = 'center';
      } else {
        ctx.fillText(text, x, top + 5);
      }
    }
    ctx.textAlign = 'right';
    ctx.fillText('step', M.left + pw, top + 19);
  }
}

/** Powers of ten from 10^lo to 10^hi, about six of them at most. */
function logTicks(lo, hi) {
  const out = [];
  const every = Math.max(1, Math.ceil((hi - lo) / 6));
  for (let k = Math.ceil(lo); k <= hi; k += every) out.push(Math.pow(10, k));
  return out;
}
