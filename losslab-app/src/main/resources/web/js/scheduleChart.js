// The learning rate each racer's updates used, against the loss chart's axis (steps, f or ∇f
// evaluations: the shared ChartAxis), and below it, when a schedule cycles it (one-cycle, cyclic),
// the momentum μ or β₁. Drawn only when some racer's schedule is not constant: a chart of flat lines
// teaches nothing. The lr is the API's per point (the lr of the update that led to the point), so
// reduce-on-plateau shows the cuts its run actually made.
//
// Each update's lr holds from the point it starts at to the point it reaches, so the lines are
// staircases: a step schedule drops straight down, and with evaluations on the axis, a BFGS step
// that cost eight evaluations keeps its lr across all eight.

import { sizeCanvas, cssContext, niceTicks } from './plotFrame.js';
import { num, tick } from './format.js';
import { MARGIN_LEFT, MARGIN_RIGHT, marker } from './chartAxis.js';

const M = { left: MARGIN_LEFT, right: MARGIN_RIGHT, label: 17, gap: 8, bottom: 30 };
const LOG_ABOVE = 30;   // the lr axis turns logarithmic when the largest lr is more than this × the smallest
const MAX_DECADES = 8;  // a log axis spans at most this many powers of ten; smaller lrs (and 0) sit on its floor
const HEADROOM = 0.12;  // beyond the extreme lrs: log10 units on a log axis, a share of the largest on a linear one

export class ScheduleChart {
  /**
   * @param {object} o
   * @param {HTMLElement} o.section   shown only when some schedule is not constant
   * @param {HTMLCanvasElement} o.canvas
   * @param {HTMLElement} o.container sets the width
   * @param {HTMLElement} o.title     the heading, naming what is drawn
   * @param {HTMLElement} o.note      each racer's schedule, in words
   * @param {import('./chartAxis.js').ChartAxis} o.axis
   */
  constructor({ section, canvas, container, title, note, axis }) {
    Object.assign(this, { section, canvas, container, title, note, axis });
    this.tracks = [];
    this.planned = [];   // before a race: the schedules the racers will use
    this.withMomentum = [];
    this.log = false;
    this.lo = 0; this.hi = 1; this.mLo = 0; this.mHi = 1;
    this.widCss = 0; this.heiCss = 0;
  }

  /** Whether the chart is wanted: some racer's schedule (raced, or about to be) is not constant. */
  get shown() {
    return !this.section.hidden;
  }

  /**
   * The racers about to race (a POST /api/race body's racers), before their runs are known: the
   * chart appears, empty, as soon as one has a schedule.
   */
  setPlanned(racers) {
    this.planned = racers.filter((r) => r.schedule && r.schedule.name !== 'constant')
      .map((r) => ({ name: r.optimizer, schedule: r.schedule.name }));
    if (this.tracks.length === 0) this.show(this.planned.length > 0);
  }

  /** A new race (or none): the lr and momentum axes from the complete runs. */
  setTracks(tracks) {
    this.tracks = tracks;
    this.withMomentum = tracks.filter((t) => t.momentum);
    let minPos = Infinity, max = -Infinity;
    let mMin = Infinity, mMax = -Infinity;
    for (const t of tracks) {
      for (let k = 1; k <= t.last; k++) {
        const v = t.lr[k];
        if (!Number.isFinite(v)) continue;
        if (v > max) max = v;
        if (v > 0 && v < minPos) minPos = v;
      }
      if (t.momentum) {
        for (let k = 1; k <= t.last; k++) {
          const m = t.momentum[k];
          if (m < mMin) mMin = m;
          if (m > mMax) mMax = m;
        }
      }
    }
    if (!Number.isFinite(max)) { max = 1; minPos = 1; }
    // zeros (cosine annealing to η_min = 0) do not count: on a log axis they sit on its floor
    this.log = Number.isFinite(minPos) && max / minPos > LOG_ABOVE;
    // a little room above the largest lr and below the smallest, so no line runs along the frame
    if (this.log) {
      const top = Math.log10(max), bottom = Math.log10(minPos);
      this.hi = Math.max(Math.ceil(top), top + HEADROOM);
      this.lo = Math.max(Math.floor(this.hi) - MAX_DECADES, Math.min(Math.floor(bottom), bottom - HEADROOM));
    } else {
      const top = max > 0 ? max * (1 + HEADROOM) : 1;
      const ticks = niceTicks(0, top, 3);
      this.lo = 0;
      this.hi = Math.max(ticks[ticks.length - 1], top);
    }
    if (Number.isFinite(mMin)) {
      const pad = Math.max((mMax - mMin) * 0.12, 0.01);
      this.mLo = mMin - pad;
      this.mHi = mMax + pad;
    }
    const scheduled = tracks.filter((t) => t.run.spec.schedule !== 'constant');
    this.describe(scheduled);
    this.show(tracks.length ? scheduled.length > 0 : this.planned.length > 0);
  }

