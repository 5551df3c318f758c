// Only the newest request of a kind counts: starting the next one aborts the one before
// (AbortController), so a superseded answer is never shown and the browser drops its connection
// instead of waiting for it. Replaces counting tokens by hand.

export class Latest {
  constructor() {
    this.controller = null;
  }

  /** The signal of a new request; the one before it, if still out, is aborted. */
  next() {
    this.controller?.abort();
    this.controller = new AbortController();
    return this.controller.signal;
  }

  /** The newest request's signal (null before the first). */
  get signal() {
    return this.controller ? this.controller.signal : null;
  }

  /** Aborts the request out now, if any: what it would answer no longer matches what is shown. */
  cancel() {
    this.controller?.abort();
    this.controller = null;
  }

  /** Whether `signal` is the newest request's and was not aborted. */
  isCurrent(signal) {
    return signal !== null && this.controller?.signal === signal && !signal.aborted;
  }
}
