// wasm-bindgen with code splitting (issue #14, "the first second"). Trunk calls `wasm-bindgen`
// between `cargo build` and `wasm-opt`; this stands in for it (the Makefile puts this directory
// first in PATH). A module without split points (`web/src/later.rs`) goes straight to the real
// wasm-bindgen. A module with them is first cut by `wasm-split-cli` (crate
// wasm_split_cli_support, installed by scripts/setup.sh) into the main module and one chunk per
// part; then:
//   1. the real wasm-bindgen runs on the main module, with Trunk's arguments;
//   2. the main module exports its function table again as `__indirect_function_table` (the
//      chunks import it to call back; wasm-bindgen drops the export);
//   3. each chunk is optimised with wasm-opt -Oz (release builds, as Trunk does the main module)
//      and named by a hash of its bytes, and so is the loader (`__wasm_split.js`), so a cached
//      chunk can never be paired with a newer page; the small chunks of shared code travel
//      together in one pack (`chunks-<hash>.bin`);
//   4. the loader gets `initSync` from the main module's JS, which hands it over when it loads
//      (the loader cannot import it: Trunk names that file by a hash it computes later).
// The chunks and the loader are left in <target>/wasm-split/stage; Trunk's post_build hook
// (scripts/wasm-split/stage.mjs) copies the ones the loader names beside the main module in dist/.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fs.realpathSync(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
// A PATH that reaches this directory by another spelling must not make it call itself.
if (process.env.WASM_SPLIT_WRAPPER_RUNNING) {
  throw new Error('wasm-split: the wrapper called itself; the real wasm-bindgen is not in PATH');
}
process.env.WASM_SPLIT_WRAPPER_RUNNING = '1';

/** The first `name` in PATH that is not in this directory. */
function tool(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (path.dirname(fs.realpathSync(candidate)) === here) continue;
      return candidate;
    } catch {}
  }
  throw new Error(`wasm-split: ${name} not found in PATH (run make setup)`);
}

function run(cmd, cmdArgs, { quiet = false } = {}) {
  // Quiet: the output is shown only when the tool fails (wasm-opt warns about every chunk's
  // name section, which the chunks keep from the linker).
  const r = spawnSync(cmd, cmdArgs, { stdio: quiet ? 'pipe' : 'inherit' });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(Buffer.concat([r.stdout ?? Buffer.alloc(0), r.stderr ?? Buffer.alloc(0)]));
    process.exit(r.status ?? 1);
  }
}

const input = args.find((a) => a.endsWith('.wasm'));
const bytes = input ? fs.readFileSync(input) : null;
if (!bytes || !bytes.includes('__wasm_split_placeholder__')) {
  run(tool('wasm-bindgen'), args);
  process.exit(0);
}

const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const outDir = option('out-dir');
const outName = option('out-name');
if (!outDir || !outName) throw new Error('wasm-split: expected --out-dir= and --out-name=');
// Trunk's wasm-bindgen output directory is <target>/wasm-bindgen/<release|debug>.
const release = path.basename(outDir) === 'release';
// <target>/wasm-bindgen/<profile> -> <target>/wasm-split
const work = path.join(outDir, '..', '..', 'wasm-split');
const cut = path.join(work, 'cut');
const stage = path.join(work, 'stage');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(cut, { recursive: true });
fs.mkdirSync(stage, { recursive: true });

run(tool('wasm-split-cli'), [input, cut, '--out-name', outName]);
run(tool('wasm-bindgen'), args.map((a) => (a === input ? path.join(cut, `${outName}.wasm`) : a)));

const mainWasm = path.join(outDir, `${outName}_bg.wasm`);
fs.writeFileSync(mainWasm, exportTable(fs.readFileSync(mainWasm)));

