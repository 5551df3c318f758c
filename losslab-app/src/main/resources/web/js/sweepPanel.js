// The Sweep tab of the maps page: one start, one optimizer, a range of learning rates (and, for
// optimizers with momentum, a range of μ); Compute runs a sweep job (POST /api/jobs, kind "sweep")
// and draws the steps each run took to converge as a heat map, with diverged runs marked. On a
// quadratic (the bowl, the saddle) with gd or momentum, the regime theory predicts for the same
// cells is drawn beside it. Every cell's numbers are also in a table. All numbers come from the API.

import { Colorbar } from './colorbar.js';
import { num, point } from './format.js';
import { JobProgress } from './jobProgress.js';
import { JobRunner, FormChecks, fillSurfaces, defaultStart } from './mapsForm.js';
import * as fieldErrors from './fieldErrors.js';
import { SweepGrid, REGIMES, stepRange, resultColor, regimeColor, colorbarData } from './sweepView.js';
import { DIVERGED_COLOR, UNCONVERGED_COLOR, viridisCss } from './palette.js';

// The sweep a fresh tab opens with: this page's choice, a story of its own (the API needs the
// surface, optimizer and ranges named). 3000 steps, not the API's default: enough for GD on the
// bowl to converge even at lr 0.01 (it needs about 1,950).
const OPENING = { surface: 'bowl', optimizer: 'gd', lr: '0.01:0.25:25', momentum: '0:0.9:10', steps: 3000 };
const STOPS = {
  converged: 'converged', diverged: 'diverged', 'max-steps': 'did not converge (steps ran out)',
};

const $ = (id) => document.getElementById(id);

/** "a:b:n" → [a, b, n] as text, or null. */
function splitRange(text) {
  const parts = (text || '').split(':');
  return parts.length === 3 ? parts.map((p) => p.trim()) : null;
}

export class SweepPanel {
  /**
   * @param {object} catalog  /api/catalog
   * @param {object} initial  this tab's URL state (mapsState: sweep)
   * @param {() => void} changed called whenever this tab's URL state changes
   */
  constructor(catalog, initial, changed) {
    this.catalog = catalog;
    this.bounds = catalog.limits.sweep;
    this.initial = initial;
    this.changed = changed;
    this.started = false;
    this.sweep = null;
    this.ui = {
      form: $('sweep-form'), surface: $('sweep-surface'), optimizer: $('sweep-optimizer'),
      startX: $('sweep-start-x'), startY: $('sweep-start-y'),
      lrFrom: $('sweep-lr-from'), lrTo: $('sweep-lr-to'), lrCount: $('sweep-lr-count'), log: $('sweep-log'),
      varyMomentum: $('sweep-vary-momentum'), momentumRow: $('sweep-momentum-row'), momentumHint: $('sweep-momentum-hint'),
      mFrom: $('sweep-m-from'), mTo: $('sweep-m-to'), mCount: $('sweep-m-count'),
      steps: $('sweep-steps'), workHint: $('sweep-work-hint'), compute: $('sweep-compute'),
      status: $('sweep-status'), error: $('sweep-error'), stage: document.querySelector('#panel-sweep .maps-stage'),
      plots: $('sweep-plots'), box: $('sweep-box'), canvas: $('sweep-canvas'), colorbarBox: $('sweep-colorbar-box'),
      colorbarCaption: $('sweep-colorbar-caption'), theoryFigure: $('theory-figure'), theoryBox: $('theory-box'),
      theoryCanvas: $('theory-canvas'), theoryCaption: $('theory-caption'), theoryLegend: $('theory-legend'), readout: $('sweep-readout'),
      legend: $('sweep-legend'), legendHint: $('sweep-legend-hint'), tableDetails: $('sweep-table-details'),
      tableHead: $('sweep-table-head'), tableBody: $('sweep-table-body'),
    };
    this.job = new JobProgress({ box: $('sweep-job'), bar: $('sweep-progress'), text: $('sweep-progress-text'), cancel: $('sweep-cancel') });
    this.runner = new JobRunner({
      job: this.job, ui: this.ui, inputFor: (f) => this.inputFor(f), hasResult: () => this.sweep !== null,
      texts: { working: 'Running the sweep…', unfinished: 'the sweep was not finished', stale: 'Settings changed: press Compute to update the sweep.' },
    });
    this.range = null;
    this.measured = new SweepGrid(this.ui.canvas, (c) => resultColor(c, this.range), (c) => c.stop === 'diverged');
    this.theory = new SweepGrid(this.ui.theoryCanvas, regimeColor);
    this.colorbar = new Colorbar($('sweep-colorbar'));
    this.ui.compute.disabled = true; // until start() has built the controls
  }

