// The sweep's pictures: a heat map of /api/sweep's cells (steps to converge in viridis, runs that
// ran out of steps grey, diverged ones dark red with a cross) and, on a quadratic, the regime map
// theory predicts for the same cells (monotone, oscillating, divergent). Both share one geometry:
// the first swept setting along x (lr), the second along y (momentum), one cell per run, on evenly
// spaced or log-spaced axes as swept. A 1-D sweep is a single strip.

import { sizeCanvas, cssContext, niceTicks } from './plotFrame.js';
import { tick } from './format.js';
import { DIVERGED_COLOR, UNCONVERGED_COLOR, REGIME_COLORS, viridisCss } from './palette.js';

export const REGIMES = [
  { code: 'monotone', label: 'monotone', color: REGIME_COLORS.monotone, help: 'glides in without overshooting' },
  { code: 'oscillating', label: 'oscillating', color: REGIME_COLORS.oscillating, help: 'overshoots, swings back, converges' },
  { code: 'divergent', label: 'divergent', color: REGIME_COLORS.divergent, help: 'never settles (grows or orbits)' },
];

const MARGIN = { left: 50, right: 14, top: 8, bottom: 42 };
const STRIP_HEIGHT = 58;

/** Where along an axis (0 … count − 1, fractional) the value v lies. */
function indexOf(axis, v) {
  if (axis.count === 1) return 0;
  const t = axis.log
    ? (Math.log10(v) - Math.log10(axis.from)) / (Math.log10(axis.to) - Math.log10(axis.from))
    : (v - axis.from) / (axis.to - axis.from);
  return t * (axis.count - 1);
}

/** Tick values for an axis: 1-2-5 steps, or powers of ten (with 2× and 5×) on a log axis. */
function ticksOf(axis, count) {
  const lo = Math.min(axis.from, axis.to), hi = Math.max(axis.from, axis.to);
  if (lo === hi) return [lo];
  if (!axis.log) return niceTicks(lo, hi, count);
  const ticks = [];
  const decades = Math.log10(hi / lo);
  const steps = decades > 3 ? [1] : decades > 1.2 ? [1, 2, 5] : [1, 1.5, 2, 3, 5, 7];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
    for (const m of steps) {
      const v = Number((m * 10 ** k).toPrecision(6));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push(v);
    }
  }
  return ticks.length >= 2 ? ticks : [lo, hi];
}

const AXIS_LABELS = { lr: 'learning rate lr', momentum: 'momentum μ', noise: 'noise σ' };

function axisLabel(axis) {
  return (AXIS_LABELS[axis.name] || axis.name) + (axis.log ? ' (log scale)' : '');
}

/**
 * One picture of a sweep's cells: sizes itself to its box, draws cells coloured by `colorOf`,
 * and finds the cell under the pointer.
 */
export class SweepGrid {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {(cell: object) => string|null} colorOf  CSS colour of a cell (null: left blank)
   * @param {(cell: object) => boolean} [crossed]     cells to mark with a cross
   */
  constructor(canvas, colorOf, crossed = () => false) {
    this.canvas = canvas;
    this.colorOf = colorOf;
    this.crossed = crossed;
    this.sweep = null;
    this.plot = { left: 0, top: 0, width: 0, height: 0 };
  }

  setSweep(sweep) {
    this.sweep = sweep;
  }

  get columns() {
    return this.sweep.axes[0].count;
  }

  get rows() {
    return this.sweep.axes.length === 2 ? this.sweep.axes[1].count : 1;
  }

  /** Sizes the canvas to `widCss` wide (the height follows the sweep's shape) and draws. */
  draw(widCss) {
    const ctx0 = this.canvas;
    if (!this.sweep || widCss <= 0) return;
    const twoD = this.sweep.axes.length === 2;
    const plotW = Math.max(120, widCss - MARGIN.left - MARGIN.right);
    const plotH = twoD ? Math.round(Math.max(140, Math.min(400, (plotW * this.rows) / this.columns))) : STRIP_HEIGHT;
    sizeCanvas(ctx0, widCss, plotH + MARGIN.top + MARGIN.bottom);
    this.plot = { left: MARGIN.left, top: MARGIN.top, width: plotW, height: plotH };
    const ctx = cssContext(this.canvas);
    ctx.clearRect(0, 0, widCss, plotH + MARGIN.top + MARGIN.bottom);
    const cw = plotW / this.columns, ch = plotH / this.rows;
    const cells = this.sweep.cells;
    for (let j = 0; j < this.rows; j++) {
      for (let i = 0; i < this.columns; i++) {
        const cell = cells[i + this.columns * j];
        const color = this.colorOf(cell);
        if (!color) continue;
        ctx.fillStyle = color;
        // Whole pixels, slightly overlapping, so no hairline gaps show between cells.
        const x = Math.floor(MARGIN.left + i * cw), y = Math.floor(MARGIN.top + (this.rows - 1 - j) * ch);
        ctx.fillRect(x, y, Math.ceil(cw) + 1, Math.ceil(ch) + 1);
      }
    }
    this.drawCrosses(ctx, cw, ch);
    ctx.strokeStyle = '#5b6170';
    ctx.lineWidth = 1;
    ctx.strokeRect(MARGIN.left - 0.5, MARGIN.top - 0.5, plotW + 1, plotH + 1);
    this.drawAxes(ctx);
  }

