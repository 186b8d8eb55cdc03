// The JSON editor of the playground: CodeMirror 6 with JSON colouring, bracket matching,
// auto-indent, folding, undo/redo, search, a format command, completion of keys and enum values
// and field documentation (both from the schema the engine passes in), and problems drawn as
// squiggles at their fields. esbuild bundles it (web/editor-js/build.mjs); the app
// (web/src/editor/codemirror.rs) finds it as `window.EcsEditor` once this module has run.
//
// Text from the user is only ever handed to CodeMirror (which renders it as text) or set with
// textContent: nothing here builds HTML from strings.

import { EditorState, RangeSet, StateEffect, StateField } from '@codemirror/state';
import {
  EditorView, GutterMarker, drawSelection, dropCursor, highlightActiveLine,
  highlightActiveLineGutter, highlightSpecialChars, hoverTooltip, keymap, lineNumberMarkers,
  lineNumbers, rectangularSelection, showPanel, tooltips,
} from '@codemirror/view';
import {
  bracketMatching, defaultHighlightStyle, foldGutter, foldKeymap, indentOnInput, syntaxHighlighting,
} from '@codemirror/language';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { lintKeymap, setDiagnostics } from '@codemirror/lint';
import { json } from '@codemirror/lang-json';
import { format } from './format.js';
import { contextAt, fieldAt, requiresFargate } from './schema.js';
import { lockedRanges, lockedSignature, touchesLocked } from './locked.js';

/**
 * One host for every editor's tooltips, outside the panes that clip them. It is fixed and
 * empty: CodeMirror's container in it takes the editor theme's full height, and placed in the
 * body's flow that made the whole page scroll by a screen (the stage tests caught it).
 */
function tooltipHost() {
  let host = document.getElementById('cm-tooltip-host');
  if (!host) {
    host = document.createElement('div');
    host.id = 'cm-tooltip-host';
    host.style.cssText = 'position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 50;';
    document.body.appendChild(host);
  }
  return host;
}

/** The lesson's editable paths (empty: nothing is locked). */
const setOpen = StateEffect.define();
const openField = StateField.define({
  create: () => [],
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setOpen)) value = e.value;
    return value;
  },
});
/** The longest text (characters) whose locked parts are found on every change (~12 ms). */
const LOCK_SCAN_LIMIT = 200_000;
/** Marks a transaction whose change was refused for touching a locked part. */
const refusedLocked = StateEffect.define();
/** A lesson's locked parts stay as they are (the app's own replacements — a form, Show
 *  solution, Start over — and the format command pass). A change that touches one is taken
 *  whole when the locked parts read the same afterwards (a pasted line or a pasted copy of the
 *  scenario that changes only editable values), else refused whole, with a line in the panel
 *  under the text. Until 2026-12-06 CodeMirror's change filter dropped only the locked part of
 *  such a change: pasting over a line whose key is locked deleted the student's value and threw
 *  the pasted text away (student walkthrough). */
const lockFilter = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged) return tr;
  const patterns = tr.startState.field(openField, false);
  if (!patterns || patterns.length === 0) return tr;
  // Finding the locked parts reads the whole text on every change: ~50 ms a key at 800 KB,
  // over the page's 50 ms budget. A lesson's scenario is a few KB; one pasted far past that
  // is not locked key by key, and Check still names and refuses each locked change.
  if (tr.startState.doc.length > LOCK_SCAN_LIMIT) return tr;
  const before = tr.startState.doc.toString();
  const locked = lockedRanges(before, patterns);
  if (!locked) return tr;
  let touches = false;
  tr.changes.iterChangedRanges((fromA, toA) => { touches = touches || touchesLocked(locked, fromA, toA); });
  if (!touches) return tr;
  const after = tr.newDoc.toString();
  if (after.length <= LOCK_SCAN_LIMIT && lockedSignature(after, patterns) === lockedSignature(before, patterns)) return tr;
  return { effects: refusedLocked.of(true) };
});

