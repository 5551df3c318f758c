// The tour's two pictures of minibatch noise, drawn from /api/gradient-noise answers and computing
// nothing: the cloud of sampled batch gradients around the full gradient's arrow, in gradient
// space; and the spread tr Σ_B against the batch size B on log axes, the closed form as a line
// and the spread measured from the samples as dots.

import { sizeCanvas, cssContext, niceTicks } from './plotFrame.js';
import { num } from './format.js';

const INK = '#4a5163';
const GRID = '#e3e5ec';
const FONT = '11px system-ui, sans-serif';

/**
 * The samples of one /api/gradient-noise answer as dots, the gradient G as an arrow from the
 * origin. The view is square (a unit of ∂f/∂w as long as one of ∂f/∂b) and holds the whole cloud
 * and the arrow, so it rescales with B: what stays comparable is the cloud's size against the arrow's.
 *
 * @param {HTMLCanvasElement} canvas  sized here: its parent's width, at most maxCss tall
 * @param {object} answer             an /api/gradient-noise answer
 * @param {{dots: string, arrow: string, maxCss: number, names: string[]}} o  colours, the largest size, the axes' names
 */
export function drawCloud(canvas, answer, o) {
  const M = { left: 44, right: 10, top: 10, bottom: 34 };
  const widCss = Math.max(160, Math.floor(canvas.parentElement.clientWidth));
  const side = Math.max(120, Math.min(widCss - M.left - M.right, o.maxCss - M.top - M.bottom));
  const heiCss = side + M.top + M.bottom;
  sizeCanvas(canvas, widCss, heiCss);
  const ctx = cssContext(canvas);
  ctx.clearRect(0, 0, widCss, heiCss);
  const left = M.left + Math.floor((widCss - M.left - M.right - side) / 2);
  const [gx, gy] = answer.gradient;
  let reach = Math.max(Math.abs(gx), Math.abs(gy));
  for (const [x, y] of answer.samples) reach = Math.max(reach, Math.abs(x), Math.abs(y));
  const span = 1.1 * (reach > 0 ? reach : 1);
  const xPx = (v) => left + ((v + span) / (2 * span)) * side;
  const yPx = (v) => M.top + (1 - (v + span) / (2 * span)) * side;

  ctx.font = FONT;
  ctx.fillStyle = INK;
  ctx.strokeStyle = GRID;
  ctx.lineWidth = 1;
  const ticks = niceTicks(-span, span, 4);
  for (const t of ticks) {
    ctx.beginPath();
    ctx.moveTo(xPx(t), M.top); ctx.lineTo(xPx(t), M.top + side);
    ctx.moveTo(left, yPx(t)); ctx.lineTo(left + side, yPx(t));
    ctx.stroke();
    ctx.textAlign = 'center'; ctx.textBaseline = 'top';
    ctx.fillText(num(t, 3), xPx(t), M.top + side + 4);
    ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
    ctx.fillText(num(t, 3), left - 4, yPx(t));
  }
  ctx.strokeStyle = '#9aa0ad';
  ctx.strokeRect(left - 0.5, M.top - 0.5, side + 1, side + 1);
  ctx.textAlign = 'center'; ctx.textBaseline = 'top';
  ctx.fillText(o.names[0], left + side / 2, M.top + side + 18);
  ctx.save();
  ctx.translate(left - 36, M.top + side / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(o.names[1], 0, 0);
  ctx.restore();

  ctx.save();
  ctx.beginPath();
  ctx.rect(left, M.top, side, side);
  ctx.clip();
  ctx.fillStyle = o.dots;
  ctx.globalAlpha = 0.45;
  for (const [x, y] of answer.samples) {
    ctx.beginPath();
    ctx.arc(xPx(x), yPx(y), 2.2, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.globalAlpha = 1;
  arrow(ctx, xPx(0), yPx(0), xPx(gx), yPx(gy), o.arrow);
  ctx.restore();
  legend(ctx, left + 6, M.top + 6, [[o.dots, '●', `${answer.samples.length} batch gradients`], [o.arrow, '→', 'G, the full gradient']]);
}

/** Keyed lines in a white box at (x, y): [[colour, mark, text], …]. */
function legend(ctx, x, y, entries) {
  ctx.font = FONT;
  const width = Math.max(...entries.map(([, mark, text]) => ctx.measureText(`${mark} ${text}`).width)) + 10;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(x, y, width, 16 * entries.length + 4);
  ctx.textAlign = 'left'; ctx.textBaseline = 'top';
  entries.forEach(([color, mark, text], k) => {
    ctx.fillStyle = color;
    ctx.fillText(mark, x + 5, y + 3 + 16 * k);
    ctx.fillStyle = INK;
    ctx.fillText(text, x + 5 + ctx.measureText(`${mark} `).width, y + 3 + 16 * k);
  });
}

function arrow(ctx, x0, y0, x1, y1, color) {
  ctx.strokeStyle = 'white';
  ctx.lineWidth = 5;
  ctx.beginPath(); ctx.moveTo(x0, y0); ctx.lineTo(x1, y1); ctx.stroke();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2.5;
  ctx.beginPath(); ctx.moveTo(x0, y0); ctx.lineTo(x1, y1); ctx.stroke();
  const a = Math.atan2(y1 - y0, x1 - x0);
  const h = 9;
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - h * Math.cos(a - 0.45), y1 - h * Math.sin(a - 0.45));
  ctx.lineTo(x1 - h * Math.cos(a + 0.45), y1 - h * Math.sin(a + 0.45));
  ctx.closePath();
  ctx.fill();
  ctx.beginPath();
  ctx.arc(x0, y0, 3, 0, 2 * Math.PI);
  ctx.fill();
}

/**
 * tr Σ_B against B, both on log axes: `curve` (answers without samples, the closed form) as a
 * line, `measured` (answers with samples) as dots at their measuredTrace, the answer for the
 * slider's B ringed, and the signal |G|² as a dashed level: where the line crosses it, near
 * B_simple, a batch's noise is as large as the gradient itself. Answers with trace 0 (B = n) have
 * no place on a log axis and are left out.
 *
 * @param {HTMLCanvasElement} canvas  sized here: its parent's width × heiCss
 * @param {object[]} curve
 * @param {object[]} measured
 * @param {object} current            the answer for the slider's B
 * @param {{line: string, dots: string, signal: string, heiCss: number}} o
 */
export function drawNoiseChart(canvas, curve, measured, current, o) {
  const M = { left: 52, right: 12, top: 10, bottom: 34 };
  const widCss = Math.max(160, Math.floor(canvas.parentElement.clientWidth));
  const heiCss = o.heiCss;
  sizeCanvas(canvas, widCss, heiCss);
  const ctx = cssContext(canvas);
  ctx.clearRect(0, 0, widCss, heiCss);
  const w = widCss - M.left - M.right, h = heiCss - M.top - M.bottom;
  const shown = (a) => a.trace > 0;
  const line = curve.filter(shown);
  const signal = current.gradientSquared;
  const ys = [...line.map((a) => a.trace), ...measured.filter((a) => a.measuredTrace > 0).map((a) => a.measuredTrace), signal];
  const yLo = Math.floor(Math.log10(Math.min(...ys))), yHi = Math.ceil(Math.log10(Math.max(...ys)));
  const xHi = Math.log10(current.examples);
  const xPx = (b) => M.left + (Math.log10(b) / xHi) * w;
  const yPx = (v) => M.top + (1 - (Math.log10(v) - yLo) / Math.max(1, yHi - yLo)) * h;

  ctx.font = FONT;
  ctx.lineWidth = 1;
  ctx.strokeStyle = GRID;
  ctx.fillStyle = INK;
  for (let k = 0; 10 ** k <= current.examples; k++) {
    ctx.beginPath(); ctx.moveTo(xPx(10 ** k), M.top); ctx.lineTo(xPx(10 ** k), M.top + h); ctx.stroke();
    ctx.textAlign = 'center'; ctx.textBaseline = 'top';
    ctx.fillText(num(10 ** k), xPx(10 ** k), M.top + h + 4);
  }
  for (let k = yLo; k <= yHi; k++) {
    ctx.beginPath(); ctx.moveTo(M.left, yPx(10 ** k)); ctx.lineTo(M.left + w, yPx(10 ** k)); ctx.stroke();
    ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
    ctx.fillText(num(10 ** k), M.left - 4, yPx(10 ** k));
  }
  ctx.strokeStyle = '#9aa0ad';
  ctx.strokeRect(M.left - 0.5, M.top - 0.5, w + 1, h + 1);
  ctx.textAlign = 'center'; ctx.textBaseline = 'top';
  ctx.fillText('batch size B (log)', M.left + w / 2, M.top + h + 18);

  ctx.save();
  ctx.beginPath();
  ctx.rect(M.left, M.top, w, h);
  ctx.clip();
  ctx.strokeStyle = o.signal;
  ctx.setLineDash([5, 4]);
  ctx.beginPath(); ctx.moveTo(M.left, yPx(signal)); ctx.lineTo(M.left + w, yPx(signal)); ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = o.signal;
  ctx.textAlign = 'right'; ctx.textBaseline = 'bottom';
  ctx.fillText('|G|², the signal', M.left + w - 4, yPx(signal) - 2);
  ctx.strokeStyle = o.line;
  ctx.lineWidth = 2;
  ctx.beginPath();
  line.forEach((a, k) => (k === 0 ? ctx.moveTo(xPx(a.batchSize), yPx(a.trace)) : ctx.lineTo(xPx(a.batchSize), yPx(a.trace))));
  ctx.stroke();
  ctx.fillStyle = o.dots;
  for (const a of measured) {
    if (!(a.measuredTrace > 0)) continue;
    ctx.beginPath();
    ctx.arc(xPx(a.batchSize), yPx(a.measuredTrace), 3.5, 0, 2 * Math.PI);
    ctx.fill();
  }
  if (current.measuredTrace > 0) {
    ctx.strokeStyle = INK;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(xPx(current.batchSize), yPx(current.measuredTrace), 7, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.restore();
  legend(ctx, M.left + 6, M.top + h - 42, [[o.line, '—', 'tr Σ_B, closed form'], [o.dots, '●', `measured from ${current.samples.length} batches`]]);
}