  /** Shows or hides the chart; shown, it is sized again (the momentum panel may have come or gone). */
  show(on) {
    if (this.section.hidden !== !on) this.section.hidden = !on;
    if (on) this.resize();
  }

  resize() {
    if (!this.shown) return;
    this.widCss = Math.max(200, Math.floor(this.container.clientWidth));
    this.lrHei = Math.round(Math.min(140, Math.max(90, this.widCss * 0.3)));
    this.mHei = this.withMomentum.length ? Math.round(Math.min(70, Math.max(48, this.widCss * 0.15))) : 0;
    this.heiCss = M.label + this.lrHei + (this.mHei ? M.gap + M.label + this.mHei : 0) + M.bottom;
    sizeCanvas(this.canvas, this.widCss, this.heiCss);
    this.draw();
  }

  /**
   * The heading (what is drawn: the chart names its axis and scales), the note under the chart
   * and the canvas' description for screen readers.
   */
  describe(scheduled) {
    this.title.textContent = this.withMomentum.length ? 'Learning rate and momentum' : 'Learning rate';
    const words = scheduled.map((t) => {
      const s = t.run.spec.schedule;
      if (s === 'reduce-on-plateau') return `${t.name}: reduce-on-plateau, cut each time its loss stalled`;
      return `${t.name}: ${s}${t.momentum ? `, which also cycles ${momentumSymbol(t)}` : ''}`;
    });
    this.note.textContent = words.length ? `${words.join(' · ')}. Each update uses one lr: the lines are flat across a step.` : '';
    const lines = this.tracks.map((t) => `${t.name} (${t.run.spec.schedule}): ${range(t.lr, t.last)}`);
    const moms = this.withMomentum.map((t) => `${t.name}'s ${momentumSymbol(t)}: ${range(t.momentum, t.last)}`);
    this.canvas.setAttribute('aria-label', `Learning rate of each update${this.log ? ', logarithmic scale' : ''}. `
      + `${lines.join('; ')}.${moms.length ? ` Momentum: ${moms.join('; ')}.` : ''}`);
    this.canvas.dataset.scale = this.log ? 'log' : 'linear';
    this.canvas.dataset.momentum = String(this.withMomentum.length > 0);
  }

  /** Chart units (log10 units on a log axis) of an lr. */
  ty(v) {
    if (!this.log) return v;
    return v > 0 ? Math.max(this.lo, Math.log10(v)) : this.lo;
  }

  draw() {
    if (!this.shown || this.widCss === 0) return;
    const ctx = cssContext(this.canvas);
    const w = this.widCss;
    ctx.clearRect(0, 0, w, this.heiCss);
    const pw = w - M.left - M.right;
    const span = this.axis.span();
    const xPx = (s) => M.left + (s / span) * pw;
    const lrTop = M.label;
    const lrY = (v) => lrTop + (1 - (this.ty(v) - this.lo) / (this.hi - this.lo)) * this.lrHei;
    const mTop = lrTop + this.lrHei + M.gap + M.label;
    const mY = (m) => mTop + (1 - (m - this.mLo) / (this.mHi - this.mLo)) * this.mHei;
    const bottom = this.mHei ? mTop + this.mHei : lrTop + this.lrHei;

    if (this.tracks.length === 0) {
      ctx.strokeStyle = '#d1d5db';
      ctx.setLineDash([4, 4]);
      ctx.strokeRect(M.left - 0.5, lrTop - 0.5, pw + 1, this.lrHei + 1);
      ctx.setLineDash([]);
      ctx.fillStyle = '#6b7280';
      ctx.font = '13px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('Press Run to draw each racer’s learning rate', M.left + pw / 2, lrTop + this.lrHei / 2);
      return;
    }
    this.panel(ctx, this.log ? 'learning rate (log scale)' : 'learning rate', lrTop, this.lrHei, pw, this.lrTicks(), lrY, this.log ? (v) => num(v, 1) : tick);
    this.lines(ctx, this.tracks, (t) => t.lr, xPx, lrY, lrTop, this.lrHei, pw);
    if (this.mHei) {
      const names = [...new Set(this.withMomentum.map(momentumSymbol))].join(' or ');
      this.panel(ctx, `momentum ${names}`, mTop, this.mHei, pw, niceTicks(this.mLo, this.mHi, 2), mY, tick);
      this.lines(ctx, this.withMomentum, (t) => t.momentum, xPx, mY, mTop, this.mHei, pw);
    }
    this.axis.drawTicks(ctx, xPx, M.left, pw, bottom, span);
  }

