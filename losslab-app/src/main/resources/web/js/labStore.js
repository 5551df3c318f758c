// The lab's one store: the state a link carries (urlState.js's LabState) and what the page has
// computed from it (`results`: the surface loaded, its picture, the sentence under Run, …), with
// the parts of the page that read them. A change only marks the store changed; once per animation
// frame every reader reads it again, so a burst of changes (a slider dragged, a wheel turned, a
// link applied field by field, a playback frame) costs one redraw of each view, not one per change.
// Readers redraw from the store alone; what is costly to redo (a new picture, new cards) they
// redo only when what it depends on changed (Seen).

export class LabStore {
  /**
   * @param {import('./urlState.js').LabState} state
   * @param {object} results  what was computed for the state, for the readers (main.js lists its parts)
   */
  constructor(state, results) {
    this.state = state;
    this.results = results;
    this.readers = [];
    this.scheduled = false;
    /** How many times each reader has run, by name: for tests and tools (window.__labRenders). */
    this.renders = Object.create(null);
  }

  /** `reader(state, results)` runs on the next frame after any change; `name` counts its runs. */
  read(name, reader) {
    if (name in this.renders) throw new Error(`a reader named ${name} reads this store already`);
    this.readers.push({ name, reader });
    this.renders[name] = 0;
  }

  /** The state or the results changed: the readers read them on the next frame. */
  changed() {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => this.render());
  }

  render() {
    this.scheduled = false;
    for (const { name, reader } of this.readers) {
      this.renders[name]++;
      reader(this.state, this.results);
    }
  }
}

/**
 * What a reader last drew from, so that it redoes costly work only when that changed: objects are
 * compared by identity (a new race is a new array of tracks), so a key made of plain values ("1,2")
 * stands for a value that is rebuilt on every change.
 */
export class Seen {
  constructor() {
    this.last = new Map();
  }

  /** Whether `value` differs from the one seen under `key` last time (true the first time); remembers it. */
  differs(key, value) {
    if (this.last.has(key) && Object.is(this.last.get(key), value)) return false;
    this.last.set(key, value);
    return true;
  }
}