/** Milliseconds of quiet before the app hears about an edit (validation is not per key). */
function quietMs(length) {
  return length > 200_000 ? 400 : length > 20_000 ? 250 : 120;
}

// ---- Gutter: line numbers that carry the problems of their line ------------------------------

/** A line number drawn as a problem mark (red for an error, amber for advice). */
class ProblemNumber extends GutterMarker {
  constructor(line, error, title) {
    super();
    this.line = line;
    this.error = error;
    this.title = title;
  }
  eq(other) {
    return other.line === this.line && other.error === this.error && other.title === this.title;
  }
  toDOM() {
    const el = document.createElement('div');
    el.className = this.error ? 'ln bad' : 'ln warn';
    el.dataset.testid = this.error ? 'gutter-mark' : 'gutter-warning';
    el.title = this.title;
    el.textContent = String(this.line);
    return el;
  }
}

const setMarkers = StateEffect.define();
/** The marked line numbers; dropped when lines come or go (the numbers would be stale). */
const markerField = StateField.define({
  create: () => RangeSet.empty,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setMarkers)) return e.value;
    if (tr.docChanged && tr.startState.doc.lines !== tr.state.doc.lines) return RangeSet.empty;
    return value.map(tr.changes);
  },
  provide: (f) => lineNumberMarkers.from(f),
});

// ---- Schema, documentation at the caret and on hover -----------------------------------------

const setSchema = StateEffect.define();
/** The schema (contexts of keys with docs, values, links) and the root context of this text. */
const schemaField = StateField.define({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setSchema)) return e.value;
    return value;
  },
});

/** The documentation of one field as DOM (textContent only). */
function docDom(key, field) {
  const box = document.createElement('div');
  box.className = 'cm-field-doc';
  box.dataset.testid = 'field-doc';
  const name = document.createElement('code');
  name.className = 'cm-field-doc-key';
  name.textContent = key;
  box.append(name);
  const text = document.createElement('span');
  text.className = 'cm-field-doc-text';
  text.textContent = ' ' + field.doc;
  box.append(text);
  if (field.values && field.values.length) {
    const values = document.createElement('span');
    values.className = 'cm-field-doc-values';
    values.textContent = ' Values: ' + field.values.join(', ') + '.';
    if (field.fargate) {
      values.textContent += field.fargate.length ? ' On Fargate: ' + field.fargate.join(', ') + '.' : ' Not on Fargate.';
    }
    box.append(values);
  }
  if (field.url) {
    const link = document.createElement('a');
    link.href = field.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent = field.url.includes('/APIReference/') ? ' API Reference' : ' Developer Guide';
    box.append(link);
  }
  return box;
}

const fieldHover = hoverTooltip((view, pos, side) => {
  const schema = view.state.field(schemaField, false);
  if (!schema) return null;
  const found = fieldAt(view.state, schema, pos, side);
  if (!found) return null;
  return {
    pos: found.from,
    end: found.to,
    above: true,
    create: () => ({ dom: docDom(found.key, found.field) }),
  };
});

/** The panel under the text: the documentation of the field at the caret. */
function caretDocPanel(view) {
  const dom = document.createElement('div');
  dom.className = 'cm-caret-doc';
  dom.dataset.testid = 'caret-doc';
  let shown = null;
  const show = (state) => {
    const schema = state.field(schemaField, false);
    const found = schema && fieldAt(state, schema, state.selection.main.head, -1, true);
    const id = found ? found.key + '\u0000' + found.field.doc : null;
    if (id === shown) return;
    shown = id;
    dom.replaceChildren(found ? docDom(found.key, found.field) : hintDom());
  };
  show(view.state);
  return {
    dom,
    update(u) {
      if (u.transactions.some((t) => t.effects.some((e) => e.is(refusedLocked)))) {
        shown = null;
        dom.replaceChildren(refusedDom());
        return;
      }
      if (u.selectionSet || u.docChanged || u.transactions.some((t) => t.effects.some((e) => e.is(setSchema)))) show(u.state);
    },
  };
}

