// Loss against step for every racer, on a log scale: the curves' slopes are convergence rates,
// and a run that gains nine digits shows it. When some loss is zero or negative (the saddle falls
// forever) the axis becomes a signed log, sign(f)·log10(1 + |f|/c), so nothing has to be hidden.
// Axes are fixed per race from the whole runs, so they do not jump while the balls roll; only
// while the person steps (step mode, the axis' `follow`) does the horizontal axis end just past the
// steps taken, so that each step has room and is marked with a dot. The horizontal axis (steps, f
// or ∇f evaluations) is the ChartAxis the schedule chart shares.

import { sizeCanvas, cssContext } from './plotFrame.js';
import { num } from './format.js';
import { MARGIN_LEFT, MARGIN_RIGHT, marker } from './chartAxis.js';

const M = { left: MARGIN_LEFT, right: MARGIN_RIGHT, top: 12, bottom: 30 };
const FLOOR = 1e-16; // exact zeros (Newton on a quadratic) sit on the axis' floor
const DOT_GAP_PX = 6;  // points at least this far apart (one axis unit) get a dot each

export class LossChart {
  /** @param {import('./chartAxis.js').ChartAxis} axis the horizontal axis, shared */
  constructor(canvas, container, axis) {
    this.canvas = canvas;
    this.container = container;
    this.axis = axis;
    this.tracks = [];
    this.widCss = 0;
    this.heiCss = 0;
    this.signed = false;
    this.lo = 0; this.hi = 1; this.c = 1;
  }

  resize() {
    this.widCss = Math.max(200, Math.floor(this.container.clientWidth));
    this.heiCss = Math.round(Math.min(260, Math.max(170, this.widCss * 0.5)));
    sizeCanvas(this.canvas, this.widCss, this.heiCss);
    this.draw();
  }

  /** A new race (or none): fixes the loss axis from the complete runs (the axis has its tracks). */
  setTracks(tracks) {
    this.tracks = tracks;
    let min = Infinity, max = -Infinity, minPos = Infinity;
    for (const t of tracks) {
      for (let i = 0; i <= t.last; i++) {
        const v = t.loss[i];
        if (Number.isNaN(v)) continue;
        if (v < min) min = v;
        if (v > max) max = v;
        if (v > 0 && v < minPos) minPos = v;
      }
    }
    this.signed = min <= 0 && Number.isFinite(min);
    if (this.signed) {
      const big = Math.max(Math.abs(min), Math.abs(max), 1e-12);
      this.c = Math.max(1e-9, big * 1e-9, Number.isFinite(minPos) ? minPos : 1e-9);
      this.lo = this.ty(min);
      this.hi = this.ty(max);
      if (this.hi - this.lo < 1) this.hi = this.lo + 1;
    } else if (Number.isFinite(min)) {
      this.lo = Math.floor(Math.log10(Math.max(FLOOR, minPos)));
      this.hi = Math.ceil(Math.log10(Math.max(max, FLOOR)));
      if (this.hi <= this.lo) this.hi = this.lo + 1;
    } else {
      this.lo = 0; this.hi = 1;
    }
  }

  /** Loss → the chart's vertical coordinate (log10 units). */
  ty(v) {
    if (this.signed) return Math.sign(v) * Math.log10(1 + Math.abs(v) / this.c);
    return Math.log10(v > FLOOR ? v : FLOOR);
  }

