// The SGD-statistics tab of the maps page: SGD from one start, many times at each level: a noise
// level σ on a formula, a minibatch size B on a surface made of data (its examples n from the
// catalog). Compute runs an sgd-stats job (POST /api/jobs, kind "sgd-stats") and draws, per level, a
// bar split by the share of runs that ended in each basin, in the basins' colours (numbered as on
// the small map beside it, which marks the minima and the start). All numbers come from the API.

import * as api from './api.js';
import { LandscapeLayer } from './landscapeLayer.js';
import { Frame, sizeCanvas } from './plotFrame.js';
import { num, point } from './format.js';
import { BasinView } from './mapsView.js';
import { basinColor, isDark } from './palette.js';
import { JobProgress } from './jobProgress.js';
import { JobRunner, FormChecks, fillSurfaces, defaultStart, catalogSurface } from './mapsForm.js';
import * as fieldErrors from './fieldErrors.js';

/** The experiment a fresh tab opens with: this page's choice. Runs and steps start at the API's defaults. */
const OPENING = { surface: 'himmelblau', noise: '0:40:5' };
/** The batch sizes a surface made of data opens with, those up to its n examples (then n itself when some were cut). */
const BATCH_SIZES = [1, 4, 16, 64];
const CONTOUR_GRID = 120;
const MARGIN = { left: 34, right: 8, top: 8, bottom: 30 };

const $ = (id) => document.getElementById(id);

export class SgdPanel {
  /**
   * @param {object} catalog  /api/catalog
   * @param {object} initial  this tab's URL state (mapsState: sgd)
   * @param {() => void} changed called whenever this tab's URL state changes
   */
  constructor(catalog, initial, changed) {
    this.catalog = catalog;
    this.bounds = catalog.limits.sgdStats;
    this.initial = initial;
    this.changed = changed;
    this.started = false;
    this.stats = null;
    this.ui = {
      form: $('sgd-form'), surface: $('sgd-surface'), startX: $('sgd-start-x'), startY: $('sgd-start-y'),
      noiseBox: $('sgd-noise-box'), noiseFrom: $('sgd-noise-from'), noiseTo: $('sgd-noise-to'), noiseCount: $('sgd-noise-count'),
      batchBox: $('sgd-batch-box'), batchSizes: $('sgd-batch-sizes'), batchHint: $('sgd-batch-hint'),
      levelName: $('sgd-level-name'), hintLevel: $('sgd-hint-level'),
      runs: $('sgd-runs'), steps: $('sgd-steps'), lr: $('sgd-lr'), compute: $('sgd-compute'),
      status: $('sgd-status'), error: $('sgd-error'), stage: document.querySelector('#panel-sgd .maps-stage'),
      chart: $('sgd-chart'), chartHint: $('sgd-chart-hint'), summary: $('sgd-summary'), lrDefault: $('sgd-lr-default'), mapBox: $('sgd-map-box'), canvas: $('sgd-map'),
      legend: $('sgd-legend'),
    };
    this.job = new JobProgress({ box: $('sgd-job'), bar: $('sgd-progress'), text: $('sgd-progress-text'), cancel: $('sgd-cancel') });
    this.runner = new JobRunner({
      job: this.job, ui: this.ui, inputFor: (f) => this.inputFor(f), hasResult: () => this.stats !== null,
      texts: { working: 'Running SGD at each level…', unfinished: 'the runs were not finished', stale: 'Settings changed: press Compute to update the chart.' },
    });
    this.landscape = new LandscapeLayer();
    this.view = new BasinView(this.landscape);
    this.frame = new Frame();
    this.ui.compute.disabled = true; // until start() has built the controls
    /** n, the examples of the surface made of data chosen (its levels are batch sizes), or null on a formula. */
    this.examples = null;
    /** The batch sizes the URL holds: the field's last value that fit the surface. */
    this.linkedSizes = null;
  }

  async start() {
    const { ui, catalog, initial } = this;
    fillSurfaces(ui.surface, catalog, initial.surface, OPENING.surface);
    const noise = (initial.noise || OPENING.noise).split(':');
    [ui.noiseFrom.value, ui.noiseTo.value, ui.noiseCount.value] = noise.length === 3 ? noise : OPENING.noise.split(':');
    ui.runs.value = initial.runs ?? String(catalog.defaults.sgdStats.runs);
    ui.steps.value = initial.steps ?? String(catalog.defaults.sgdStats.steps);
    ui.lr.value = initial.lr ?? '';
    ui.runs.max = String(this.bounds.maxRuns);
    ui.steps.max = String(this.bounds.maxSteps);
    ui.noiseCount.max = String(this.bounds.maxLevels);
    ui.batchSizes.value = initial['batch-sizes'] || '';
    this.setExamples(this.examplesOf(ui.surface.value));
    const start = (initial.start || '').split(',');
    if (start.length === 2) [ui.startX.value, ui.startY.value] = start.map((v) => v.trim());
    else this.defaultStart();
    try {
      await this.loadSurface();
    } catch (e) {
      ui.error.textContent = e.message;
    }
    this.wire();
    this.started = true;
    this.changed();
    ui.compute.disabled = false;
  }