  drawCrosses(ctx, cw, ch) {
    const size = Math.min(cw, ch);
    if (size < 9) return; // too small to read: the colour (and the legend) says it
    const r = Math.min(7, size * 0.28);
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = size > 20 ? 2 : 1.5;
    ctx.beginPath();
    for (let j = 0; j < this.rows; j++) {
      for (let i = 0; i < this.columns; i++) {
        if (!this.crossed(this.sweep.cells[i + this.columns * j])) continue;
        const cx = MARGIN.left + (i + 0.5) * cw, cy = MARGIN.top + (this.rows - 1 - j + 0.5) * ch;
        ctx.moveTo(cx - r, cy - r); ctx.lineTo(cx + r, cy + r);
        ctx.moveTo(cx + r, cy - r); ctx.lineTo(cx - r, cy + r);
      }
    }
    ctx.stroke();
  }

  drawAxes(ctx) {
    const { left, top, width, height } = this.plot;
    const [ax, ay] = this.sweep.axes;
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#3c4250';
    ctx.strokeStyle = '#5b6170';
    ctx.lineWidth = 1;
    const cw = width / this.columns;
    const xTicks = ticksOf(ax, Math.max(2, Math.floor(width / 70)));
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.beginPath();
    let lastRight = -Infinity;
    for (const v of xTicks) {
      const x = Math.round(left + (indexOf(ax, v) + 0.5) * cw) + 0.5;
      ctx.moveTo(x, top + height); ctx.lineTo(x, top + height + 4);
      const label = tick(v);
      const half = ctx.measureText(label).width / 2;
      if (x - half < lastRight + 6) continue;
      ctx.fillText(label, x, top + height + 6);
      lastRight = x + half;
    }
    ctx.stroke();
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillText(axisLabel(ax), left + width / 2, top + height + 24);
    if (!ay) return;
    const ch = height / this.rows;
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.beginPath();
    let lastTop = Infinity;
    for (const v of ticksOf(ay, Math.max(2, Math.floor(height / 40)))) {
      const y = Math.round(top + height - (indexOf(ay, v) + 0.5) * ch) + 0.5;
      ctx.moveTo(left - 4, y); ctx.lineTo(left, y);
      if (y + 7 > lastTop - 2) continue;
      ctx.fillText(tick(v), left - 6, y);
      lastTop = y - 7;
    }
    ctx.stroke();
    ctx.save();
    ctx.translate(12, top + height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillText(axisLabel(ay), 0, 0);
    ctx.restore();
  }

  /** The cell under (xPx, yPx) in CSS pixels of the canvas, or null. */
  cellAt(xPx, yPx) {
    if (!this.sweep) return null;
    const { left, top, width, height } = this.plot;
    if (xPx < left || xPx >= left + width || yPx < top || yPx >= top + height) return null;
    const i = Math.min(this.columns - 1, Math.floor(((xPx - left) / width) * this.columns));
    const j = this.rows - 1 - Math.min(this.rows - 1, Math.floor(((yPx - top) / height) * this.rows));
    return this.sweep.cells[i + this.columns * j];
  }
}

/**
 * The range of steps among converged cells, for the colour scale: {min, max, log} or null. Counts
 * spanning more than a decade (36 to 1958 steps) are coloured on a log scale, so that the fast
 * cells are told apart and not all drawn in the darkest shade.
 */
export function stepRange(sweep) {
  let min = Infinity, max = -Infinity;
  for (const c of sweep.cells) {
    if (c.stop !== 'converged') continue;
    min = Math.min(min, c.steps);
    max = Math.max(max, c.steps);
  }
  return min <= max ? { min, max, log: min >= 1 && max >= 10 * min } : null;
}

/** viridis shade 0 … 255 of a converged cell's steps within the range (on its log scale if it has one). */
function shadeOf(steps, range) {
  if (range.max === range.min) return 0;
  const t = range.log ? Math.log(steps / range.min) / Math.log(range.max / range.min)
    : (steps - range.min) / (range.max - range.min);
  return Math.round(255 * Math.min(1, Math.max(0, t)));
}

/** The measured picture's colour of a cell. */
export function resultColor(cell, range) {
  if (cell.stop === 'converged') return viridisCss(shadeOf(cell.steps, range));
  return cell.stop === 'diverged' ? DIVERGED_COLOR : UNCONVERGED_COLOR;
}

/** The theory picture's colour of a cell (null where theory does not apply). */
export function regimeColor(cell) {
  const r = REGIMES.find((g) => g.code === cell.regime);
  return r ? r.color : null;
}

/** Colour-bar ticks for Colorbar.setData: {colorbar: [{shade, value}]} over the step range. */
export function colorbarData(range) {
  const values = range.max === range.min ? [range.min] : range.log ? logTicks(range.min, range.max)
    : niceTicks(range.min, range.max, 5).filter((v) => v >= range.min && v <= range.max);
  if (!values.includes(range.min)) values.unshift(range.min);
  if (!values.includes(range.max)) values.push(range.max);
  return { colorbar: values.map((v) => ({ shade: shadeOf(v, range), value: v })), scale: { log: range.log } };
}

/** 10, 20, 50, 100, … within [min, max]: a log colour bar's ticks, thinned to the powers of ten when many. */
function logTicks(min, max) {
  const all = [];
  for (let p = 10 ** Math.floor(Math.log10(min)); p <= max; p *= 10) {
    for (const m of [1, 2, 5]) if (p * m > min && p * m < max) all.push(p * m);
  }
  return all.length > 6 ? all.filter((v) => Math.log10(v) % 1 === 0) : all;
}
