/**
 * Real containers prove every rule's claim and every fix (issue 6).
 * Run with `npm run test:containers` (test/containers/run.sh), which starts
 * the engine and builds the image first and sets PTD_GO_IMAGE.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { release, type as osType } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '../../src/engine.js';
import { applyFixes, type FixOutcome } from '../../src/fix/apply.js';
import { isPtraceTarget, type Launch } from '../../src/model/launch.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { CASES } from './lib/cases.js';
import { CLAIMS, verdict, type RuleInfo, type Verdict } from './lib/claims.js';
import { docker, errorLine, yamaScope, type EngineFacts } from './lib/docker.js';
import { observe, type Observation } from './lib/probe.js';
import { renderTable } from './lib/table.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/containers/fixtures');
const IMAGE = process.env.PTD_GO_IMAGE ?? '';
const ONLY = (process.env.PTD_CT_CASES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const JOBS = Math.max(1, Number(process.env.PTD_CT_JOBS ?? '3'));
const TABLE = process.env.PTD_CT_TABLE ?? join(ROOT, 'docs/truth-table.md');

interface CaseRun {
  before: ScanResult;
  fix: FixOutcome;
  afterScan: ScanResult;
  launch?: Launch;
  after?: Launch;
}

const state = {
  engine: undefined as EngineFacts | undefined,
  runs: new Map<string, CaseRun>(),
  observations: new Map<string, Observation>(),
  verdicts: new Map<string, Verdict>(),
  rules: new Map<string, RuleInfo>(ALL_RULES.map((r) => [r.meta.id, { registered: true, fixable: r.meta.fixable }])),
  fixed: new Map<string, string[]>(),
  error: undefined as string | undefined,
};

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

const selected = CASES.filter((c) => ONLY.length === 0 || ONLY.includes(c.id));

function pick(launches: Launch[]): Launch | undefined {
  return launches.find(isPtraceTarget) ?? launches[0];
}

async function engineFacts(): Promise<EngineFacts> {
  const v = await docker(['version', '--format', '{{.Server.Version}}']);
  if (v.code !== 0) throw new Error(`no Docker engine answers: ${errorLine(v.out)}`);
  const img = await docker(['image', 'inspect', IMAGE, '--format', '{{.Id}}']);
  if (img.code !== 0) throw new Error(`image ${IMAGE || '(PTD_GO_IMAGE unset)'} is missing: run test/containers/run.sh`);
  const tools = await docker(['run', '--rm', '--network=none', IMAGE, 'sh', '-c', 'dlv version | head -1; go version; strace -V | head -1']);
  const priv = await docker(['run', '--rm', '--network=none', '--privileged', IMAGE, 'true']);
  const yama = yamaScope();
  return {
    serverVersion: v.stdout.trim(),
    kernel: release(),
    ...(yama !== undefined ? { yama } : {}),
    privileged: priv.code === 0 ? { ok: true } : { ok: false, error: errorLine(priv.out) },
    image: IMAGE,
    tools: tools.out.split('\n').map((l) => l.trim()).filter(Boolean).join('; '),
    date: new Date().toISOString().slice(0, 10),
    os: `${osType()} (${process.env.RUNNER_OS ? `GitHub-hosted ${process.env.ImageOS ?? process.env.RUNNER_OS}` : 'local'})`,
  };
}

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(n, queue.length) }, async () => {
    for (let t = queue.shift(); t !== undefined; t = queue.shift()) await fn(t);
  }));
}

beforeAll(async () => {
  try {
    const engine = await engineFacts();
    state.engine = engine;
    await pool(selected, JOBS, async (c) => {
      const root = join(FIXTURES, c.id);
      const before = await scan({ root });
      // The fixes are written to a copy, so that files the container reads (a seccomp profile) are the fixed ones.
      const copy = mkdtempSync(join(tmpdir(), `ptd-ct-${c.id}-`));
      temps.push(copy);
      cpSync(root, copy, { recursive: true });
      // Only the fixes of the rules under test, so that each rule's fix is proven on its own.
      const ignore = c.flaggedBy.length > 0 ? ALL_RULES.map((r) => r.meta.id).filter((id) => !c.flaggedBy.includes(id)) : [];
      const fix = await applyFixes({ root: copy, write: true, ignore });
      const afterScan = await scan({ root: copy });
      if (fix.skipped.length > 0) throw new Error(`fixes not written in ${c.id}: ${fix.skipped.map((s) => `${s.path}: ${s.reason}`).join('; ')}`);
      const launch = pick(before.launches);
      const after = launch ? afterScan.launches.find((l) => l.id === launch.id) ?? pick(afterScan.launches) : undefined;
      state.runs.set(c.id, { before, fix, afterScan, ...(launch ? { launch } : {}), ...(after ? { after } : {}) });
      state.fixed.set(c.id, [...new Set(fix.fixed.map((f) => f.ruleId))]);
      if (!launch) return;
      state.observations.set(`${c.id}/before`, await observe({ image: IMAGE, engine, caseId: c.id, phase: 'before', launch, findings: [...new Set(before.findings.map((f) => f.ruleId))] }));
      if (after && fix.changed.length > 0) {
        state.observations.set(`${c.id}/after`, await observe({ image: IMAGE, engine, caseId: c.id, phase: 'after', launch: after, findings: [...new Set(afterScan.findings.map((f) => f.ruleId))] }));
      }
    });
    for (const cl of CLAIMS) {
      if (!selected.some((c) => c.id === cl.case)) continue;
      state.verdicts.set(cl.id, verdict(cl, state.observations, { ...(engine.yama !== undefined ? { yama: engine.yama } : {}), rules: state.rules, fixed: state.fixed }));
    }
    if (ONLY.length === 0) {
      const fixes = new Map<string, { rules: string[]; patch: string }>();
      for (const [id, r] of state.runs) if (r.fix.changed.length > 0) fixes.set(id, { rules: state.fixed.get(id) ?? [], patch: r.fix.patch });
      writeFileSync(TABLE, renderTable({ engine, observations: state.observations, verdicts: state.verdicts, fixes }));
    }
  } catch (e) {
    state.error = (e as Error).stack ?? String(e);
  }
});

describe('environment', () => {
  it('has a Docker engine and the Go debugging image', () => {
    expect(state.error).toBeUndefined();
    expect(state.engine?.tools).toMatch(/Delve Debugger/);
  });
  // The GitHub workflow sets these, so that Yama- and privileged-dependent claims cannot be skipped there.
  if (process.env.PTD_CT_REQUIRE_YAMA === '1') it('runs on a kernel with Yama ptrace_scope >= 1 (PTD_CT_REQUIRE_YAMA=1)', () => {
    expect(state.engine?.yama ?? 0).toBeGreaterThanOrEqual(1);
  });
  if (process.env.PTD_CT_REQUIRE_PRIVILEGED === '1') it('can run --privileged containers (PTD_CT_REQUIRE_PRIVILEGED=1)', () => {
    expect(state.engine?.privileged.error).toBeUndefined();
  });
});

describe('the configurations go through the parser and launch model', () => {
  for (const c of selected) {
    it(`${c.id}: one debugging launch, its options usable`, () => {
      const r = state.runs.get(c.id);
      expect(r, state.error).toBeDefined();
      expect(r!.launch, `no launch in fixtures/${c.id}`).toBeDefined();
      expect(isPtraceTarget(r!.launch!), 'the launch is a ptrace target').toBe(true);
      const o = state.observations.get(`${c.id}/before`);
      expect(o?.setupError).toBeUndefined();
    });
    for (const rule of c.flaggedBy) {
      it(`${c.id}: ${rule} reports it, and its fix (if any) resolves it`, (ctx) => {
        const info = state.rules.get(rule);
        if (!info) ctx.skip(`${rule} is not registered in src/rules/index.ts yet`);
        const r = state.runs.get(c.id)!;
        expect(r.before.findings.map((f) => f.ruleId)).toContain(rule);
        if (info!.fixable && r.before.findings.some((f) => f.ruleId === rule && f.fix)) {
          expect(r.afterScan.findings.map((f) => f.ruleId)).not.toContain(rule);
        }
      });
    }
    const clean = c.cleanFor.filter((id) => state.rules.has(id));
    if (clean.length > 0) {
      it(`${c.id}: ${clean.join(', ')} stay silent`, () => {
        const r = state.runs.get(c.id)!;
        expect(r.before.findings.map((f) => f.ruleId).filter((id) => clean.includes(id))).toEqual([]);
      });
    }
  }
});

describe('rule claims hold on a real engine', () => {
  for (const cl of CLAIMS.filter((x) => selected.some((c) => c.id === x.case))) {
    it(`${cl.id} (${cl.rule}): ${cl.text}`, (ctx) => {
      expect(state.error).toBeUndefined();
      const v = state.verdicts.get(cl.id);
      expect(v).toBeDefined();
      if (v!.status === 'skipped') ctx.skip(v!.detail);
      expect(v!.status, v!.detail).toBe('passed');
    });
  }
});
