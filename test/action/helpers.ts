import { makeSourceFile } from '../../src/source.js';
import type { Finding, Severity, SourceFile, TextEdit } from '../../src/types.js';

export function file(path: string, text: string, kind: SourceFile['kind'] = 'compose'): SourceFile {
  return makeSourceFile(path, `/repo/${path}`, kind, text);
}

/** A finding on [start, end) of `f`, with an optional fix. */
export function finding(f: SourceFile, start: number, end: number, opts: { rule?: string; severity?: Severity; edits?: TextEdit[]; fp?: string; message?: string; short?: string; fixHint?: string; related?: Finding['related'] } = {}): Finding {
  return {
    ruleId: opts.rule ?? 'PTD001',
    severity: opts.severity ?? 'error',
    title: 'Debugger container lacks SYS_PTRACE',
    message: opts.message ?? 'Service "api" runs `dlv attach 1`, which needs SYS_PTRACE.',
    ...(opts.short !== undefined ? { short: opts.short } : {}),
    ...(opts.fixHint !== undefined ? { fixHint: opts.fixHint } : {}),
    span: { file: f, start, end },
    related: opts.related ?? [],
    ...(opts.edits ? { fix: { description: 'Add SYS_PTRACE to cap_add of service "api"', edits: opts.edits } } : {}),
    fingerprint: opts.fp ?? `fp-${opts.rule ?? 'PTD001'}-${f.path}-${start}`,
  };
}

export const docUrl = (id: string): string => `https://example.test/docs/rules/${id}.md`;

export const COMPOSE = [
  'services:',
  '  api:',
  '    build: .',
  '    image: example/api:dev',
  '    command: ["dlv", "attach", "1", "--headless", "--listen=:2345"]',
  '    ports:',
  '      - "127.0.0.1:2345:2345"',
  '',
].join('\n');

/** The engine's PTD001 fix for COMPOSE: insert cap_add at the end of the service. */
export function composeFix(f: SourceFile): TextEdit[] {
  return [{ path: f.path, start: f.text.length, end: f.text.length, text: '    cap_add:\n      - SYS_PTRACE\n' }];
}
