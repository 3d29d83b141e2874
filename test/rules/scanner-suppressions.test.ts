/**
 * Issue #19 item 6: the fixes of PTD001, PTD002 and PTD003 grant SYS_PTRACE, which checkov, trivy, KICS and
 * compose-lint flag as an added capability. Where the repository runs one of them (its config or ignore file
 * exists), the fix carries that tool's suppression, with a reason, as part of the same fix; where it runs none,
 * the fix is exactly what it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine.js';
import { applyFixes } from '../../src/fix/apply.js';
import { applyEdits } from '../../src/fix/text.js';
import { validate } from '../../src/fix/validate.js';
import { scannerReason } from '../../src/fix/scanners.js';
import type { Finding, TextEdit } from '../../src/types.js';
import { tempRepo } from '../helpers/repo.js';

const COMPOSE = 'services:\n  # the debugger attaches to the API\n  dbg:\n    image: golang:1.22   # pinned\n    command: dlv attach 1\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: dbg\n  labels: {app: dbg}\nspec:\n  containers:\n  - name: dbg\n    image: x\n    command: ["dlv", "attach", "1"]\n    securityContext:\n      privileged: true  # for dlv\n      runAsUser: 0\n';

const R1 = scannerReason('PTD001');
const R2 = scannerReason('PTD002', 'turning seccomp off');
const R3 = scannerReason('PTD003', 'privileged mode');
const R3all = scannerReason('PTD003', 'every capability (ALL)');

async function fixOf(root: string, rule: string): Promise<Finding> {
  const r = await scan({ root });
  const f = r.findings.find((x) => x.ruleId === rule && x.fix);
  expect(f, `${rule} offers a fix`).toBeDefined();
  return f!;
}

/** Each file's text with the fix's edits applied (the files as they are on disk before). */
function applied(root: string, edits: TextEdit[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of [...new Set(edits.map((e) => e.path))]) out.set(p, applyEdits(readFileSync(join(root, p), 'utf8'), edits.filter((e) => e.path === p)));
  return out;
}

/** --fix on the repository: what it writes is the preview, every file parses, and a second scan has nothing more to add. */
async function fixWrites(root: string): Promise<Map<string, string>> {
  const r = await scan({ root });
  const previewed = new Map<string, TextEdit[]>();
  for (const f of r.findings) for (const e of f.fix?.edits ?? []) previewed.set(e.path, [...(previewed.get(e.path) ?? []), e]);
  const out = await applyFixes({ root, write: true });
  expect(out.changed.map((c) => c.path).sort()).toEqual([...previewed.keys()].sort());
  const written = new Map<string, string>();
  for (const c of out.changed) {
    expect(applyEdits(c.before, previewed.get(c.path)!), c.path).toBe(c.after);
    expect(readFileSync(join(root, c.path), 'utf8')).toBe(c.after);
    written.set(c.path, c.after);
  }
  const again = await scan({ root });
  expect(again.findings.filter((f) => f.fix && /^PTD00[123]$/.test(f.ruleId))).toEqual([]);
  return written;
}

