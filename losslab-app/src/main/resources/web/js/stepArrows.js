// Step mode's drawing: for each racer, the step that brought its ball to the shown point, taken
// apart. Everything starts at θ_{k−1}, where that step began (a small ring): the update actually
// taken θ_k − θ_{k−1} (bold, to scale, ending at the ball), −∇f(θ_{k−1}), the optimizer's own
// vectors from the API's `internals`, and Newton's step. Gradient-sized vectors (−∇f, −b, −m̂, √v̂)
// share one scale per racer, the longest drawn at GRADIENT_SPAN of the window, so their relative
// sizes are true; the update and Newton's step are in world units. Allocates nothing per frame
// beyond the label strings.

import { num } from './format.js';

/** The longest gradient-sized vector is drawn this fraction of the window's larger span. */
const GRADIENT_SPAN = 0.15;

/**
 * What each drawn vector is, in legend order. kind 'gradient' shares the per-racer gradient scale;
 * 'world' is to scale; 'box' is a per-axis size drawn as a rectangle on the gradient scale.
 * `sign` −1 draws the vector's negative (the direction it pushes θ).
 */
export const ARROWS = [
  { key: 'update', label: 'update θₖ − θₖ₋₁', color: null, kind: 'world', note: 'bold, racer’s colour, to scale' },
  { key: 'gradient', label: '−∇f', color: '#ffffff', kind: 'gradient', sign: -1 },
  { key: 'buffer', label: '−b (momentum buffer)', color: '#ff9f1c', kind: 'gradient', sign: -1 },
  { key: 'mHat', label: '−m̂ (Adam’s first moment)', color: '#ff5fd2', kind: 'gradient', sign: -1 },
  { key: 'vHatSqrt', label: '√v̂ per axis (box)', color: '#7ee8fa', kind: 'box' },
  { key: 'squareAvgSqrt', label: '√v per axis (box)', color: '#7ee8fa', kind: 'box' },
  { key: 'sumSqrt', label: '√s per axis (box)', color: '#7ee8fa', kind: 'box' },
  { key: 'newtonStep', label: '−H⁻¹∇f (Newton step)', color: '#ffd166', kind: 'world', sign: -1, note: 'to scale' },
  { key: 'eigenvector1', label: 'Hessian eigen-directions', color: '#c8c8ff', kind: 'eigen' },
];

const SHORT = { gradient: '−∇f', buffer: '−b', mHat: '−m̂', newtonStep: '−H⁻¹g', update: 'Δθ' };

/** The vector `key` of point i of a track, as [x, y] in the API's sense (before `sign`), or null. */
export function vectorAt(track, i, key) {
  const pts = track.run.points;
  if (key === 'update') {
    if (i < 1) return null;
    return [track.xs[i] - track.xs[i - 1], track.ys[i] - track.ys[i - 1]];
  }
  if (key === 'gradient') {
    // the gradient the step to point i used: the one at its start
    const p = pts[i < 1 ? 0 : i - 1];
    return p.gradX === null || p.gradY === null ? null : [p.gradX, p.gradY];
  }
  const inner = pts[i] && pts[i].internals;
  const v = inner ? inner[key] : null;
  return v && v[0] !== null && v[1] !== null ? v : null;
}

/**
 * Draws each given racer's step, inside the plot (a √v̂ box or a long Newton step stops at its edge);
 * returns how many vectors it drew (for tests and tools).
 */
export function drawStepArrows(ctx, frame, tracks, span) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.leftCss, frame.topCss, frame.widCss, frame.heiCss);
  ctx.clip();
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  let drawn = 0;
  for (const t of tracks) drawn += drawRacer(ctx, frame, t, span);
  ctx.restore();
  return drawn;
}

