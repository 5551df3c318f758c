// Long work on the maps page as a server job (docs/API.md, "Jobs"): start it, show its progress as
// a <progress> bar with a percentage, poll the server about every 200 ms, and let Cancel stop it
// on the server. One JobProgress per panel; the numbers (progress, result) all come from the API.

import * as api from './api.js';

const POLL_MS = 200;

/** The job was cancelled (by Cancel, or by the server's time limit: see reason and message). */
export class JobCancelled extends Error {
  constructor(reason, message) {
    super(message);
    this.name = 'JobCancelled';
    this.reason = reason;
  }
}

// Jobs of this page still computing: when the page goes away they are cancelled, so a closed tab
// does not keep the server's cores busy for a minute.
const running = new Set();
addEventListener('pagehide', () => {
  for (const id of running) api.cancelJob(id, { keepalive: true }).catch(() => {});
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class JobProgress {
  /**
   * @param {object} ui
   * @param {HTMLElement} ui.box          holds the bar; hidden until the first job
   * @param {HTMLProgressElement} ui.bar  max = 1
   * @param {HTMLElement} ui.text         the percentage
   * @param {HTMLButtonElement} ui.cancel Cancel
   */
  constructor(ui) {
    this.ui = ui;
    this.id = null;
    this.starting = false;
    this.cancelAsked = false;
    this.cancelAnswer = null; // the DELETE's answer (a Promise), once sent
    ui.cancel.addEventListener('click', () => this.cancel());
  }

  /** True from run() until the job has ended. */
  get busy() {
    return this.starting || this.id !== null;
  }

  /**
   * Runs a job to its end. Resolves with its result (what the kind's GET endpoint answers);
   * rejects with JobCancelled, or with an ApiError (bad input, too many jobs, a failure).
   * `onRunning(status)` sees every status that says the job still runs: a training race's carries
   * its curves so far (`partial`).
   */
  async run(body, { onRunning = null } = {}) {
    this.cancelAsked = false;
    this.cancelAnswer = null;
    this.starting = true;
    this.ui.box.dataset.state = 'running';
    this.show(0, true);
    let created;
    try {
      created = await api.startJob(body);
    } catch (e) {
      this.ui.box.hidden = true;
      throw e;
    } finally {
      this.starting = false;
    }
    this.id = created.id;
    running.add(created.id);
    // Cancel pressed (or a surface changed) while the job was being created: stop it now.
    if (this.cancelAsked) this.sendCancel();
    try {
      let status = created;
      while (status.state === 'running') {
        this.show(status.progress, true);
        if (onRunning) onRunning(status);
        await sleep(POLL_MS);
        // Our own DELETE forgets a job that had already ended: then its answer is the last word on it.
        const last = this.cancelAnswer && await this.cancelAnswer;
        if (last && last.state !== 'running') {
          status = last;
          continue;
        }
        try {
          status = await api.job(created.id);
        } catch (e) {
          // The server no longer answers for it (restarted: 404; unreachable; overloaded): ask it
          // to stop in case it still runs, and stop showing a live bar with a Cancel that cannot work.
          this.sendCancel();
          this.show(this.ui.bar.value, false);
          this.ui.box.dataset.state = 'lost';
          this.ui.text.textContent = `lost at ${Math.floor(100 * this.ui.bar.value)} %`;
          throw e;
        }
      }
      if (status.state === 'done') {
        this.ui.box.dataset.state = 'done';
        this.show(1, false, status.seconds);
        return status.result;
      }
      this.show(status.progress, false);
      this.ui.box.dataset.state = status.state;
      this.ui.text.textContent = `stopped at ${Math.floor(100 * status.progress)} %`;
      if (status.state === 'cancelled') throw new JobCancelled(status.reason, status.message);
      const error = status.error || {};
      throw new api.ApiError(error.error || 'the job failed', error.field ?? null, error.status ?? 500);
    } finally {
      running.delete(created.id);
      this.id = null;
    }
  }

  /**
   * Asks the server to stop the job; run() then rejects with JobCancelled once it has stopped.
   * Pressed while the job is still being created, the wish is kept and sent as soon as it has an id.
   */
  cancel() {
    if (!this.busy || this.cancelAsked) return;
    this.cancelAsked = true;
    this.ui.cancel.disabled = true;
    this.ui.text.textContent = 'cancelling…';
    if (this.id) this.sendCancel();
  }

  /** DELETE; the next poll reports the outcome (or, if the job had ended, the DELETE's answer). */
  sendCancel() {
    this.cancelAnswer = api.cancelJob(this.id).catch(() => null);
  }

  show(fraction, running, seconds) {
    const { box, bar, text, cancel } = this.ui;
    box.hidden = false;
    box.classList.toggle('running', running);
    bar.value = fraction;
    const percent = `${Math.floor(100 * fraction)} %`;
    if (!this.cancelAsked || !running) {
      text.textContent = seconds === undefined ? percent : `${percent} · ${seconds < 0.1 ? '< 0.1' : seconds.toFixed(1)} s`;
    }
    bar.setAttribute('aria-valuetext', percent);
    cancel.hidden = !running;
    cancel.disabled = !running || this.cancelAsked;
  }
}