const hashOf = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);
let loader = fs.readFileSync(path.join(cut, '__wasm_split.js'), 'utf8');
// The code two or more parts share goes into chunks of its own, most of them a few hundred
// bytes: 80 of them made the opening page 80 requests, queued six at a time. The small ones
// travel together in one pack, fetched once, the first time any of them is wanted.
const PACK_AT_MOST = 16 * 1024;
const packed = [];
for (const file of fs.readdirSync(cut).sort()) {
  if (!file.endsWith('.wasm') || file === `${outName}.wasm`) continue;
  const from = path.join(cut, file);
  const optimised = path.join(cut, `opt-${file}`);
  if (release) run(tool('wasm-opt'), ['-Oz', from, '-o', optimised], { quiet: true });
  const data = fs.readFileSync(release ? optimised : from);
  const fetchOf = `fetch(new URL("./${file}", import.meta.url))`;
  if (!loader.includes(fetchOf)) throw new Error(`wasm-split: the loader does not fetch ${file}`);
  if (file.startsWith('chunk_') && data.length <= PACK_AT_MOST) {
    packed.push([file, data]);
    loader = loader.split(fetchOf).join(`__packed("${file}")`);
    continue;
  }
  const named = `${file.slice(0, -5)}-${hashOf(data)}.wasm`;
  fs.writeFileSync(path.join(stage, named), data);
  loader = loader.split(fetchOf).join(`fetch(new URL("./${named}", import.meta.url))`);
}
if (packed.length > 0) {
  const index = {};
  let at = 0;
  for (const [file, data] of packed) {
    index[file] = [at, data.length];
    at += data.length;
  }
  const pack = Buffer.concat(packed.map(([, data]) => data));
  const packName = `chunks-${hashOf(pack)}.bin`;
  const packSize = pack.length;
  fs.writeFileSync(path.join(stage, packName), pack);
  loader += `
// The small shared chunks, packed into one file (scripts/wasm-split/run.mjs): fetched once; a
// failed fetch, or one that brought something else (a proxy's page, a cut file), is forgotten
// so the next load tries again.
const __pack = { url: new URL("./${packName}", import.meta.url), size: ${packSize}, index: ${JSON.stringify(index)} };
let __packBytes;
function __packed(name) {
  if (__packBytes === undefined) {
    const bytes = fetch(__pack.url).then((r) => {
      if (!r.ok) throw new Error(\`\${r.status} \${r.url}\`);
      return r.arrayBuffer();
    }).then((all) => {
      if (all.byteLength !== __pack.size) throw new Error(\`\${__pack.url}: \${all.byteLength} bytes, expected \${__pack.size}\`);
      return all;
    });
    bytes.catch(() => { if (__packBytes === bytes) __packBytes = undefined; });
    __packBytes = bytes;
  }
  return __packBytes.then((all) => {
    const [at, length] = __pack.index[name];
    return new Response(all.slice(at, at + length), { headers: { 'Content-Type': 'application/wasm' } });
  });
}
`;
}
const importLine = `import { initSync } from "./${outName}.js";`;
if (!loader.includes(importLine)) throw new Error('wasm-split: unexpected loader import');
loader = loader.replace(
  importLine,
  'let initSync;\n/** The main module hands over its initSync when it loads. */\nexport function __wasm_split_main(f) { initSync = f; }',
);
const loaderName = `__wasm_split-${hashOf(loader)}.js`;
fs.writeFileSync(path.join(stage, loaderName), loader);

const mainJs = path.join(outDir, `${outName}.js`);
let js = fs.readFileSync(mainJs, 'utf8');
// Only the import specifiers: the keys of the imports object stay the wasm's module name.
if (!js.includes('from "./__wasm_split.js"')) throw new Error('wasm-split: the main module does not import the loader');
js = js.split('from "./__wasm_split.js"').join(`from "./${loaderName}"`);
js += `\nimport { __wasm_split_main } from "./${loaderName}";\n__wasm_split_main(initSync);\n`;
fs.writeFileSync(mainJs, js);

/** Adds an export of table 0 named `__indirect_function_table` to a module's export section. */
function exportTable(b) {
  const leb = (p) => {
    let r = 0, s = 0, x;
    do { x = b[p++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
    return [r, p];
  };
  const enc = (n) => {
    const o = [];
    do { let x = n & 0x7f; n = Math.floor(n / 128); if (n) x |= 0x80; o.push(x); } while (n);
    return Buffer.from(o);
  };
  const parts = [b.subarray(0, 8)];
  let p = 8, done = false;
  while (p < b.length) {
    const id = b[p];
    const [size, q] = leb(p + 1);
    const end = q + size;
    if (id === 7) {
      const [count, r] = leb(q);
      // The function table is table 0 (the linker defines it first; wasm-bindgen adds its own
      // externref table after it); a second export of it is allowed, a second export of the
      // name is not.
      let e = r;
      for (let i = 0; i < count; i++) {
        const [len, n] = leb(e);
        if (b.subarray(n, n + len).toString() === '__indirect_function_table') {
          throw new Error('wasm-split: __indirect_function_table is already exported');
        }
        const [, next] = leb(n + len + 1);
        e = next;
      }
      const name = Buffer.from('__indirect_function_table');
      const entry = Buffer.concat([enc(name.length), name, Buffer.from([1]), enc(0)]);
      const body = Buffer.concat([enc(count + 1), b.subarray(r, end), entry]);
      parts.push(Buffer.from([7]), enc(body.length), body);
      done = true;
    } else {
      parts.push(b.subarray(p, end));
    }
    p = end;
  }
  if (!done) throw new Error('wasm-split: the main module has no export section');
  return Buffer.concat(parts);
}
