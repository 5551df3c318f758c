// Each racing optimizer's update rule as mathematics. The MathML comes from /api/catalog (our
// own server renders it from the registry), so it is inserted as markup; Chromium draws MathML
// natively. Without it, the registry's plain-text rule is shown instead.

import { racerColor } from './palette.js';

export function renderFormulas(container, optimizers, racing) {
  const byName = new Map(optimizers.map((o) => [o.name, o]));
  const key = racing.join(',');
  if (container.dataset.showing === key) return; // nothing changed: no DOM write
  container.dataset.showing = key;
  container.replaceChildren();
  for (const name of racing) {
    const o = byName.get(name);
    if (!o) continue;
    const fig = document.createElement('figure');
    fig.className = 'rule';
    fig.style.setProperty('--racer', racerColor(name));
    const cap = document.createElement('figcaption');
    cap.textContent = o.title;
    const body = document.createElement('div');
    body.className = 'rule-math';
    if (o.mathml) body.innerHTML = o.mathml;
    else body.textContent = o.updateRule;
    fig.append(cap, body);
    container.append(fig);
  }
}
