// The data behind a surface made of data, drawn beside the landscape: one dot per example and, for
// each racer, the model at the point its ball is on, moving as the balls roll. A point (x, y) of the
// landscape *is* a model: on regression:DATA the line  target = w·feature + b  with (w, b) = (x, y);
// on logistic:DATA the boundary  w₁·f₁ + w₂·f₂ = 0  with (w₁, w₂) = (x, y), where P(positive) =
// σ(w₁·f₁ + w₂·f₂) is ½ (no bias, so every boundary passes through the origin). The examples come from
// /api/data, the points from the race; this file only draws them.

import { cssContext, niceTicks, sizeCanvas } from './plotFrame.js';
import { tick } from './format.js';

export const MARGIN = { left: 46, right: 10, top: 10, bottom: 36 };
const PAD = 0.06; // room around the data, as a fraction of its span
const DOT = 2.6; // radius in CSS pixels
const INK = '#4a5163';
const GRID = '#e5e7eb';
const POSITIVE = '#1d2230'; // filled dots: the positive class
const NEGATIVE = '#8a8f9c'; // rings: the rest
const MAX_HEIGHT = 340;

export class DataPanel {
  /**
   * @param {object} o
   * @param {HTMLElement} o.section  shown only on a surface made of data
   * @param {HTMLCanvasElement} o.canvas
   * @param {HTMLElement} o.caption  what is drawn, in words (a classifier's classes)
   * @param {HTMLElement} o.model    the shown racer's model as an equation, under the picture
   */
  constructor({ section, canvas, caption, model }) {
    this.section = section;
    this.canvas = canvas;
    this.caption = caption;
    this.model = model;
    this.data = null;
    this.tracks = [];
    this.window = [0, 1, 0, 1];
    new ResizeObserver(() => this.draw()).observe(section);
  }

  /** The examples (/api/data's answer), or null on a formula surface: the panel hides. */
  setData(data) {
    this.data = data;
    this.tracks = [];
    this.section.hidden = data === null;
    if (!data) return;
    const pad = (values) => {
      let lo = Infinity, hi = -Infinity;
      for (const v of values) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      const d = (hi - lo) * PAD || 1;
      return [lo - d, hi + d];
    };
    let [x0, x1] = pad(data.x.values), [y0, y1] = pad(data.y.values);
    if (data.model === 'classifier') {
      // every boundary passes through the origin: keep it in view
      x0 = Math.min(x0, 0); x1 = Math.max(x1, 0); y0 = Math.min(y0, 0); y1 = Math.max(y1, 0);
    }
    this.window = [x0, x1, y0, y1];
    this.caption.textContent = data.model === 'classifier'
      ? `${data.dataset}: ● ${data.positive}, ○ ${data.negative}. Each racer's line is where its model says 50 %.`
      : `${data.dataset}: one dot per example. Each racer's line is its model at the step shown.`;
    this.model.textContent = '';
    this.draw();
  }

  /** The race's tracks, each at its shown point (none: only the data). */
  setTracks(tracks) {
    this.tracks = tracks;
    this.draw();
  }

  draw() {
    const { data, canvas } = this;
    if (!data || this.section.hidden) return;
    const widCss = canvas.parentElement.clientWidth;
    if (widCss <= 0) return;
    const plotW = widCss - MARGIN.left - MARGIN.right;
    const plotH = Math.min(MAX_HEIGHT, Math.round(plotW * 0.75));
    sizeCanvas(canvas, widCss, plotH + MARGIN.top + MARGIN.bottom);
    const ctx = cssContext(canvas);
    ctx.clearRect(0, 0, widCss, plotH + MARGIN.top + MARGIN.bottom);
    const [x0, x1, y0, y1] = this.window;
    const px = (x) => MARGIN.left + ((x - x0) / (x1 - x0)) * plotW;
    const py = (y) => MARGIN.top + (1 - (y - y0) / (y1 - y0)) * plotH;
    this.axes(ctx, px, py, plotW, plotH);

    const xs = data.x.values, ys = data.y.values, labels = data.labels;
    ctx.lineWidth = 1.2;
    for (let i = 0; i < xs.length; i++) {
      ctx.beginPath();
      ctx.arc(px(xs[i]), py(ys[i]), DOT, 0, 2 * Math.PI);
      if (labels && labels[i] === 0) {
        ctx.strokeStyle = NEGATIVE;
        ctx.stroke();
      } else {
        ctx.fillStyle = POSITIVE;
        ctx.globalAlpha = labels ? 1 : 0.55;
        ctx.fill();
        ctx.globalAlpha = 1;
      }
    }

    ctx.save();
    ctx.beginPath();
    ctx.rect(MARGIN.left, MARGIN.top, plotW, plotH);
    ctx.clip();
    const words = [];
    for (const t of this.tracks) {
      const w1 = t.xs[t.shown], w2 = t.ys[t.shown];
      if (!Number.isFinite(w1) || !Number.isFinite(w2)) continue;
      const ends = data.model === 'classifier' ? boundary(w1, w2, this.window) : [[x0, w1 * x0 + w2], [x1, w1 * x1 + w2]];
      if (!ends) continue;
      ctx.strokeStyle = t.color;
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.moveTo(px(ends[0][0]), py(ends[0][1]));
      ctx.lineTo(px(ends[1][0]), py(ends[1][1]));
      ctx.stroke();
      words.push(`${t.name}: ${equation(data, w1, w2)}`);
    }
    ctx.restore();
    const text = words.join(' · ');
    if (this.model.textContent !== text) this.model.textContent = text;
  }

