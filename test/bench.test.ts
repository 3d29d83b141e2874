/**
 * The benchmark script runs end to end on a small generated repository and
 * writes its report. No timing is asserted: numbers depend on the machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/repo.js';

const cli = join(ROOT, 'dist', 'cli', 'index.js');
const dir = mkdtempSync(join(tmpdir(), 'ptd-bench-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000);

describe('npm run bench', () => {
  it.skipIf(!existsSync(cli))('runs on a small repository and writes bench/RESULTS.md to --out', () => {
    const out = join(dir, 'out');
    // --no-install: the peers are used when bench/.peers already has them, never fetched here.
    const stdout = execFileSync(process.execPath, [join(ROOT, 'bench', 'run.mjs'), '--files', '2000', '--runs', '1', '--warmup', '0', '--out', out, '--work', join(dir, 'work'), '--no-install', '--node', process.execPath], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 240_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const md = readFileSync(join(out, 'RESULTS.md'), 'utf8');
    expect(stdout).toBe(md);
    for (const heading of ['## Machine and versions', '## Repositories', '## Scan, floor and peers', "## Where the scan's time goes", '## Scaling', '## Action cold start and bundles', '## Targets']) {
      expect(md).toContain(heading);
    }
    // Three repositories: the base, twice the files, twice the config.
    // --node names the node that ran the measured processes, with its version.
    expect(md).toContain(`- Node ${process.version} (\`--node ${process.execPath}\`)`);
    expect(md).toMatch(/\| A \| base \| 2,000 \|/);
    expect(md).toMatch(/\| B \| twice the files, same config \| 4,000 \|/);
    expect(md).toMatch(/\| C \| same files, twice the config \| 2,000 \|/);
    expect(md).toMatch(/\| \*\*scan\*\* `node dist\/cli\/index.js A --format sarif` \| \d+ config of 2,000 \| \*\*[\d.]+\*\* \|/);
    expect(md).toMatch(/\| floor: git ls-files/);
    // The parse floor re-parses the files the scan parsed, and its parse calls are taken apart.
    expect(md).toMatch(/\| parse floor: the floor, then parse the [1-9]\d* files the scan parsed .*\| [\d,]+ \| [\d.]+ \|/);
    expect(md).toMatch(/The floor plus those parse calls is [\d.]+ ms, \*\*[\d.]+ × the floor\*\*/);
    expect(md).toMatch(/\| scan ≤ 2 × floor \| .* — the floor plus the parse calls alone: [\d.]+ ×; with the fixes' re-parses: [\d.]+ × \|/);
    // The scan's own time inside the parsers, first parses and the re-parses that prove its fixes.
    expect(md).toMatch(/The floor, the parse floor's parse calls and the scan's fix re-parses together are [\d.]+ ms, \*\*[\d.]+ × the floor\*\*/);
    expect(md).toMatch(/- whole repository: .*; inside the parsers \(medians\): [\d.]+ ms first parse calls, [\d.]+ ms fix validation parse calls\.\n/);
    // The phases of the whole-repository scan, from the CLI's PTRACE_DOCTOR_TIMING lines.
    expect(md).toMatch(/\| scan \| start \| list \| read \| model \| rules \| fixes \| output \| sum \|/);
    expect(md).toMatch(/\| whole repository \|( [\d.]+ \|){7}/);
    expect(md).toMatch(/- whole repository: 2,000 files listed, [\d,]+ config-named files read, /);
    expect(md).toMatch(/\| dist\/cli\/index.js \| [\d,]+ \|/);
    // The cold start's bound: the I/O floor of the same clean repository, in the same rounds as node -e 0.
    expect(md).toMatch(/\| floor: Node, git ls-files and reading the config-named files of the same repository \(bench\/floor.mjs\) \| [\d.]+ \|/);
    expect(md).toMatch(/The floor is [\d.]+ × `node -e 0`: a cold start within 1.3 × `node -e 0` \([\d.]+ ms\) leaves [\d.]+ ms beyond this I\/O/);
    // The chunks each bundle loads on demand are listed under it (the yaml package is one).
    expect(md).toMatch(/\| ↳ dist\/cli\/\d+\.index\.js \(chunk, loaded on demand\) \| [\d,]+ \|/);
    expect(md).toMatch(/\| scan ≤ 2 × floor \|/);
    // Each peer is compared round by round too (when its package is installed here).
    // The Dockerfile peers get --peer-runs rounds (3 × --runs by default), dclint --runs.
    for (const line of md.split('\n').filter((l) => l.startsWith('| faster than ') && !l.includes('not measured'))) {
      expect(line).toMatch(line.includes('dclint') ? /faster in [01] of 1 interleaved rounds/ : /faster in [0-3] of 3 interleaved rounds/);
    }
    if (md.includes('| faster than dockerfilelint')) {
      expect(md).toMatch(/ran 2 more interleaved rounds among themselves \(`--peer-runs 3`\), so their rows stand on 3 runs each/);
    }
    expect(md).toMatch(/\| peak memory ≤ 200 MB \| [\d.]+ MiB/);
    // The generated worst cases under the size caps (#21): each measured, with what it found, against 2 s / 256 MiB.
    expect(md).toContain('## Generated worst cases under the size caps');
    for (const id of ['compose-1mib', 'compose-held-back', 'k8s-1mib', 'dockerfile-10k', 'makefile-10k', 'yaml-deep', 'yaml-aliases']) {
      // Then its parse floor (time, the parses it made) and that floor's peak RSS.
      expect(md).toMatch(new RegExp(`\\| ${id} \\| .* \\| \\d+ \\| [\\d,]+ \\([\\d,]+\\).* \\| [\\d.]+ \\| [\\d.]+–[\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\(\\d+\\) \\| [\\d.]+ \\| (✅ met|❌ not met) \\|`));
    }
    expect(md).toMatch(/\| every worst case under the size caps ≤ 2 s and ≤ 256 MiB \(#21\) \| \d of 7/);
    expect(md).toMatch(/\| scan ÷ parse floor ≤ 1\.74 \(#18\) and ≤ 1\.3 \(#21\), repository A \| [\d.]+ ×/);
    expect(md).toMatch(/\| Action cold start ≤ 1\.3 × `node -e 0` \(#21\) \| [\d.]+ vs [\d.]+ ms: [\d.]+ × \|/);
  }, 300_000);
});
