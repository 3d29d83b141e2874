// npm run bench — the scan's cost against the I/O floor and against peer
// linters, written to bench/RESULTS.md.
//
//   node bench/run.mjs [--files N] [--runs R] [--warmup W] [--peer-runs P] [--out DIR]
//                      [--work DIR] [--peers DIR] [--seed S] [--no-install] [--no-peers]
//                      [--node PATH] [--worst-runs W] [--no-worst]
//
// --files N     total files of the base repository (default 40000). Three
//               repositories are made: A (N files, N/200 services),
//               B (2N files, same services), C (N files, twice the services).
// --runs R      measured runs of each process (default 5), after W warm-up runs (default 1).
// --peer-runs P rounds for the scan of the Dockerfiles and its two peers (default 3 R):
//               under a second a round, and the sign test that compares them
//               needs more than R rounds to tell a lead of a few per cent from a tie.
// --out DIR     where RESULTS.md goes (default bench/).
// --work DIR    where the generated repositories live (default bench/.work, git-ignored).
// --peers DIR   npm cache of the peer linters (default bench/.peers, git-ignored).
// --no-install  use the peers only if already installed; never run npm.
// --no-peers    skip the peers.
// --node PATH   the node that runs every measured process (default: the one
//               running this script), e.g. Node 24, the Action's runtime.
// --worst-runs W runs of each generated worst case under the size caps
//               (bench/pathological.mjs; default min(R, 3)): one file of 1 MiB or
//               10 000 lines each, every part of it a debugging launch.
// --no-worst    skip the worst cases.
//
// Every measurement is one whole process, run under GNU time (`/usr/bin/time -v`)
// for its peak RSS; wall time is taken around it. Runs are interleaved
// (scan, floor, peers, scan, floor, …) so that drift hits all alike, and the
// order rotates by one each round so that no job keeps the same place.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem, tmpdir, release, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setInterval, clearInterval } from 'node:timers';
import { gzipSync } from 'node:zlib';
import { generate } from './generate.mjs';
import { nameKind } from './names.mjs';
import { INPUTS as WORST, PATHOLOGICAL_VERSION, generateInput } from './pathological.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const PEERS = { dclint: '3.1.0', dockerfilelint: '1.8.0', 'dockerfile-utils': '0.16.3' };

// ---------------------------------------------------------------- options
function parseOptions(argv) {
  const o = { files: 40000, runs: 5, warmup: 1, out: HERE, work: join(HERE, '.work'), peers: join(HERE, '.peers'), seed: 7, install: true, withPeers: true, worst: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const num = (min) => {
      const v = Number(val());
      if (!Number.isInteger(v) || v < min) throw new Error(`${a} must be a whole number ≥ ${min}`);
      return v;
    };
    switch (a) {
      case '--files': o.files = num(100); break;
      case '--runs': o.runs = num(1); break;
      case '--warmup': o.warmup = num(0); break;
      case '--peer-runs': o.peerRuns = num(1); break;
      case '--seed': o.seed = num(0); break;
      case '--out': o.out = resolve(val()); break;
      case '--work': o.work = resolve(val()); break;
      case '--peers': o.peers = resolve(val()); break;
      case '--no-install': o.install = false; break;
      case '--no-peers': o.withPeers = false; break;
      case '--worst-runs': o.worstRuns = num(1); break;
      case '--no-worst': o.worst = false; break;
      case '--node':
        o.node = resolve(val());
        if (spawnSync(o.node, ['--version'], { stdio: 'ignore' }).status !== 0) throw new Error(`--node ${o.node}: not a node that runs`);
        break;
      case '-h': case '--help': {
        // The comment at the top of this file, up to the first line of code.
        const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
        process.stdout.write(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
        process.exit(0);
        break;
      }
      default: throw new Error(`unknown option ${a}`);
    }
  }
  o.peerRuns ??= 3 * o.runs;
  o.worstRuns ??= Math.min(o.runs, 3);
  if (o.peerRuns < o.runs) throw new Error('--peer-runs must be at least --runs');
  return o;
}

// ---------------------------------------------------------------- measuring
const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p) && spawnSync(p, ['-v', 'true'], { stdio: 'ignore' }).status === 0);

/** One whole process: wall ms, peak RSS (KiB), exit status. */
async function runOnce({ cmd, args, cwd, env, stdout }, scratch) {
  const outFd = openSync(stdout ?? '/dev/null', 'w');
  try {
    if (GNU_TIME) {
      const timeFile = join(scratch, 'time.txt');
      const t0 = performance.now();
      const r = spawnSync(GNU_TIME, ['-v', '-o', timeFile, cmd, ...args], { cwd, env, stdio: ['ignore', outFd, 'pipe'], maxBuffer: 64 * 1024 * 1024 });
      const ms = performance.now() - t0;
      const t = readFileSync(timeFile, 'utf8');
      const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(t)?.[1] ?? NaN);
      const status = Number(/Exit status: (\d+)/.exec(t)?.[1] ?? r.status);
      const cpuMs = (Number(/User time \(seconds\): ([\d.]+)/.exec(t)?.[1] ?? NaN) + Number(/System time \(seconds\): ([\d.]+)/.exec(t)?.[1] ?? NaN)) * 1000;
      return { ms, cpuMs, rssKiB: rss, status, stderr: r.stderr?.toString('utf8') ?? '' };
    }
    // Fallback: poll the process's own high-water mark (VmHWM) in /proc.
    return await new Promise((res, rej) => {
      const t0 = performance.now();
      const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', outFd, 'pipe'] });
      let hwm = NaN;
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const poll = () => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) hwm = Math.max(Number.isNaN(hwm) ? 0 : hwm, Number(m[1]));
        } catch { /* gone */ }
      };
      const timer = setInterval(poll, 2);
      child.on('error', rej);
      child.on('exit', (code) => {
        clearInterval(timer);
        res({ ms: performance.now() - t0, cpuMs: NaN, rssKiB: hwm, status: code ?? 2, stderr });
      });
    });
  } finally {
    closeSync(outFd);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The CLI's PTRACE_DOCTOR_TIMING=1 lines: phases (name, ms of the phase) in order, counters, and timed activities (ms). */
function parseTiming(stderr) {
  const phases = [];
  const counts = {};
  const times = {};
  for (const line of stderr.split('\n')) {
    const p = /^ptrace-doctor timing: phase (.+?) ([\d.]+) ([\d.]+)$/.exec(line);
    if (p) phases.push([p[1], Number(p[2])]);
    const c = /^ptrace-doctor timing: count (.+) (\d+)$/.exec(line);
    if (c) counts[c[1]] = Number(c[2]);
    const t = /^ptrace-doctor timing: time (.+) ([\d.]+)$/.exec(line);
    if (t) times[t[1]] = Number(t[2]);
  }
  return { phases, counts, times };
}

/** Median duration of each phase and of each timed activity over runs that report the same phases, with the last run's counters. */
function timingOf(samples) {
  const t = samples.map((s) => parseTiming(s.stderr ?? ''));
  if (t.length === 0 || t[0].phases.length === 0) return undefined;
  const names = t[0].phases.map(([n]) => n).join('\0');
  const same = t.filter((x) => x.phases.map(([n]) => n).join('\0') === names);
  const times = Object.fromEntries(Object.keys(t[0].times).map((k) => [k, median(same.map((x) => x.times[k] ?? 0))]));
  return { phases: t[0].phases.map(([n], i) => [n, median(same.map((x) => x.phases[i][1]))]), counts: t.at(-1).counts, times };
}

function summarize(samples) {
  const ms = samples.map((s) => s.ms);
  const rss = samples.map((s) => s.rssKiB).filter((x) => !Number.isNaN(x));
  const cpu = samples.map((s) => s.cpuMs).filter((x) => !Number.isNaN(x));
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), cpu: cpu.length ? median(cpu) : NaN, rssMiB: rss.length ? Math.max(...rss) / 1024 : NaN, runs: ms.length, ms, status: samples.at(-1)?.status, timing: timingOf(samples) };
}

