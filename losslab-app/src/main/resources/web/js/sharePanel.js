// "Copy link" and "Embed": the race as a link (the URL already holds the whole set-up, urlState.js)
// or as the <iframe> snippet for /embed, shown in a small box with Copy, and optionally set to start
// playing when opened (play=1, which the page reads once and does not keep).

import { queryText } from './urlState.js';

const EMBED_SIZE = { width: 700, height: 500 };

export class SharePanel {
  /**
   * @param {object} ui  link (button), embed (button), box, title, text (textarea), autoplay
   *                     (checkbox), copy (button), done (status), close (button)
   */
  constructor(ui) {
    this.ui = ui;
    this.mode = null;
    ui.link.addEventListener('click', () => this.open('link'));
    ui.embed.addEventListener('click', () => this.open('embed'));
    ui.autoplay.addEventListener('change', () => this.fill());
    ui.copy.addEventListener('click', () => this.copy());
    ui.close.addEventListener('click', () => this.hide());
    ui.box.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') this.hide(); });
  }

  open(mode) {
    if (this.mode === mode && !this.ui.box.hidden) {
      this.hide();
      return;
    }
    this.mode = mode;
    this.ui.title.textContent = mode === 'link' ? 'Link to this race' : 'Put this race on a page';
    this.ui.box.hidden = false;
    this.ui.link.setAttribute('aria-expanded', String(mode === 'link'));
    this.ui.embed.setAttribute('aria-expanded', String(mode === 'embed'));
    this.fill();
    this.ui.text.focus();
    this.ui.text.select();
  }

  hide() {
    this.ui.box.hidden = true;
    this.mode = null;
    this.ui.link.setAttribute('aria-expanded', 'false');
    this.ui.embed.setAttribute('aria-expanded', 'false');
  }

  /** The page's state changed: what the box shows follows it. */
  refresh() {
    if (!this.ui.box.hidden) this.fill();
  }

  fill() {
    const query = new URLSearchParams(location.search);
    if (this.ui.autoplay.checked) query.set('play', '1'); else query.delete('play');
    const search = queryText(query);
    const page = this.mode === 'link' ? '/' : '/embed';
    const url = `${location.origin}${page}${search ? `?${search}` : ''}`;
    this.ui.text.value = this.mode === 'link' ? url
      : `<iframe src="${url.replaceAll('&', '&amp;')}" width="${EMBED_SIZE.width}" height="${EMBED_SIZE.height}" `
        + 'style="border: 0" title="LossLab race" loading="lazy"></iframe>';
    this.ui.text.rows = this.mode === 'link' ? 2 : 4;
    this.ui.done.textContent = '';
  }

  async copy() {
    const text = this.ui.text.value;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission (a plain http page on another host, some browsers): select the text
      // and use the older command, which still works from a click.
      this.ui.text.select();
      if (!document.execCommand('copy')) {
        this.ui.done.textContent = 'Select the text and copy it (Ctrl+C).';
        return;
      }
    }
    this.ui.done.textContent = 'Copied.';
  }
}