  async start() {
    const { ui, catalog, initial } = this;
    fillSurfaces(ui.surface, catalog, initial.surface, OPENING.surface);
    for (const o of catalog.optimizers) ui.optimizer.add(new Option(o.title, o.name));
    ui.optimizer.value = catalog.optimizers.some((o) => o.name === initial.optimizer) ? initial.optimizer : OPENING.optimizer;
    const start = (initial.start || '').split(',');
    if (start.length === 2) [ui.startX.value, ui.startY.value] = start.map((v) => v.trim());
    else this.defaultStart();
    const lr = splitRange(initial.lr) || splitRange(OPENING.lr);
    [ui.lrFrom.value, ui.lrTo.value, ui.lrCount.value] = lr;
    ui.log.checked = initial.log === '1' || initial.log === 'true';
    const momentum = splitRange(initial.momentum);
    ui.varyMomentum.checked = momentum !== null;
    [ui.mFrom.value, ui.mTo.value, ui.mCount.value] = momentum || splitRange(OPENING.momentum);
    ui.steps.value = initial.steps ?? String(OPENING.steps);
    ui.steps.max = String(this.bounds.maxSteps);
    ui.lrCount.max = ui.mCount.max = String(this.bounds.maxCount);
    ui.theoryLegend.replaceChildren(...REGIMES.map((r) => {
      const li = document.createElement('li');
      li.dataset.regime = r.code;
      li.style.setProperty('--regime', r.color);
      li.innerHTML = '<span class="swatch-box" aria-hidden="true"></span>';
      const text = document.createElement('span');
      const strong = document.createElement('strong');
      strong.textContent = r.label;
      text.append(strong, ` — ${r.help}`);
      li.append(text);
      return li;
    }));
    this.syncMomentum();
    this.wire();
    this.started = true;
    this.updateWorkHint();
    this.changed();
    ui.compute.disabled = false;
  }

  /** The surface's default start, from the catalog (a typed formula: the origin). */
  defaultStart() {
    defaultStart(this.catalog, this.ui.surface.value, this.ui.startX, this.ui.startY);
  }

  takesMomentum() {
    const kind = this.catalog.optimizers.find((o) => o.name === this.ui.optimizer.value);
    return !!kind && kind.params.some((p) => p.name === 'momentum');
  }

  /** The momentum range only for optimizers that have one. */
  syncMomentum() {
    const { ui } = this;
    const takes = this.takesMomentum();
    ui.varyMomentum.disabled = !takes;
    ui.momentumRow.hidden = !(takes && ui.varyMomentum.checked);
    ui.momentumHint.textContent = takes
      ? (ui.varyMomentum.checked ? '' : 'Tick to sweep μ too: a 2-D map of lr × μ.')
      : `${ui.optimizer.value} has no momentum; pick “SGD with momentum” to sweep μ.`;
  }

  varyingMomentum() {
    return this.takesMomentum() && this.ui.varyMomentum.checked;
  }

  /** This tab's part of the URL state. */
  state() {
    if (!this.started) return this.initial;
    const { ui } = this;
    return {
      surface: ui.surface.value, optimizer: ui.optimizer.value,
      start: `${ui.startX.value.trim()},${ui.startY.value.trim()}`,
      lr: `${ui.lrFrom.value.trim()}:${ui.lrTo.value.trim()}:${ui.lrCount.value.trim()}`,
      log: ui.log.checked ? '1' : null,
      momentum: this.varyingMomentum() ? `${ui.mFrom.value.trim()}:${ui.mTo.value.trim()}:${ui.mCount.value.trim()}` : null,
      steps: ui.steps.value.trim(),
    };
  }

  updateWorkHint() {
    const { ui } = this;
    const n = (Number(ui.lrCount.value) || 0) * (this.varyingMomentum() ? Number(ui.mCount.value) || 0 : 1);
    ui.workHint.textContent = `${n.toLocaleString('en')} run${n === 1 ? '' : 's'} × up to ${(Number(ui.steps.value) || 0).toLocaleString('en')} steps`;
  }