describe('no scanner configured: the fix is what it was', () => {
  it('Compose and Kubernetes: only the grant, in the file\'s own style', async () => {
    const root = tempRepo({ 'compose.yaml': COMPOSE, 'k8s/pod.yaml': POD, '.hadolint.yaml': 'ignored: []\n', 'trivy.yml': '{}\n' });
    const c = await fixOf(root, 'PTD001');
    expect(c.fix!.description).toBe('Add SYS_PTRACE to cap_add of service "dbg"');
    expect(applied(root, c.fix!.edits)).toEqual(new Map([['compose.yaml', `${COMPOSE}    cap_add:\n      - SYS_PTRACE\n`]]));
    const k = await fixOf(root, 'PTD003');
    expect(k.fix!.description).toBe('Replace privileged: true with the SYS_PTRACE capability in container "dbg"');
    expect(applied(root, k.fix!.edits)).toEqual(new Map([['k8s/pod.yaml', POD.replace('      privileged: true  # for dlv\n', '').replace('      runAsUser: 0\n', '      runAsUser: 0\n      capabilities:\n        add:\n        - SYS_PTRACE\n')]]));
  });

  it('a tool that does not scan the file\'s kind changes nothing: checkov and trivy read no Compose file, compose-lint no manifest', async () => {
    const root = tempRepo({ 'compose.yaml': COMPOSE, 'k8s/pod.yaml': POD, '.checkov.yaml': 'framework: [kubernetes]\n', '.trivyignore': 'CVE-1\n' });
    const c = await fixOf(root, 'PTD001');
    expect(applied(root, c.fix!.edits)).toEqual(new Map([['compose.yaml', `${COMPOSE}    cap_add:\n      - SYS_PTRACE\n`]]));
    const root2 = tempRepo({ 'k8s/pod.yaml': POD, '.compose-lint.yml': 'rules: {}\n' });
    const k = await fixOf(root2, 'PTD003');
    expect([...applied(root2, k.fix!.edits).keys()]).toEqual(['k8s/pod.yaml']);
    expect(k.fix!.edits.some((e) => /kics|checkov|CL-0027/.test(e.text))).toBe(false);
  });
});

