// The tour page: starts each section's experiment when it first comes near the screen, so the
// page opens fast and a section far below costs nothing until someone scrolls to it.

import { SECTIONS } from './tourSections.js';

const started = new Set();

function start(section) {
  const n = section.dataset.section;
  if (started.has(n)) return;
  started.add(n);
  section.classList.add('started');
  SECTIONS[n](section).then(
    () => section.setAttribute('data-ready', 'true'),
    (e) => { section.setAttribute('data-ready', 'error'); section.querySelector('.readout').textContent = e.message; },
  );
}

const seen = new IntersectionObserver((entries) => {
  for (const e of entries) if (e.isIntersecting) start(e.target);
}, { rootMargin: '400px 0px' });

for (const section of document.querySelectorAll('.tour-section')) seen.observe(section);
