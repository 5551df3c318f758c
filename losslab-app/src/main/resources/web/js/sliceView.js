// A network's loss on a plane (job kind "slice", docs/API.md) drawn with the lab's own landscape
// code: LandscapeView's colour map, contours and axes (here α and β), its overlay's trails and
// balls for each racer's projected path in its palette colour, and the colour bar. Beside it, the
// two losses a projected path has — the real one along the path and the plane's under its shadow —
// as curves, and a table of how far each path lies off the plane. The numbers are the server's.

import { LandscapeView } from './landscapeView.js';
import { Colorbar } from './colorbar.js';
import { CurveChart } from './curveChart.js';
import { racerColor } from './palette.js';
import { num } from './format.js';

const MIN_PLOT_CSS = 220;
const MAX_PLOT_CSS = 560;
/** Under each path, the plane's loss is drawn dashed: the same colour, another line. */
const PLANE_DASH = [5, 4];

/** JSON's nulls (non-finite values) as NaN, which the overlay reads as "no point here". */
const floats = (values) => Float64Array.from(values, (v) => (v === null ? NaN : v));

export class SliceView {
  /**
   * @param {object} ui
   * @param {HTMLElement} ui.wrap  holds the two canvases of the map
   * @param {HTMLCanvasElement} ui.base
   * @param {HTMLCanvasElement} ui.overlay
   * @param {HTMLCanvasElement} ui.colorbar
   * @param {HTMLCanvasElement} ui.pathChart
   * @param {HTMLElement} ui.readout   what the pointer is over
   * @param {HTMLElement} ui.table     the paths' residuals (a tbody)
   */
  constructor(ui) {
    this.ui = ui;
    this.slice = null;
    this.colorbar = new Colorbar(ui.colorbar);
    this.pathChart = new CurveChart(ui.pathChart, { log: true, empty: 'Each path’s loss appears with the slice' });
    const show = (p) => this.read(p);
    this.view = new LandscapeView({
      wrap: ui.wrap, base: ui.base, overlay: ui.overlay,
      onPick: (a, b) => show([a, b]), // a tap reads the loss there, as hovering does with a mouse
      onHover: show,
      onNudge: () => {},
      onLayout: (frame, widCss) => this.colorbar.layout(frame.leftCss, frame.widCss, widCss),
      maxPlotHeight: () => Math.min(MAX_PLOT_CSS, Math.max(MIN_PLOT_CSS, window.innerHeight - 260)),
    });
    this.view.layer.axisNames = ['α', 'β'];
  }

  /** Draws a slice job's answer. */
  show(slice) {
    this.slice = slice;
    // the centre θ* at (0, 0) is marked as the lab marks a minimum: a dashed crosshair
    this.colorbar.setData(slice.picture);
    this.view.setLandscape({ ...slice.picture, minima: [{ x: 0, y: 0 }] });
    const racers = slice.racers.map((r) => ({ ...r, color: racerColor(r.id) }));
    const first = slice.racers[0].path;
    this.view.scene.racers = racers.map((r) => ({
      xs: floats(r.path.alpha), ys: floats(r.path.beta), shown: r.path.step.length - 1, color: r.color,
    }));
    // every racer starts from the same θ₀, so one ring marks where all their shadows begin
    this.view.scene.start = [first.alpha[0], first.beta[0]];
    this.view.redraw();
    const last = Math.max(...racers.map((r) => r.path.step.at(-1)));
    this.pathChart.set(racers.flatMap((r) => [
      { id: r.id, color: r.color, x: r.path.step, y: r.path.loss },
      { id: `${r.id} (plane)`, color: r.color, x: r.path.step, y: r.path.planeLoss, dash: PLANE_DASH },
    ]), last);
    this.ui.table.replaceChildren(...racers.map((r) => this.row(r, slice)));
    this.ui.overlay.dataset.paths = String(racers.length);
    this.read(null);
  }

  /** One racer's row: its loss at its last step, the plane's under that point's shadow, and how far off the plane its path lies. */
  row(r, slice) {
    const p = r.path;
    const end = p.step.length - 1;
    let far = 0;
    let farStep = 0;
    for (let k = 0; k <= end; k++) {
      if (p.residual[k] !== null && p.residual[k] > far) { far = p.residual[k]; farStep = p.step[k]; }
    }
    const tr = document.createElement('tr');
    tr.dataset.testid = `slice-row-${r.id}`;
    tr.style.setProperty('--racer', r.color);
    const th = document.createElement('th');
    th.scope = 'row';
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.setAttribute('aria-hidden', 'true');
    th.append(chip, r.id + (r.id === slice.racer ? ' (centre)' : ''));
    tr.append(th);
    const cells = [num(p.loss[end]), num(p.planeLoss[end]), num(p.residual[end], 3), far > 0 ? `${num(far, 3)} at step ${farStep}` : '0'];
    cells.forEach((text, i) => {
      const td = document.createElement('td');
      td.textContent = text;
      td.dataset.testid = `slice-${['loss', 'plane-loss', 'residual', 'far'][i]}-${r.id}`;
      if (i === 3) td.className = 'far-col';
      tr.append(td);
    });
    return tr;
  }

  /** The loss on the plane at the grid point nearest [α, β] (or the hint, off the map). */
  read(p) {
    const s = this.slice;
    const out = this.ui.readout;
    if (!s) return;
    if (!p) {
      out.textContent = 'Point at the map (or tap it) to read the loss on the plane there.';
      return;
    }
    const at = (v) => Math.max(0, Math.min(s.size - 1, Math.round(((v + s.span) / (2 * s.span)) * (s.size - 1))));
    const i = at(p[0]), j = at(p[1]);
    const loss = s.loss[j][i];
    out.textContent = `α ${num(s.alpha[i], 3)}, β ${num(s.alpha[j], 3)}: loss on the plane ${loss === null ? 'undefined' : num(loss)}`;
  }
}
