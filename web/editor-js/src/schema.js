// Where the caret is in terms of the engine's schema: which object (a context such as
// "containerDefinition") it is in, whether a key or a value is being typed, and which field a
// key names. The schema comes from the engine (ecs_sim::scenario::field_docs) as
// { contexts: { name: { keys: { key: { doc, values, url, child } } } }, root }; a key's `child`
// names the context of its value (an object, or the objects of an array).

import { syntaxTree } from '@codemirror/language';

/** The key text of a Property node ('' when it has none). */
function propertyName(state, property) {
  const name = property.firstChild;
  if (!name || name.name !== 'PropertyName') return '';
  return unquote(state.sliceDoc(name.from, name.to));
}

function unquote(s) {
  return s.replace(/^"/, '').replace(/"$/, '');
}

/**
 * The innermost Object or Array holding `pos`, and the keys from the root down to it (arrays
 * are transparent: `containerDefinitions` leads to the context of its items).
 */
function enclosing(state, pos) {
  let node = syntaxTree(state).resolveInner(pos, -1);
  let container = null;
  const keys = [];
  for (let n = node; n; n = n.parent) {
    if (!container) {
      if ((n.name === 'Object' || n.name === 'Array') && pos > n.from
        && (pos < n.to || !/[}\]]/.test(state.sliceDoc(n.to - 1, n.to)))) container = n;
    } else if (n.name === 'Property') {
      keys.unshift(propertyName(state, n));
    }
  }
  return { container, keys };
}

/** The context reached by following `keys` from the root; null when it leaves the schema. */
function walk(schema, keys) {
  const free = { keys: {} };
  let ctx = schema.contexts[schema.root];
  let parent = null;
  let mapped = null;
  for (const key of keys) {
    if (!ctx) return { ctx: null, parent: null, last: null };
    if (mapped) {
      // A free key (an image reference): its value is an object of the mapped context.
      parent = null;
      ctx = schema.contexts[mapped];
      mapped = null;
      continue;
    }
    const field = ctx.keys[key];
    parent = ctx;
    if (field && field.keyed) {
      mapped = field.child;
      ctx = free;
    } else {
      ctx = field && field.child ? schema.contexts[field.child] : null;
    }
  }
  return { ctx, parent, last: keys.length ? keys[keys.length - 1] : null };
}

/**
 * Keys already written in the object that starts at `from` (its own keys, not nested ones).
 * Read from the text rather than the tree: a half-typed key makes the parser end the object
 * early, which would hide the keys after it.
 */
function presentKeys(state, from) {
  const text = state.sliceDoc(from, Math.min(state.doc.length, from + 2_000_000));
  const present = new Set();
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1 && /^\s*:/.test(text.slice(j + 1, j + 40))) present.add(text.slice(i + 1, j));
      i = j;
    } else if (c === '{' || c === '[') {
      depth += 1;
    } else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) break;
    }
  }
  return present;
}

/**
 * What completion should offer at `pos`: { kind: 'key', ctx, present } inside an object where
 * a key goes, { kind: 'value', field } where the value of a key (or an item of an array of
 * enum strings) goes; null elsewhere.
 */
export function contextAt(state, schema, pos) {
  const { container, keys } = enclosing(state, pos);
  if (!container) return null;
  const typed = /"?[A-Za-z0-9_$.:\/-]*$/.exec(state.sliceDoc(Math.max(container.from, pos - 200), pos));
  const start = pos - (typed ? typed[0].length : 0);
  const before = state.sliceDoc(Math.max(container.from, start - 400), start).replace(/\s+$/, '');
  const last = before.slice(-1);
  if (container.name === 'Object') {
    const { ctx } = walk(schema, keys);
    if (!ctx) return null;
    if (last === ':') {
      const key = /"((?:[^"\\]|\\.)*)"\s*:$/.exec(before);
      const field = key && ctx.keys[key[1]];
      return field ? { kind: 'value', field } : null;
    }
    if (last === '{' || last === ',') {
      const present = presentKeys(state, container.from);
      const here = /"?([A-Za-z0-9_$]*)"?$/.exec(typed ? typed[0] : '');
      if (here) present.delete(here[1]);
      return { kind: 'key', ctx, present };
    }
    return null;
  }
  // An array: its items are values of the key that holds it.
  if (last !== '[' && last !== ',') return null;
  const { parent, last: key } = walk(schema, keys);
  const field = parent && key !== null ? parent.keys[key] : null;
  return field ? { kind: 'value', field } : null;
}

/**
 * The documented field whose key is at `pos` ({ key, field, from, to }), or null. With
 * `around`, a caret anywhere in a property (key or scalar value) counts, for the caret panel.
 */
export function fieldAt(state, schema, pos, side, around = false) {
  let node = syntaxTree(state).resolveInner(pos, side);
  let property = null;
  if (node.name === 'PropertyName') property = node.parent;
  else if (around) {
    for (let n = node; n && !property; n = n.parent) {
      if (n.name === 'Property') property = n;
      else if (n.name === 'Object' || n.name === 'Array') break;
    }
    if (!property && node.name !== 'PropertyName') {
      // Just after a value: the property that ends here.
      const back = syntaxTree(state).resolveInner(pos, -1);
      for (let n = back; n && !property; n = n.parent) {
        if (n.name === 'Property') property = n;
        else if (n.name === 'Object' || n.name === 'Array') break;
      }
    }
  }
  if (!property || property.name !== 'Property' || !property.parent) return null;
  const key = propertyName(state, property);
  const object = property.parent;
  const { keys } = enclosing(state, object.from + 1);
  const { ctx } = walk(schema, keys);
  const field = ctx && ctx.keys[key];
  if (!field) return null;
  const name = property.firstChild;
  return { key, field, from: name.from, to: name.to };
}

/**
 * Whether an object around `pos` (the task definition, for a value inside it or inside one of
 * its containers) has `requiresCompatibilities` naming FARGATE: the same test validation's
 * Fargate checks start from, so completion marks the values those checks refuse.
 */
export function requiresFargate(state, pos) {
  for (let n = syntaxTree(state).resolveInner(pos, -1); n; n = n.parent) {
    if (n.name !== 'Object') continue;
    for (let p = n.firstChild; p; p = p.nextSibling) {
      if (p.name !== 'Property' || propertyName(state, p) !== 'requiresCompatibilities') continue;
      const value = p.lastChild;
      if (value && /"FARGATE"/.test(state.sliceDoc(value.from, value.to))) return true;
    }
  }
  return false;
}
