// The Hessian's eigenvalues at a trained racer's weights (job kind "spectrum", docs/API.md) as a
// histogram on the server's symmetric-log axis, s(λ) = sign(λ)·log₁₀(1 + |λ|/c): each decade of
// |λ| as wide as the next, the sign kept, the flat band ±c around 0. Negative eigenvalues (directions
// the loss curves down) in the tour's saddle colour, flat ones grey, positive ones in its minimum
// colour; bar heights on a log scale, so a single sharp eigenvalue shows beside a bulk of hundreds;
// a dashed line at 2/lr. Plus the words a student reads. The bins are the server's; this draws.

import { cssContext, niceTicks, sizeCanvas } from './plotFrame.js';
import { num, tick } from './format.js';
import { MINIMUM, SADDLE } from './indexPlot.js';

const M = { left: 48, right: 14, top: 22, bottom: 46 };
const INK = '#4b5563';
const GRID = '#e5e7eb';
/** The bars' colours: negative, flat and positive eigenvalues (the legend's keys take them too). */
export const COLORS = Object.freeze({ negative: SADDLE, flat: '#9ca3af', positive: MINIMUM });
const EDGE = '#1f4fc9';

/** s(λ) and its inverse, with the server's linear width c. */
const s = (v, c) => Math.sign(v) * Math.log10(1 + Math.abs(v) / c);
const lambda = (t, c) => Math.sign(t) * c * (10 ** Math.abs(t) - 1);

/**
 * @param {HTMLCanvasElement} canvas
 * @param {object} answer  the spectrum job's result
 */
export function drawSpectrum(canvas, answer) {
  const widCss = Math.max(220, Math.floor(canvas.parentElement.clientWidth));
  const heiCss = Math.round(Math.min(300, Math.max(210, widCss * 0.55)));
  sizeCanvas(canvas, widCss, heiCss);
  const ctx = cssContext(canvas);
  ctx.clearRect(0, 0, widCss, heiCss);
  const w = widCss - M.left - M.right, h = heiCss - M.top - M.bottom;
  const c = answer.histogram.linear;
  const bins = answer.histogram.bins;
  const edge = answer.twoOverLr;
  const largest = answer.top[0];
  let lo = s(bins[0].from, c), hi = s(bins.at(-1).to, c);
  // 2/lr in view when it is near the spectrum's top (the edge of stability), not Adam's 2/lr of 2,000
  const showEdge = edge !== null && largest > 0 && edge <= 3 * largest;
  if (showEdge) hi = Math.max(hi, s(edge, c) + 0.03 * (hi - lo));
  if (answer.full) {
    // 0 stays in view: where the flat band is, and where the sign changes
    if (lo > 0) lo = 0;
    if (hi < 0) hi = 0;
  } else {
    // the top eigenvalues alone: room on each side, no empty axis down to 0
    const pad = Math.max(0.05, 0.08 * (hi - lo));
    lo -= pad;
    hi += pad;
  }
  const xPx = (v) => M.left + ((s(v, c) - lo) / (hi - lo)) * w;
  const most = Math.max(1, ...bins.map((b) => b.negative + b.zero + b.positive));
  const top = Math.log10(1 + most) * 1.08;
  const yPx = (count) => M.top + h - (Math.log10(1 + count) / top) * h;

  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.strokeStyle = GRID;
  ctx.fillStyle = INK;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let t = 1; t <= most; t *= 10) {
    const y = Math.round(yPx(t)) + 0.5;
    ctx.beginPath(); ctx.moveTo(M.left, y); ctx.lineTo(M.left + w, y); ctx.stroke();
    ctx.fillText(String(t), M.left - 5, y);
  }
  // ticks at 0 and ±10^k, every other decade when they would crowd
  const ticks = [0];
  const maxAbs = Math.max(Math.abs(bins[0].from), Math.abs(bins.at(-1).to), showEdge ? edge : 0);
  const decades = [];
  for (let k = Math.ceil(Math.log10(c * 10)); k <= Math.floor(Math.log10(maxAbs)); k++) decades.push(k);
  const every = Math.max(1, Math.ceil(decades.length / Math.max(2, Math.floor(w / 110))));
  for (const k of decades.filter((k, i) => (decades.length - 1 - i) % every === 0)) {
    if (10 ** k <= bins.at(-1).to || (showEdge && 10 ** k <= edge)) ticks.push(10 ** k);
    if (-(10 ** k) >= bins[0].from) ticks.push(-(10 ** k));
  }
  // a narrow range (the top eigenvalues alone) may hold no decade: then plain ticks across it
  let shown = ticks.filter((t) => s(t, c) >= lo && s(t, c) <= hi);
  if (shown.length < 3) shown = niceTicks(lambda(lo, c), lambda(hi, c), Math.max(3, Math.floor(w / 90)));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of shown) {
    const x = Math.round(xPx(t)) + 0.5;
    ctx.strokeStyle = t === 0 ? '#9ca3af' : GRID;
    ctx.beginPath(); ctx.moveTo(x, M.top); ctx.lineTo(x, M.top + h + (t === 0 ? 0 : 4)); ctx.stroke();
    ctx.fillText(tick(t), x, M.top + h + 5);
  }

  // bars: a bin's height is its count (log), split among its kinds in proportion
  let drawnBins = 0;
  for (const b of bins) {
    const total = b.negative + b.zero + b.positive;
    if (total === 0) continue;
    drawnBins++;
    const x0 = xPx(b.from), x1 = xPx(b.to);
    const left = Math.min(x0, x1) + 0.5, width = Math.max(1.5, Math.abs(x1 - x0) - 1);
    let y = M.top + h;
    const height = M.top + h - yPx(total);
    for (const [count, color] of [[b.negative, COLORS.negative], [b.zero, COLORS.flat], [b.positive, COLORS.positive]]) {
      if (count === 0) continue;
      const part = (height * count) / total;
      ctx.fillStyle = color;
      ctx.fillRect(left, y - part, width, part);
      y -= part;
    }
  }
  ctx.strokeStyle = '#9ca3af';
  ctx.strokeRect(M.left - 0.5, M.top - 0.5, w + 1, h + 1);

  if (showEdge) {
    const x = Math.round(xPx(edge)) + 0.5;
    ctx.strokeStyle = EDGE;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([6, 4]);
    ctx.beginPath(); ctx.moveTo(x, M.top); ctx.lineTo(x, M.top + h); ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = EDGE;
    ctx.textAlign = x > M.left + w - 60 ? 'right' : 'left';
    ctx.textBaseline = 'bottom';
    ctx.fillText(`2/lr = ${num(edge, 3)}`, x + (ctx.textAlign === 'right' ? -3 : 3), M.top - 3);
  }

  ctx.fillStyle = INK;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(`eigenvalue λ (symmetric log scale${w > 380 ? ': each decade equally wide' : ''})`, M.left + w / 2, M.top + h + 22);
  ctx.save();
  ctx.translate(12, M.top + h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText('how many (log)', 0, 0);
  ctx.restore();
  canvas.dataset.bins = String(drawnBins);
}

