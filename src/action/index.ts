/**
 * The Action's entry (bundled by ncc into dist/index.js): read the inputs and
 * the runner's context, wire the engine and the runner commands, call run().
 * Nothing else lives here; see main.ts.
 *
 * Cold start matters (every workflow run pays it): the runner commands come
 * from ./core.js rather than @actions/core (see there why), and everything
 * that talks to the GitHub API is imported by main.ts only on pull requests.
 */
import * as core from './core.js';
import { scan } from '../engine.js';
import { applyFixes } from '../fix/apply.js';
import { toSarif } from '../report/sarif.js';
import { ruleDocUrl } from '../rules/index.js';
import { readContext, readInputs } from './inputs.js';
import { relative } from 'node:path';
import type { ScanResult } from '../engine.js';
import type { Finding } from '../types.js';
import { findConfig } from '../config/find.js';
import { readBaseline } from '../report/baseline.js';
import { run, type Io } from './main.js';

const io: Io = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  annotate: (a) => {
    const props = { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine, ...(a.startColumn !== undefined ? { startColumn: a.startColumn, endColumn: a.endColumn } : {}) };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  },
  setOutput: (name, value) => core.setOutput(name, value),
  writeJobSummary: async (md) => {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await core.appendJobSummary(md);
  },
};

async function main(): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name));
    // No core.setSecret(token): the runner already masks secrets and github.token, and
    // `::add-mask::` would itself write the token to the log stream.
    const ctx = readContext(process.env);
    const engine = {
      scan,
      applyFixes,
      toSarif: async (result: ScanResult, opts: { inBaseline?: (f: Finding) => boolean; includeSuppressed?: boolean } = {}) =>
        toSarif(result.findings, {
          ...(opts.includeSuppressed ? { suppressed: result.suppressed } : {}),
          help: await (await import('../report/help.js')).ruleHelp(),
          ...(opts.inBaseline ? { inBaseline: opts.inBaseline } : {}),
        }),
      ruleDocUrl,
      // The validator, yaml and picomatch are loaded only when there is a configuration file.
      loadConfig: async (o: { root: string; boundary: string; explicit?: string }) => {
        const path = o.explicit ?? findConfig({ root: o.root, boundary: o.boundary });
        return path === undefined ? undefined : (await import('../config/load.js')).loadConfigFile(path, o.root, (p) => relative(ctx.workspace, p) || p);
      },
      readBaseline,
    };
    const outcome = await run(inputs, ctx, { engine, io });
    if (outcome.failed) core.setFailed(outcome.message);
    else core.info(outcome.message);
  } catch (err) {
    // Never print request details: they may carry the token's header.
    core.setFailed(`ptrace-doctor failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

await main();