function drawRacer(ctx, frame, t, span) {
  const i = t.shown;
  const from = i < 1 ? 0 : i - 1;
  const ox = t.xs[from], oy = t.ys[from];
  if (Number.isNaN(ox) || Number.isNaN(oy)) return 0;
  const px = frame.xPx(ox), py = frame.yPx(oy);
  const pxPerWorld = frame.xPx(1) - frame.xPx(0);

  // one scale for everything measured in gradient units, so −∇f, −b, −m̂ and √v̂ compare truly
  let big = 0;
  for (const a of ARROWS) {
    if (a.kind !== 'gradient' && a.kind !== 'box') continue;
    const v = vectorAt(t, i, a.key);
    if (!v) continue;
    big = Math.max(big, a.kind === 'box' ? Math.max(Math.abs(v[0]), Math.abs(v[1])) : Math.hypot(v[0], v[1]));
  }
  const gradPx = big > 0 ? GRADIENT_SPAN * span * pxPerWorld / big : 0;

  let drawn = 0;
  for (const a of ARROWS) {
    const v = vectorAt(t, i, a.key);
    if (!v) continue;
    drawn++;
    if (a.kind === 'box') {
      const hw = Math.abs(v[0]) * gradPx, hh = Math.abs(v[1]) * gradPx;
      ctx.setLineDash([4, 3]);
      stroke2(ctx, a.color, 1.5, () => ctx.strokeRect(px - hw, py - hh, 2 * hw, 2 * hh));
      ctx.setLineDash([]);
    } else if (a.kind === 'eigen') {
      drawEigen(ctx, t, i, px, py, span * pxPerWorld);
    } else {
      const s = a.sign ?? 1;
      const k = a.kind === 'world' ? pxPerWorld : gradPx;
      const dx = s * v[0] * k, dy = -s * v[1] * k; // screen y points down
      const color = a.color ?? t.color;
      // Only the update is drawn solid, in the racer's colour: an optimizer's own vectors are dashed,
      // so none of them can be taken for another racer's path.
      arrow(ctx, px, py, dx, dy, color, a.key === 'update' ? 4 : 2, a.key === 'update' || a.key === 'gradient' ? [] : [7, 4]);
      if (a.key !== 'update') label(ctx, SHORT[a.key] ?? a.key, px + dx, py + dy, dx, dy, color);
    }
  }
  // where the step began
  ctx.beginPath();
  ctx.arc(px, py, 4, 0, 2 * Math.PI);
  stroke2(ctx, '#ffffff', 1.5, () => ctx.stroke());
  return drawn;
}

// Two segments along the Hessian's eigenvectors, longer for the stronger curvature; dashed where
// the surface curves down (λ < 0), as the inspector draws them.
function drawEigen(ctx, t, i, px, py, spanPx) {
  const lam = vectorAt(t, i, 'eigenvalues');
  if (!lam) return;
  const biggest = Math.max(Math.abs(lam[0]), Math.abs(lam[1])) || 1;
  for (let k = 0; k < 2; k++) {
    const e = vectorAt(t, i, k === 0 ? 'eigenvector1' : 'eigenvector2');
    if (!e) continue;
    const len = spanPx * 0.04 * (1 + Math.abs(lam[k]) / biggest);
    ctx.setLineDash(lam[k] < 0 ? [5, 4] : []);
    ctx.beginPath();
    ctx.moveTo(px - e[0] * len, py + e[1] * len);
    ctx.lineTo(px + e[0] * len, py - e[1] * len);
    stroke2(ctx, '#c8c8ff', 1.5, () => ctx.stroke());
    ctx.setLineDash([]);
    label(ctx, `λ${k === 0 ? '₁' : '₂'} ${num(lam[k], 3)}`, px + e[0] * len, py - e[1] * len, e[0], -e[1], '#c8c8ff');
  }
}

function arrow(ctx, x, y, dx, dy, color, width, dash = []) {
  const len = Math.hypot(dx, dy);
  if (!(len > 0.5)) return;
  const ux = dx / len, uy = dy / len;
  const head = Math.min(10 + width, len * 0.6);
  const ex = x + dx, ey = y + dy;
  const path = () => {
    ctx.setLineDash(dash);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(ex - ux * head * 0.6, ey - uy * head * 0.6);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(ex, ey);
    ctx.lineTo(ex - ux * head - uy * head * 0.45, ey - uy * head + ux * head * 0.45);
    ctx.lineTo(ex - ux * head + uy * head * 0.45, ey - uy * head - ux * head * 0.45);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  };
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = 'rgba(0,0,0,0.6)';
  ctx.fillStyle = 'rgba(0,0,0,0.6)';
  ctx.lineWidth = width + 2.5;
  path();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = width;
  path();
}

function stroke2(ctx, color, width, draw) {
  ctx.strokeStyle = 'rgba(0,0,0,0.6)';
  ctx.lineWidth = width + 2;
  draw();
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  draw();
}

function label(ctx, text, x, y, dx, dy, color) {
  const len = Math.hypot(dx, dy) || 1;
  const lx = x + 10 * dx / len, ly = y + 10 * dy / len;
  ctx.textAlign = dx >= 0 ? 'left' : 'right';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(0,0,0,0.75)';
  ctx.strokeText(text, lx, ly);
  ctx.fillStyle = color;
  ctx.fillText(text, lx, ly);
}
