// Bundle the Action (src/action/index.ts → dist/index.js) and the CLI
// (src/cli/index.ts → dist/cli/index.js) with @vercel/ncc. Deterministic:
// no source maps, no timestamps, so `git diff dist/` after a rebuild means
// dist/ was stale.
//
// A dynamic import() in the sources becomes a chunk beside the bundle,
// `<id>.index.js` (the Action loads its GitHub API code that way, on pull
// requests only). The ids are webpack's deterministic ones: the same sources
// give the same names wherever the repository is checked out — with its own
// node_modules: a worktree whose node_modules is a symlink to another
// checkout's gets other module ids, so build dist/ in a real checkout. Chunks left by
// an earlier build are removed first, so dist/ holds exactly this build.
import ncc from '@vercel/ncc';
import { mkdirSync, writeFileSync, rmSync, existsSync, chmodSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --out DIR writes the bundles under DIR instead of the repository (the freshness test uses it).
const outIdx = process.argv.indexOf('--out');
const outRoot = outIdx > 0 ? process.argv[outIdx + 1] : root;
// The CLI is bundled as CommonJS: Node starts the same bundle sooner than as
// an ES module (4 to 22 ms in interleaved comparisons on a noisy VM, never the
// other way; every scan pays it), and nothing it bundles is ESM-only. Its directory gets a package.json saying so, since the
// repository's says "module". The Action stays an ES module: @actions/core,
// @actions/github and @actions/exec are ESM-only (FIELD-NOTES.md).
const entries = [
  { src: 'src/cli/index.ts', out: 'dist/cli', exec: true, esm: false },
  { src: 'src/action/index.ts', out: 'dist', exec: false, esm: true },
];

const only = process.argv.includes('--cli-only') ? 'src/cli/index.ts' : undefined;
// ncc's name for the chunk of a dynamic import(): `<chunk id>.index.js` beside index.js.
const CHUNK = /^\d+\.index\.js$/;
for (const e of entries) {
  if (only && e.src !== only) continue;
  const input = join(root, e.src);
  if (!existsSync(input)) {
    console.error(`bundle: ${e.src} not found, skipped`);
    continue;
  }
  const { code, assets } = await ncc(input, {
    minify: false,
    sourceMap: false,
    quiet: true,
    target: 'es2022',
    transpileOnly: false,
    cache: false,
    esm: e.esm,
  });
  const outDir = join(outRoot, e.out);
  mkdirSync(outDir, { recursive: true });
  // Remove only our own previous output files: the bundle, package.json and its chunks.
  for (const f of readdirSync(outDir)) {
    if (f === 'index.js' || f === 'package.json' || CHUNK.test(f)) rmSync(join(outDir, f), { force: true });
  }
  let body = code;
  if (e.exec && !body.startsWith('#!')) body = `#!/usr/bin/env node\n${body}`;
  writeFileSync(join(outDir, 'index.js'), body);
  // ncc writes {"type": "module"} beside an ES module bundle, nothing beside a CommonJS one.
  if (!e.esm) writeFileSync(join(outDir, 'package.json'), '{\n  "type": "commonjs"\n}\n');
  if (e.exec) chmodSync(join(outDir, 'index.js'), 0o755);
  const chunks = [];
  for (const [name, asset] of Object.entries(assets ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const p = join(outDir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, asset.source);
    if (CHUNK.test(name)) chunks.push(`${name} ${(asset.source.length / 1024).toFixed(0)} KiB`);
  }
  console.log(`bundle: ${e.src} → ${e.out}/index.js (${(body.length / 1024).toFixed(0)} KiB)${chunks.length > 0 ? `, chunks loaded on demand: ${chunks.join(', ')}` : ''}`);
}
