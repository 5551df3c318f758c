// A typed formula's error under its field: the sentence without the "surface: " the CLI needs (the
// field is right above), and the formula with its caret in monospace, spaces kept, so the caret sits
// under the column the sentence names.

/** @param {HTMLElement} box  where the error goes  @param {HTMLInputElement} input  the formula field */
export function showFormulaError(box, input, message) {
  const [first, ...rest] = message.replace(/^surface: /, '').split('\n');
  box.replaceChildren(first.charAt(0).toUpperCase() + first.slice(1));
  if (rest.length) {
    const pre = document.createElement('pre');
    pre.className = 'formula-caret';
    pre.dataset.testid = 'formula-caret';
    pre.textContent = rest.join('\n');
    box.append(pre);
  }
  input.setAttribute('aria-invalid', 'true');
}
