// x after each step of a 1-D run (x_k against k), as dots joined by lines, with the minimum x = 0
// as a dashed line: enough to see a run glide in, zig-zag across, orbit or fly apart. Reads the
// x column of an /api/race run; computes nothing.

import { sizeCanvas, cssContext } from './plotFrame.js';
import { num } from './format.js';

const M = { left: 34, right: 8, top: 8, bottom: 20 };

/**
 * @param {HTMLCanvasElement} canvas   sized here to its parent's width × heiCss
 * @param {object} run                 an /api/race run
 * @param {string} color
 * @param {number} span                the y axis shows x in [−span, span]
 */
export function drawIterates(canvas, run, color, span, heiCss = 130) {
  const widCss = Math.max(120, Math.floor(canvas.parentElement.clientWidth));
  sizeCanvas(canvas, widCss, heiCss);
  const ctx = cssContext(canvas);
  ctx.clearRect(0, 0, widCss, heiCss);
  const w = widCss - M.left - M.right, h = heiCss - M.top - M.bottom;
  const pts = run.points;
  const n = pts.length;
  const kMax = Math.max(1, n - 1);
  const xPx = (k) => M.left + (k / kMax) * w;
  const yPx = (v) => M.top + (1 - (Math.max(-span, Math.min(span, v)) + span) / (2 * span)) * h;

  ctx.strokeStyle = '#c9c9c2';
  ctx.lineWidth = 1;
  ctx.strokeRect(M.left - 0.5, M.top - 0.5, w + 1, h + 1);
  ctx.setLineDash([4, 4]);
  ctx.beginPath();
  ctx.moveTo(M.left, yPx(0)); ctx.lineTo(M.left + w, yPx(0));
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = '#4a5163';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of [span, 0, -span]) ctx.fillText(num(v, 2), M.left - 4, yPx(v));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText('step', M.left + w / 2, M.top + h + 5);
  ctx.textAlign = 'left';
  ctx.fillText('0', M.left, M.top + h + 5);
  ctx.textAlign = 'right';
  ctx.fillText(String(kMax), M.left + w, M.top + h + 5);

  ctx.save();
  ctx.beginPath();
  ctx.rect(M.left - 4, M.top - 4, w + 8, h + 8);
  ctx.clip();
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let k = 0; k < n; k++) {
    const v = pts[k].x;
    if (v === null) break;
    if (k === 0) ctx.moveTo(xPx(k), yPx(v)); else ctx.lineTo(xPx(k), yPx(v));
  }
  ctx.stroke();
  ctx.fillStyle = color;
  for (let k = 0; k < n; k++) {
    const v = pts[k].x;
    if (v === null) break;
    ctx.beginPath();
    ctx.arc(xPx(k), yPx(v), 3, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.restore();
}
