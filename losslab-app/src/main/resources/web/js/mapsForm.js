// What the maps page's three tabs (Basins, Sweep, SGD statistics) share around their forms: filling
// the surface list, the surface's default start, the page's own field checks, and running Compute
// as a server job (JobRunner) so that an answer is never shown as current for settings it was not
// computed with.

import { JobCancelled } from './jobProgress.js';
import * as fieldErrors from './fieldErrors.js';

/** Whether a surface name is a surface made of data (DataLandscapes.isSpec): regression:… or logistic:…. */
export function isDataSpec(name) {
  return /^(regression|logistic):/.test((name || '').trim());
}

/** The catalog's entry for a surface, formula or made of data (with its `examples`); undefined for a typed formula. */
export function catalogSurface(catalog, name) {
  return catalog.surfaces.find((s) => s.name === name) || (catalog.dataSurfaces || []).find((s) => s.name === name);
}

/**
 * Fills a surface <select> from the catalog: the formula surfaces in a "Surfaces" group, then the
 * surfaces made of data in a "Real data" group; adds `chosen` when the catalog lacks it (a typed
 * formula, or another data spec, from the URL), and selects `chosen`, else `fallback`, else the first surface.
 */
export function fillSurfaces(select, catalog, chosen, fallback) {
  const group = (label, surfaces) => {
    const g = document.createElement('optgroup');
    g.label = label;
    for (const s of surfaces) g.append(new Option(s.title, s.name));
    select.append(g);
    return g;
  };
  group('Surfaces', catalog.surfaces);
  const data = group('Real data', catalog.dataSurfaces || []);
  const names = catalog.surfaces.map((s) => s.name);
  if (chosen && !catalogSurface(catalog, chosen)) {
    if (isDataSpec(chosen)) data.append(new Option(chosen, chosen));
    else select.add(new Option(`f(x, y) = ${chosen}`, chosen));
  }
  select.value = chosen || (names.includes(fallback) ? fallback : names[0]);
}

/** Puts the surface's default start, from the catalog, in the x and y fields (a typed formula: the origin). */
export function defaultStart(catalog, surface, xInput, yInput) {
  const s = catalogSurface(catalog, surface);
  const p = s ? s.defaultStart : { x: 0, y: 0 };
  xInput.value = String(p.x);
  yInput.value = String(p.y);
}

/** Why `text` is not a whole number from lo to hi ("Grid must be a whole number from 2 to 200"), or null. */
export function wholeProblem(text, lo, hi, what) {
  const t = text.trim();
  const v = Number(t);
  return t === '' || !Number.isInteger(v) || v < lo || v > hi
    ? `${what} must be a whole number from ${lo} to ${hi.toLocaleString('en')}` : null;
}

/**
 * The page's own checks of one form: each failure shows its message next to its field (the first
 * bad field gets the focus); `ok` stays true while all is well.
 */
export class FormChecks {
  constructor(form) {
    fieldErrors.clear(form);
    this.ok = true;
  }

  fail(input, message) {
    if (this.ok) input.focus();
    fieldErrors.show(input, message);
    this.ok = false;
  }

  /** A finite number passing `test` (else "`what` must be `rule`"). */
  number(input, what, test = () => true, rule = '') {
    const text = input.value.trim();
    const v = Number(text);
    if (text === '' || !Number.isFinite(v)) this.fail(input, `${what} must be a number`);
    else if (!test(v)) this.fail(input, `${what} must be ${rule}`);
    return v;
  }

  /** A whole number from lo to hi. */
  whole(input, lo, hi, what) {
    const problem = wholeProblem(input.value, lo, hi, what);
    if (problem) this.fail(input, problem);
    return Number(input.value.trim());
  }
}

/**
 * Runs a tab's Compute as a job (JobProgress) and says how it ended, keeping the answer honest
 * about the settings it was computed with. Every change of the settings bumps a generation; a job
 * remembers the generation it started in. When it ends:
 * - if the surface is no longer the one it was computed on, its answer is dropped (a surface change
 *   also cancels it: it would be drawn over another landscape);
 * - else, if other settings changed meanwhile, the answer is shown but marked stale;
 * - else it is shown as current.
 */
export class JobRunner {
  /**
   * @param {object} o
   * @param {import('./jobProgress.js').JobProgress} o.job
   * @param {object} o.ui  form, surface (the <select>), compute, status, error, stage
   * @param {(field: string) => HTMLElement|null} o.inputFor  the input an API error's field names
   * @param {() => boolean} o.hasResult  true while an answer is shown
   * @param {object} o.texts  working ("Computing the map…"), unfinished ("the map was not finished"),
   *                          stale ("Settings changed: press Compute to update the map.")
   */
  constructor({ job, ui, inputFor, hasResult, texts }) {
    Object.assign(this, { job, ui, inputFor, hasResult, texts });
    this.generation = 0;
  }

  /** The settings changed: the answer shown, and any still computing, are for the old ones. */
  changed() {
    this.generation++;
    if (!this.hasResult()) return;
    this.ui.stage.classList.add('stale');
    this.ui.status.textContent = this.texts.stale;
  }

  /** The surface changed: a job still running could only be dropped, so it is cancelled. */
  surfaceChanged() {
    this.changed();
    if (this.job.busy) this.job.cancel();
  }

  /**
   * Runs the job `body` (its `surface` is the one it is computed on). `show(answer)` draws an answer
   * and returns the status to show ("Done: 40 runs.").
   */
  async run(body, show) {
    const { ui, texts } = this;
    const generation = this.generation;
    const sameSurface = () => body.surface === ui.surface.value;
    this.setBusy(true);
    ui.status.textContent = texts.working;
    try {
      const answer = await this.job.run(body);
      if (!sameSurface()) {
        ui.status.textContent = 'The surface changed while this was computing: press Compute for the new one.';
        return;
      }
      const done = show(answer);
      if (generation === this.generation) {
        ui.stage.classList.remove('stale');
        ui.status.textContent = done;
      } else {
        ui.stage.classList.add('stale');
        ui.status.textContent = texts.stale;
      }
    } catch (e) {
      if (e instanceof JobCancelled) {
        ui.status.textContent = !sameSurface() ? 'Cancelled: the surface changed.'
          : e.reason === 'request' ? `Cancelled: ${texts.unfinished}.` : `Cancelled: ${e.message}.`;
      } else {
        ui.status.textContent = '';
        fieldErrors.showApiError(ui.form, e, this.inputFor, ui.error);
      }
    } finally {
      this.setBusy(false);
    }
  }

  setBusy(busy) {
    const { compute, status } = this.ui;
    compute.disabled = busy;
    compute.setAttribute('aria-busy', String(busy));
    compute.textContent = busy ? 'Computing…' : 'Compute';
    status.classList.toggle('busy', busy);
  }
}
