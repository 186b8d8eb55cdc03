// Trunk's post_build hook for code splitting: copies the loader that scripts/wasm-split/run.mjs
// left in <target>/wasm-split/stage, and exactly the chunks and pack that loader names, into
// Trunk's staging directory beside the main module that imports it. A main module without
// split points copies nothing; a named file that is missing stops the build, and so does a main
// module that the real wasm-bindgen saw uncut (the page would not start).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('wasm-split stage: run by Trunk (TRUNK_STAGING_DIR is not set)');
const targetDir = process.env.CARGO_TARGET_DIR || process.env.CARGO_BUILD_TARGET_DIR;
const target = targetDir ? path.resolve(root, targetDir) : path.join(root, 'target');
const stage = path.join(target, 'wasm-split', 'stage');

const loaders = new Set();
for (const file of fs.readdirSync(staging)) {
  if (!file.endsWith('.js')) continue;
  const text = fs.readFileSync(path.join(staging, file), 'utf8');
  for (const m of text.matchAll(/"\.\/(__wasm_split-[0-9a-f]+\.js)"/g)) loaders.add(m[1]);
  if (text.includes('from "./__wasm_split.js"')) {
    throw new Error(`wasm-split stage: ${file} was not cut; put scripts/wasm-split first in PATH (make build does)`);
  }
}
const copy = (file) => {
  const from = path.join(stage, file);
  if (!fs.existsSync(from)) throw new Error(`wasm-split stage: ${file} is not in ${stage}`);
  fs.copyFileSync(from, path.join(staging, file));
};
// The main module's JavaScript imports the loader: preloading it saves the round trip the
// browser would otherwise make only after that file has arrived.
const indexHtml = path.join(staging, 'index.html');
if (fs.existsSync(indexHtml) && loaders.size > 0) {
  const html = fs.readFileSync(indexHtml, 'utf8');
  const links = [...loaders].map((l) => `<link rel="modulepreload" href="./${l}">`).join('');
  if (!html.includes('</head>')) throw new Error('wasm-split stage: index.html has no </head>');
  fs.writeFileSync(indexHtml, html.replace('</head>', `${links}</head>`));
}
for (const loader of loaders) {
  copy(loader);
  const text = fs.readFileSync(path.join(stage, loader), 'utf8');
  for (const m of text.matchAll(/new URL\("\.\/([\w.-]+\.(?:wasm|bin))", import\.meta\.url\)/g)) copy(m[1]);
}
