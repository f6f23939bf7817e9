import { gathered } from '../util/write-pieces.js';
import { formatCoverage, uncheckedFiles, uncheckedRules } from './coverage.js';
import { escapeXml } from './escape.js';
import { foldFindings } from './fold.js';
import { jsonPieces } from './json-pieces.js';
import type { Formatter, FormatterContext, Report } from './types.js';

/**
 * The report JSON made safe inside <script type="application/json">: no `<`, `>` or `&` can end
 * the element or start a comment, and U+2028/2029 cannot break older parsers.
 */
export function embedJson(data: unknown): string {
  return safeInScript(JSON.stringify(data));
}

/** Escapes JSON text character by character, so it may be applied to any piece of it. */
function safeInScript(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const STYLE = `
:root{--fail:#b42318;--warn:#b54708;--info:#175cd3;--pass:#067647;--line:#e4e7ec;--muted:#667085;--focus:#175cd3;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#101828}
*{box-sizing:border-box}
body{margin:0;background:#f9fafb}
header{background:#fff;border-bottom:1px solid var(--line);padding:16px 24px;display:flex;gap:8px 24px;align-items:center;flex-wrap:wrap}
h1{font-size:18px;margin:0}
#root{overflow-wrap:anywhere;min-width:0}
.verdict{font-weight:700;padding:4px 10px;border-radius:6px;color:#fff}
.verdict.FAIL{background:var(--fail)}.verdict.NEEDS{background:var(--warn)}.verdict.PASS{background:var(--pass)}
.counts span{margin-right:14px}.muted{color:var(--muted)}
main{display:grid;grid-template-columns:minmax(240px,320px) minmax(0,1fr);gap:16px;padding:16px 24px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px;min-width:0}
h2{font-size:15px;margin:0 0 8px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
th,td.sev{overflow-wrap:normal}
th{color:var(--muted);font-weight:600}
/* Fixed columns: a long file name or message wraps inside its cell instead of pushing the rule off screen. */
#findings-table{table-layout:fixed}
#findings-table .c-sev{width:6.5em}#findings-table .c-path{width:24%}#findings-table .c-hdu{width:4em}
#findings-table .c-kw{width:7.5em}#findings-table .c-rule{width:15%}
#files-table{table-layout:fixed}#files-table .c-verdict{width:9em}
tr.file{cursor:pointer}tr.file:hover,tr.file.selected{background:#eff8ff}
.sev{font-weight:600}.sev.error{color:var(--fail)}.sev.warning{color:var(--warn)}.sev.info{color:var(--info)}
.filters{display:flex;gap:8px;flex-wrap:wrap;margin-bottom:10px}
.filters input,.filters select,button{font:inherit;font-size:13px;padding:5px 8px;border:1px solid #d0d5dd;border-radius:6px;background:#fff;min-width:0;max-width:100%}
.filters select{flex:0 1 auto}.filters input{flex:1 1 12em}
button{cursor:pointer}button:disabled{opacity:.4;cursor:default}
pre.cards{background:#101828;color:#e4e7ec;padding:8px;border-radius:6px;font-size:12px;margin:6px 0 0;max-width:100%;white-space:pre-wrap;overflow-wrap:anywhere}
.hint{color:var(--muted);font-size:12px}
.note{font-size:12px;margin-top:2px}
.pager{display:flex;gap:8px;align-items:center;margin-top:8px;flex-wrap:wrap}
a{color:var(--info)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
tr.file:focus-visible{outline-offset:-3px}
#coverage{grid-column:1/-1}#coverage table{width:auto;max-width:100%}#coverage td.n{text-align:right}
#coverage .unread{color:var(--warn);font-weight:600}#coverage ul{margin:8px 0 0;padding-left:20px;font-size:13px}
#coverage li{overflow-wrap:anywhere}
.label{display:none}
@media (max-width:1100px){main{grid-template-columns:minmax(0,1fr)}}
/* Phones and narrow windows: each finding is a card, each field labelled. */
@media (max-width:760px){
  header{padding:12px 16px}main{padding:12px 8px;gap:12px}section{padding:10px}
  #findings-table,#findings-table tbody,#findings-table tr,#findings-table td{display:block;width:auto}
  #findings-table thead,#findings-table colgroup{display:none}
  #findings-table tr{border:1px solid var(--line);border-radius:8px;padding:6px 8px;margin-bottom:8px}
  #findings-table td{border:0;padding:2px 0}
  #findings-table td:empty{display:none}
  .label{display:inline;color:var(--muted);font-weight:400;margin-right:6px}
  .filters select,.filters input{flex:1 1 100%}
}
`;

const SCRIPT = `
(function(){
  var report = JSON.parse(document.getElementById('report-data').textContent);
  // Findings that follow from another are shown as notes under it (index of root -> indexes of notes).
  var notes = JSON.parse(document.getElementById('notes-data').textContent);
  var isNote = {};
  Object.keys(notes).forEach(function(k){ notes[k].forEach(function(i){ isNote[i] = true; }); });
  var roots = [];
  report.findings.forEach(function(f, i){ if (!isNote[i]) roots.push(i); });
  var rules = JSON.parse(document.getElementById('rules-data').textContent);
  var PAGE = 200, page = 0, selectedFile = '';
  function el(tag, attrs, text){var e=document.createElement(tag);if(attrs)for(var k in attrs)e.setAttribute(k,attrs[k]);if(text!==undefined&&text!==null)e.textContent=String(text);return e;}
  var $ = function(id){return document.getElementById(id);};
  // A cell with a label that only the narrow (card) layout shows.
  function labelled(cls, label, value){var td=el('td',{'class':cls});td.appendChild(el('span',{'class':'label'},label));td.appendChild(document.createTextNode(String(value)));return td;}
  var s = report.summary;
  $('verdict').textContent = s.verdict; $('verdict').className = 'verdict ' + s.verdict.split(' ')[0];
  function count(n, word){return n + ' ' + word + (n === 1 ? '' : 's');}
  // Products and support files (README, manifest, hlsp.config.json) apart; a names report has only names.
  var held = !report.root ? count(s.files, 'name') : s.products === undefined ? count(s.files, 'file') : count(s.products, 'product') + (s.supportFiles ? ', ' + count(s.supportFiles, 'support file') : '');
  $('counts').textContent = held + ' · ' + count(s.errors, 'error') + ' · ' + count(s.warnings, 'warning') + ' · ' + s.infos + ' info';
  $('root').textContent = report.root + ' · ' + report.tool.name + ' ' + report.tool.version + ' · ' + report.startedAt;
  var ruleSelect = $('f-rule'), fileSelect = $('f-file');
  Array.from(new Set(report.findings.map(function(f){return f.ruleId;}))).sort().forEach(function(id){ruleSelect.appendChild(el('option',{value:id},id));});
  var paths = Array.from(new Set(report.files.map(function(f){return f.path;}).concat(report.findings.map(function(f){return f.path;})))).sort();
  paths.forEach(function(p){fileSelect.appendChild(el('option',{value:p},p||'(collection)'));});
  var fileBody = $('files-body');
  report.files.forEach(function(file){
    var tr = el('tr',{'class':'file','data-path':file.path,tabindex:'0'});
    tr.appendChild(el('td',{'class':'path'},file.path));
    var v = el('td',{'class':'sev ' + (file.verdict==='FAIL'?'error':file.verdict==='PASS'?'':'warning')},file.verdict);
    tr.appendChild(v);
    var pick = function(){ fileSelect.value = file.path; selectedFile = file.path; page = 0; render(); };
    tr.addEventListener('click', pick); tr.addEventListener('keydown', function(e){ if(e.key==='Enter') pick(); });
    fileBody.appendChild(tr);
  });
  function matches(f){
    var sev = $('f-sev').value, rule = ruleSelect.value, file = fileSelect.value, text = $('f-text').value.toLowerCase();
    if (sev && f.severity !== sev) return false;
    if (rule && f.ruleId !== rule) return false;
    if (file && f.path !== file) return false;
    if (text) { var hay = (f.path+' '+f.message+' '+(f.keyword||'')+' '+f.ruleId+' '+(f.hint||'')).toLowerCase(); if (hay.indexOf(text) < 0) return false; }
    return true;
  }
  function render(){
    var list = roots.filter(function(i){ return matches(report.findings[i]); });
    var pages = Math.max(1, Math.ceil(list.length / PAGE)); if (page >= pages) page = pages - 1;
    var body = $('findings-body'); body.textContent = '';
    list.slice(page*PAGE, page*PAGE+PAGE).forEach(function(index){
      var f = report.findings[index];
      var tr = el('tr',{'class':'finding'});
      tr.appendChild(el('td',{'class':'sev '+f.severity},f.severity));
      tr.appendChild(labelled('path','file',f.path||'(collection)'));
      tr.appendChild(f.hdu===null ? el('td') : labelled('hdu','HDU',f.hdu));
      tr.appendChild(f.keyword ? labelled('kw','keyword',f.keyword) : el('td'));
      var msg = el('td',{'class':'msg'}); msg.appendChild(el('div',null,f.message));
      if (f.hint) msg.appendChild(el('div',{'class':'hint'},'→ ' + f.hint));
      if (f.offset !== null) msg.appendChild(el('div',{'class':'hint'},'byte offset ' + f.offset));
      if (f.context && f.context.length) msg.appendChild(el('pre',{'class':'cards'},f.context.join('\\n')));
      (notes[index] || []).forEach(function(n){
        var note = report.findings[n];
        var at = [note.hdu===null ? '' : 'HDU ' + note.hdu, note.keyword || ''].filter(Boolean).join(' ');
        msg.appendChild(el('div',{'class':'note'},'note: ' + note.severity + (at ? ' (' + at + ')' : '') + ': ' + note.message + ' (' + note.ruleId + ')'));
      });
      tr.appendChild(msg);
      var ruleCell = el('td',{'class':'rule'}); ruleCell.appendChild(el('span',{'class':'label'},'rule')); var meta = rules[f.ruleId];
      if (meta && /^https:\\/\\//.test(meta.docsUrl)) { var a = el('a',{href:meta.docsUrl,target:'_blank',rel:'noopener noreferrer'},f.ruleId); ruleCell.appendChild(a); }
      else ruleCell.appendChild(document.createTextNode(f.ruleId));
      tr.appendChild(ruleCell);
      body.appendChild(tr);
    });
    $('shown').textContent = list.length + ' of ' + roots.length + ' findings' + (roots.length < report.findings.length ? ' (and ' + (report.findings.length - roots.length) + ' that follow from them, as notes)' : '');
    $('page').textContent = 'page ' + (page+1) + ' of ' + pages;
    $('prev').disabled = page === 0; $('next').disabled = page >= pages - 1;
    Array.prototype.forEach.call(document.querySelectorAll('tr.file'), function(tr){ tr.classList.toggle('selected', tr.getAttribute('data-path') === fileSelect.value); });
  }
  ['f-sev','f-rule','f-file'].forEach(function(id){ $(id).addEventListener('change', function(){ page = 0; render(); }); });
  $('f-text').addEventListener('input', function(){ page = 0; render(); });
  $('prev').addEventListener('click', function(){ page--; render(); });
  $('next').addEventListener('click', function(){ page++; render(); });
  $('clear').addEventListener('click', function(){ $('f-sev').value=''; ruleSelect.value=''; fileSelect.value=''; $('f-text').value=''; page=0; render(); });
  render();
  document.body.setAttribute('data-ready','true');
})();
`;

/** For each root finding with notes, by its index in report.findings: the indexes of its notes. */
function notesOf(report: Report): Record<number, number[]> {
  const index = new Map(report.findings.map((finding, i) => [finding, i]));
  const notes: Record<number, number[]> = {};
  for (const { finding, caused } of foldFindings(report.findings))
    if (caused.length > 0) notes[index.get(finding)!] = caused.map((note) => index.get(note)!);
  return notes;
}

/** One self-contained HTML file: inline CSS and JS, the report embedded as data, no external requests. */
export const html: Formatter = (report: Report, context) =>
  [...page(report, context, [embedJson(report)])].join('');

/** The same page in pieces: the embedded report, the bulk of a large page, is written as it is made. */
export function htmlChunks(report: Report, context: FormatterContext): Iterable<string> {
  return page(report, context, embeddedInPieces(report));
}

function* embeddedInPieces(report: Report): Generator<string> {
  // Escaped in gathered pieces: a few passes over large text, not many over tiny ones.
  for (const piece of gathered(jsonPieces(report, 0))) yield safeInScript(piece);
}

function* page(report: Report, context: FormatterContext, embedded: Iterable<string>): Generator<string> {
  const rules: Record<string, { docsUrl: string }> = {};
  for (const [id, meta] of Object.entries(context.rules)) rules[id] = { docsUrl: meta.docsUrl };
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>hlsp-validate report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>hlsp-validate</h1>
  <span id="verdict" class="verdict"></span>
  <span id="counts" class="counts"></span>
  <span id="root" class="muted"></span>
</header>
<main>
${coverageSection(report)}
  <section aria-label="Files">
    <h2>Files</h2>
    <table id="files-table"><colgroup><col><col class="c-verdict"></colgroup><thead><tr><th>file</th><th>verdict</th></tr></thead><tbody id="files-body"></tbody></table>
  </section>
  <section aria-label="Findings">
    <h2>Findings <span id="shown" class="muted"></span></h2>
    <div class="filters">
      <select id="f-sev" aria-label="severity"><option value="">all severities</option><option value="error">errors</option><option value="warning">warnings</option><option value="info">info</option></select>
      <select id="f-rule" aria-label="rule"><option value="">all rules</option></select>
      <select id="f-file" aria-label="file"><option value="">all files</option></select>
      <input id="f-text" type="search" placeholder="search messages, keywords…" aria-label="search">
      <button id="clear" type="button">clear</button>
    </div>
    <table id="findings-table"><colgroup><col class="c-sev"><col class="c-path"><col class="c-hdu"><col class="c-kw"><col class="c-msg"><col class="c-rule"></colgroup><thead><tr><th>severity</th><th>file</th><th>HDU</th><th>keyword</th><th>message</th><th>rule</th></tr></thead><tbody id="findings-body"></tbody></table>
    <div class="pager"><button id="prev" type="button">previous</button><span id="page" class="muted"></span><button id="next" type="button">next</button></div>
  </section>
</main>
<script type="application/json" id="report-data">`;
  yield* embedded;
  yield `</script>
<script type="application/json" id="rules-data">${embedJson(rules)}</script>
<script type="application/json" id="notes-data">${embedJson(notesOf(report))}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const MAX_LISTED = 1000;

/**
 * What was and was not checked, rendered here rather than by the script, so that it is visible
 * even where scripts do not run. Every string from the report is escaped.
 */
function coverageSection(report: Report): string {
  const coverage = formatCoverage(report.files);
  const unread = uncheckedFiles(report);
  const rules = uncheckedRules(report);
  if (coverage.length === 0 && rules.length === 0) return '';
  const rows = coverage.map(
    ({ format, checked, notChecked }) =>
      `<tr><td>${escapeXml(format)}</td><td class="n">${checked}</td><td class="n${notChecked > 0 ? ' unread' : ''}">${notChecked}</td></tr>`,
  );
  const items = [
    ...rules.map((group) => {
      const where = group.path !== undefined ? ` (${escapeXml(group.path || '(collection)')})` : '';
      return `<li><strong>${group.ruleIds.map(escapeXml).join(', ')}</strong>${where}: ${escapeXml(group.reason)}</li>`;
    }),
    ...unread
      .slice(0, MAX_LISTED)
      .map(
        (file) =>
          `<li><strong>${escapeXml(file.path)}</strong> (${escapeXml(file.format)}): ${escapeXml(file.reason)}</li>`,
      ),
  ];
  if (unread.length > MAX_LISTED)
    items.push(
      `<li>…and ${unread.length - MAX_LISTED} more files not checked (see the findings of format/not-checked)</li>`,
    );
  const table =
    rows.length > 0
      ? `<table><thead><tr><th>format</th><th>checked</th><th>not checked</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '';
  const list =
    items.length > 0
      ? `<h2>Not checked</h2><ul id="not-checked">${items.join('')}</ul>`
      : '<p class="muted">Every file was read and judged, and every rule ran.</p>';
  return `  <section id="coverage" aria-label="What was checked"><h2>What was checked</h2>${table}${list}</section>`;
}