  /** The page's own checks, each message next to its field; the body for the API, or null. */
  check() {
    const { ui, bounds } = this;
    const checks = new FormChecks(ui.form);
    const x = checks.number(ui.startX, 'x'), y = checks.number(ui.startY, 'y');
    const range = (from, to, count, what, positive) => {
      const a = checks.number(from, `${what} from`), b = checks.number(to, `${what} to`);
      const n = checks.whole(count, 1, bounds.maxCount, 'The number of values');
      if (checks.ok && positive && !(a > 0 && b > 0)) checks.fail(a > 0 ? to : from, `${what} must be > 0`);
      if (checks.ok && !positive && !(a >= 0 && b >= 0)) checks.fail(a >= 0 ? to : from, `${what} must be ≥ 0`);
      if (checks.ok && n === 1 && a !== b) checks.fail(count, `with 1 value, “from” and “to” must be equal`);
      return `${a}:${b}:${n}`;
    };
    const lr = range(ui.lrFrom, ui.lrTo, ui.lrCount, 'lr', true);
    const momentum = this.varyingMomentum() ? range(ui.mFrom, ui.mTo, ui.mCount, 'μ', false) : null;
    const steps = checks.whole(ui.steps, 0, bounds.maxSteps, 'Steps');
    if (!checks.ok) return null;
    const body = {
      kind: 'sweep', surface: ui.surface.value, optimizer: ui.optimizer.value, start: [x, y],
      vary: `lr=${lr}${momentum ? `,momentum=${momentum}` : ''}`, steps,
    };
    if (ui.log.checked) body.log = 'lr';
    return body;
  }

  inputFor(field) {
    const { ui } = this;
    return {
      surface: ui.surface, optimizer: ui.optimizer, start: ui.startX, lr: ui.lrFrom, vary: ui.lrCount,
      log: ui.log, momentum: ui.mFrom, steps: ui.steps,
    }[field] || null;
  }

  async compute() {
    const { ui } = this;
    ui.error.textContent = '';
    const body = this.check();
    if (!body) {
      ui.status.textContent = '';
      return;
    }
    await this.runner.run(body, (sweep) => {
      this.show(sweep);
      const n = sweep.cells.length;
      return `Done: ${n.toLocaleString('en')} run${n === 1 ? '' : 's'}.`;
    });
  }

  /** Takes a sweep answer: pictures, legend, table. */
  show(sweep) {
    const { ui } = this;
    this.sweep = sweep;
    this.range = stepRange(sweep);
    this.measured.setSweep(sweep);
    this.theory.setSweep(sweep);
    const theory = sweep.cells.length > 0 && sweep.cells[0].regime !== undefined;
    ui.plots.hidden = false;
    ui.theoryFigure.hidden = !theory;
    ui.plots.classList.toggle('two-d', sweep.axes.length === 2);
    ui.plots.classList.toggle('with-theory', theory);
    ui.colorbarBox.hidden = ui.colorbarCaption.hidden = !this.range;
    if (this.range) this.colorbar.setData(colorbarData(this.range));
    if (this.range) {
      ui.colorbarCaption.textContent = `steps to converge (fewer is darker${this.range.log ? '; log scale' : ''})`;
    }
    ui.theoryCaption.textContent = sweep.axes.length === 2 || sweep.spec.optimizer !== 'gd'
      ? 'Theory: how momentum behaves on this quadratic'
      : 'Theory: how gradient descent behaves on this quadratic';
    ui.readout.textContent = 'Point at a cell to read its run.';
    this.renderLegend(theory);
    this.renderTable(theory);
    this.draw();
  }

