// A lesson's locked parts, read-only in the JSON editor: given the text and the lesson's
// editable paths (`services[0].desiredCount`, `taskDefinitions[*].cpu`), the ranges of the text
// that may not change. A path that exists opens its value; one that does not exist yet opens the
// inside of its nearest existing object or array, so the key can be added. Text that is not JSON
// (half typed) locks nothing: Check still refuses a locked change.

/** Every value's span by its path (`a.b[0].c`; the root is ''), or null when not JSON. */
export function valueSpans(text) {
  let i = 0;
  const spans = new Map();
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const fail = () => { throw new Error('not JSON'); };
  const str = () => {
    const s = i;
    i++;
    while (i < text.length && text[i] !== '"') { if (text[i] === '\\') i++; i++; }
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(s, i));
  };
  const value = (path) => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++; ws();
      if (text[i] === '}') i++;
      else for (;;) {
        ws(); if (text[i] !== '"') fail();
        const k = str(); ws(); if (text[i] !== ':') fail(); i++;
        value(path === '' ? k : `${path}.${k}`); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; break; }
        fail();
      }
    } else if (c === '[') {
      i++; ws();
      if (text[i] === ']') i++;
      else for (let n = 0; ; n++) {
        value(`${path}[${n}]`); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; break; }
        fail();
      }
    } else if (c === '"') str();
    else {
      while (i < text.length && !',}] \t\n\r'.includes(text[i])) i++;
      if (i === start) fail();
    }
    spans.set(path, [start, i]);
  };
  try { value(''); ws(); if (i !== text.length) return null; } catch { return null; }
  return spans;
}

/** A pattern (`a[*].b`) as a regular expression over paths. */
function patternRegex(pattern) {
  const escaped = pattern.replace(/[.+?^${}()|\\]/g, '\\$&').replace(/\[\*\]/g, '\\[\\d+\\]').replace(/\[(\d+)\]/g, '\\[$1\\]');
  return new RegExp(`^${escaped}$`);
}

/** The pattern without its last step (`a.b[0]` → `a.b`, `a.b` → `a`, `a` → ''). */
function parentOf(pattern) {
  const m = pattern.match(/^(.*)(\.[^.[\]]+|\[(?:\d+|\*)\])$/);
  return m ? m[1] : '';
}

/** Whether a change of [from, to) (an insertion when from == to) touches a locked range: a
 *  deletion that overlaps one, or an insertion strictly inside one (typing at the edge of an
 *  editable value is editing that value). */
export function touchesLocked(locked, from, to) {
  for (let k = 0; k < locked.length; k += 2) {
    const [s, e] = [locked[k], locked[k + 1]];
    if (from === to ? s < from && from < e : from < e && to > s) return true;
  }
  return false;
}

/** What a change must keep: the document parsed, the values at the open paths taken out
 *  (an open value that does not exist yet is simply absent), written with sorted keys; null
 *  when the text is not JSON. Compared as parsed JSON, not as text: whitespace inside a locked
 *  string counts and formatting does not, and a paste that adds an open key is not refused for
 *  moving where the open range is (review, 2026-12-06). */
export function lockedSignature(text, patterns) {
  let doc;
  try { doc = JSON.parse(text); } catch { return null; }
  for (const p of patterns || []) removeOpen(doc, pathSteps(p));
  return stable(doc);
}

/** `a.b[0].c[*]` → ['a', 'b', 0, 'c', '*']. */
function pathSteps(pattern) {
  const out = [];
  const re = /([^.[\]]+)|\[(\d+|\*)\]/g;
  let m;
  while ((m = re.exec(pattern))) out.push(m[1] !== undefined ? m[1] : m[2] === '*' ? '*' : Number(m[2]));
  return out;
}

/** Takes the value at `steps` out of `node` (every element for `*`). */
function removeOpen(node, steps) {
  if (node === null || typeof node !== 'object' || steps.length === 0) return;
  const [head, ...rest] = steps;
  if (rest.length === 0) {
    if (head === '*') { if (Array.isArray(node)) node.length = 0; return; }
    if (Array.isArray(node)) { if (typeof head === 'number' && head < node.length) node[head] = null; return; }
    delete node[head];
    return;
  }
  const keys = head === '*' ? (Array.isArray(node) ? [...node.keys()] : []) : [head];
  for (const k of keys) removeOpen(node[k], rest);
}

/** JSON with object keys sorted. */
function stable(v) {
  if (Array.isArray(v)) return '[' + v.map(stable).join(',') + ']';
  if (v && typeof v === 'object') return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + stable(v[k])).join(',') + '}';
  return JSON.stringify(v);
}

/** The ranges [from1, to1, from2, to2, …] that may not change, or null (nothing locked). */
export function lockedRanges(text, patterns) {
  if (!patterns || patterns.length === 0) return null;
  const spans = valueSpans(text);
  if (!spans) return null;
  const open = [];
  for (const p of patterns) {
    const re = patternRegex(p);
    let found = false;
    for (const [path, span] of spans) if (re.test(path)) { open.push(span); found = true; }
    // Not there yet: open the inside of the nearest container that is.
    for (let q = parentOf(p); !found; q = parentOf(q)) {
      const rq = patternRegex(q);
      for (const [path, [s, e]] of spans) {
        if (rq.test(path) && '{['.includes(text[s])) { open.push([s + 1, e - 1]); found = true; }
      }
      if (q === '') break;
    }
  }
  open.sort((a, b) => a[0] - b[0]);
  const locked = [];
  let pos = 0;
  for (const [s, e] of open) {
    if (s > pos) locked.push(pos, s);
    pos = Math.max(pos, e);
  }
  if (pos < text.length) locked.push(pos, text.length);
  return locked;
}