function refusedDom() {
  const line = document.createElement('span');
  line.className = 'cm-caret-doc-refused';
  line.dataset.testid = 'lock-refused';
  line.textContent = 'Not changed: that edit touches a part of the scenario this lesson keeps locked. Change only the values the lesson opens (its pane lists them).';
  return line;
}

function hintDom() {
  const hint = document.createElement('span');
  hint.className = 'cm-caret-doc-hint';
  hint.textContent = 'Put the caret on a key to read what it does. Ctrl-Space completes, Ctrl-F searches, Shift-Alt-F formats; Esc then Tab leaves the editor.';
  return hint;
}

// ---- Completion ------------------------------------------------------------------------------

function complete(context) {
  const schema = context.state.field(schemaField, false);
  if (!schema) return null;
  const at = contextAt(context.state, schema, context.pos);
  if (!at) return null;
  const word = context.matchBefore(/"?[A-Za-z0-9_$.:\/-]*/);
  if (!context.explicit && (!word || word.from === word.to)) return null;
  // The text after an opening quote is what filters; a closing quote just after the caret
  // (closeBrackets typed it) is replaced too, so the completion writes one pair of quotes.
  const quoted = !!word && word.text.startsWith('"');
  const from = word ? word.from + (quoted ? 1 : 0) : context.pos;
  const to = context.pos;
  const open = quoted ? '' : '"';
  const write = (text) => (view, _completion, f, t) => {
    const end = quoted && view.state.sliceDoc(t, t + 1) === '"' ? t + 1 : t;
    view.dispatch({ changes: { from: f, to: end, insert: text }, selection: { anchor: f + text.length }, userEvent: 'input.complete' });
  };
  if (at.kind === 'key') {
    const options = Object.entries(at.ctx.keys)
      .filter(([key]) => !at.present.has(key))
      .map(([key, field]) => ({
        label: key,
        apply: write(`${open}${key}": `),
        type: 'property',
        detail: field.values && field.values.length ? field.values.slice(0, 4).join(' | ') : undefined,
        info: () => docDom(key, field),
      }));
    return options.length ? { from, to, options, validFor: /^[A-Za-z0-9_$]*$/ } : null;
  }
  if (at.field && at.field.values && at.field.values.length) {
    // In a task definition requiring FARGATE, the values Fargate refuses come last, marked.
    const fargate = at.field.fargate && requiresFargate(context.state, context.pos) ? at.field.fargate : null;
    const options = at.field.values.map((v) => {
      const refused = fargate && !fargate.includes(v);
      return { label: v, apply: write(`${open}${v}"`), type: 'enum', ...(refused ? { detail: 'not on Fargate', boost: -1 } : {}) };
    });
    return { from, to, options, validFor: /^[A-Za-z0-9_$.:\/-]*$/ };
  }
  return null;
}

// ---- Problems as squiggles -------------------------------------------------------------------

/** The range a problem at (line, column) underlines: `"key": scalar`, a scalar, or one char. */
function fieldRange(doc, line, column) {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  const pos = Math.min(l.from + Math.max(column, 1) - 1, l.to);
  const rest = doc.sliceString(pos, l.to);
  const m = /^("(?:[^"\\]|\\.)*"\s*:\s*)?("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*|true|false|null)?/.exec(rest);
  let len = m ? m[0].length : 0;
  if (m && m[1] && !m[2]) len = m[1].replace(/\s*:\s*$/, '').length;
  if (len === 0) return pos < l.to ? { from: pos, to: pos + 1 } : { from: Math.max(l.from, pos - 1), to: pos };
  return { from: pos, to: pos + len };
}

