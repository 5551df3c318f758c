// The lab's one state object (urlState.js's LabState) and the parts of the page that read it. A
// change only marks it changed; once per animation frame every reader reads the state again, so a
// burst of changes (a slider dragged, a wheel turned, a link applied field by field) costs one
// rewrite of the address bar, not one per change.

export class LabStore {
  /** @param {import('./urlState.js').LabState} state */
  constructor(state) {
    this.state = state;
    this.readers = [];
    this.scheduled = false;
  }

  /** `read(state)` runs on the next frame after any change. */
  read(reader) {
    this.readers.push(reader);
  }

  /** The state changed: its readers read it on the next frame. */
  changed() {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      for (const reader of this.readers) reader(this.state);
    });
  }
}
