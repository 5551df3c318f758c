// Dauphin et al.'s picture (2014) for the tour: each critical point a search found, its loss across
// (log when the losses span more than a decade) and its index up, the share of its Hessian's
// eigenvalues that are negative. Minima (index 0) in green on the floor, saddles in orange above;
// where k searches ended on one pixel (mostly at the same point), one dot marked ×k.
// The numbers are the server's (job kind saddles); this draws.

import { cssContext, niceTicks, sizeCanvas } from './plotFrame.js';
import { num } from './format.js';

const M = { left: 56, right: 14, top: 12, bottom: 40 };
const INK = '#4b5563';
const GRID = '#e5e7eb';
const FONT = '12px system-ui, sans-serif';
export const MINIMUM = '#1b9e77';
export const SADDLE = '#d95f02';

/**
 * @param {HTMLCanvasElement} canvas
 * @param {{loss: number, index: number}[]} points  the critical points
 */
export function drawIndexPlot(canvas, points) {
  const widCss = Math.max(200, Math.floor(canvas.parentElement.clientWidth));
  const heiCss = Math.round(Math.min(360, Math.max(240, widCss * 0.5)));
  sizeCanvas(canvas, widCss, heiCss);
  const ctx = cssContext(canvas);
  ctx.clearRect(0, 0, widCss, heiCss);
  const w = widCss - M.left - M.right, h = heiCss - M.top - M.bottom;
  const losses = points.map((p) => p.loss).filter((v) => v > 0);
  let lo = losses.length ? Math.min(...losses) : 0.01, hi = losses.length ? Math.max(...losses) : 1;
  const log = hi > 10 * lo;
  const fx = log ? Math.log10 : (v) => v;
  let xLo = fx(lo), xHi = fx(hi);
  const pad = Math.max(xHi - xLo, Math.abs(xHi) * 0.1, 1e-6) * 0.08;
  xLo -= pad; xHi += pad;
  const top = Math.max(0.1, ...points.map((p) => p.index)) * 1.1;
  const xPx = (v) => M.left + ((fx(v) - xLo) / (xHi - xLo)) * w;
  const yPx = (v) => M.top + (1 - v / top) * h;

  ctx.font = FONT;
  ctx.lineWidth = 1;
  ctx.strokeStyle = GRID;
  ctx.fillStyle = INK;
  const xTicks = log ? decades(xLo, xHi) : niceTicks(xLo, xHi, 5);
  for (const t of xTicks) {
    const v = log ? 10 ** t : t;
    const px = xPx(v);
    if (px < M.left - 0.5 || px > M.left + w + 0.5) continue;
    ctx.beginPath(); ctx.moveTo(px, M.top); ctx.lineTo(px, M.top + h); ctx.stroke();
    ctx.textAlign = 'center'; ctx.textBaseline = 'top';
    ctx.fillText(num(v, 3), px, M.top + h + 4);
  }
  for (const t of niceTicks(0, top, 5)) {
    if (t > top) continue;
    ctx.beginPath(); ctx.moveTo(M.left, yPx(t)); ctx.lineTo(M.left + w, yPx(t)); ctx.stroke();
    ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
    ctx.fillText(`${Math.round(100 * t)} %`, M.left - 4, yPx(t));
  }
  ctx.strokeStyle = '#9aa0ad';
  ctx.strokeRect(M.left - 0.5, M.top - 0.5, w + 1, h + 1);
  ctx.textAlign = 'center'; ctx.textBaseline = 'top';
  ctx.fillText(`loss at the critical point${log ? ' (log scale)' : ''}`, M.left + w / 2, M.top + h + 20);
  ctx.save();
  ctx.translate(14, M.top + h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText('index: share of directions down', 0, 0);
  ctx.restore();
  if (points.length === 0) {
    ctx.fillText('no critical point found yet', M.left + w / 2, M.top + h / 2);
    canvas.dataset.dots = '0';
    return;
  }
  // Searches from nearby starts often land on the same critical point: one dot for each place, with
  // how many found it beside it, so that the dots a reader counts agree with the numbers in words.
  const places = new Map();
  for (const p of points) {
    const x = xPx(log ? Math.max(p.loss, lo) : p.loss); // a loss of 0 on the log axis's floor
    const y = yPx(p.index);
    const key = `${Math.round(x)},${Math.round(y)},${p.index === 0}`;
    const place = places.get(key);
    if (place) place.count++;
    else places.set(key, { x, y, minimum: p.index === 0, count: 1 });
  }
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const { x, y, minimum, count } of places.values()) {
    ctx.beginPath();
    ctx.arc(x, y, 5, 0, 2 * Math.PI);
    ctx.fillStyle = minimum ? MINIMUM : SADDLE;
    ctx.fill();
    ctx.strokeStyle = INK;
    ctx.stroke();
    if (count > 1) {
      ctx.fillStyle = INK;
      ctx.fillText(`×${count}`, x + 8, y);
    }
  }
  canvas.dataset.dots = String(places.size);
}

/** Whole powers of ten between lo and hi (in log₁₀ units), at least the two ends' floors. */
function decades(lo, hi) {
  const out = [];
  for (let k = Math.ceil(lo); k <= Math.floor(hi); k++) out.push(k);
  if (out.length < 2) return niceTicks(lo, hi, 4);
  return out;
}
