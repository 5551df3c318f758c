// The models page's "Look at the loss": after a Train, two server jobs look at the race it trained
// (the same body, so the racers train again from the same θ₀ on the same batches, docs/API.md):
// "Slice the loss" (kind "slice") draws the loss on a plane through one racer's final weights with
// every racer's path projected on it (sliceView.js), "Hessian spectrum" (kind "spectrum") draws the
// eigenvalues there (spectrumPlot.js). One progress bar and Cancel for both, as Train has.

import { JobProgress, JobCancelled } from './jobProgress.js';
import { SliceView } from './sliceView.js';
import { drawSpectrum, spectrumWords, COLORS } from './spectrumPlot.js';
import * as fieldErrors from './fieldErrors.js';
import { num } from './format.js';

const $ = (id) => document.getElementById(id);

/** What the job does now, by the phase its polls carry. */
const PHASES = {
  training: 'Training the racers again (the same weights, the same batches)…',
  slice: 'Evaluating the loss over the plane…',
  eigenvalues: 'Forming the Hessian and finding its eigenvalues…',
};

export class LookPanel {
  constructor() {
    this.ui = {
      hint: $('look-hint'), racer: $('look-racer'), plane: $('look-plane'), size: $('look-size'), span: $('look-span'),
      slice: $('slice-button'), spectrum: $('spectrum-button'), status: $('look-status'), error: $('look-error'),
      form: $('look'), sliceFigure: $('slice-figure'), slicePlane: $('slice-plane'), sliceCentre: $('slice-centre'), sliceCentreKind: $('slice-centre-kind'),
      sliceScale: $('slice-scale'), spectrumFigure: $('spectrum-figure'), spectrumCentre: $('spectrum-centre'),
      spectrumChart: $('spectrum-chart'), spectrumIndex: $('spectrum-index'), spectrumSharpness: $('spectrum-sharpness'),
    };
    this.job = new JobProgress({ box: $('look-job'), bar: $('look-progress'), text: $('look-progress-text'), cancel: $('look-cancel') });
    this.sliceView = new SliceView({
      wrap: $('slice-wrap'), base: $('slice-base'), overlay: $('slice-map'), colorbar: $('slice-colorbar'),
      pathChart: $('path-chart'), readout: $('slice-readout'), table: $('slice-table-body'),
    });
    for (const [kind, color] of Object.entries(COLORS)) this.ui.spectrumFigure.style.setProperty(`--${kind}`, color);
    this.race = null; // the body Train posted last, when it trained to the end
    this.spectrum = null;
    this.ui.slice.addEventListener('click', () => this.look('slice'));
    this.ui.spectrum.addEventListener('click', () => this.look('spectrum'));
    for (const el of [this.ui.size, this.ui.span]) el.addEventListener('input', () => fieldErrors.hide(el));
    new ResizeObserver(() => { if (this.spectrum) drawSpectrum(this.ui.spectrumChart, this.spectrum); })
      .observe(this.ui.spectrumChart.parentElement);
    this.clear();
  }

  /** A new race is on its way: what was shown belongs to the old one. */
  clear() {
    if (this.job.busy) this.job.cancel();
    this.race = null;
    this.spectrum = null;
    this.ui.slice.disabled = true;
    this.ui.spectrum.disabled = true;
    this.ui.racer.replaceChildren();
    this.ui.racer.disabled = true;
    this.ui.sliceFigure.hidden = true;
    this.ui.spectrumFigure.hidden = true;
    this.ui.hint.hidden = false;
    this.ui.status.textContent = '';
    this.ui.error.textContent = '';
  }

  /** Train finished: `body` is what it posted, `result` its answer. */
  setRace(body, result) {
    this.race = body;
    this.ui.racer.replaceChildren(...result.racers.map((r) => {
      const o = document.createElement('option');
      o.value = r.id;
      o.textContent = r.id;
      return o;
    }));
    this.ui.racer.disabled = false;
    this.ui.slice.disabled = false;
    this.ui.spectrum.disabled = false;
    this.ui.hint.hidden = true;
  }

