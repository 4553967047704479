/** The take-home site's style sheet and its two small scripts (read aloud, quiz feedback). */

/** Phone first, the kiosk's colours and font stacks, large targets, print rules. */
export const siteCss = `
:root {
  --bg: #f6f4ef; --surface: #ffffff; --text: #1d2433; --muted: #4a5263; --accent: #1f5f8b;
  --accent-text: #ffffff; --accent-soft: #e3eef6; --good: #1d6b3a; --warn: #8a4b00; --warn-soft: #fcefdc;
  --border: #b9bfca; --focus: #c2410c; --radius: 12px;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-size: 100%; line-height: 1.55; color: var(--text); background: var(--bg); -webkit-text-size-adjust: 100%; }
/* Per element, so a language's name in the switcher uses its own script's font on every page. */
body { margin: 0 auto; max-width: 44rem; padding: 0 1rem 2rem; font-size: 1.125rem; overflow-wrap: break-word; }
img { max-width: 100%; height: auto; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible, summary:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 1.5rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 0.25rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.site-header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.75rem 0; border-bottom: 1px solid var(--border); }
.site-header .clinic-name { margin: 0; font-weight: 700; flex: 1 1 auto; }
.languages ul, .tiles, .steps, .quiz-list { list-style: none; margin: 0; padding: 0; }
.languages ul { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.languages a, .home-link, .button, .read-aloud { display: inline-flex; align-items: center; justify-content: center; min-height: 48px; min-width: 48px; padding: 0.5rem 0.9rem; border-radius: var(--radius); border: 1px solid var(--border); background: var(--surface); color: var(--accent); text-decoration: none; }
button.read-aloud { font: inherit; }
.languages a[aria-current='page'] { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
.button, .read-aloud { background: var(--accent); color: var(--accent-text); border-color: var(--accent); font-weight: 700; cursor: pointer; }
.read-aloud-bar { margin: 1rem 0 0; }
.home-header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
.hero { width: 9rem; }
.tagline { margin: 0; color: var(--muted); }
.tiles { display: grid; gap: 0.75rem; margin-top: 1rem; }
.tile { display: flex; flex-direction: column; gap: 0.25rem; min-height: 48px; padding: 0.9rem 1rem; border-radius: var(--radius); background: var(--surface); border: 1px solid var(--border); color: var(--text); text-decoration: none; }
.tile-title { font-weight: 700; color: var(--accent); }
.tile-summary { color: var(--muted); }
.provenance { background: var(--warn-soft); color: var(--warn); padding: 0.5rem 0.75rem; border-radius: var(--radius); }
.provenance span { display: block; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--border); padding: 0.4rem 0.5rem; text-align: start; vertical-align: top; }
a.term { font-weight: 700; }
.steps .step { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 0.75rem 1rem 1rem; margin: 1rem 0; }
.step-progress, .quiz-progress { color: var(--muted); margin: 0; font-size: 1rem; }
.step h2 { margin-top: 0.25rem; }
.step-illustration { display: block; margin: 0.5rem auto; width: 100%; max-width: 24rem; }
.glossary-entry { padding: 0.5rem 0; border-bottom: 1px solid var(--border); }
.glossary dt { font-weight: 700; }
.glossary dd { margin: 0.25rem 0 0; }
.glossary-entry:target { background: var(--accent-soft); }
.quiz-question { border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); margin: 1rem 0; padding: 0.75rem 1rem; min-width: 0; }
/* A floated legend sits inside the box instead of breaking its border. */
.quiz-question legend { float: inline-start; width: 100%; font-weight: 700; padding: 0; margin: 0 0 0.5rem; }
.quiz-question legend ~ * { clear: both; }
.quiz-progress { display: block; font-weight: 400; }
.quiz-option { display: flex; align-items: center; gap: 0.6rem; min-height: 48px; padding: 0.25rem 0; cursor: pointer; }
.quiz-option input { width: 1.5rem; height: 1.5rem; flex: none; margin: 0; }
.quiz-verdict { font-weight: 700; margin: 0.5rem 0 0; }
.quiz-verdict.right { color: var(--good); }
.quiz-verdict.not-quite { color: var(--warn); }
.quiz-answer summary { display: flex; align-items: center; min-height: 48px; color: var(--accent); cursor: pointer; }
.step-done { margin: 1.5rem 0; }
.site-footer { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--border); }
.site-footer p { margin: 0.25rem 0; }
.site-footer a { display: inline-flex; align-items: center; min-height: 48px; }
.privacy-note { color: var(--muted); font-size: 1rem; }
.narration { display: block; width: 100%; margin: 0.5rem 0; }
@media (min-width: 40rem) { .tiles { grid-template-columns: 1fr 1fr; } }
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto !important; transition: none !important; } }
@media print {
  @page { margin: 15mm; }
  html { background: #fff; font-size: 11pt; }
  body { max-width: none; padding: 0; }
  .languages, .page-nav, .read-aloud-bar, .narration, .quiz-answer summary { display: none; }
  .tile, .steps .step, .quiz-question { break-inside: avoid; border-color: #888; }
  .quiz-answer > :not(summary) { display: block; }
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * Read aloud with the phone's own voices: the button stays hidden unless the browser has a
 * voice for the page's language. Reads the main text block by block.
 */
export const readAloudJs = `(function () {
  'use strict';
  var synth = window.speechSynthesis;
  var button = document.querySelector('[data-read-aloud]');
  if (!button || !synth || typeof window.SpeechSynthesisUtterance !== 'function') return;
  var lang = document.documentElement.lang;
  var primary = lang.toLowerCase().split('-')[0];
  var label = button.textContent;
  var reading = false;
  function voice() {
    var voices = synth.getVoices();
    var exact = null, near = null;
    for (var i = 0; i < voices.length; i++) {
      var v = (voices[i].lang || '').replace('_', '-').toLowerCase();
      if (v === lang.toLowerCase()) exact = exact || voices[i];
      else if (v.split('-')[0] === primary) near = near || voices[i];
    }
    return exact || near;
  }
  function update() { button.hidden = !voice(); }
  function stop() { synth.cancel(); reading = false; button.textContent = label; button.setAttribute('aria-pressed', 'false'); }
  button.addEventListener('click', function () {
    if (reading) { stop(); return; }
    var v = voice();
    if (!v) return;
    var blocks = document.querySelectorAll('main h1, main h2, main h3, main p:not(.read-aloud-bar), main li:not(:has(p)), main dt, main dd, main td, main th, main legend, main label');
    var texts = [];
    for (var i = 0; i < blocks.length; i++) { var t = (blocks[i].textContent || '').trim(); if (t && !blocks[i].closest('[hidden], details:not([open])')) texts.push(t); }
    if (!texts.length) return;
    reading = true;
    button.textContent = button.getAttribute('data-label-stop') || label;
    button.setAttribute('aria-pressed', 'true');
    texts.forEach(function (t, n) {
      var u = new SpeechSynthesisUtterance(t);
      u.lang = lang;
      try { u.voice = v; } catch (e) { /* the language alone picks a voice */ }
      if (n === texts.length - 1) { u.onend = stop; u.onerror = stop; }
      synth.speak(u);
    });
  });
  update();
  if (typeof synth.addEventListener === 'function') synth.addEventListener('voiceschanged', update);
  window.addEventListener('pagehide', function () { synth.cancel(); });
})();
`;

/** Quiz feedback on the phone: choosing an answer says whether it is right and opens the explanation. */
export const quizJs = `(function () {
  'use strict';
  var questions = document.querySelectorAll('[data-question]');
  for (var i = 0; i < questions.length; i++) (function (q) {
    q.addEventListener('change', function (e) {
      var chosen = e.target && e.target.value;
      var verdict = q.querySelector('[data-verdict]');
      var right = chosen === q.getAttribute('data-answer');
      verdict.textContent = verdict.getAttribute(right ? 'data-right' : 'data-not-quite');
      verdict.className = 'quiz-verdict ' + (right ? 'right' : 'not-quite');
      var details = q.querySelector('details');
      if (details) details.open = true;
    });
  })(questions[i]);
})();
`;

/** The site's icon (so browsers do not ask the server for a missing /favicon.ico). */
export const siteIconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1f5f8b"/><path d="M14 7h4v7h7v4h-7v7h-4v-7H7v-4h7z" fill="#fff"/></svg>
`;
