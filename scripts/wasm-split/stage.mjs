// Trunk's post_build hook for code splitting: copies the chunks and their loader that
// scripts/wasm-split/run.mjs left in <target>/wasm-split/stage into Trunk's staging directory,
// beside the main module that imports the loader. A main module without split points copies
// nothing; one whose loader is missing stops the build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('wasm-split stage: run by Trunk (TRUNK_STAGING_DIR is not set)');
const target = process.env.CARGO_TARGET_DIR
  ? path.resolve(root, process.env.CARGO_TARGET_DIR)
  : path.join(root, 'target');
const stage = path.join(target, 'wasm-split', 'stage');
const wanted = new Set();
for (const file of fs.readdirSync(staging)) {
  if (!file.endsWith('.js')) continue;
  const text = fs.readFileSync(path.join(staging, file), 'utf8');
  for (const m of text.matchAll(/"\.\/(__wasm_split-[0-9a-f]+\.js)"/g)) wanted.add(m[1]);
  // The real wasm-bindgen ran on a module with split points: the page would not start.
  if (text.includes('from "./__wasm_split.js"')) {
    throw new Error(`wasm-split stage: ${file} was not cut; put scripts/wasm-split first in PATH (make build does)`);
  }
}
if (wanted.size === 0) process.exit(0);
for (const loader of wanted) {
  if (!fs.existsSync(path.join(stage, loader))) {
    throw new Error(`wasm-split stage: ${loader} is not in ${stage}`);
  }
}
for (const file of fs.readdirSync(stage)) {
  fs.copyFileSync(path.join(stage, file), path.join(staging, file));
}