  draw() {
    const ctx = cssContext(this.canvas);
    const w = this.widCss, h = this.heiCss;
    ctx.clearRect(0, 0, w, h);
    const pw = w - M.left - M.right, ph = h - M.top - M.bottom;
    const span = this.axis.span();
    const xPx = (s) => M.left + (s / span) * pw;
    const yPx = (t) => M.top + (1 - (t - this.lo) / (this.hi - this.lo)) * ph;

    if (this.tracks.length === 0) {
      ctx.strokeStyle = '#d1d5db';
      ctx.setLineDash([4, 4]);
      ctx.strokeRect(M.left - 0.5, M.top - 0.5, pw + 1, ph + 1);
      ctx.setLineDash([]);
      ctx.fillStyle = '#6b7280';
      ctx.font = '13px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('Press Run to plot each racer’s loss', M.left + pw / 2, M.top + ph / 2);
      this.canvas.dataset.points = '0';
      return;
    }
    this.drawGrid(ctx, xPx, yPx, pw, ph, span);
    ctx.save();
    ctx.beginPath();
    ctx.rect(M.left, M.top - 2, pw, ph + 4);
    ctx.clip();
    ctx.lineJoin = 'round';
    let points = 0;
    for (const t of this.tracks) {
      const at = this.axis.of(t);
      for (let i = 0; i <= t.shown; i++) if (!Number.isNaN(t.loss[i])) points++;
      for (let pass = t.run.spec.optimizer === 'adagrad' ? 0 : 1; pass < 2; pass++) {
        ctx.strokeStyle = pass === 0 ? 'rgba(60,60,60,0.8)' : t.color;
        ctx.lineWidth = pass === 0 ? 3.5 : 2;
        ctx.beginPath();
        let pen = false;
        for (let i = 0; i <= t.shown; i++) {
          const v = t.loss[i];
          if (Number.isNaN(v)) { pen = false; continue; }
          const y = Math.max(-1e4, Math.min(1e4, yPx(this.ty(v))));
          if (pen) ctx.lineTo(xPx(at[i]), y); else ctx.moveTo(xPx(at[i]), y);
          pen = true;
        }
        ctx.stroke();
      }
      if (pw / span >= DOT_GAP_PX) this.drawDots(ctx, t, at, xPx, yPx);
    }
    this.axis.drawCursor(ctx, xPx, M.top, ph, span);
    if (this.axis.cursor !== null) {
      for (const t of this.tracks) {
        const i = this.axis.indexAt(t, this.axis.cursor);
        if (!Number.isNaN(t.loss[i])) marker(ctx, t.color, xPx(this.axis.of(t)[i]), Math.max(-1e4, Math.min(1e4, yPx(this.ty(t.loss[i])))));
      }
    }
    ctx.restore();
    // how many (step, loss) points the curves pass through, for tests and tools
    this.canvas.dataset.points = String(points);
  }

  /** A dot on each point of a track up to the shown one (the steps are far enough apart). */
  drawDots(ctx, t, at, xPx, yPx) {
    ctx.fillStyle = t.color;
    ctx.strokeStyle = 'rgba(60,60,60,0.8)';
    ctx.lineWidth = 1;
    for (let i = 0; i <= t.shown; i++) {
      const v = t.loss[i];
      if (Number.isNaN(v)) continue;
      ctx.beginPath();
      ctx.arc(xPx(at[i]), Math.max(-1e4, Math.min(1e4, yPx(this.ty(v)))), 3, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
  }

  drawGrid(ctx, xPx, yPx, pw, ph, span) {
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#4b5563';
    ctx.strokeStyle = '#e5e7eb';
    ctx.lineWidth = 1;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.beginPath();
    for (const v of this.yTicks()) {
      const y = Math.round(yPx(this.ty(v))) + 0.5;
      ctx.moveTo(M.left, y); ctx.lineTo(M.left + pw, y);
      ctx.fillText(v === 1 ? '1' : num(v, 1), M.left - 6, y);
    }
    ctx.stroke();
    ctx.strokeStyle = '#9ca3af';
    ctx.strokeRect(M.left - 0.5, M.top - 0.5, pw + 1, ph + 1);
    this.axis.drawTicks(ctx, xPx, M.left, pw, M.top + ph, span);
  }

  /** Powers of ten inside the axis (and 0 and negative powers on a signed axis), at most ~6. */
  yTicks() {
    const out = [];
    if (!this.signed) {
      const every = Math.max(1, Math.ceil((this.hi - this.lo) / 6));
      for (let k = Math.ceil(this.lo); k <= this.hi; k += every) out.push(Math.pow(10, k));
      return out;
    }
    const m0 = Math.ceil(Math.log10(this.c));
    const top = Math.max(Math.abs(this.lo), Math.abs(this.hi));
    const every = Math.max(1, Math.ceil(top / 3));
    out.push(0);
    for (let m = m0 + every; ; m += every) {
      const v = Math.pow(10, m);
      const t = this.ty(v);
      if (t > top + 1e-9) break;
      if (t <= this.hi) out.push(v);
      if (-t >= this.lo) out.push(-v);
    }
    return out;
  }
}
