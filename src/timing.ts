/**
 * Where a scan's time goes, on request: PTRACE_DOCTOR_TIMING=1 makes the CLI
 * print, on stderr, when each phase ended (milliseconds since the process
 * started, so Node's own start-up and loading the bundle show as the first
 * phase) and how many parses each phase did. Off, each call is one test of a
 * constant. The benchmark reads this to show the phases in its report.
 */
import { writeFileSync } from 'node:fs';

const ON = typeof process !== 'undefined' && process.env.PTRACE_DOCTOR_TIMING === '1';
/**
 * With timing on, PTRACE_DOCTOR_TIMING_FILES=PATH also writes there, one per
 * line, "<parser>\t<path>" for each file the scan parsed as YAML, as a
 * Dockerfile or as JSON (`jsonc`: comments and trailing commas allowed; `json`:
 * strict), not the fix re-parses: the benchmark's parse floor re-parses
 * exactly these.
 */
const FILES = ON ? process.env.PTRACE_DOCTOR_TIMING_FILES || undefined : undefined;
const parsed: string[] = [];

const marks: Array<[string, number]> = [];
const counts = new Map<string, number>();
const times = new Map<string, number>();

export function timingOn(): boolean {
  return ON;
}

/** The phase `name` ends now. */
export function mark(name: string): void {
  if (ON) marks.push([name, performance.now()]);
}

/** One more (or n more) of `what`, e.g. a YAML parse. */
export function count(what: string, n = 1): void {
  if (ON) counts.set(what, (counts.get(what) ?? 0) + n);
}

/** A start for spent(): now, with timing on; 0 (and no clock read) off. */
export function clock(): number {
  return ON ? performance.now() : 0;
}

/** Add the milliseconds since `start` (from clock()) to the time of `what`, e.g. the parse calls. */
export function spent(what: string, start: number): void {
  if (ON) times.set(what, (times.get(what) ?? 0) + (performance.now() - start));
}

/** The time inside the parsers' calls of the scan's first parses of its files (PTRACE_DOCTOR_TIMING). */
export const FIRST_PARSE_CALLS = 'first parse calls';

/** The scan parsed the file at `path` (relative to the root) with `parser`. */
export function parsedFile(parser: 'yaml' | 'dockerfile' | 'jsonc' | 'json', path: string): void {
  if (FILES) parsed.push(`${parser}\t${path}\n`);
}

/**
 * The report: one line per phase ("phase <name> <ms of the phase> <ms since
 * start>"), then one per counter ("count <what> <n>", in the order first
 * counted), then one per timed activity ("time <what> <ms in all>"). A phase
 * that ran twice (a second discovery pass) is listed twice.
 */
export function timingReport(): string {
  const lines: string[] = [];
  let prev = 0;
  for (const [name, at] of marks) {
    lines.push(`phase ${name} ${(at - prev).toFixed(1)} ${at.toFixed(1)}`);
    prev = at;
  }
  for (const [what, n] of counts) lines.push(`count ${what} ${n}`);
  for (const [what, ms] of times) lines.push(`time ${what} ${ms.toFixed(1)}`);
  if (FILES) writeFileSync(FILES, parsed.join(''));
  return lines.map((l) => `ptrace-doctor timing: ${l}\n`).join('');
}