function placeMarks(view, marks) {
  const doc = view.state.doc;
  const diagnostics = [];
  const lines = new Map();
  for (const m of marks) {
    const r = fieldRange(doc, m.line, m.column);
    diagnostics.push({ from: r.from, to: r.to, severity: m.warning ? 'warning' : 'error', message: m.message });
    const n = Math.min(Math.max(m.line, 1), doc.lines);
    const e = lines.get(n) || { error: false, messages: [] };
    e.error = e.error || !m.warning;
    e.messages.push(m.warning ? '⚠ ' + m.message : m.message);
    lines.set(n, e);
  }
  const markers = [...lines.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([n, e]) => new ProblemNumber(n, e.error, e.messages.join('\n')).range(doc.line(n).from));
  const spec = setDiagnostics(view.state, diagnostics);
  view.dispatch({ ...spec, effects: [...[].concat(spec.effects || []), setMarkers.of(RangeSet.of(markers))] });
  view.contentDOM.setAttribute('aria-invalid', String(marks.some((m) => !m.warning)));
}

// ---- The editor ------------------------------------------------------------------------------

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: '#fff' },
  '.cm-scroller': { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace', lineHeight: '20px' },
  '.cm-gutters': { backgroundColor: '#f4f4f4', color: '#6b7785', borderRight: '1px solid #d5dbdb' },
  '.cm-lineNumbers .cm-gutterElement': { minWidth: '2.6rem' },
  '.cm-tooltip.cm-tooltip-hover': { maxWidth: '32rem' },
});

/** What `mirror` returns where there is no text area to mirror into. */
const NO_MIRROR = { editorChanged: () => {}, release: () => {} };

/**
 * Makes the hidden text area `area` read the editor's text: its `value` (in the page's own
 * JavaScript world) is the editor's document until something sets the text area itself (a test,
 * browser automation), then that value until the editor changes again; while the focus is in
 * the text area (automation typing into it), its own value. So the app never writes a large text
 * into the hidden text area on each edit (a 1 MiB value cost 50–110 ms per edit, and its layout
 * up to 1 s). Returns the function that marks the editor's text as the newest and the one that
 * undoes it all.
 */
function mirror(area, view) {
  const own = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
  if (!area || !own) return NO_MIRROR;
  let editorNewest = true;
  // Typing into the text area itself (only browser automation can: it is hidden, out of the tab
  // order and takes no pointer) changes its own value without the setter, with the focus in it.
  // (An input listener on an ancestor instead cost about 6 ms on every key typed in the editor.)
  const ownNewest = () => !editorNewest || document.activeElement === area;
  Object.defineProperty(area, 'value', {
    configurable: true,
    get() { return ownNewest() ? own.get.call(this) : view.state.doc.toString(); },
    set(v) { editorNewest = false; own.set.call(this, v); },
  });
  return {
    editorChanged: () => { editorNewest = true; },
    release: () => {
      const text = area.value;
      delete area.value;
      own.set.call(area, text);
    },
  };
}

/**
 * Keeps the caret's line on screen while the editor is typed in and its box gets shorter: the
 * problem list under the editor grows as a half-typed edit turns invalid, and at 1280×720 it
 * pushed the line being typed below the editor's bottom edge, so a student typed blind
 * (37th session's walkthrough). Only a focused editor that shrank is scrolled; one that grew,
 * or one not being typed in, is left where its reader put it. Returns the observer.
 */
function keepCaretInView(view) {
  let height = view.scrollDOM.clientHeight;
  const observer = new ResizeObserver(() => {
    const now = view.scrollDOM.clientHeight;
    const shrank = now < height;
    height = now;
    if (!shrank || !view.hasFocus) return;
    view.dispatch({ effects: EditorView.scrollIntoView(view.state.selection.main.head, { y: 'nearest' }) });
  });
  observer.observe(view.scrollDOM);
  return observer;
}

/**
 * Creates an editor in `parent`. `options`: text, label (accessible name), root (the schema
 * context of the whole text, e.g. "scenario"), onChange(text) (called after a quiet moment),
 * mirror (the hidden text area that reads the editor's text, see `mirror`).
 */