  axes(ctx, px, py, plotW, plotH) {
    drawGrid(ctx, this.window, px, py, plotW, plotH);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(this.data.x.name, MARGIN.left + plotW / 2, MARGIN.top + plotH + MARGIN.bottom);
    ctx.save();
    ctx.translate(11, MARGIN.top + plotH / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(this.data.y.name, 0, 0);
    ctx.restore();
  }
}

/**
 * Where the line w₁·x + w₂·y = 0 crosses the window [x0, x1] × [y0, y1]: its two ends, or null for
 * w = (0, 0), which predicts ½ everywhere and so has no boundary.
 */
export function boundary(w1, w2, [x0, x1, y0, y1]) {
  if (w1 === 0 && w2 === 0) return null;
  // along the direction (−w₂, w₁) from the origin, as far as the window's corners reach either way
  const reach = Math.hypot(Math.max(Math.abs(x0), Math.abs(x1)), Math.max(Math.abs(y0), Math.abs(y1)));
  const norm = Math.hypot(w1, w2);
  const dx = (-w2 / norm) * reach, dy = (w1 / norm) * reach;
  return [[-dx, -dy], [dx, dy]];
}

/** The model a point stands for, in the data's words: "target = 9.4·bmi + 152" or "P(virginica) = σ(1.2·a − 0.3·b)". */
function equation(data, w1, w2) {
  const term = (w, name, first) => `${first ? (w < 0 ? '−' : '') : w < 0 ? ' − ' : ' + '}${tick3(Math.abs(w))}·${name}`;
  if (data.model === 'classifier') return `P(${data.positive}) = σ(${term(w1, data.x.name, true)}${term(w2, data.y.name, false)})`;
  return `${data.y.name} = ${term(w1, data.x.name, true)}${w2 < 0 ? ' − ' : ' + '}${tick3(Math.abs(w2))}`;
}

const tick3 = (v) => Number(v.toPrecision(3)).toString();

/**
 * A data picture's grid: light lines at nice ticks of the window [x0, x1, y0, y1] with their labels
 * below and to the left of the plot area (MARGIN), in CSS pixels. Shared with the models page's
 * boundary picture (boundaryPanel.js), so both pictures of data look the same.
 */
export function drawGrid(ctx, [x0, x1, y0, y1], px, py, plotW, plotH) {
  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.fillStyle = INK;
  ctx.strokeStyle = GRID;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of niceTicks(x0, x1, Math.max(2, Math.floor(plotW / 70)))) {
    ctx.beginPath();
    ctx.moveTo(px(v), MARGIN.top);
    ctx.lineTo(px(v), MARGIN.top + plotH);
    ctx.stroke();
    ctx.fillText(tick(v), px(v), MARGIN.top + plotH + 4);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of niceTicks(y0, y1, Math.max(2, Math.floor(plotH / 50)))) {
    ctx.beginPath();
    ctx.moveTo(MARGIN.left, py(v));
    ctx.lineTo(MARGIN.left + plotW, py(v));
    ctx.stroke();
    ctx.fillText(tick(v), MARGIN.left - 5, py(v));
  }
}