  defaultStart() {
    defaultStart(this.catalog, this.ui.surface.value, this.ui.startX, this.ui.startY);
  }

  /** n for a surface the catalog lists as made of data, else null (a formula; or a data spec only /api/surface knows). */
  examplesOf(name) {
    const s = catalogSurface(this.catalog, name);
    return s && Number.isInteger(s.examples) ? s.examples : null;
  }

  /**
   * Shows the levels that fit the surface: σ on a formula, batch sizes 1 to n on data. A batch-size
   * field that does not fit the new n gets the opening sizes that do.
   */
  setExamples(examples) {
    const { ui } = this;
    this.examples = examples;
    const data = examples !== null;
    ui.noiseBox.hidden = data;
    ui.batchBox.hidden = !data;
    ui.levelName.textContent = data ? 'batch size' : 'noise level';
    ui.hintLevel.textContent = data ? 'batch size' : 'noise level';
    if (!data) return;
    ui.batchHint.textContent = `(examples per step, 1 to ${examples.toLocaleString('en')}, comma-separated)`;
    if (!this.batchSizesFit()) ui.batchSizes.value = SgdPanel.openingSizes(examples).join(',');
    this.linkedSizes = ui.batchSizes.value.replace(/\s+/g, '');
  }

  /** Whether the batch-size field holds sizes the API takes here: whole numbers from 1 to n, at most maxLevels of them. */
  batchSizesFit() {
    const sizes = SgdPanel.batchSizes(this.ui.batchSizes.value);
    return sizes !== null && sizes.length <= this.bounds.maxLevels && sizes.every((b) => b >= 1 && b <= this.examples);
  }

  /** "1, 4,16" → [1, 4, 16]; null unless every part is a whole number written in digits. */
  static batchSizes(text) {
    const parts = text.split(',').map((t) => t.trim());
    return parts.every((t) => /^\d+$/.test(t)) ? parts.map(Number) : null;
  }

  /** The opening batch sizes for n examples: 1, 4, 16, 64 up to n, and n when it cut some. */
  static openingSizes(examples) {
    const sizes = BATCH_SIZES.filter((b) => b <= examples);
    return sizes.length < BATCH_SIZES.length && !sizes.includes(examples) ? [...sizes, examples] : sizes;
  }

  /** The small map's contours and minima, and the surface's default lr as the lr field's hint. */
  async loadSurface() {
    const name = this.ui.surface.value;
    const [surface, land] = await Promise.all([api.surface(name), api.landscape(name, CONTOUR_GRID)]);
    if (name !== this.ui.surface.value) return;
    this.landscape.setData(land);
    this.setExamples(Number.isInteger(surface.examples) ? surface.examples : null);
    this.frame.setWindow(land.window);
    this.view.minima = [];
    this.stats = null;
    this.ui.stage.classList.remove('stale');
    this.ui.chart.replaceChildren();
    this.ui.summary.textContent = '';
    this.ui.legend.replaceChildren();
    this.ui.chartHint.hidden = false;
    const lr = surface.defaults && surface.defaults.sgd ? surface.defaults.sgd.lr : null;
    this.ui.lr.placeholder = lr === null ? 'default' : num(lr);
    this.ui.lrDefault.textContent = lr === null ? '(learning rate)' : `(default ${num(lr)})`;
    this.markStart();
  }

  markStart() {
    const x = Number(this.ui.startX.value), y = Number(this.ui.startY.value);
    this.view.start = Number.isFinite(x) && Number.isFinite(y) && this.ui.startX.value.trim() !== '' ? { x, y } : null;
    this.drawMap();
  }

  /** This tab's part of the URL state. */
  state() {
    if (!this.started) return this.initial;
    const { ui } = this;
    const data = this.examples !== null;
    // A link keeps the last batch sizes that fit the surface, never a half-typed "1,4," or a B beyond n.
    if (data && this.batchSizesFit()) this.linkedSizes = ui.batchSizes.value.replace(/\s+/g, '');
    return {
      surface: ui.surface.value, start: `${ui.startX.value.trim()},${ui.startY.value.trim()}`,
      noise: data ? null : `${ui.noiseFrom.value.trim()}:${ui.noiseTo.value.trim()}:${ui.noiseCount.value.trim()}`,
      'batch-sizes': data ? this.linkedSizes : null,
      runs: ui.runs.value.trim(), lr: ui.lr.value.trim() || null, steps: ui.steps.value.trim(),
    };
  }