  lrTicks() {
    if (!this.log) return niceTicks(this.lo, this.hi, 3);
    // powers of ten, at most five, counted down from the top one
    const top = Math.floor(this.hi), bottom = Math.ceil(this.lo);
    const every = Math.max(1, Math.ceil((top - bottom) / 4));
    const out = [];
    for (let k = top; k >= bottom; k -= every) out.push(Math.pow(10, k));
    return out;
  }

  /** A panel's frame, grid lines with their labels, and its name above its top-left corner. */
  panel(ctx, name, top, hei, pw, ticks, yPx, label) {
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#4b5563';
    ctx.strokeStyle = '#e5e7eb';
    ctx.lineWidth = 1;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.beginPath();
    for (const v of ticks) {
      const y = Math.round(yPx(v)) + 0.5;
      if (y < top - 0.5 || y > top + hei + 0.5) continue;
      ctx.moveTo(M.left, y); ctx.lineTo(M.left + pw, y);
      ctx.fillText(label(v), M.left - 6, y);
    }
    ctx.stroke();
    ctx.strokeStyle = '#9ca3af';
    ctx.strokeRect(M.left - 0.5, top - 0.5, pw + 1, hei + 1);
    ctx.font = '600 11.5px system-ui, sans-serif';
    ctx.fillStyle = '#1d2230';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    ctx.fillText(name, M.left, top - 4);
  }

  /**
   * Each track's value per update as a staircase up to the point shown: update k's value from
   * the axis position of point k − 1 to that of point k. Then the cursor's guide and rings.
   */
  lines(ctx, tracks, values, xPx, yPx, top, hei, pw) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(M.left, top - 2, pw, hei + 4);
    ctx.clip();
    ctx.lineJoin = 'round';
    ctx.lineWidth = 2;
    for (const t of tracks) {
      const v = values(t), at = this.axis.of(t);
      ctx.strokeStyle = t.color;
      ctx.beginPath();
      let pen = false;
      for (let k = 1; k <= t.shown; k++) {
        if (!Number.isFinite(v[k])) { pen = false; continue; }
        // an lr that stays (constant, or between a step schedule's drops) is one segment, not one per update
        if (pen && v[k] === v[k - 1] && k < t.shown) continue;
        const y = yPx(v[k]);
        if (!pen) ctx.moveTo(xPx(at[k - 1]), y);
        else if (v[k] !== v[k - 1]) { ctx.lineTo(xPx(at[k - 1]), yPx(v[k - 1])); ctx.lineTo(xPx(at[k - 1]), y); }
        ctx.lineTo(xPx(at[k]), y);
        pen = true;
      }
      ctx.stroke();
    }
    const span = this.axis.span();
    this.axis.drawCursor(ctx, xPx, top, hei, span);
    if (this.axis.cursor !== null) {
      for (const t of tracks) {
        const k = Math.max(1, this.axis.indexAt(t, this.axis.cursor));
        const v = values(t)[k];
        if (k <= t.shown && Number.isFinite(v)) marker(ctx, t.color, xPx(this.axis.of(t)[k]), yPx(v));
      }
    }
    ctx.restore();
  }
}

/** μ for SGD's and RMSProp's momentum, β₁ for the Adam family's: by the parameter the racer has. */
export function momentumSymbol(t) {
  return 'beta1' in t.run.spec.hyperParameters ? 'β₁' : 'μ';
}

/** "0.0004 at first, 0.01 at most, 4e-8 at the end" over the updates 1..last. */
function range(values, last) {
  if (last < 1) return 'no updates';
  let lo = Infinity, hi = -Infinity;
  for (let k = 1; k <= last; k++) {
    if (values[k] < lo) lo = values[k];
    if (values[k] > hi) hi = values[k];
  }
  if (lo === hi) return `${num(lo)} throughout`;
  return `${num(values[1])} at first, from ${num(lo)} to ${num(hi)}, ${num(values[last])} at the end`;
}