/** P(X ≥ k) for X ~ Binomial(n, q): the chance of at least k wins in n rounds when each is won with chance q. */
function atLeast(n, k, q) {
  let tail = 0;
  let coef = 1; // C(n, i), from i = 0 up
  for (let i = 0; i <= n; i++) {
    if (i >= k) tail += coef * q ** i * (1 - q) ** (n - i);
    coef = (coef * (n - i)) / (i + 1);
  }
  return tail;
}

/**
 * Two processes measured in the same interleaved rounds, compared round by
 * round (drift hits both runs of a round alike): in how many rounds `a` took
 * less wall time, and whether that many could come from a coin toss — a
 * one-sided sign test, significant when P(at least that many of n | p = ½) ≤ 5 %.
 */
function paired(a, b) {
  const n = Math.min(a.ms.length, b.ms.length);
  let wins = 0;
  for (let i = 0; i < n; i++) if (a.ms[i] < b.ms[i]) wins++;
  return { wins, n, significant: atLeast(n, wins, 0.5) <= 0.05 };
}

/**
 * The power of that test: how often it finds `a` faster over n rounds when `a`
 * is faster in a share p of rounds (the chance of at least the fewest wins
 * that are significant; 0 when no number of wins is).
 */
function signTestPower(n, p) {
  let k = n + 1;
  while (k > 0 && atLeast(n, k - 1, 0.5) <= 0.05) k--;
  return k > n ? 0 : atLeast(n, k, p);
}

/** Interleaved rounds over the jobs, summarized; the first `warmup` rounds are dropped. */
async function measure(jobs, o, scratch, log) {
  return summarizeAll(await measureRounds(jobs, o, scratch, log));
}

function summarizeAll(samples) {
  return Object.fromEntries([...samples].map(([id, s]) => [id, summarize(s)]));
}

/** The samples of each job, by id, round by round. */
async function measureRounds(jobs, { runs, warmup }, scratch, log) {
  const samples = new Map(jobs.map((j) => [j.id, []]));
  const last = new Map();
  for (let round = 0; round < warmup + runs; round++) {
    // The order rotates by one each round: no job always runs first, or
    // always right after the same other one (dclint's 15 s of CPU, say).
    for (let k = 0; k < jobs.length; k++) {
      const j = jobs[(k + round) % jobs.length];
      const s = await runOnce(j, scratch);
      last.set(j.id, s);
      if (!(j.okStatus ?? [0]).includes(s.status)) {
        throw new Error(`${j.id}: exit status ${s.status}\n${s.stderr.slice(0, 2000)}`);
      }
      if (round >= warmup) samples.get(j.id).push(s);
    }
    log(`  round ${round + 1}/${warmup + runs}${round < warmup ? ' (warm-up)' : ''}: ${jobs.map((j) => `${j.id} ${Math.round(last.get(j.id).ms)} ms`).join(', ')}`);
  }
  return samples;
}

// ---------------------------------------------------------------- helpers
const fmtMs = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const fmtSpread = (s) => `${fmtMs(s.min)}–${fmtMs(s.max)}`;
const fmtMiB = (x) => (Number.isNaN(x) ? 'n/a' : x.toFixed(1));
const fmtRate = (n, ms) => Math.round(n / (ms / 1000)).toLocaleString('en-US');
const fmtInt = (n) => n.toLocaleString('en-US');
const ok = (b) => (b ? '✅ met' : '❌ not met');
const fmtCpu = (s) => (Number.isNaN(s.cpu) ? 'n/a' : fmtMs(s.cpu));
const cpuRatio = (a, b) => (Number.isNaN(a.cpu) || Number.isNaN(b.cpu) || b.cpu === 0 ? 'n/a' : (a.cpu / b.cpu).toFixed(2));

function sh(cmd, args, opts = {}) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], ...opts }).trim();
  } catch {
    return undefined;
  }
}