  /** The page's own checks, each message next to its field; the body for the API, or null. */
  check() {
    const { ui, bounds } = this;
    const checks = new FormChecks(ui.form);
    const x = checks.number(ui.startX, 'x'), y = checks.number(ui.startY, 'y');
    const levels = this.examples !== null ? { 'batch-sizes': this.checkBatchSizes(checks) } : this.checkNoise(checks);
    const runs = checks.whole(ui.runs, 1, bounds.maxRuns, 'Runs');
    const steps = checks.whole(ui.steps, 1, bounds.maxSteps, 'Steps');
    const body = { kind: 'sgd-stats', surface: ui.surface.value, start: [x, y], ...levels, runs, steps };
    if (ui.lr.value.trim() !== '') body.lr = checks.number(ui.lr, 'lr', (v) => v > 0, '> 0');
    return checks.ok ? body : null;
  }

  /** The σ range's fields: { noise: "FROM:TO:COUNT" }. */
  checkNoise(checks) {
    const { ui, bounds } = this;
    const from = checks.number(ui.noiseFrom, 'σ from', (v) => v >= 0, '≥ 0');
    const to = checks.number(ui.noiseTo, 'σ to', (v) => v >= 0, '≥ 0');
    const levels = checks.whole(ui.noiseCount, 1, bounds.maxLevels, 'Levels');
    if (checks.ok && levels === 1 && from !== to) checks.fail(ui.noiseCount, 'with 1 level, “from” and “to” must be equal');
    return { noise: `${from}:${to}:${levels}` };
  }

  /** The batch-size field: 1 to maxLevels whole numbers, each from 1 to n. */
  checkBatchSizes(checks) {
    const { ui, bounds, examples } = this;
    const sizes = SgdPanel.batchSizes(ui.batchSizes.value);
    if (!sizes || sizes.some((b) => b < 1 || b > examples)) {
      checks.fail(ui.batchSizes, `Batch sizes must be whole numbers from 1 to ${examples.toLocaleString('en')}, separated by commas`);
    } else if (sizes.length > bounds.maxLevels) {
      checks.fail(ui.batchSizes, `At most ${bounds.maxLevels} batch sizes, got ${sizes.length}`);
    }
    return sizes;
  }

