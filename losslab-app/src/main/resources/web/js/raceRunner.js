// The race as data. A race is computed for one POST /api/race body; its key is that body as JSON.
// The race shown (playback's tracks) and the sentence under Run (results.error) both belong to the
// key they were made for: when the state's body changes (a setting, the start, the steps), the race
// reader `follow` drops the race on the next frame and the sentence stops being shown. Races are
// fetched only when asked for (Run, Step, a card's slider), never by a frame; only the newest
// request counts (latest.js).

import * as api from './api.js';
import { Track } from './playback.js';
import { racerColor } from './palette.js';
import { Latest } from './latest.js';

export class RaceRunner {
  /**
   * @param {object} o
   * @param {import('./labStore.js').LabStore} o.store
   * @param {import('./playback.js').Playback} o.playback  holds the race shown
   * @param {() => object|null} o.body       the race the state describes (POST /api/race), or null before a surface
   * @param {() => string[]} o.ids           racer i of the body is ids()[i]: "gd", "gd:2", …
   * @param {() => string|null} o.refusal    why the race may not be run now (no racer, a field marked wrong), or null
   * @param {(steps: number) => boolean} o.allowsInternals  whether a race this long may carry the optimizers' internals
   */
  constructor({ store, playback, body, ids, refusal, allowsInternals }) {
    Object.assign(this, { store, playback, body, ids, refusal, allowsInternals });
    this.loads = new Latest();
    /** The request out: { key, signal, internals, answer } while one is, else null. */
    this.inFlight = null;
    /** The key of the race playback holds (null: none). */
    this.shownKey = null;
    this.liveRun = null;
  }

  /** The race the state describes now, as a key ('' before there is a surface to race on). */
  key() {
    const body = this.body();
    return body ? JSON.stringify(body) : '';
  }

  /** Whether the race shown is the one the state describes. */
  get current() {
    return this.playback.loaded && this.shownKey === this.key();
  }

  /**
   * The sentence under Run (null: none), about the race the state describes now: once that changes,
   * the sentence is no longer shown. `racer` and `field` name a card's field it is about, and
   * `message` is what to say under that field.
   */
  say(text, { racer = null, field = null, message = text } = {}) {
    this.store.results.error = text === null ? null : { text, racer, field, message, key: this.key() };
    this.store.changed();
  }

  /** The sentence under Run now, if it is about the race the state describes. */
  sentence() {
    const e = this.store.results.error;
    return e && e.key === this.key() ? e : null;
  }

  /** The race reader: a race or a request for another body than the state's is dropped. */
  follow() {
    const key = this.key();
    if (this.inFlight && this.inFlight.key !== key) this.loads.cancel(); // its answer would not match
    if (this.playback.loaded && this.shownKey !== key) this.clear();
  }

  /** The fields no longer describe the race on the map (one went invalid): drop it, whatever its key. */
  drop() {
    this.loads.cancel();
    this.clear();
  }

  clear() {
    this.playback.clear();
    this.shownKey = null;
    this.store.changed();
  }

  /**
   * Loads the race for the current state unless it is loaded (true), or says why not (false). A
   * click while it loads (Step pressed twice quickly) waits for the same answer instead of starting
   * over, so every click counts.
   */
  async ensure(withInternals = false) {
    const key = this.key();
    if (this.current) return true;
    const out = this.inFlight;
    if (out && out.key === key && this.loads.isCurrent(out.signal) && (out.internals || !withInternals)) return out.answer;
    const refusal = this.refusal();
    if (refusal) {
      this.say(refusal);
      return false;
    }
    const body = this.body();
    if (!body) {
      // Run pressed (by a key, or before the buttons were disabled) while the landscape loads
      this.say('The landscape is still loading: press Run again once it is drawn.');
      return false;
    }
    const signal = this.loads.next();
    const ids = this.ids();
    if (withInternals && this.allowsInternals(body.steps)) body.internals = true;
    const answer = this.load(signal, key, body, ids);
    this.inFlight = { key, signal, internals: body.internals === true, answer };
    try {
      return await answer;
    } finally {
      if (this.inFlight?.signal === signal) this.inFlight = null;
    }
  }

  async load(signal, key, body, ids) {
    const results = this.store.results;
    results.busy = true;
    this.store.changed();
    try {
      const result = await api.race(body, { signal });
      if (!this.loads.isCurrent(signal)) return false;
      this.shownKey = key;
      this.playback.load(result.runs.map((run, i) => new Track(ids[i], racerColor(ids[i]), run)));
      this.say(null);
      return true;
    } catch (e) {
      if (this.loads.isCurrent(signal)) { // else superseded: aborted, or answered after a newer race
        const racer = e.racer !== null && e.racer !== undefined ? ids[e.racer] : null;
        this.say(racer ? `${racer}: ${e.message}` : e.message, { racer, field: racer ? e.field ?? null : null, message: e.message });
      }
      return false;
    } finally {
      results.busy = false;
      this.store.changed();
    }
  }

  /**
   * A card's slider moved: race again now and show the whole race, so the path follows the slider
   * (a race takes tens of milliseconds). One request at a time; a move during one asks for one more.
   * `before` runs before each request (step mode ends: the arrows belong to the race before).
   */
  async live(before) {
    if (this.liveRun) {
      this.liveRun.again = true;
      return;
    }
    this.liveRun = { again: false };
    try {
      do {
        this.liveRun.again = false;
        before();
        if (await this.ensure()) this.playback.seek(this.playback.length);
        // the state may have moved on while the race was out (another slider, a field): race again
        // unless the race shown is the one it describes now
      } while (this.liveRun.again || (this.key() !== '' && !this.current && !this.refusal() && this.store.results.error === null));
    } finally {
      this.liveRun = null;
    }
  }
}
