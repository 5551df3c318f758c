// The still picture under the race: the colour map from /api/landscape's shades, its contour
// lines, the axes with ticks, and a dashed crosshair on each known minimum. Built once per
// surface (the N×N shade grid becomes a small offscreen canvas) and only re-composited on resize,
// so switching surface costs one fetch and one draw. Everything is placed by its world
// coordinates, so the same picture drawn through a frame showing another window (a zoom or pan
// under way) is that window's view of it, blank where the picture does not reach.

import { VIRIDIS, UNDEFINED_RGB } from './palette.js';
import { cssContext, niceTicks } from './plotFrame.js';
import { tick } from './format.js';

const BLANK = '#dfe2e8'; // where no picture is loaded yet (outside it, during a zoom or pan)

export class LandscapeLayer {
  constructor() {
    this.image = null;     // N×N canvas, one pixel per grid point, row 0 at the top (y1)
    this.grid = 0;
    this.contours = [];    // [{ light: bool, paths: Float64Array[] }]
    this.minima = [];
    this.window = null;    // [x0, x1, y0, y1] the picture covers
    this.axisNames = ['x', 'y']; // the world's coordinates, as the axes name them (a network's slice: α, β)
  }

  /** Takes a /api/landscape response; nothing is drawn until draw(). */
  setData(land) {
    const n = land.grid;
    const shades = land.shades;
    const image = document.createElement('canvas');
    image.width = n;
    image.height = n;
    const ctx = image.getContext('2d');
    const pixels = ctx.createImageData(n, n);
    const rgba = pixels.data;
    for (let j = 0; j < n; j++) {
      // the API's row j = 0 lies at the bottom (y0); the image's row 0 is the top
      const row = (n - 1 - j) * n;
      for (let i = 0; i < n; i++) {
        const s = shades[j * n + i];
        const o = 4 * (row + i);
        if (s < 0) {
          rgba[o] = UNDEFINED_RGB[0]; rgba[o + 1] = UNDEFINED_RGB[1]; rgba[o + 2] = UNDEFINED_RGB[2];
        } else {
          rgba[o] = VIRIDIS[3 * s]; rgba[o + 1] = VIRIDIS[3 * s + 1]; rgba[o + 2] = VIRIDIS[3 * s + 2];
        }
        rgba[o + 3] = 255;
      }
    }
    ctx.putImageData(pixels, 0, 0);
    this.image = image;
    this.grid = n;
    this.contours = (land.contours || []).map((c) => ({
      light: c.shade < 170, // light lines over the dark low ground, dark ones over the bright peaks
      paths: c.paths.map((p) => Float64Array.from(p)),
    }));
    this.minima = land.minima || [];
    this.window = land.window;
  }

  /** Paints the whole layer into `canvas` (sized by the caller) through `frame`. */
  draw(canvas, frame) {
    const ctx = cssContext(canvas);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!this.image) return;
    const { leftCss, topCss, widCss, heiCss } = frame;

    ctx.save();
    ctx.beginPath();
    ctx.rect(leftCss, topCss, widCss, heiCss);
    ctx.clip();
    ctx.fillStyle = BLANK;
    ctx.fillRect(leftCss, topCss, widCss, heiCss);
    // Grid points sit on the picture's window edges, so each image pixel is centred on one: the
    // image reaches half a cell beyond that window on every side.
    const n = this.grid;
    const [x0, x1, y0, y1] = this.window;
    const left = frame.xPx(x0), right = frame.xPx(x1), top = frame.yPx(y1), bottom = frame.yPx(y0);
    const cellW = (right - left) / (n - 1), cellH = (bottom - top) / (n - 1);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.image, left - cellW / 2, top - cellH / 2, right - left + cellW, bottom - top + cellH);

    ctx.lineWidth = 1;
    ctx.lineJoin = 'round';
    for (const c of this.contours) {
      ctx.strokeStyle = c.light ? 'rgba(255,255,255,0.45)' : 'rgba(20,20,40,0.35)';
      ctx.beginPath();
      for (const p of c.paths) {
        ctx.moveTo(frame.xPx(p[0]), frame.yPx(p[1]));
        for (let k = 2; k < p.length; k += 2) ctx.lineTo(frame.xPx(p[k]), frame.yPx(p[k + 1]));
      }
      ctx.stroke();
    }

    this.drawMinima(ctx, frame);
    ctx.restore();
    this.drawAxes(ctx, frame);
  }

  drawMinima(ctx, frame) {
    const arm = 15;
    for (const m of this.minima) {
      const x = frame.xPx(m.x), y = frame.yPx(m.y);
      for (const [style, width] of [['rgba(0,0,0,0.55)', 3], ['#ffffff', 1.5]]) {
        ctx.strokeStyle = style;
        ctx.lineWidth = width;
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(x - arm, y); ctx.lineTo(x + arm, y);
        ctx.moveTo(x, y - arm); ctx.lineTo(x, y + arm);
        ctx.stroke();
      }
    }
    ctx.setLineDash([]);
  }

  drawAxes(ctx, frame) {
    const { leftCss, topCss, widCss, heiCss } = frame;
    ctx.strokeStyle = '#5b6170';
    ctx.lineWidth = 1;
    ctx.strokeRect(leftCss - 0.5, topCss - 0.5, widCss + 1, heiCss + 1);
    ctx.fillStyle = '#3c4250';
    ctx.font = '12px system-ui, sans-serif';

    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.beginPath();
    for (const v of niceTicks(frame.x0, frame.x1, Math.max(3, Math.round(widCss / 80)))) {
      const x = Math.round(frame.xPx(v)) + 0.5;
      ctx.moveTo(x, topCss + heiCss); ctx.lineTo(x, topCss + heiCss + 5);
      ctx.fillText(tick(v), x, topCss + heiCss + 7);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of niceTicks(frame.y0, frame.y1, Math.max(3, Math.round(heiCss / 70)))) {
      const y = Math.round(frame.yPx(v)) + 0.5;
      ctx.moveTo(leftCss - 5, y); ctx.lineTo(leftCss, y);
      ctx.fillText(tick(v), leftCss - 7, y);
    }
    ctx.stroke();

    ctx.font = 'italic 13px Georgia, serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'top';
    ctx.fillText(this.axisNames[0], leftCss + widCss, topCss + heiCss + 7 + 14);
    ctx.textAlign = 'left';
    ctx.fillText(this.axisNames[1], 4, topCss - 2);
  }
}
