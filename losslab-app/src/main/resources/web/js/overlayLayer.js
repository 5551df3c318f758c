// What moves on top of the landscape, redrawn each animation frame: the start marker, each
// racer's trail and ball, the Hessian inspector's eigenvector directions and the point a tap pinned
// it to. Reads the race's
// typed arrays in place; allocates nothing per frame.

import { cssContext } from './plotFrame.js';
import { num } from './format.js';

const FAR_PX = 1e4; // diverged runs leave the window by millions of units; keep the canvas sane

function clampPx(v) {
  return v < -FAR_PX ? -FAR_PX : v > FAR_PX ? FAR_PX : v;
}

export function drawOverlay(canvas, frame, scene) {
  const ctx = cssContext(canvas);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.leftCss, frame.topCss, frame.widCss, frame.heiCss);
  ctx.clip();
  if (scene.inspect) drawEigenvectors(ctx, frame, scene.inspect);
  if (scene.pin) drawPin(ctx, frame, scene.pin);
  for (const r of scene.racers) drawTrail(ctx, frame, r);
  if (scene.start) drawStart(ctx, frame, scene.start, scene.focused);
  for (const r of scene.racers) drawBall(ctx, frame, r);
  if (scene.extra) scene.extra(ctx, frame); // step mode's arrows (stepMode.js), above the balls
  ctx.restore();
}

function drawTrail(ctx, frame, r) {
  if (r.shown < 1) return;
  const xs = r.xs, ys = r.ys;
  // A diverging run is drawn until it first lands more than a window away, then stops: the
  // line out to the edge says "it flew off" without a tangle of segments at absurd coordinates.
  const minX = frame.leftCss - frame.widCss, maxX = frame.leftCss + 2 * frame.widCss;
  const minY = frame.topCss - frame.heiCss, maxY = frame.topCss + 2 * frame.heiCss;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (let pass = 0; pass < 2; pass++) {
    // a thin dark casing keeps every colour readable on both the dark valleys and the bright peaks
    ctx.strokeStyle = pass === 0 ? 'rgba(0,0,0,0.5)' : r.color;
    ctx.lineWidth = pass === 0 ? 4.5 : 2.5;
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i <= r.shown; i++) {
      const x = xs[i], y = ys[i];
      if (Number.isNaN(x) || Number.isNaN(y)) break;
      const px = clampPx(frame.xPx(x)), py = clampPx(frame.yPx(y));
      if (pen) ctx.lineTo(px, py); else ctx.moveTo(px, py);
      pen = true;
      if (px < minX || px > maxX || py < minY || py > maxY) break;
    }
    ctx.stroke();
  }
}

function drawBall(ctx, frame, r) {
  // the last finite point at or before the shown step
  let i = r.shown;
  while (i > 0 && (Number.isNaN(r.xs[i]) || Number.isNaN(r.ys[i]))) i--;
  let px = frame.xPx(r.xs[i]), py = frame.yPx(r.ys[i]);
  const left = frame.leftCss + 6, right = frame.leftCss + frame.widCss - 6;
  const top = frame.topCss + 6, bottom = frame.topCss + frame.heiCss - 6;
  const off = !(px >= left && px <= right && py >= top && py <= bottom);
  if (off) { // pinned to the edge, hollow: it has rolled off the map
    px = Math.min(right, Math.max(left, px || 0));
    py = Math.min(bottom, Math.max(top, py || 0));
  }
  ctx.beginPath();
  ctx.arc(px, py, 7, 0, 2 * Math.PI);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.beginPath();
  ctx.arc(px, py, 5, 0, 2 * Math.PI);
  if (off) {
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = r.color;
    ctx.stroke();
  } else {
    ctx.fillStyle = r.color;
    ctx.fill();
  }
  ctx.beginPath();
  ctx.arc(px, py, 7.5, 0, 2 * Math.PI);
  ctx.lineWidth = 1;
  ctx.strokeStyle = 'rgba(0,0,0,0.6)';
  ctx.stroke();
}

function drawStart(ctx, frame, start, focused) {
  const x = frame.xPx(start[0]), y = frame.yPx(start[1]);
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(0,0,0,0.6)';
  ctx.beginPath();
  ctx.arc(x, y, 10, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x - 4, y); ctx.lineTo(x + 4, y);
  ctx.moveTo(x, y - 4); ctx.lineTo(x, y + 4);
  ctx.stroke();
  if (focused) { // keyboard focus: a second ring says the arrow keys move this
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.arc(x, y, 15, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

// The point a tap pinned the inspector to: a diamond, so it reads as neither the start's ring nor
// a ball.
function drawPin(ctx, frame, p) {
  const x = frame.xPx(p[0]), y = frame.yPx(p[1]);
  const r = 11;
  for (const [style, width] of [['rgba(0,0,0,0.6)', 4.5], ['#ffffff', 2]]) {
    ctx.strokeStyle = style;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(x, y - r); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r, y);
    ctx.closePath();
    ctx.stroke();
  }
}

// Two segments through the inspected point along the Hessian's eigenvectors, longer for the
// stronger curvature: solid where the surface curves up (λ > 0), dashed where it curves down.
function drawEigenvectors(ctx, frame, a) {
  if (!a.eigenvectors || !a.eigenvalues) return;
  const x = frame.xPx(a.at.x), y = frame.yPx(a.at.y);
  const l1 = a.eigenvalues[0], l2 = a.eigenvalues[1];
  const big = Math.max(Math.abs(l1 ?? 0), Math.abs(l2 ?? 0)) || 1;
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  for (let k = 0; k < 2; k++) {
    const lambda = a.eigenvalues[k];
    const v = a.eigenvectors[k];
    if (lambda === null || !v || v[0] === null || v[1] === null) continue;
    const len = 22 + 26 * Math.abs(lambda) / big;
    const dx = v[0] * len, dy = -v[1] * len; // screen y points down
    for (const [style, width] of [['rgba(0,0,0,0.55)', 4], ['#ffffff', 2]]) {
      ctx.strokeStyle = style;
      ctx.lineWidth = width;
      ctx.setLineDash(lambda < 0 ? [5, 4] : []);
      ctx.beginPath();
      ctx.moveTo(x - dx, y - dy);
      ctx.lineTo(x + dx, y + dy);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    const label = `λ${k === 0 ? '₁' : '₂'} ${num(lambda, 3)}`;
    // beyond the segment's end, kept inside the plot so a point near the edge keeps its labels
    const half = ctx.measureText(label).width / 2 + 3;
    const lx = Math.min(frame.leftCss + frame.widCss - half, Math.max(frame.leftCss + half, x + dx * 1.25 + (dx >= 0 ? 18 : -18)));
    const ly = Math.min(frame.topCss + frame.heiCss - 9, Math.max(frame.topCss + 9, y + dy * 1.25));
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(0,0,0,0.7)';
    ctx.strokeText(label, lx, ly);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(label, lx, ly);
  }
}