  /** The job's body, or null after marking what the page can tell is wrong. */
  body(kind) {
    fieldErrors.clear(this.ui.form);
    this.ui.error.textContent = '';
    const body = { ...this.race, kind, racer: this.ui.racer.value };
    if (kind === 'spectrum') return body;
    body.plane = this.ui.plane.value;
    const size = this.ui.size.value.trim();
    const span = this.ui.span.value.trim();
    let bad = null;
    if (size !== '') {
      if (/^\d{1,4}$/.test(size)) body.size = Number(size);
      else bad = [this.ui.size, `points per side must be a whole number, got '${size}'`];
    }
    if (span !== '' && span !== 'auto') {
      if (Number.isFinite(Number(span)) && Number(span) > 0) body.span = Number(span);
      else bad ??= [this.ui.span, `span must be a number > 0 (or empty: chosen to hold the paths), got '${span}'`];
    }
    if (bad) {
      fieldErrors.show(...bad);
      bad[0].focus();
      return null;
    }
    return body;
  }

  async look(kind) {
    if (this.job.busy || !this.race) return;
    const body = this.body(kind);
    if (!body) return;
    this.setBusy(true);
    this.ui.status.textContent = PHASES.training;
    // A Train started meanwhile clears the panel and cancels this job, but its answer may already be on
    // the way: a look at the old race must not be drawn over the new one.
    const race = this.race;
    try {
      const result = await this.job.run(body, {
        onRunning: (status) => { if (status.partial) this.ui.status.textContent = PHASES[status.partial.phase] ?? ''; },
      });
      if (this.race !== race) return;
      if (kind === 'slice') this.showSlice(result);
      else this.showSpectrum(result);
    } catch (e) {
      if (this.race !== race) return;
      if (e instanceof JobCancelled) {
        this.ui.status.textContent = e.reason === 'request' ? 'Cancelled.' : `Cancelled: ${e.message}.`;
      } else {
        this.ui.status.textContent = '';
        const input = { racer: this.ui.racer, plane: this.ui.plane, size: this.ui.size, span: this.ui.span }[e.field];
        if (input) {
          fieldErrors.show(input, e.message);
          input.focus();
        } else {
          this.ui.error.textContent = e.message;
        }
      }
    } finally {
      this.setBusy(false);
    }
  }

  setBusy(busy) {
    const ready = !busy && this.race !== null;
    this.ui.slice.disabled = !ready;
    this.ui.spectrum.disabled = !ready;
  }

  showSlice(s) {
    const { ui } = this;
    ui.sliceFigure.hidden = false;
    ui.sliceCentre.textContent = s.racer;
    ui.sliceCentreKind.textContent = diverged(s) ? 'last finite weights' : 'final weights';
    ui.sliceScale.textContent = s.picture.scale.log ? 'log scale' : 'linear scale';
    const axes = s.plane.kind === 'pca'
      ? `α and β are distances in weight space along the plane's two unit directions; the map spans ±${num(s.span, 3)}.`
      : 'α and β are steps along two random directions, each rescaled unit by unit to the length of that unit\'s own'
        + ' weights (filter normalisation): α = 1 moves each unit\'s weights by a distance equal to their own length; biases stay put.';
    ui.slicePlane.textContent = `The plane: ${s.plane.description}. ${axes}`
      + ` The centre (dashed cross, α = β = 0) is ${s.racer}'s ${centreWeights(s)}, loss ${num(s.centreLoss)};`
      + ' the ring is where every path starts, θ₀.';
    this.sliceView.show(s);
    ui.status.textContent = `Done: a ${s.size}×${s.size} slice of the ${s.shape} network (${s.parameters.toLocaleString('en')} weights) around ${s.racer}.`;
  }

  showSpectrum(a) {
    const { ui } = this;
    this.spectrum = a;
    ui.spectrumFigure.hidden = false;
    ui.spectrumCentre.textContent = a.racer;
    drawSpectrum(ui.spectrumChart, a);
    const words = spectrumWords(a);
    ui.spectrumIndex.textContent = words.index;
    ui.spectrumSharpness.textContent = words.sharpness;
    ui.status.textContent = `Done: the Hessian of the ${a.shape} network at ${a.racer}'s weights after ${a.step} steps (loss ${num(a.loss)}).`;
  }
}

/** Whether the racer the slice is centred on diverged: its centre is then its last finite weights. */
function diverged(slice) {
  return slice.racers.find((r) => r.id === slice.racer)?.stop === 'diverged';
}

/** What the slice's centre is, in the plane's sentence. */
function centreWeights(slice) {
  return diverged(slice)
    ? `last weights with a finite loss (step ${slice.centreStep}; it diverged after them)`
    : 'final weights';
}
