// Validation messages next to the field they are about, on the maps page's forms: the field is
// marked aria-invalid and a one-sentence message (the page's own check, or the API's 400 with its
// "field") appears right under it, tied to it by aria-describedby.

/** Removes every field message and mark in `form`. */
export function clear(form) {
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('aria-describedby');
  }
  for (const p of form.querySelectorAll('.field-error[data-for]')) p.remove();
}

/** Removes `input`'s message and mark, if it has them. */
export function hide(input) {
  if (!input.hasAttribute('aria-invalid')) return;
  input.removeAttribute('aria-invalid');
  input.removeAttribute('aria-describedby');
  document.getElementById(`${input.id}-message`)?.remove();
}

/** Marks `input` invalid and shows `message` under it. */
export function show(input, message) {
  input.setAttribute('aria-invalid', 'true');
  // Under the field, inside it; for a from / to / count row, under the whole row.
  const row = input.closest('.range-row');
  const field = input.closest('.field');
  const where = row ? row.parentElement : field || input.parentElement;
  const key = input.id;
  let p = where.querySelector(`.field-error[data-for="${CSS.escape(key)}"]`);
  if (!p) {
    p = document.createElement('p');
    p.className = 'field-error';
    p.dataset.for = key;
    p.id = `${key}-message`;
    p.dataset.testid = `${key}-message`;
    if (row) row.after(p);
    else if (field) field.append(p);
    else input.after(p);
  }
  p.textContent = message;
  input.setAttribute('aria-describedby', p.id);
}

/**
 * Shows an API error next to its field when `fieldFor(error.field)` names an input, else in
 * `fallback` (the form's general message line). Returns the input marked, if any.
 */
export function showApiError(form, error, fieldFor, fallback) {
  const input = error.field ? fieldFor(error.field) : null;
  if (input) {
    show(input, error.message);
    fallback.textContent = '';
  } else {
    fallback.textContent = error.message;
  }
  return input;
}
