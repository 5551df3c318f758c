// The colour scale under the map: the palette as a strip, labelled with the API's own ticks
// (/api/landscape's colorbar: shade → value), so the labels are Java's numbers, not ours.

import { VIRIDIS } from './palette.js';
import { sizeCanvas, cssContext } from './plotFrame.js';
import { tick } from './format.js';

const STRIP_CSS = 12;

export class Colorbar {
  constructor(canvas) {
    this.canvas = canvas;
    this.strip = document.createElement('canvas'); // 256 × 1, stretched
    this.strip.width = 256;
    this.strip.height = 1;
    const sctx = this.strip.getContext('2d');
    const img = sctx.createImageData(256, 1);
    for (let s = 0; s < 256; s++) {
      img.data[4 * s] = VIRIDIS[3 * s];
      img.data[4 * s + 1] = VIRIDIS[3 * s + 1];
      img.data[4 * s + 2] = VIRIDIS[3 * s + 2];
      img.data[4 * s + 3] = 255;
    }
    sctx.putImageData(img, 0, 0);
    this.ticks = [];
    this.log = false;
    this.leftCss = 0;
    this.widCss = 0;
  }

  setData(land) {
    this.ticks = land.colorbar || [];
    this.log = !!(land.scale && land.scale.log);
  }

  /** Lines the strip up under the plot: leftCss and widCss of the plot, totalCss of the canvas. */
  layout(leftCss, widCss, totalCss) {
    this.leftCss = leftCss;
    this.widCss = widCss;
    sizeCanvas(this.canvas, totalCss, 40);
    this.draw();
  }

  draw() {
    const ctx = cssContext(this.canvas);
    const total = this.canvas.width / (this.canvas._dpr || 1);
    ctx.clearRect(0, 0, total, 40);
    const x0 = this.leftCss, w = this.widCss;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.strip, x0, 2, w, STRIP_CSS);
    ctx.strokeStyle = '#5b6170';
    ctx.lineWidth = 1;
    ctx.strokeRect(x0 - 0.5, 1.5, w + 1, STRIP_CSS + 1);
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#3c4250';
    ctx.textBaseline = 'top';
    ctx.beginPath();
    // Every tick gets its mark; labels are placed from the ends inwards so the range's two ends
    // are always named, and a label that would touch a neighbour is left out.
    const n = this.ticks.length;
    const placed = [];
    const order = [];
    for (let i = 0, j = n - 1; i <= j; i++, j--) { order.push(i); if (j !== i) order.push(j); }
    ctx.textAlign = 'center';
    for (const k of order) {
      const t = this.ticks[k];
      const x = Math.round(x0 + (t.shade / 255) * w) + 0.5;
      ctx.moveTo(x, 2 + STRIP_CSS); ctx.lineTo(x, 6 + STRIP_CSS);
      const label = t.value === null ? '' : tick(t.value);
      const half = ctx.measureText(label).width / 2;
      const cx = Math.min(x0 + w - half, Math.max(x0 + half, x));
      if (placed.some(([l, r]) => cx - half < r + 6 && cx + half > l - 6)) continue;
      placed.push([cx - half, cx + half]);
      ctx.fillText(label, cx, 8 + STRIP_CSS);
    }
    ctx.stroke();
  }
}
