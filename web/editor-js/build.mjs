// Bundles the JSON editor (web/editor-js/src/editor.js and CodeMirror 6 from node_modules)
// into one minified file with esbuild, offline. Trunk runs it after each build (a post_build
// hook in Trunk.toml) with TRUNK_STAGING_DIR set, so the bundle lands beside the wasm in dist/;
// run by hand it writes target/editor-js/editor.js.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outdir = process.env.TRUNK_STAGING_DIR || join(root, 'target', 'editor-js');
await build({
  entryPoints: [join(root, 'web', 'editor-js', 'src', 'editor.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  legalComments: 'none',
  outfile: join(outdir, 'editor.js'),
  logLevel: 'warning',
});
