/**
 * The part of @actions/core the Action uses — inputs, log lines, annotations,
 * outputs, the exit status and the job summary — from the package's own
 * modules, without its entry point.
 *
 * Why: the entry of @actions/core 3 imports its OIDC client at load time, and
 * with it @actions/http-client and undici: about 1 MB of bundle that every
 * run parsed and evaluated (roughly 100 ms of a ~250 ms cold start) for an ID
 * token the Action never asks for. An ESM import cannot be deferred, and the
 * package's `exports` map hides its other modules, so they are imported by
 * path (the bundle resolves them at build time). The workflow-command
 * encoding, the GITHUB_OUTPUT delimiter and the summary writer are the
 * package's; the wrappers below only do what its entry's functions do around
 * them, and test/action/core.test.ts compares both on the same calls (log,
 * GITHUB_OUTPUT file, job summary, exit code).
 */
import { EOL } from 'node:os';
import { issueCommand } from '../../node_modules/@actions/core/lib/command.js';
import { issueFileCommand, prepareKeyValueMessage } from '../../node_modules/@actions/core/lib/file-command.js';
import { summary } from '../../node_modules/@actions/core/lib/summary.js';
import { toCommandProperties, toCommandValue } from '../../node_modules/@actions/core/lib/utils.js';

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** The input's value (INPUT_<NAME>, spaces as _, upper case), trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), message);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', toCommandProperties(properties), message);
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('notice', toCommandProperties(properties), message);
}

/** Exit status 1 when the process ends, and the message as an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Through $GITHUB_OUTPUT (with the package's random delimiter); without it, the old `::set-output` command. */
export function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) {
    issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    return;
  }
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

/** Append markdown to the job summary ($GITHUB_STEP_SUMMARY). */
export async function appendJobSummary(markdown: string): Promise<void> {
  await summary.addRaw(markdown, true).write();
}
