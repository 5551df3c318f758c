// The surface's reader: the picker and the formula field say which surface the map shows (also
// after a load that failed: the picker goes back to it), with its formula, its description, the
// page's title and the lessons for it, whose buttons set the lab up as a link would.

import { Seen } from './labStore.js';
import { lessonsFor } from './lessons.js';

/**
 * @param {object} o
 * @param {(name: string) => boolean} o.isListed  a surface the picker lists, not a typed formula
 * @param {(query: string) => void} o.applyQuery  a lesson's button pressed
 * @param {(id: string) => HTMLElement} o.$
 */
export function surfaceText({ isListed, applyQuery, $ }) {
  const seen = new Seen();
  return (state, results) => {
    if (!results.surface) return;
    // a failed load (results.refusals) leaves the picker on the surface it tried: put it back
    if (!(seen.differs('loads', results.loads) | seen.differs('refusals', results.refusals))) return;
    const info = results.surface.info;
    const select = $('surface-select');
    const known = isListed(info.name);
    let typed = select.querySelector('option[value="__typed"]');
    if (!known) {
      if (!typed) {
        typed = document.createElement('option');
        typed.value = '__typed';
        select.prepend(typed);
      }
      typed.textContent = 'Your formula';
      select.value = '__typed';
      $('formula-input').value = state.surface;
    } else {
      if (typed) typed.remove();
      select.value = info.name;
    }
    $('surface-formula').textContent = `f(x, y) = ${info.formula}`;
    $('surface-description').textContent = info.description || '';
    document.title = `${info.title || info.name} — LossLab`;
    showLessons(known ? info.name : '');
  };

  function showLessons(name) {
    const list = $('lessons');
    list.replaceChildren();
    for (const [text, actions] of lessonsFor(name)) {
      const li = document.createElement('li');
      const p = document.createElement('p');
      p.textContent = text;
      li.append(p);
      if (actions.length) {
        const row = document.createElement('div');
        row.className = 'lesson-actions';
        for (const [label, query] of actions) {
          const b = document.createElement('button');
          b.type = 'button';
          b.className = 'btn btn-small';
          b.textContent = label;
          b.addEventListener('click', () => applyQuery(query));
          row.append(b);
        }
        li.append(row);
      }
      list.append(li);
    }
  }
}
