import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/repo.js';

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/**
 * The chunks (`<id>.index.js`, from dynamic import()) that a bundle loads, by webpack's
 * `__nccwpck_require__.e(<id>)`: those its entry loads, and those these load in turn (the
 * configuration loader, itself a chunk, loads picomatch's).
 */
function chunksLoadedBy(bundle: string): string[] {
  const ids = new Set<string>();
  const dir = join(bundle, '..');
  const visit = (file: string): void => {
    // `__nccwpck_require__.e(61)`, or with webpack's note: `__nccwpck_require__.e(/* import() */ 815)`;
    // inside a chunk the function keeps webpack's own name, `__webpack_require__`.
    for (const m of readFileSync(file, 'utf8').matchAll(/__(?:nccwpck|webpack)_require__\.e\((?:\/\* import\(\) \*\/ )?(\d+)\)/g)) {
      const chunk = `${m[1]}.index.js`;
      if (ids.has(chunk)) continue;
      ids.add(chunk);
      if (existsSync(join(dir, chunk))) visit(join(dir, chunk));
    }
  };
  visit(bundle);
  return [...ids].sort();
}

describe('dist/', () => {
  it('is the build of src/ (rebuild with `npm run bundle` and commit it)', () => {
    const out = mkdtempSync(join(tmpdir(), 'ptd-dist-'));
    execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs'), '--out', out], { cwd: ROOT, stdio: 'pipe', maxBuffer: 256 * 1024 * 1024 });
    const built = files(join(out, 'dist'));
    expect(built.length).toBeGreaterThan(0);
    // Every emitted file — bundles, package.json and the chunks of dynamic imports — and no other.
    expect(files(join(ROOT, 'dist'))).toEqual(built);
    for (const f of built) {
      const same = readFileSync(join(out, 'dist', f)).equals(readFileSync(join(ROOT, 'dist', f)));
      expect(same, `dist/${f} is stale: run npm run bundle`).toBe(true);
    }
    // Each bundle's chunks sit beside it, and every chunk there is one it loads.
    for (const dir of ['dist', 'dist/cli']) {
      const here = files(join(out, dir)).filter((f) => /^\d+\.index\.js$/.test(f));
      expect(here, `chunks in ${dir}/`).toEqual(chunksLoadedBy(join(out, dir, 'index.js')));
    }
  }, 240_000);

  it('keeps the yaml package out of both entry bundles: scans without YAML never load or compile it', () => {
    for (const dir of ['dist', 'dist/cli']) {
      const entry = readFileSync(join(ROOT, dir, 'index.js'), 'utf8');
      const chunks = chunksLoadedBy(join(ROOT, dir, 'index.js')).map((f) => readFileSync(join(ROOT, dir, f), 'utf8')).join('\n');
      for (const marker of [/\bclass Composer\b/, /\bclass Lexer\b/, /\bfunction composeDoc\b/]) {
        expect(entry, `${marker} in ${dir}/index.js`).not.toMatch(marker);
        expect(chunks, `${marker} in the chunks ${dir}/index.js loads`).toMatch(marker);
      }
    }
  });

  it('keeps jsonc-parser out of both entry bundles: a scan of Dockerfiles alone never loads or compiles it', () => {
    for (const dir of ['dist', 'dist/cli']) {
      const entry = readFileSync(join(ROOT, dir, 'index.js'), 'utf8');
      const chunks = chunksLoadedBy(join(ROOT, dir, 'index.js')).map((f) => readFileSync(join(ROOT, dir, f), 'utf8')).join('\n');
      for (const marker of [/\bfunction createScanner\b/, /\bParseOptions\.DEFAULT\b/]) {
        expect(entry, `${marker} in ${dir}/index.js`).not.toMatch(marker);
        expect(chunks, `${marker} in the chunks ${dir}/index.js loads`).toMatch(marker);
      }
    }
  });

  it("keeps the GitHub API client out of the Action's entry bundle: push runs never load it", () => {
    // Structural, not timed: Octokit and http-client/undici cost ~100 ms of every cold start when
    // they sit in dist/index.js; they belong in the chunk main.ts imports on pull requests.
    const entry = readFileSync(join(ROOT, 'dist/index.js'), 'utf8');
    const chunks = chunksLoadedBy(join(ROOT, 'dist/index.js'))
      .map((f) => readFileSync(join(ROOT, 'dist', f), 'utf8'))
      .join('\n');
    for (const marker of [/\bclass Octokit\b/, /\bfunction getOctokit\b/, /\bclass HttpClient\b/]) {
      expect(entry, `${marker} in dist/index.js`).not.toMatch(marker);
      expect(chunks, `${marker} in the chunks dist/index.js loads`).toMatch(marker);
    }
  });
});