  inputFor(field) {
    const { ui } = this;
    return {
      surface: ui.surface, start: ui.startX, noise: ui.noiseFrom, 'batch-sizes': ui.batchSizes, runs: ui.runs, steps: ui.steps, lr: ui.lr,
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
    await this.runner.run(body, (stats) => {
      this.show(stats);
      const n = stats.runs * stats.levels.length;
      return `Done: ${n.toLocaleString('en')} runs (${stats.runs} per level).`;
    });
  }

  /** The parts of one level's bar: [{kind, index, color, label, share}], in legend order. */
  static parts(stats, level) {
    const parts = stats.minima.map((m, k) => ({
      kind: 'minimum', index: k, color: basinColor(k), label: `minimum ${k + 1}`, mark: String(k + 1), share: level.shares[k],
    }));
    parts.push({ kind: 'unconverged', index: -2, color: basinColor(-2), label: 'still on its way', mark: '', share: level.unconverged });
    parts.push({ kind: 'diverged', index: -1, color: basinColor(-1), label: 'diverged', mark: '', share: level.diverged });
    return parts;
  }

  /** A level's name: "σ = 30", or "B = 16" when the levels are batch sizes (the answer's `varies`). */
  static levelLabel(stats, level) {
    return stats.varies === 'batchSize' ? `B = ${level.batchSize}` : `σ = ${num(level.noise)}`;
  }

  /** "With σ = 30: 53 % end at minimum 1, 40 % at minimum 4, 7 % at minimum 2" (largest first). */
  static sentence(stats, level) {
    const parts = SgdPanel.parts(stats, level).filter((p) => p.share >= 0.005).sort((a, b) => b.share - a.share);
    const shares = parts.map((p, k) => `${Math.round(100 * p.share)} %${k === 0 ? ' end' : ''} ${p.kind === 'minimum' ? `at ${p.label}` : p.label}`);
    return `With ${SgdPanel.levelLabel(stats, level)}: ${shares.join(', ')}`;
  }

  show(stats) {
    const { ui } = this;
    this.stats = stats;
    ui.chartHint.hidden = true;
    const rows = stats.levels.map((level) => {
      const row = document.createElement('div');
      row.className = 'sgd-row';
      row.setAttribute('role', 'listitem');
      if (stats.varies === 'batchSize') row.dataset.batchSize = String(level.batchSize);
      else row.dataset.noise = String(level.noise);
      row.dataset.testid = 'sgd-level';
      const name = SgdPanel.levelLabel(stats, level);
      const label = document.createElement('span');
      label.className = 'sgd-noise';
      label.textContent = name;
      const bar = document.createElement('div');
      bar.className = 'sgd-bar';
      const parts = SgdPanel.parts(stats, level).filter((p) => p.share > 0);
      bar.setAttribute('aria-label', `${name}: `
        + parts.map((p) => `${(100 * p.share).toFixed(1)} % ${p.label}`).join(', '));
      for (const p of parts) {
        const seg = document.createElement('span');
        seg.className = isDark(p.color) ? 'sgd-seg dark' : 'sgd-seg';
        seg.dataset.kind = p.kind;
        seg.dataset.index = String(p.index);
        seg.dataset.share = String(100 * p.share);
        seg.style.setProperty('--basin', p.color);
        seg.style.setProperty('flex-basis', `${100 * p.share}%`);
        seg.title = `${name}: ${(100 * p.share).toFixed(1)} % of the runs — ${p.label}`;
        // Name the basin (as numbered on the map) and the share inside the segment where they fit.
        const mark = p.kind === 'minimum' ? p.mark : '';
        if (p.share >= 0.2) seg.textContent = mark ? `${mark} · ${Math.round(100 * p.share)} %` : `${Math.round(100 * p.share)} %`;
        else if (p.share >= 0.04) seg.textContent = mark;
        bar.append(seg);
      }
      row.append(label, bar);
      return row;
    });
    ui.chart.replaceChildren(...rows);
    const first = stats.levels[0], last = stats.levels[stats.levels.length - 1];
    ui.summary.textContent = stats.levels.length === 1 ? `${SgdPanel.sentence(stats, first)}.`
      : `${SgdPanel.sentence(stats, first)}; w${SgdPanel.sentence(stats, last).slice(1)}.`;
    this.renderLegend(stats);
    this.view.showMinima(stats.minima, stats.listed, stats.minima.map((m, k) => stats.levels.some((l) => l.shares[k] > 0)));
    this.drawMap();
  }

  renderLegend(stats) {
    // The listed minima, and the others (a local minimum of Rastrigin, say) that some level's runs reached.
    const shown = (p) => p.kind !== 'minimum' || p.index < (stats.listed ?? stats.minima.length)
      || stats.levels.some((level) => level.shares[p.index] > 0);
    const items = SgdPanel.parts(stats, stats.levels[0]).filter(shown).map((p) => {
      const li = document.createElement('li');
      li.dataset.kind = p.kind;
      li.style.setProperty('--basin', p.color);
      const swatch = document.createElement('span');
      swatch.className = isDark(p.color) ? 'swatch-box dark' : 'swatch-box';
      swatch.textContent = p.mark;
      swatch.setAttribute('aria-hidden', 'true');
      const what = document.createElement('span');
      what.className = 'what';
      if (p.kind === 'minimum') {
        const m = stats.minima[p.index];
        const local = p.index >= (stats.listed ?? stats.minima.length) ? ' (a local minimum)' : '';
        what.textContent = `Minimum ${p.index + 1} at ${point(m.x, m.y, 3)}${local}`;
      } else {
        what.textContent = p.kind === 'diverged' ? 'Diverged (blew up)' : 'Still on its way (steps ran out)';
      }
      li.append(swatch, what);
      return li;
    });
    this.ui.legend.replaceChildren(...items);
  }

  drawMap() {
    const { ui } = this;
    const widCss = Math.min(ui.mapBox.clientWidth, 420);
    if (widCss <= 0 || !this.landscape.image) return;
    const plot = widCss - MARGIN.left - MARGIN.right;
    const w = this.frame;
    const height = Math.round(plot * Math.min(1.2, (w.y1 - w.y0) / (w.x1 - w.x0)));
    sizeCanvas(ui.canvas, widCss, height + MARGIN.top + MARGIN.bottom);
    this.frame.setPlot(MARGIN.left, MARGIN.top, plot, height);
    this.view.draw(ui.canvas, this.frame);
  }

  shown() {
    this.drawMap();
  }

  wire() {
    const { ui } = this;
    ui.surface.addEventListener('change', async () => {
      this.defaultStart();
      this.setExamples(this.examplesOf(ui.surface.value)); // at once; loadSurface confirms it from /api/surface
      fieldErrors.clear(ui.form);
      ui.error.textContent = '';
      this.runner.surfaceChanged();
      try {
        await this.loadSurface();
      } catch (e) {
        ui.error.textContent = e.message;
      }
      this.changed();
    });
    ui.form.addEventListener('input', (e) => {
      if (e.target === ui.surface) return; // its change handler takes it
      if (e.target === ui.startX || e.target === ui.startY) this.markStart();
      this.runner.changed();
      this.changed();
    });
    ui.form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!this.job.busy) this.compute();
    });
    new ResizeObserver(() => this.drawMap()).observe(ui.mapBox);
  }
}