/**
 * What the spectrum says, in words: the index and the shape it means (exactly so only where the
 * gradient vanishes), and the sharpness against 2/lr.
 */
export function spectrumWords(a) {
  const g = `‖∇L‖ = ${num(a.gradNorm, 2)} here`;
  let index;
  if (!a.full) {
    index = `${a.why} The largest is ${num(a.top[0])}.`;
  } else if (a.negative > 0) {
    index = `${a.negative} of ${a.count} eigenvalues ${a.negative === 1 ? 'is' : 'are'} negative: a saddle — the loss curves `
      + `down along ${a.negative === 1 ? 'one direction' : `${a.negative} directions`} (index ${pct(a.index)}).`;
  } else if (a.zero > 0) {
    index = `None of the ${a.count} eigenvalues is negative and ${a.zero} ${a.zero === 1 ? 'is' : 'are'} flat (within ±${num(a.tolerance, 2)}): `
      + 'degenerate — nothing curves down, but along the flat directions the Hessian alone cannot tell a minimum from a saddle.';
  } else {
    index = `All ${a.count} eigenvalues are positive: a minimum — the loss curves up in every direction.`;
  }
  if (a.full) {
    index += ` Smallest ${num(a.smallest)}, largest ${num(a.largest)}; ${a.positive} positive, ${a.zero} flat, ${a.negative} negative.`
      + ` (${g}: these words describe a critical point, where it is 0.)`;
  }
  const edge = a.twoOverLr;
  if (a.sharpness === null) {
    return { index, sharpness: `Lanczos did not pin down the largest eigenvalue in ${a.lanczosProducts} Hessian-vector products `
      + `(nearly equal top eigenvalues), so it is not compared with 2/lr = ${num(edge)}.` };
  }
  const ratio = a.sharpness / edge;
  const where = ratio > 1.1 ? 'above it: plain gradient descent at this lr would oscillate and grow along the top direction'
    : ratio >= 0.9 ? 'at the edge of stability: plain gradient descent at this lr is just stable along the top direction'
      : 'below it: plain gradient descent at this lr is stable along every direction';
  const rule = a.optimizer === 'gd' || a.optimizer === 'sgd' ? ''
    : ` (2/lr is plain gradient descent's limit; with momentum μ it is 2(1 + μ)/lr, and Adam rescales every direction)`;
  const sharpness = `Sharpness (the largest eigenvalue) ${num(a.sharpness)} against 2/lr = ${num(edge)}: ${where}${rule}.`;
  return { index, sharpness };
}

function pct(v) {
  return `${(100 * v).toFixed(v < 0.01 && v > 0 ? 2 : 1)} %`;
}
