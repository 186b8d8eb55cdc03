// The format command: re-indents JSON with two spaces, one member per line, without parsing
// numbers (a u64 seed keeps every digit, which JSON.parse would round).

/** The text reformatted, or null when it is not valid JSON. */
export function format(text) {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  const tokens = text.match(/"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+/g) || [];
  let out = '';
  let depth = 0;
  const pad = () => '\n' + '  '.repeat(depth);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '{' || t === '[') {
      const close = t === '{' ? '}' : ']';
      if (tokens[i + 1] === close) {
        out += t + close;
        i++;
      } else {
        depth++;
        out += t + pad();
      }
    } else if (t === '}' || t === ']') {
      depth--;
      out += pad() + t;
    } else if (t === ',') {
      out += ',' + pad();
    } else if (t === ':') {
      out += ': ';
    } else {
      out += t;
    }
  }
  return out + (text.endsWith('\n') ? '\n' : '');
}
