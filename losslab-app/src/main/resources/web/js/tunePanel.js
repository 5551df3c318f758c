// "Tune all": before racing, give every racer the same budget of settings and race each at its best
// (the CLI's `race --tune`; docs/API.md, job kind "tune"). The server tries each racer's learning
// rates (and its μ or β₁ with "lr & momentum") from five starts and picks the setting that diverged
// least, then converged fastest; this panel runs that job with a progress bar and Cancel, writes the
// chosen settings into the racers' cards, and says on each card what tuning found.

import { JobCancelled, JobProgress } from './jobProgress.js';
import { num } from './format.js';

export class TunePanel {
  /**
   * @param {object} o
   * @param {Record<string, HTMLElement>} o.ui  button, scope (select), job box, bar, text, cancel, note, error
   * @param {() => object} o.race               the race body as POST /api/race takes it
   * @param {(tuned: object[]) => void} o.onTuned the job's `tuned` entries, one per racer in race order
   */
  constructor({ ui, race, onTuned }) {
    this.ui = ui;
    this.race = race;
    this.onTuned = onTuned;
    this.catalog = null;
    this.generation = 0; // bumped by cancel(): an answer for a race no longer shown is dropped
    this.job = new JobProgress({ box: ui.job, bar: ui.bar, text: ui.text, cancel: ui.cancel });
    ui.button.addEventListener('click', () => this.tune());
  }

  setCatalog(catalog) {
    this.catalog = catalog;
    this.describe();
    this.ui.scope.addEventListener('change', () => this.describe());
  }

  /** What pressing the button will do, in the words of the budget it gives every racer. */
  describe() {
    const both = this.ui.scope.value === 'lr,momentum';
    this.ui.note.textContent = both
      ? 'Tries 19 learning rates × 7 values of μ (β₁ for the Adam family) for every racer — 133 settings each, '
        + 'or 133 learning rates for one without — each from 5 starts, then races each at its best.'
      : 'Tries 37 learning rates for every racer (1/100 to 10× its default), each from 5 starts around yours, '
        + 'then races each at its best: fewest diverged, then fewest steps.';
  }

  async tune() {
    if (this.job.busy) return;
    const scope = this.ui.scope.value;
    const race = this.race();
    this.ui.error.textContent = '';
    if (!race.racers.length) {
      this.ui.error.textContent = 'Tick at least one optimizer to tune.';
      return;
    }
    // Tuning chooses these: a racer's own lr (and μ or β₁) would be refused, so leave them out.
    race.racers = race.racers.map((r) => {
      const chosen = new Set(['lr']);
      const o = this.catalog.optimizers.find((q) => q.name === r.optimizer);
      if (scope === 'lr,momentum' && o && o.tunedMomentum) chosen.add(o.tunedMomentum);
      const params = Object.fromEntries(Object.entries(r.params || {}).filter(([k]) => !chosen.has(k)));
      const racer = { ...r };
      if (Object.keys(params).length) racer.params = params; else delete racer.params;
      return racer;
    });
    const maxSteps = this.catalog.limits.tuning.maxSteps;
    if (race.steps > maxSteps) {
      this.ui.error.textContent = `Tuning runs at most ${maxSteps} steps per racer; lower Max steps to tune.`;
      return;
    }
    this.ui.button.disabled = true;
    const generation = this.generation;
    try {
      const result = await this.job.run({ kind: 'tune', tune: scope, race });
      if (generation === this.generation) this.onTuned(result.tuned);
    } catch (e) {
      if (generation !== this.generation) return;
      // "cancelled on request", or the time limit's own sentence; an ApiError names what was wrong.
      this.ui.error.textContent = e instanceof JobCancelled ? `Tuning stopped: ${e.message}.` : e.message;
    } finally {
      this.ui.button.disabled = false;
    }
  }

  /** Stops a tuning under way and forgets it: the surface changed, so its answer would not fit. */
  cancel() {
    this.generation++;
    this.job.cancel();
  }
}

/**
 * One card's line about its tuning: "tuned: lr 0.178 — best of 37 settings; 5/5 runs converged,
 * median 23 steps", or, when no run of the best setting converged, that it was chosen for the
 * lowest final loss — never a "tuned" that sounds like more than it is.
 */
export function tunedNote(t) {
  const s = t.score;
  const setting = `lr ${num(t.lr)}${t.parameter ? `, ${t.parameter} ${num(t.value)}` : ''}`;
  if (!t.found) {
    return { text: `no setting held on most of the ${s.runs} starts (${s.diverged} diverged at the best); kept the defaults`, warn: true };
  }
  const steps = s.medianStepsToConverge;
  const how = s.converged === 0
    ? `none of its ${s.runs} runs converged within the steps: chosen for the lowest final loss`
    : `${s.converged}/${s.runs} runs converged${steps !== null ? `, median ${steps} steps` : ''}`;
  const edge = t.lrAtGridEnd ? '; at the end of the grid, a better lr may lie beyond' : '';
  return { text: `tuned: ${setting} — best of ${t.configurations} settings; ${how}${edge}`, warn: t.lrAtGridEnd || s.converged === 0 };
}
