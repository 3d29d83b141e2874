/**
 * One finding of a rule per place: containers that share a setting (a YAML anchor, a service and the file it
 * extends) report it once, naming the others, so a review never posts the same comment twice.
 */
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine.js';
import { tempRepo } from '../helpers/repo.js';

describe('one finding per place', () => {
  it('services of one anchor: seccomp:unconfined is one PTD002 at the anchor, with its fix, naming the other services', async () => {
    const root = tempRepo({
      'docker-compose.yml': 'services:\n  base: &dbg\n    build: .\n    security_opt:\n      - seccomp:unconfined\n    cap_add:\n      - SYS_PTRACE\n  one:\n    <<: *dbg\n  two:\n    <<: *dbg\n',
      Dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install -y gdb\n',
    });
    const r = await scan({ root });
    const ptd002 = r.findings.filter((f) => f.ruleId === 'PTD002');
    expect(ptd002).toHaveLength(1);
    expect(ptd002[0]!.fix).toBeDefined();
    const notes = ptd002[0]!.related.map((x) => x.message);
    expect(notes.filter((m) => /^The same holds for service "(one|two)" \(docker-compose\.yml:(8|10)\), which uses these same lines\.$/.test(m))).toHaveLength(2);
    // Fingerprints stay unique: the kept finding's print, nothing repeated.
    expect(new Set(r.findings.map((f) => f.fingerprint)).size).toBe(r.findings.length);
  });

  it('a service and the base file it extends: each setting of the base once (Grafana create-plugin)', async () => {
    const root = tempRepo({
      '.config/docker-compose-base.yaml': 'services:\n  grafana:\n    build:\n      context: .\n    ports:\n      - 2345:2345/tcp\n    security_opt:\n      - seccomp:unconfined\n    cap_add:\n      - SYS_PTRACE\n',
      '.config/Dockerfile': 'FROM grafana/grafana:11.3.0\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.23.1\n',
      'docker-compose.yaml': 'services:\n  grafana:\n    extends:\n      file: .config/docker-compose-base.yaml\n      service: grafana\n',
    });
    const r = await scan({ root });
    const at = r.findings.map((f) => `${f.ruleId} ${f.span.file.path}`);
    expect(at.filter((x) => x === 'PTD002 .config/docker-compose-base.yaml')).toHaveLength(1);
    expect(at.filter((x) => x === 'PTD007 .config/docker-compose-base.yaml')).toHaveLength(1);
  });

  it('different lines stay different findings, and one container never names itself', async () => {
    const root = tempRepo({
      'docker-compose.yml': 'services:\n  a:\n    image: acme/a\n    command: ["dlv", "attach", "1", "--headless", "--listen=:2345"]\n  b:\n    image: acme/b\n    command: ["dlv", "attach", "1", "--headless", "--listen=:2346"]\n',
    });
    const r = await scan({ root });
    const ptd001 = r.findings.filter((f) => f.ruleId === 'PTD001');
    expect(ptd001).toHaveLength(2);
    for (const f of ptd001) expect(f.related.some((x) => x.message.startsWith('The same holds for'))).toBe(false);
  });
});