  renderLegend(theory) {
    const { ui, sweep } = this;
    const count = (stop) => sweep.cells.filter(stop).length;
    const n = sweep.cells.length;
    const converged = count((c) => c.stop === 'converged');
    const diverged = count((c) => c.stop === 'diverged');
    const rows = [
      ['converged', this.range ? `linear-gradient(90deg, ${viridisCss(0)}, ${viridisCss(128)}, ${viridisCss(255)})` : viridisCss(0),
        'Converged', this.range ? `in ${this.range.min}–${this.range.max} steps (colour)` : '', converged],
      ['unconverged', UNCONVERGED_COLOR, 'Did not converge', '(steps ran out)', n - converged - diverged],
      ['diverged', DIVERGED_COLOR, 'Diverged', '(blew up; marked ×)', diverged],
    ].map(([kind, color, what, small, k]) => {
      const li = document.createElement('li');
      li.dataset.kind = kind;
      li.dataset.count = String(k);
      li.style.setProperty('--basin', color);
      const swatch = document.createElement('span');
      swatch.className = kind === 'diverged' ? 'swatch-box dark' : 'swatch-box';
      swatch.textContent = kind === 'diverged' ? '×' : '';
      swatch.setAttribute('aria-hidden', 'true');
      const text = document.createElement('span');
      text.className = 'what';
      const sm = document.createElement('small');
      sm.textContent = small;
      text.append(`${what} `, sm);
      const share = document.createElement('span');
      share.className = 'share';
      share.textContent = `${k} / ${n}`;
      li.append(swatch, text, share);
      return li;
    });
    ui.legend.replaceChildren(...rows);
    const spec = sweep.spec;
    ui.legendHint.textContent = `${sweep.optimizer ?? spec.optimizer} on ${spec.surface} from ${point(spec.start.x, spec.start.y)}, `
      + `at most ${spec.maxSteps} steps per run${theory ? '; theory applies (a quadratic).' : '.'}`;
  }

  renderTable(theory) {
    const { ui, sweep } = this;
    const axes = sweep.axes;
    const heads = [...axes.map((a) => (a.name === 'momentum' ? 'μ' : a.name)), 'result', 'steps', ...(theory ? ['theory'] : [])];
    ui.tableHead.replaceChildren(...heads.map((h) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      return th;
    }));
    const rows = sweep.cells.map((c) => {
      const tr = document.createElement('tr');
      const cells = [];
      for (const a of axes) {
        tr.dataset[camel(a.name)] = String(c[a.name]);
        cells.push(num(c[a.name]));
      }
      tr.dataset.stop = c.stop;
      tr.dataset.steps = String(c.steps);
      cells.push(STOPS[c.stop] || c.stop, String(c.steps));
      if (theory) {
        tr.dataset.regime = c.regime;
        cells.push(c.regime);
      }
      tr.className = `stop-${c.stop}`;
      for (const text of cells) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    });
    ui.tableBody.replaceChildren(...rows);
  }

  draw() {
    const { ui } = this;
    if (!this.sweep || ui.box.clientWidth === 0) return;
    this.measured.draw(Math.min(ui.box.clientWidth, 700));
    if (this.range) this.colorbar.layout(this.measured.plot.left, this.measured.plot.width, this.measured.plot.left + this.measured.plot.width + 14);
    if (!ui.theoryFigure.hidden) this.theory.draw(Math.min(ui.theoryBox.clientWidth, 700));
  }

  shown() {
    this.draw();
  }

  describe(cell) {
    const [a, b] = this.sweep.axes;
    const value = (axis) => `${axis.name === 'momentum' ? 'μ' : axis.name} ${num(cell[axis.name])}`;
    const steps = cell.steps === 1 ? '1 step' : `${cell.steps} steps`;
    const result = cell.stop === 'converged' ? `converged in ${steps}`
      : cell.stop === 'diverged' ? `diverged after ${steps}` : `did not converge in ${steps}`;
    return `${value(a)}${b ? `, ${value(b)}` : ''}: ${result}${cell.regime ? ` · theory: ${cell.regime}` : ''}`;
  }

  wire() {
    const { ui } = this;
    ui.surface.addEventListener('change', () => {
      this.defaultStart();
      fieldErrors.clear(ui.form);
      this.runner.surfaceChanged();
    });
    ui.optimizer.addEventListener('change', () => this.syncMomentum());
    ui.varyMomentum.addEventListener('change', () => this.syncMomentum());
    ui.form.addEventListener('input', () => {
      this.updateWorkHint();
      this.runner.changed();
      this.changed();
    });
    ui.form.addEventListener('change', () => {
      this.updateWorkHint();
      this.changed();
    });
    ui.form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!this.job.busy) this.compute();
    });
    for (const [canvas, grid] of [[ui.canvas, this.measured], [ui.theoryCanvas, this.theory]]) {
      canvas.addEventListener('pointermove', (e) => {
        const r = canvas.getBoundingClientRect();
        const cell = grid.cellAt(e.clientX - r.left, e.clientY - r.top);
        ui.readout.textContent = cell ? this.describe(cell) : 'Point at a cell to read its run.';
      });
    }
    new ResizeObserver(() => this.draw()).observe(ui.plots);
  }
}

/** "weight-decay" → "weightDecay", as dataset wants it (data-weight-decay in the page). */
function camel(name) {
  return name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}