describe('Compose: KICS and compose-lint', () => {
  it('PTD001: the KICS command above the new cap_add, the service excluded from CL-0027, one fix over both files', async () => {
    const lint = '# reviewed exceptions\nrules:\n  CL-0001:\n    enabled: false\n    reason: the socket proxy needs it  # SEC-12\n';
    const root = tempRepo({ 'compose.yaml': COMPOSE, 'kics.config': 'exclude-paths: []\n', '.compose-lint.yml': lint });
    const f = await fixOf(root, 'PTD001');
    expect(f.fix!.description).toBe('Add SYS_PTRACE to cap_add of service "dbg"; and suppress it, with a reason, in KICS and compose-lint (they flag every added capability)');
    const texts = applied(root, f.fix!.edits);
    expect(texts.get('compose.yaml')).toBe(`${COMPOSE}    # kics-scan ignore-line ${R1}\n    cap_add:\n      - SYS_PTRACE\n`);
    expect(texts.get('.compose-lint.yml')).toBe(`${lint}  CL-0027:\n    exclude_services:\n      dbg: ${R1}\n`);
    for (const [p, t] of texts) expect(validate('compose', t), p).toBeUndefined();
    const written = await fixWrites(root);
    expect(written).toEqual(texts);
  });

  it('PTD002: seccomp=unconfined replaced, and the grant suppressed in KICS only when only KICS is configured', async () => {
    const text = 'services:\n  dbg:\n    image: golang:1.22\n    command: dlv attach 1\n    security_opt:\n      - seccomp=unconfined\n';
    const root = tempRepo({ 'docker-compose.yml': text, 'kics.config': '{}\n' });
    const f = await fixOf(root, 'PTD002');
    const texts = applied(root, f.fix!.edits);
    expect([...texts.keys()]).toEqual(['docker-compose.yml']);
    expect(texts.get('docker-compose.yml')).toBe(`services:\n  dbg:\n    image: golang:1.22\n    command: dlv attach 1\n    # kics-scan ignore-line ${R2}\n    cap_add:\n      - SYS_PTRACE\n`);
    expect(await fixWrites(root)).toEqual(texts);
  });

  it('PTD003: cap_add ALL becomes SYS_PTRACE, now CL-0027\'s finding: the service is excluded (an existing list form gets the name)', async () => {
    const text = 'services:\n  dbg:\n    image: golang:1.22\n    command: dlv attach 1\n    cap_add: [ALL]\n';
    const lint = 'rules:\n  CL-0027:\n    exclude_services:\n      - sidecar\n';
    const root = tempRepo({ 'compose.yaml': text, '.compose-lint.yml': lint });
    const f = await fixOf(root, 'PTD003');
    const texts = applied(root, f.fix!.edits);
    expect(texts.get('compose.yaml')).toBe(text.replace('[ALL]', '[SYS_PTRACE]'));
    expect(texts.get('.compose-lint.yml')).toBe(`${lint}      - dbg # ${R3all}\n`);
    expect(await fixWrites(root)).toEqual(texts);
  });

  it('with another rule\'s fix on the same service (PTD008 publishes the port): --fix still writes the preview, and every file parses', async () => {
    const text = COMPOSE.replace('dlv attach 1', 'dlv attach 1 --headless --listen=:2345');
    const root = tempRepo({ 'compose.yaml': text, 'kics.config': '{}\n', '.compose-lint.yml': 'rules: {}\n' });
    const written = await fixWrites(root);
    const c = written.get('compose.yaml')!;
    expect(c).toContain(`    # kics-scan ignore-line ${R1}\n    cap_add:\n      - SYS_PTRACE\n`);
    expect(c).toContain('"127.0.0.1:2345:2345"');
    expect(validate('compose', c)).toBeUndefined();
    expect(written.get('.compose-lint.yml')).toContain(`dbg: ${R1}`);
  });

  it('an existing suppression is kept and nothing is added: the fix is the grant alone', async () => {
    const text = 'services:\n  dbg:\n    image: golang:1.22\n    command: dlv attach 1\n    # kics-scan ignore-line debugging sidecar\n    cap_add:\n      - NET_ADMIN\n';
    const root = tempRepo({ 'compose.yaml': text, 'kics.config': '{}\n', '.compose-lint.yml': 'rules:\n  CL-0027:\n    exclude_services:\n      dbg: reviewed\n' });
    const f = await fixOf(root, 'PTD001');
    expect(f.fix!.description).toBe('Add SYS_PTRACE to cap_add of service "dbg"');
    expect(applied(root, f.fix!.edits)).toEqual(new Map([['compose.yaml', `${text}      - SYS_PTRACE\n`]]));
  });

  it('two services granted in one scan: each fix edits .compose-lint.yml, and --fix writes both exclusions (the second fix is folded in)', async () => {
    const text = 'services:\n  a:\n    image: golang:1.22\n    command: dlv attach 1\n  b:\n    image: golang:1.22\n    command: strace -p 1\n';
    const root = tempRepo({ 'compose.yaml': text, '.compose-lint.yml': 'rules: {}\n', 'kics.config': '{}\n' });
    const written = await fixWrites(root);
    expect(written.get('.compose-lint.yml')).toBe(`rules:\n  CL-0027:\n    exclude_services:\n      a: ${R1}\n      b: ${R1}\n`);
    expect(written.get('compose.yaml')!.match(/# kics-scan ignore-line /g)).toHaveLength(2);
    expect(validate('compose', written.get('compose.yaml')!)).toBeUndefined();
  });
});

describe('Kubernetes: checkov, trivy and KICS', () => {
  it('PTD003: the resource\'s annotation, the KICS command above add:, KSV-0022 appended to .trivyignore; comments kept', async () => {
    const root = tempRepo({ 'k8s/pod.yaml': POD, '.checkov.yml': 'compact: true\n', '.trivyignore': '# accepted\nCVE-2020-1\n', 'kics.config': '{}\n' });
    const f = await fixOf(root, 'PTD003');
    expect(f.fix!.description).toContain('; and suppress it, with a reason, in checkov, trivy and KICS');
    const texts = applied(root, f.fix!.edits);
    expect(texts.get('k8s/pod.yaml')).toBe(POD
      .replace('  labels: {app: dbg}\n', `  labels: {app: dbg}\n  annotations:\n    checkov.io/skip1: "CKV_K8S_25=${R3}"\n`)
      .replace('      privileged: true  # for dlv\n', '')
      .replace('      runAsUser: 0\n', `      runAsUser: 0\n      capabilities:\n        # kics-scan ignore-line ${R3}\n        add:\n        - SYS_PTRACE\n`));
    expect(texts.get('.trivyignore')).toBe(`# accepted\nCVE-2020-1\n\n# ${R3} (k8s/pod.yaml; trivy applies a line of this file to every file)\nKSV-0022\nAVD-KSV-0022\n`);
    expect(validate('kubernetes', texts.get('k8s/pod.yaml')!)).toBeUndefined();
    expect(await fixWrites(root)).toEqual(texts);
  });

  it('PTD001 in a Deployment: the skip goes on the Deployment\'s own metadata, not the pod template\'s', async () => {
    const dep = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api-debug\nspec:\n  template:\n    metadata:\n      labels: {app: api-debug}\n    spec:\n      containers:\n        - name: api\n          image: api:debug\n          command: ["/dlv"]\n          args: ["attach", "1", "--headless", "--listen=:2345"]\n';
    const root = tempRepo({ 'deploy/debug.yaml': dep, '.checkov.yaml': '' });
    const f = await fixOf(root, 'PTD001');
    const texts = applied(root, f.fix!.edits);
    expect([...texts.keys()]).toEqual(['deploy/debug.yaml']);
    expect(texts.get('deploy/debug.yaml')).toBe(dep
      .replace('  name: api-debug\n', `  name: api-debug\n  annotations:\n    checkov.io/skip1: "CKV_K8S_25=${R1}"\n`)
      .replace('          args: ["attach", "1", "--headless", "--listen=:2345"]\n', '          args: ["attach", "1", "--headless", "--listen=:2345"]\n          securityContext:\n            capabilities:\n              add:\n                - SYS_PTRACE\n'));
    expect(await fixWrites(root)).toEqual(texts);
  });

  it('trivy: a YAML ignore file named in trivy.yaml gets entries limited to the file; trivy.yaml alone creates nothing', async () => {
    const ig = '# reviewed\nmisconfigurations:\n  - id: AVD-DS-0002\n    statement: base image runs as root\n';
    const root = tempRepo({ 'k8s/pod.yaml': POD, 'trivy.yaml': 'ignorefile: .trivyignore.yaml\n', '.trivyignore.yaml': ig });
    const f = await fixOf(root, 'PTD003');
    const texts = applied(root, f.fix!.edits);
    expect(texts.get('.trivyignore.yaml')).toBe(`${ig}  - id: KSV-0022\n    paths:\n      - k8s/pod.yaml\n    statement: ${R3}\n  - id: AVD-KSV-0022\n    paths:\n      - k8s/pod.yaml\n    statement: ${R3}\n`);
    expect(await fixWrites(root)).toEqual(texts);

    const alone = tempRepo({ 'k8s/pod.yaml': POD, 'trivy.yaml': 'severity: [HIGH]\n' });
    const g = await fixOf(alone, 'PTD003');
    expect(g.fix!.description).not.toContain('suppress');
    expect([...new Set(g.fix!.edits.map((e) => e.path))]).toEqual(['k8s/pod.yaml']);
    await fixWrites(alone);
    expect(() => readFileSync(join(alone, '.trivyignore'), 'utf8')).toThrow();
  });

  it('suppressions come with a grant the fix adds: a scanner configured after the grant is there asks nothing of a second --fix', async () => {
    const root = tempRepo({ 'k8s/pod.yaml': POD, 'kics.config': '{}\n' });
    const first = await fixWrites(root);
    expect(first.get('k8s/pod.yaml')).toContain(`# kics-scan ignore-line ${R3}`);
    // The grant is there now: no rule adds it again, so adding checkov afterwards asks nothing of ptrace-doctor.
    writeFileSync(join(root, '.checkov.yaml'), '');
    const r = await scan({ root });
    expect(r.findings.filter((f) => f.fix && /^PTD00[123]$/.test(f.ruleId))).toEqual([]);
  });
});