function peerVersion(peersDir, name) {
  try {
    return JSON.parse(readFileSync(join(peersDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Install the peers into their git-ignored cache; never fails, returns notes. */
function ensurePeers(o, log) {
  const notes = [];
  if (!o.withPeers) return { available: {}, notes: ['Peers skipped (--no-peers).'] };
  const missing = Object.keys(PEERS).filter((p) => !peerVersion(o.peers, p));
  if (missing.length > 0 && o.install) {
    log(`installing peers into ${o.peers}: ${missing.join(', ')}`);
    mkdirSync(o.peers, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', o.peers, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...Object.entries(PEERS).map(([n, v]) => `${n}@${v}`)], { encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) notes.push(`npm install of the peers failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' ')}`);
  }
  const available = {};
  for (const p of Object.keys(PEERS)) {
    const v = peerVersion(o.peers, p);
    if (v) available[p] = v;
    else notes.push(`${p} is not available (${o.install ? 'it could not be installed' : 'not installed and --no-install given'}); it was not measured.`);
  }
  return { available, notes };
}

function sarifCounts(path) {
  try {
    const sarif = JSON.parse(readFileSync(path, 'utf8'));
    const by = {};
    for (const r of sarif.runs?.[0]?.results ?? []) by[r.ruleId] = (by[r.ruleId] ?? 0) + 1;
    return { total: Object.values(by).reduce((a, b) => a + b, 0), by };
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- main
async function main() {
  const o = parseOptions(process.argv.slice(2));
  const log = (m) => process.stderr.write(`${m}\n`);
  mkdirSync(o.out, { recursive: true });
  mkdirSync(o.work, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'ptd-bench-'));
  const notes = [];
  if (!GNU_TIME) notes.push('GNU time was not found (Debian: `apt-get install time`); peak RSS was read from /proc/PID/status VmHWM by polling every 2 ms.');

  const cli = join(ROOT, 'dist', 'cli', 'index.js');
  const action = join(ROOT, 'dist', 'index.js');
  if (!existsSync(cli)) throw new Error('dist/cli/index.js is missing: run `node scripts/bundle.mjs --cli-only` first');

  // Repositories.
  const services = Math.max(4, Math.round(o.files / 200));
  const specs = [
    { id: 'A', files: o.files, services, what: 'base' },
    { id: 'B', files: o.files * 2, services, what: 'twice the files, same config' },
    { id: 'C', files: o.files, services: services * 2, what: 'same files, twice the config' },
  ];
  const repos = [];
  for (const s of specs) {
    const dir = join(o.work, `repo-${s.files}-${s.services}-${o.seed}`);
    const t0 = performance.now();
    const g = generate(dir, { files: s.files, services: s.services, seed: o.seed });
    log(`repository ${s.id}: ${g.paths.length} files in ${dir} (${g.reused ? 'reused' : `generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`})`);
    const byKind = {};
    for (const p of g.paths) {
      const k = nameKind(p);
      if (k) (byKind[k] ??= []).push(p);
    }
    const config = Object.values(byKind).reduce((a, b) => a + b.length, 0);
    repos.push({ ...s, dir, total: g.paths.length, byKind, config });
  }
  const clean = generate(join(o.work, `clean-${o.seed}`), { files: 300, services: 5, seed: o.seed, clean: true });

  const { available: peers, notes: peerNotes } = ensurePeers(o, log);
  notes.push(...peerNotes);

  const node = o.node ?? process.execPath;
  // The scans report their phases on stderr (PTRACE_DOCTOR_TIMING=1: a few timestamps, nothing else changes).
  const timed = { ...process.env, PTRACE_DOCTOR_TIMING: '1' };
  const scanJob = (r) => ({ id: `scan ${r.id}`, cmd: node, args: [cli, r.dir, '--format', 'sarif'], cwd: r.dir, env: timed, okStatus: [0, 1], stdout: join(scratch, `scan-${r.id}.sarif`) });
  const floorJob = (r) => ({ id: `floor ${r.id}`, cmd: node, args: [join(HERE, 'floor.mjs'), r.dir], cwd: r.dir });

  // 1–3 on A: scan, floor and peers interleaved.
  const A = repos[0];
  const dockerfiles = A.byKind.dockerfile ?? [];
  const composeFiles = A.byKind.compose ?? [];
  const peerJobs = [];
  const bin = (p, rel) => join(o.peers, 'node_modules', p, rel);
  if (peers.dclint) peerJobs.push({ id: 'dclint', subset: 'Compose', n: composeFiles.length, cmd: node, args: [bin('dclint', 'bin/dclint.cjs'), '--color', 'false', ...composeFiles], cwd: A.dir, okStatus: [0, 1] });
  if (peers.dockerfilelint) peerJobs.push({ id: 'dockerfilelint', subset: 'Dockerfile', n: dockerfiles.length, cmd: node, args: [bin('dockerfilelint', 'bin/dockerfilelint'), '-j', ...dockerfiles], cwd: A.dir, okStatus: [0, 1] });
  if (peers['dockerfile-utils']) peerJobs.push({ id: 'dockerfile-utils', subset: 'Dockerfile', n: dockerfiles.length, cmd: node, args: [join(HERE, 'peer-dockerfile-utils.mjs'), o.peers, ...dockerfiles], cwd: A.dir });

  // Each peer's input as a repository of its own: the same files at the same paths, nothing else. The scan of
  // that repository and the peer read the same bytes. (Naming the files in A, `--root A FILE…`, is not the same
  // input: the scan then reads the whole repository for what links to them, as a pre-commit hook needs.)
  const subsetRepo = (kind, paths) => {
    const dir = join(o.work, `subset-${kind.toLowerCase()}-${A.files}-${A.services}-${o.seed}`);
    const marker = `${dir}.done`;
    const stamp = paths.join('\n');
    if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp && existsSync(dir)) return dir;
    rmSync(dir, { recursive: true, force: true });
    for (const p of paths) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), readFileSync(join(A.dir, p)));
    }
    const git = (...a) => execFileSync('git', a, { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-q', '-m', 'subset');
    writeFileSync(marker, stamp);
    return dir;
  };
  const subsetDir = { Compose: composeFiles.length > 0 ? subsetRepo('Compose', composeFiles) : A.dir, Dockerfile: dockerfiles.length > 0 ? subsetRepo('Dockerfile', dockerfiles) : A.dir };
  for (const j of peerJobs) j.cwd = subsetDir[j.subset];

  // Peers that are not npm packages: measured when they are on PATH (compose-lint from PyPI, hadolint's binary).
  const onPath = (cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
  if (!o.withPeers) { /* --no-peers */ } else if (onPath('compose-lint')) {
    peers['compose-lint'] = sh('compose-lint', ['--version'])?.split('\n')[0] ?? '?';
    peerJobs.push({ id: 'compose-lint', subset: 'Compose', n: composeFiles.length, cmd: 'compose-lint', args: composeFiles, cwd: subsetDir.Compose, okStatus: [0, 1, 2] });
  } else notes.push('compose-lint was not measured: it is not on PATH, and it installs only from PyPI (`pip install compose-lint`), which this machine cannot reach (its pip sees a local wheel mirror without it).');
  if (!o.withPeers) { /* --no-peers */ } else if (onPath('hadolint')) {
    peers.hadolint = sh('hadolint', ['--version'])?.split('\n')[0] ?? '?';
    peerJobs.push({ id: 'hadolint', subset: 'Dockerfile', n: dockerfiles.length, cmd: 'hadolint', args: ['--no-fail', ...dockerfiles], cwd: subsetDir.Dockerfile, okStatus: [0, 1] });
  } else notes.push('hadolint was not measured: it is not on PATH; it is a Haskell binary released on GitHub only (not packaged in Debian bookworm), and the npm `hadolint` package is a wrapper that downloads that binary from GitHub on first run, which this machine cannot reach.');

  // The scan of each peer's input (the subset repository, whole): same files, same process model.
  const subsetJobs = [];
  if (composeFiles.length > 0) subsetJobs.push({ id: 'scan Compose', subset: 'Compose', n: composeFiles.length, cmd: node, args: [cli, subsetDir.Compose, '--format', 'sarif'], cwd: subsetDir.Compose, env: timed, okStatus: [0, 1] });
  if (dockerfiles.length > 0) subsetJobs.push({ id: 'scan Dockerfile', subset: 'Dockerfile', n: dockerfiles.length, cmd: node, args: [cli, subsetDir.Dockerfile, '--format', 'sarif'], cwd: subsetDir.Dockerfile, env: timed, okStatus: [0, 1] });
  // The same files named in A (a pre-commit hook's call): the whole repository is read for what links to them.
  const namedJobs = [];
  if (composeFiles.length > 0) namedJobs.push({ id: 'named Compose', named: 'Compose', n: composeFiles.length, cmd: node, args: [cli, '--root', A.dir, '--format', 'sarif', ...composeFiles], cwd: A.dir, env: timed, okStatus: [0, 1] });
  if (dockerfiles.length > 0) namedJobs.push({ id: 'named Dockerfile', named: 'Dockerfile', n: dockerfiles.length, cmd: node, args: [cli, '--root', A.dir, '--format', 'sarif', ...dockerfiles], cwd: A.dir, env: timed, okStatus: [0, 1] });

  // The parse floor re-parses the files that a scan of A parses: one scan, not measured, names them.
  const parsedList = join(scratch, 'parsed-A.tsv');
  const named = await runOnce({ ...scanJob(A), env: { ...timed, PTRACE_DOCTOR_TIMING_FILES: parsedList } }, scratch);
  if (![0, 1].includes(named.status) || !existsSync(parsedList)) throw new Error(`scan A (listing its parses): exit status ${named.status}\n${named.stderr.slice(0, 2000)}`);
  const parseFloorJob = { id: 'parse floor A', cmd: node, args: [join(HERE, 'parse-floor.mjs'), A.dir, parsedList], cwd: A.dir };

  const load0 = loadavg();
  log(`measuring on A: scan, floor, parse floor${[...subsetJobs, ...namedJobs, ...peerJobs].map((j) => `, ${j.id}`).join('')}`);
  const rawA = await measureRounds([scanJob(A), floorJob(A), parseFloorJob, ...subsetJobs, ...namedJobs, ...peerJobs], o, scratch, log);
  // More rounds for the scan of the Dockerfiles and its peers, among themselves,
  // appended round for round (each job's i-th sample is from the same round).
  const dockerfileJobs = [...subsetJobs, ...peerJobs].filter((j) => j.subset === 'Dockerfile');
  const extraRuns = dockerfileJobs.length > 1 ? o.peerRuns - o.runs : 0;
  if (extraRuns > 0) {
    log(`measuring on A, ${extraRuns} more rounds: ${dockerfileJobs.map((j) => j.id).join(', ')}`);
    const more = await measureRounds(dockerfileJobs, { runs: extraRuns, warmup: 0 }, scratch, log);
    for (const [id, s] of more) rawA.get(id).push(...s);
  }
  const resA = summarizeAll(rawA);
  const findings = sarifCounts(join(scratch, 'scan-A.sarif'));

  // Scaling: the scan and the floor on A, B and C, all in the same rounds, so
  // that the machine's drift between rounds cannot pass for growth (A is
  // measured again for that).
  log(`measuring on ${repos.map((r) => r.id).join(', ')}: scan, floor`);
  const resS = await measure(repos.flatMap((r) => [scanJob(r), floorJob(r)]), o, scratch, log);
  const scaling = {};
  for (const r of repos) scaling[r.id] = { scan: resS[`scan ${r.id}`], floor: resS[`floor ${r.id}`], findings: sarifCounts(join(scratch, `scan-${r.id}.sarif`)) };

  // The generated worst cases under the size caps (issue #21), each alone in its repository.
  const worst = [];
  if (o.worst) {
    const jobs = [];
    for (const spec of WORST) {
      const g = generateInput(join(o.work, `worst-${spec.id}`), spec);
      const bytes = Object.values(spec.files()).reduce((a, t) => a + Buffer.byteLength(t), 0);
      const out = join(scratch, `worst-${spec.id}.json`);
      jobs.push({ id: `worst ${spec.id}`, spec, bytes, out, cmd: node, args: [cli, g.dir, '--format', 'json'], cwd: g.dir, okStatus: [0, 1], stdout: out });
      // Its parse floor: the files the scan parsed, each parsed as the scan parses it, and once more
      // when the scan validated fixes in it (the fixed text taken as the same size): the least any
      // scan that proves its fixes by parsing must spend on the input.
      const list = join(scratch, `worst-${spec.id}.tsv`);
      const once = await runOnce({ cmd: node, args: [cli, g.dir, '--format', 'json'], cwd: g.dir, env: { ...timed, PTRACE_DOCTOR_TIMING_FILES: list } }, scratch);
      if (existsSync(list)) {
        const fixParses = [...once.stderr.matchAll(/count fix validation parses \([a-z-]+\) (\d+)/g)].reduce((a, m) => a + Number(m[1]), 0);
        const rows = readFileSync(list, 'utf8').split('\n').filter(Boolean);
        writeFileSync(list, [...rows, ...(fixParses > 0 ? rows : [])].map((r) => `${r}\n`).join(''));
        jobs.push({ id: `worst floor ${spec.id}`, floorOf: spec.id, parses: rows.length + (fixParses > 0 ? rows.length : 0), cmd: node, args: [join(HERE, 'parse-floor.mjs'), g.dir, list], cwd: g.dir });
      }
    }
    log(`measuring the worst cases and their parse floors (${o.worstRuns} run${o.worstRuns === 1 ? '' : 's'} each): ${jobs.filter((j) => !j.floorOf).map((j) => j.spec.id).join(', ')}`);
    const res = await measure(jobs, { runs: o.worstRuns, warmup: 0 }, scratch, log);
    for (const j of jobs) {
      if (j.floorOf) continue;
      const fl = jobs.find((x) => x.floorOf === j.spec.id);
      let found = { total: NaN, fixes: NaN, by: {} };
      try {
        const list = JSON.parse(readFileSync(j.out, 'utf8')).findings;
        const by = {};
        for (const f of list) by[f.ruleId] = (by[f.ruleId] ?? 0) + 1;
        found = { total: list.length, fixes: list.filter((f) => f.fix).length, by };
      } catch { /* counted as unknown */ }
      worst.push({ ...j, r: res[j.id], found, ...(fl ? { floor: res[fl.id], floorParses: fl.parses } : {}) });
    }
  }

  // 4: the Action's cold start on a repository with no findings, as a push.
  let coldStart;
  let actionOutputs = '';
  // In the same rounds: Node alone, and the I/O floor of the clean repository (Node, git ls-files, reading its
  // config-named files): what any process that looks at it must spend, before loading or running any code of its own.
  const startJobs = [
    { id: 'node -e 0', cmd: node, args: ['-e', '0'], cwd: clean.dir },
    { id: 'floor clean', cmd: node, args: [join(HERE, 'floor.mjs'), clean.dir], cwd: clean.dir },
  ];
  let baseline;
  if (existsSync(action)) {
    const event = join(scratch, 'event.json');
    writeFileSync(event, JSON.stringify({ ref: 'refs/heads/main', after: '0'.repeat(40), repository: { full_name: 'bench/monorepo' } }));
    const ghOut = join(scratch, 'github_output');
    const ghSummary = join(scratch, 'step_summary');
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME ?? scratch,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: clean.dir,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_OUTPUT: ghOut,
      GITHUB_STEP_SUMMARY: ghSummary,
      GITHUB_REPOSITORY: 'bench/monorepo',
      GITHUB_SHA: '0'.repeat(40),
      GITHUB_REF: 'refs/heads/main',
      // Nothing may be called on push; a dead loopback port makes sure of it.
      GITHUB_API_URL: 'http://127.0.0.1:9',
      GITHUB_SERVER_URL: 'https://github.com',
      RUNNER_TEMP: scratch,
      'INPUT_GITHUB-TOKEN': 'ghs_benchmarknotarealtoken',
      INPUT_PATH: '.',
      'INPUT_FAIL-ON': 'error',
      'INPUT_PR-REVIEW': 'true',
      'INPUT_PR-SUMMARY': 'true',
      INPUT_SCOPE: 'changed',
      'INPUT_SARIF-FILE': '',
      INPUT_FIX: 'false',
      INPUT_IGNORE: '',
      'INPUT_MAX-COMMENTS': '25',
    };
    for (const f of [ghOut, ghSummary]) writeFileSync(f, '');
    try {
      const res = await measure([...startJobs, { id: 'action', cmd: node, args: [action], cwd: clean.dir, env, stdout: join(scratch, 'action.log') }], o, scratch, () => {});
      baseline = res;
      coldStart = res.action;
      actionOutputs = readFileSync(ghOut, 'utf8');
      if (!/findings<<|findings=/.test(actionOutputs)) notes.push('The Action wrote no `findings` output; its cold start may not have reached the scan.');
    } catch (e) {
      notes.push(`The Action (dist/index.js) failed to run: ${String(e.message).split('\n').slice(0, 3).join(' ')}`);
    }
  } else notes.push('dist/index.js is missing (the Action bundle is not built); its cold start was not measured.');
  baseline ??= await measure(startJobs, o, scratch, () => {});
  const actionFindings = /findings(?:<<(\S+)\n([\s\S]*?)\n\1|=(\S*))/.exec(actionOutputs);
  const actionFindingCount = actionFindings ? (actionFindings[2] ?? actionFindings[3]) : undefined;

  // 5: bundles, and beside each the chunks it loads on demand (`<id>.index.js`).
  const bundles = [];
  const size = (file) => ({ bytes: statSync(file).size, gzip: gzipSync(readFileSync(file), { level: 9 }).length });
  for (const [name, p] of [['dist/cli/index.js', cli], ['dist/index.js', action]]) {
    if (!existsSync(p)) {
      bundles.push({ name, missing: true });
      continue;
    }
    bundles.push({ name, ...size(p) });
    const dir = dirname(p);
    for (const f of readdirSync(dir).filter((x) => /^\d+\.index\.js$/.test(x)).sort()) {
      bundles.push({ name: `${dirname(name)}/${f}`, chunk: true, ...size(join(dir, f)) });
    }
  }

  const load1 = loadavg();
  // ------------------------------------------------------------ report
  const scan = resA['scan A'];
  const floor = resA['floor A'];
  const maxRss = Math.max(...Object.values(scaling).map((s) => s.scan.rssMiB));
  const L = [];
  L.push('# ptrace-doctor benchmark');
  L.push('');
  const cmdline = ['node bench/run.mjs', ...process.argv.slice(2)].join(' ');
  L.push(`Generated by \`npm run bench\` (\`${cmdline}\`) on ${new Date().toISOString().slice(0, 10)}. Each number is one whole process (Node start-up included), ${o.runs} measured run${o.runs === 1 ? '' : 's'} after ${o.warmup} warm-up run${o.warmup === 1 ? '' : 's'} (files in the page cache), runs interleaved, their order rotating by one job each round; times are wall-clock medians in ms with the min–max spread; peak RSS is the largest \`Maximum resident set size\` of \`/usr/bin/time -v\` over the runs.`);
  L.push('');
  L.push('## Machine and versions');
  L.push('');
  L.push(`- CPU: ${cpus()[0]?.model ?? 'unknown'}; nproc ${availableParallelism()}; memory ${(totalmem() / 1024 ** 3).toFixed(1)} GiB; ${platform()} ${release()}`);
  L.push(`- Node ${o.node ? `${sh(o.node, ['--version']) ?? 'unknown version'} (\`--node ${o.node}\`)` : process.version}; ${sh('git', ['--version']) ?? 'git: unknown'}; ${GNU_TIME ? (sh(GNU_TIME, ['--version'])?.split('\n')[0] ?? 'GNU time') : 'no GNU time (fallback: /proc VmHWM)'}`);
  L.push(`- ptrace-doctor ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version} (dist/cli/index.js as built in the working tree)`);
  L.push(`- load average (1/5/15 min) when measuring started: ${load0.map((x) => x.toFixed(2)).join(' / ')}; when it ended: ${load1.map((x) => x.toFixed(2)).join(' / ')}${load0[0] > availableParallelism() / 2 ? ' — other processes were competing for the CPUs, so absolute times are inflated and noisy; the ratios (interleaved runs) hold better' : ''}`);
  L.push(`- peers: ${[...Object.keys(PEERS), 'compose-lint', 'hadolint'].map((p) => `${p} ${peers[p] ?? 'not available'}`).join(', ')}`);
  L.push('');
  L.push('## Repositories (generated, seed ' + o.seed + ')');
  L.push('');
  L.push('| repo | what | files (git ls-files) | config-named files read | Dockerfiles | Compose | other YAML | Makefiles | shell | devcontainer | findings |');
  L.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of repos) {
    const k = (n) => (r.byKind[n]?.length ?? 0);
    const f = r.id === 'A' ? findings : scaling[r.id].findings;
    L.push(`| ${r.id} | ${r.what} | ${fmtInt(r.total)} | ${fmtInt(r.config)} | ${k('dockerfile')} | ${k('compose')} | ${k('yaml') + k('workflow')} | ${k('makefile')} | ${k('shell')} | ${k('devcontainer')} | ${f ? f.total : '?'} |`);
  }
  if (findings) L.push('', `Findings on A by rule: ${Object.entries(findings.by).sort().map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  L.push('');
  L.push('## Scan, floor and peers (repository A)');
  L.push('');
  if (extraRuns > 0) {
    L.push(`The scan of the Dockerfile files and its peers (${dockerfileJobs.map((j) => j.id).join(', ')}) ran ${extraRuns} more interleaved rounds among themselves (\`--peer-runs ${o.peerRuns}\`), so their rows stand on ${o.peerRuns} runs each: a Dockerfile round takes under a second, and the round-by-round sign test below needs the rounds (over ${o.runs} round${o.runs === 1 ? '' : 's'} it finds a scan that wins 70 % of rounds faster only ${(signTestPower(o.runs, 0.7) * 100).toFixed(0)} % of the time; over ${o.peerRuns}, ${(signTestPower(o.peerRuns, 0.7) * 100).toFixed(0)} %).`);
    L.push('');
  }
  L.push('| process | files | median ms | min–max ms | CPU ms (user+sys, median) | files/s | peak RSS MiB | scan ÷ this (wall; CPU) |');
  L.push('|---|--:|--:|--:|--:|--:|--:|--:|');
  L.push(`| **scan** \`node dist/cli/index.js A --format sarif\` | ${fmtInt(A.config)} config of ${fmtInt(A.total)} | **${fmtMs(scan.median)}** | ${fmtSpread(scan)} | ${fmtCpu(scan)} | ${fmtRate(A.config, scan.median)} config (${fmtRate(A.total, scan.median)} all) | ${fmtMiB(scan.rssMiB)} | 1.00 |`);
  L.push(`| floor: git ls-files + read config-named files (bench/floor.mjs) | ${fmtInt(A.config)} | ${fmtMs(floor.median)} | ${fmtSpread(floor)} | ${fmtCpu(floor)} | ${fmtRate(A.config, floor.median)} | ${fmtMiB(floor.rssMiB)} | **${(scan.median / floor.median).toFixed(2)}**; ${cpuRatio(scan, floor)} |`);
  const pf = resA['parse floor A'];
  const pfPhase = (name) => new Map(pf.timing?.phases ?? []).get(name);
  const pfParse = pfPhase('parse');
  const pfCount = pf.timing?.counts?.parses;
  const pfMissing = pf.timing?.counts?.['listed files not read'];
  // The scan's own time inside the parsers (PTRACE_DOCTOR_TIMING "time" lines).
  const scanTimes = scan.timing?.times ?? {};
  const fixParse = scanTimes['fix validation parse calls'];
  const fixParseCount = Object.entries(scan.timing?.counts ?? {}).filter(([k]) => k.startsWith('fix validation parses')).reduce((a, [, v]) => a + v, 0);
  if (pfMissing) notes.push(`The parse floor did not find ${pfMissing} of the files the scan parsed among the tracked config-named files; it parsed the others.`);
  L.push(`| parse floor: the floor, then parse the ${pfCount ?? '?'} files the scan parsed (YAML, Dockerfiles, JSON) with its parsers, and nothing else (bench/parse-floor.mjs) | ${fmtInt(A.config)} | ${fmtMs(pf.median)} | ${fmtSpread(pf)} | ${fmtCpu(pf)} | ${fmtRate(A.config, pf.median)} | ${fmtMiB(pf.rssMiB)} | ${(scan.median / pf.median).toFixed(2)}; ${cpuRatio(scan, pf)} |`);
  for (const j of subsetJobs) {
    const s = resA[j.id];
    L.push(`| scan of the ${j.subset} files only (a repository of just those files, as the peers get them) | ${j.n} | ${fmtMs(s.median)} | ${fmtSpread(s)} | ${fmtCpu(s)} | ${fmtRate(j.n, s.median)} | ${fmtMiB(s.rssMiB)} | ${(scan.median / s.median).toFixed(2)}; ${cpuRatio(scan, s)} |`);
  }
  for (const j of namedJobs) {
    const s = resA[j.id];
    L.push(`| scan with the ${j.named} files named in A (\`--root A FILE…\`: the whole repository is read for what links to them, the named files reported) | ${j.n} | ${fmtMs(s.median)} | ${fmtSpread(s)} | ${fmtCpu(s)} | ${fmtRate(j.n, s.median)} | ${fmtMiB(s.rssMiB)} | ${(scan.median / s.median).toFixed(2)}; ${cpuRatio(scan, s)} |`);
  }
  for (const j of peerJobs) {
    const s = resA[j.id];
    const sub = resA[`scan ${j.subset}`];
    L.push(`| ${j.id} ${peers[j.id]} on the ${j.subset} files${j.id === 'dockerfile-utils' ? ' (library `validate()`, one process: its CLI takes one file per process)' : ''} | ${j.n} | ${fmtMs(s.median)} | ${fmtSpread(s)} | ${fmtCpu(s)} | ${fmtRate(j.n, s.median)} | ${fmtMiB(s.rssMiB)} | **${(scan.median / s.median).toFixed(2)}**; ${cpuRatio(scan, s)}${sub ? ` (${j.subset} scan ÷ this: **${(sub.median / s.median).toFixed(2)}**; ${cpuRatio(sub, s)})` : ''} |`);
  }
  L.push('');
  if (pfParse !== undefined) {
    const bound = floor.median + pfParse;
    L.push(`The parse floor spent ${fmtMs(pfParse)} ms (median) inside the parse calls alone, and ${fmtMs(pfPhase('load') ?? NaN)} ms loading the three parsers from node_modules. The floor plus those parse calls is ${fmtMs(bound)} ms, **${(bound / floor.median).toFixed(2)} × the floor**. A scan that parses these files with these parsers cannot take less, and it must still load the parsers, build its model, run its rules, re-parse its fixes to prove them and write its report. The whole parse floor process, with its loading, is ${(pf.median / floor.median).toFixed(2)} × the floor.`);
    if (fixParse !== undefined) {
      L.push('');
      L.push(`Re-parsing the edited files is part of offering a fix (a fix is only offered once its file parses again). The scan itself spent ${fmtMs(fixParse)} ms (median) inside the parsers' calls for those re-parses (${fmtInt(fixParseCount)} of them), and ${fmtMs(scanTimes['first parse calls'] ?? NaN)} ms inside its first parses of the same files the parse floor parsed. The floor, the parse floor's parse calls and the scan's fix re-parses together are ${fmtMs(bound + fixParse)} ms, **${((bound + fixParse) / floor.median).toFixed(2)} × the floor**: the least a scan that reports these findings with proven fixes could take, before it loads anything, models anything or writes anything.`);
    }
    L.push('');
  }
  L.push(`The scan reads every config-named file (${Object.keys(A.byKind).join(', ')}), links Compose services, devcontainers, Kubernetes objects and run lines to their Dockerfiles into launches, and runs 14 rules; each peer lints one format.`);
  L.push('');
  const timedScans = [['whole repository', resA['scan A']], ...subsetJobs.map((j) => [`${j.subset} files only`, resA[j.id]])].filter(([, r]) => r?.timing);
  if (timedScans.length > 0) {
    L.push('## Where the scan\'s time goes (repository A)');
    L.push('');
    L.push('Medians per phase over the measured runs, from the CLI\'s own timestamps (`PTRACE_DOCTOR_TIMING=1`); *start* is Node\'s start-up and loading the bundle, up to the first line of `main`.');
    L.push('');
    const names = [...new Set(timedScans.flatMap(([, r]) => r.timing.phases.map(([n]) => n)))];
    L.push(`| scan | ${names.join(' | ')} | sum |`);
    L.push(`|---|${names.map(() => '--:').join('|')}|--:|`);
    for (const [what, r] of timedScans) {
      const by = new Map(r.timing.phases);
      L.push(`| ${what} | ${names.map((n) => (by.has(n) ? fmtMs(by.get(n)) : '–')).join(' | ')} | ${fmtMs(r.timing.phases.reduce((a, [, v]) => a + v, 0))} |`);
    }
    L.push('');
    for (const [what, r] of timedScans) {
      const times = Object.entries(r.timing.times).map(([k, v]) => `${fmtMs(v)} ms ${k}`);
      L.push(`- ${what}: ${Object.entries(r.timing.counts).map(([k, v]) => `${fmtInt(v)} ${k}`).join(', ')}${times.length ? `; inside the parsers (medians): ${times.join(', ')}` : ''}.`);
    }
    L.push('');
  }
  L.push('## Scaling: all files vs config files');
  L.push('');
  L.push('The scan and the floor on A, B and C, all in the same rounds (A measured again, so its numbers differ a little from the table above); growth is taken round by round.');
  L.push('');
  L.push('| repo | files | config files | scan median ms (min–max) | scan CPU ms | floor median ms | floor CPU ms | scan ÷ floor (wall; CPU) | scan peak RSS MiB |');
  L.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of repos) {
    const s = scaling[r.id];
    L.push(`| ${r.id} (${r.what}) | ${fmtInt(r.total)} | ${fmtInt(r.config)} | ${fmtMs(s.scan.median)} (${fmtSpread(s.scan)}) | ${fmtCpu(s.scan)} | ${fmtMs(s.floor.median)} | ${fmtCpu(s.floor)} | ${(s.scan.median / s.floor.median).toFixed(2)}; ${cpuRatio(s.scan, s.floor)} | ${fmtMiB(s.scan.rssMiB)} |`);
  }
  // Growth per round (the rounds ran A, B and C back to back): the median of the rounds' ratios.
  const roundRatio = (x, y) => median(x.ms.map((v, i) => v / y.ms[i]));
  const growthB = roundRatio(scaling.B.scan, scaling.A.scan);
  const growthC = roundRatio(scaling.C.scan, scaling.A.scan);
  const [b, c] = [scaling.B.scan.median, scaling.C.scan.median];
  const [fb] = [scaling.B.floor.median];
  // The fit uses each process's fastest run: on a shared machine the minimum is the least disturbed estimate.
  const [am, bm, cm] = repos.map((r) => scaling[r.id].scan.min);
  const [fam, fbm] = repos.map((r) => scaling[r.id].floor.min);
  const perFile = (bm - am) / (repos[1].total - A.total);
  const perConfig = (cm - am) / (repos[2].config - A.config);
  const fixed = am - perFile * A.total - perConfig * A.config;
  L.push('');
  L.push(`Fitted from the fastest runs of A, B, C: scan ≈ ${fmtMs(fixed)} ms fixed + ${(perConfig * 1000).toFixed(0)} µs per config file + ${(perFile * 1000).toFixed(2)} µs per other file (the floor: ${(((fbm - fam) / (repos[1].total - A.total)) * 1000).toFixed(2)} µs per other file). Round by round (median of the rounds' ratios): doubling all files (A→B) costs the scan ×${growthB.toFixed(2)}; doubling the config files (A→C) ×${growthC.toFixed(2)}.`);
  L.push('');
  if (worst.length > 0) {
    L.push('## Generated worst cases under the size caps');
    L.push('');
    L.push(`Each a repository of one generated file (bench/pathological.mjs, version ${PATHOLOGICAL_VERSION}): as much of it as the cap allows is work for the scan. \`node dist/cli/index.js DIR --format json\`, ${o.worstRuns} run${o.worstRuns === 1 ? '' : 's'} each (\`--worst-runs\`). Target: ≤ 2 s and ≤ 256 MiB each. The parse floor of an input (bench/parse-floor.mjs, interleaved with the scans) lists and reads it, then parses each file the scan parsed as the scan parses it, and once more when the scan validated fixes in that file (a fix is offered only once its fixed file parses; the fixed text is taken as the same size as the original): the least a scan that reports proven fixes must spend on it, before it models, runs rules or writes anything.`);
    L.push('');
    L.push('| input | what | KiB | findings (fixes) | median ms | min–max ms | peak RSS MiB | parse floor ms (parses) | parse floor peak RSS MiB | ≤ 2 s and ≤ 256 MiB |');
    L.push('|---|---|--:|--:|--:|--:|--:|--:|--:|---|');
    for (const w of worst) {
      const by = Object.entries(w.found.by).sort().map(([k, v]) => `${k} ${fmtInt(v)}`).join(', ');
      L.push(`| ${w.spec.id} | ${w.spec.what} | ${(w.bytes / 1024).toFixed(0)} | ${Number.isNaN(w.found.total) ? '?' : `${fmtInt(w.found.total)} (${fmtInt(w.found.fixes)})${by ? `: ${by}` : ''}`} | ${fmtMs(w.r.median)} | ${fmtSpread(w.r)} | ${fmtMiB(w.r.rssMiB)} | ${w.floor ? `${fmtMs(w.floor.median)} (${w.floorParses})` : 'not measured'} | ${w.floor ? fmtMiB(w.floor.rssMiB) : ''} | ${ok(w.r.median <= 2000 && w.r.rssMiB <= 256)} |`);
    }
    L.push('');
  }
  L.push('## Action cold start and bundles');
  L.push('');
  L.push('| process | median ms | min–max ms | CPU ms | peak RSS MiB |');
  L.push('|---|--:|--:|--:|--:|');
  if (coldStart) L.push(`| \`node dist/index.js\`, push event, repository with no findings (${clean.paths.length} files; findings output: ${actionFindingCount ?? '?'}) | **${fmtMs(coldStart.median)}** | ${fmtSpread(coldStart)} | ${fmtCpu(coldStart)} | ${fmtMiB(coldStart.rssMiB)} |`);
  else L.push('| `node dist/index.js` | not measured | | | |');
  L.push(`| baseline \`node -e 0\` | ${fmtMs(baseline['node -e 0'].median)} | ${fmtSpread(baseline['node -e 0'])} | ${fmtCpu(baseline['node -e 0'])} | ${fmtMiB(baseline['node -e 0'].rssMiB)} |`);
  const fc = baseline['floor clean'];
  L.push(`| floor: Node, git ls-files and reading the config-named files of the same repository (bench/floor.mjs) | ${fmtMs(fc.median)} | ${fmtSpread(fc)} | ${fmtCpu(fc)} | ${fmtMiB(fc.rssMiB)} |`);
  L.push('');
  L.push(`All three in the same interleaved rounds. The floor is ${(fc.median / baseline['node -e 0'].median).toFixed(2)} × \`node -e 0\`: a cold start within 1.3 × \`node -e 0\` (${fmtMs(1.3 * baseline['node -e 0'].median)} ms) leaves ${fmtMs(Math.max(0, 1.3 * baseline['node -e 0'].median - fc.median))} ms beyond this I/O for loading and compiling the Action's code (the bundle below), reading its inputs, deciding what in the repository could matter and writing its outputs${coldStart ? `; the Action spends ${fmtMs(coldStart.median - fc.median)} ms there` : ''}.`);
  L.push('');
  L.push('| bundle | bytes | KiB | gzip -9 KiB |');
  L.push('|---|--:|--:|--:|');
  for (const bd of bundles) L.push(bd.missing ? `| ${bd.name} | missing | | |` : `| ${bd.chunk ? `↳ ${bd.name} (chunk, loaded on demand)` : bd.name} | ${fmtInt(bd.bytes)} | ${(bd.bytes / 1024).toFixed(0)} | ${(bd.gzip / 1024).toFixed(0)} |`);
  L.push('');
  L.push('## Targets');
  L.push('');
  L.push('| target | measured | |');
  L.push('|---|---|---|');
  const lowerBound =
    pfParse === undefined
      ? ''
      : ` — the floor plus the parse calls alone: ${((floor.median + pfParse) / floor.median).toFixed(2)} ×${fixParse !== undefined ? `; with the fixes' re-parses: ${((floor.median + pfParse + fixParse) / floor.median).toFixed(2)} ×` : ''}`;
  L.push(`| scan ≤ 2 × floor | ${(scan.median / floor.median).toFixed(2)} × on A (CPU time ${cpuRatio(scan, floor)} ×) (B ${(b / fb).toFixed(2)} ×, C ${(c / scaling.C.floor.median).toFixed(2)} ×)${lowerBound} | ${ok(Math.max(scan.median / floor.median, b / fb, c / scaling.C.floor.median) <= 2)} |`);
  for (const j of peerJobs) {
    const sub = resA[`scan ${j.subset}`];
    // Met when the scan was faster in the median and in so many rounds that a sign test rules out a tie.
    const pr = paired(sub, resA[j.id]);
    const faster = sub.median < resA[j.id].median && pr.wins * 2 > pr.n;
    const verdict = faster && pr.significant ? ok(true) : faster ? '❌ not shown: a tie within noise (faster in the median and in most rounds, but a sign test over the rounds cannot tell it from a tie)' : ok(false);
    L.push(`| faster than ${j.id} on its own subset | on the same ${j.n} ${j.subset} files: scan ${fmtMs(sub.median)} ms vs ${fmtMs(resA[j.id].median)} ms, faster in ${pr.wins} of ${pr.n} interleaved rounds (the whole-repository scan of all ${fmtInt(A.config)} config files: ${fmtMs(scan.median)} ms) | ${verdict}${scan.median < resA[j.id].median ? ' (even the whole-repository scan is faster)' : ''} |`);
  }
  if (peerJobs.length === 0) L.push('| faster than each peer | peers not measured | ➖ |');
  L.push(`| peak memory ≤ 200 MB | ${fmtMiB(maxRss)} MiB (largest over A, B, C) | ${ok(maxRss * 1.048576 <= 200)} |`);
  L.push(`| time grows with config files, not with all files | round by round, A→B (×2 files): ×${growthB.toFixed(2)}; A→C (×2 config): ×${growthC.toFixed(2)} | ${ok(growthB <= 1.2 && growthC >= growthB)} |`);
  L.push(`| Action cold start ≤ 300 ms | ${coldStart ? `${fmtMs(coldStart.median)} ms` : 'not measured'} | ${coldStart ? ok(coldStart.median <= 300) : '➖'} |`);
  // Issue #18 (the linking may not cost more than the scan did before it) and #21 (bounded cost, the runtime).
  const node0 = baseline['node -e 0'];
  const overParse = scan.median / pf.median;
  L.push(`| scan ÷ parse floor ≤ 1.74 (#18) and ≤ 1.3 (#21), repository A | ${overParse.toFixed(2)} × (CPU ${cpuRatio(scan, pf)} ×) | ${overParse <= 1.3 ? ok(true) : overParse <= 1.74 ? '✅ ≤ 1.74 met; ❌ ≤ 1.3 not met' : ok(false)} |`);
  L.push(`| peak RSS on repository C ≤ 130 MiB (#18) and ≤ 128 MiB (#21) | ${fmtMiB(scaling.C.scan.rssMiB)} MiB | ${scaling.C.scan.rssMiB <= 128 ? ok(true) : scaling.C.scan.rssMiB <= 130 ? '✅ ≤ 130 met; ❌ ≤ 128 not met' : ok(false)} |`);
  if (coldStart) L.push(`| Action cold start ≤ 1.3 × \`node -e 0\` (#21) | ${fmtMs(coldStart.median)} vs ${fmtMs(node0.median)} ms: ${(coldStart.median / node0.median).toFixed(2)} × | ${ok(coldStart.median <= 1.3 * node0.median)} |`);
  if (worst.length > 0) {
    const bad = worst.filter((w) => !(w.r.median <= 2000 && w.r.rssMiB <= 256));
    L.push(`| every worst case under the size caps ≤ 2 s and ≤ 256 MiB (#21) | ${worst.length - bad.length} of ${worst.length}${bad.length ? `; not: ${bad.map((w) => `${w.spec.id} ${fmtMs(w.r.median)} ms / ${fmtMiB(w.r.rssMiB)} MiB${w.floor ? ` (its parse floor: ${fmtMs(w.floor.median)} ms / ${fmtMiB(w.floor.rssMiB)} MiB)` : ''}`).join(', ')}` : ''} | ${ok(bad.length === 0)} |`);
  }
  if (notes.length > 0) {
    L.push('');
    L.push('## Notes');
    L.push('');
    for (const n of notes) L.push(`- ${n}`);
  }
  L.push('');
  const md = L.join('\n');
  writeFileSync(join(o.out, 'RESULTS.md'), md);
  process.stdout.write(md);
  log(`\nwrote ${join(o.out, 'RESULTS.md')}`);
  rmSync(scratch, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`bench: ${e?.stack ?? e}\n`);
  process.exitCode = 1;
});
