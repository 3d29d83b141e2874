/**
 * Where a scan's time goes, on request: PTRACE_DOCTOR_TIMING=1 makes the CLI
 * print, on stderr, when each phase ended (milliseconds since the process
 * started, so Node's own start-up and loading the bundle show as the first
 * phase) and how many parses each phase did. Off, each call is one test of a
 * constant. The benchmark reads this to show the phases in its report.
 */
const ON = typeof process !== 'undefined' && process.env.PTRACE_DOCTOR_TIMING === '1';

const marks: Array<[string, number]> = [];
const counts = new Map<string, number>();

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

/**
 * The report: one line per phase ("phase <name> <ms of the phase> <ms since
 * start>") then one per counter ("count <what> <n>", in the order first counted). A phase that ran twice
 * (a second discovery pass) is listed twice.
 */
export function timingReport(): string {
  const lines: string[] = [];
  let prev = 0;
  for (const [name, at] of marks) {
    lines.push(`phase ${name} ${(at - prev).toFixed(1)} ${at.toFixed(1)}`);
    prev = at;
  }
  for (const [what, n] of counts) lines.push(`count ${what} ${n}`);
  return lines.map((l) => `ptrace-doctor timing: ${l}\n`).join('');
}