function create(parent, options) {
  let timer = null;
  let silent = false;
  let mirrored = NO_MIRROR;
  const flush = () => {
    timer = null;
    options.onChange(view.state.doc.toString());
  };
  const formatCommand = (v) => {
    const out = format(v.state.doc.toString());
    if (out === null || out === v.state.doc.toString()) return out !== null;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: out }, userEvent: 'input.format', filter: false });
    return true;
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text || '',
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), foldGutter(), highlightSpecialChars(), history(),
        drawSelection(), dropCursor(), EditorState.allowMultipleSelections.of(true), indentOnInput(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }), bracketMatching(), closeBrackets(),
        autocompletion({ override: [complete], icons: false }), rectangularSelection(), highlightActiveLine(),
        highlightSelectionMatches(), search({ top: true }), json(), markerField, schemaField, fieldHover,
        openField, lockFilter,
        showPanel.of(caretDocPanel), theme, EditorState.tabSize.of(2),
        // Completion's documentation panel opens beside the list, past the editor column's
        // right edge, which clips its pane: drawn in the page's body it shows whole (an
        // engineer's walkthrough found it invisible and the value list cut off).
        tooltips({ parent: tooltipHost() }),
        // Long lines wrap: the editor column is about 330 px at 1280×720, and a student could
        // not see the `hostPort` of a one-line portMappings without scrolling sideways.
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': options.label || 'JSON', 'data-testid': 'cm-content' }),
        keymap.of([
          { key: 'Shift-Alt-f', run: formatCommand },
          { key: 'Mod-Shift-f', run: formatCommand },
          ...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap,
          ...completionKeymap, ...lintKeymap, indentWithTab,
        ]),
        // Leaving the editor (a click on Check, Register, a form) hands the app the text at
        // once, so the click acts on what was typed, not on the text before the quiet moment.
        EditorView.domEventHandlers({
          blur() {
            if (timer !== null) { clearTimeout(timer); flush(); }
            return false;
          },
        }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) mirrored.editorChanged();
          if (!u.docChanged || silent) return;
          if (timer !== null) clearTimeout(timer);
          timer = setTimeout(flush, quietMs(u.state.doc.length));
        }),
      ],
    }),
  });
  mirrored = mirror(options.mirror, view);
  const keepCaret = keepCaretInView(view);
  const handle = {
    /** Replaces the text (a form's edit, another family); the app already knows it. */
    setText(text) {
      if (timer !== null) { clearTimeout(timer); timer = null; }
      if (text === view.state.doc.toString()) return;
      silent = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, filter: false });
      } finally {
        silent = false;
      }
    },
    /** The text now (including edits the app has not heard about yet). */
    getText: () => view.state.doc.toString(),
    /** Problems: [{line, column, message, warning}] (1-based line and column). */
    setMarks(marks) { placeMarks(view, typeof marks === 'string' ? JSON.parse(marks) : marks); },
    /** The schema as the engine writes it, and this text's root context. */
    setSchema(schema, root) {
      const parsed = typeof schema === 'string' ? JSON.parse(schema) : schema;
      view.dispatch({ effects: setSchema.of({ ...parsed, root }) });
    },
    /** A lesson's editable paths: everything else becomes read-only ([] unlocks all). */
    setOpen(paths) {
      view.dispatch({ effects: setOpen.of(typeof paths === 'string' ? JSON.parse(paths) : paths) });
    },
    /** Puts the caret at (line, column) and scrolls it into view. */
    goto(line, column) {
      const doc = view.state.doc;
      const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
      const pos = Math.min(l.from + Math.max(column, 1) - 1, l.to);
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
      view.focus();
    },
    /** Reformats the text (two-space JSON); false when it is not valid JSON. */
    format: () => formatCommand(view),
    /** The CodeMirror view (tests and benchmarks). */
    view,
    /** Stops the editor; an edit the app has not heard about yet is dropped (read getText first). */
    destroy() {
      if (timer !== null) clearTimeout(timer);
      keepCaret.disconnect();
      mirrored.release();
      view.destroy();
      delete parent.ecsEditor;
    },
  };
  // The end-to-end tests and the typing benchmark reach the editor through its host element.
  parent.ecsEditor = handle;
  return handle;
}

window.EcsEditor = { create };
window.dispatchEvent(new Event('ecs-editor-ready'));
