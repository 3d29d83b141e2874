// Bundle the Action (src/action/index.ts → dist/index.js) and the CLI
// (src/cli/index.ts → dist/cli/index.js) with @vercel/ncc. Deterministic:
// no source maps, no timestamps, so `git diff dist/` after a rebuild means
// dist/ was stale.
import ncc from '@vercel/ncc';
import { mkdirSync, writeFileSync, rmSync, existsSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --out DIR writes the bundles under DIR instead of the repository (the freshness test uses it).
const outIdx = process.argv.indexOf('--out');
const outRoot = outIdx > 0 ? process.argv[outIdx + 1] : root;
const entries = [
  { src: 'src/cli/index.ts', out: 'dist/cli', exec: true },
  { src: 'src/action/index.ts', out: 'dist', exec: false },
];

const only = process.argv.includes('--cli-only') ? 'src/cli/index.ts' : undefined;
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
    esm: true,
  });
  const outDir = join(outRoot, e.out);
  mkdirSync(outDir, { recursive: true });
  // Remove only our own previous output files.
  for (const f of ['index.js', 'package.json']) rmSync(join(outDir, f), { force: true });
  let body = code;
  if (e.exec && !body.startsWith('#!')) body = `#!/usr/bin/env node\n${body}`;
  writeFileSync(join(outDir, 'index.js'), body);
  if (e.exec) chmodSync(join(outDir, 'index.js'), 0o755);
  for (const [name, asset] of Object.entries(assets ?? {})) {
    const p = join(outDir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, asset.source);
  }
  console.log(`bundle: ${e.src} → ${e.out}/index.js (${(body.length / 1024).toFixed(0)} KiB)`);
}
