// The parse floor: the I/O floor (bench/floor.mjs: list the tracked files
// with git, read every config-named one), then parse, with the parsers the
// scan uses and the same options, exactly the files a scan of the same
// repository parsed (LIST, written by the scan under
// PTRACE_DOCTOR_TIMING_FILES: "<yaml|dockerfile|jsonc|json>\t<path>" lines). No model,
// no rules, no fixes, no output, no search for untracked files: what any tool
// built on these parsers must at least spend on this repository.
//
// It reports its phases in the CLI's timing format on stderr, so that the
// benchmark can take the time spent inside the parse calls alone (`parse`)
// apart from loading the parsers from node_modules (`load`).
//
// Usage: node bench/parse-floor.mjs ROOT LIST
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isConfigName } from './names.mjs';

const [root = '.', list] = process.argv.slice(2);
if (!list) throw new Error('usage: node bench/parse-floor.mjs ROOT LIST');
const marks = [];
const mark = (name) => marks.push([name, performance.now()]);
mark('start');

// The floor's own work, keeping the texts.
const out = execFileSync('git', ['-C', root, 'ls-files', '-z'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 512 * 1024 * 1024 });
const texts = new Map();
for (const rel of out.toString('utf8').split('\0')) {
  if (!rel || !isConfigName(rel)) continue;
  texts.set(rel, readFileSync(join(root, rel), 'utf8'));
}
mark('list+read');

const { parseAllDocuments } = await import('yaml');
const { DockerfileParser } = await import('dockerfile-ast');
const { parseTree } = await import('jsonc-parser');
mark('load');

let parses = 0;
let missing = 0;
for (const line of readFileSync(list, 'utf8').split('\n')) {
  if (!line) continue;
  const tab = line.indexOf('\t');
  const parser = line.slice(0, tab);
  const text = texts.get(line.slice(tab + 1));
  if (text === undefined) {
    missing++;
    continue;
  }
  // The options of parseYaml in src/parse/yaml.ts.
  if (parser === 'yaml') parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, strict: false });
  else if (parser === 'dockerfile') DockerfileParser.parse(text);
  // The options of parseFileTree in src/parse/jsonc-lib.ts.
  else if (parser === 'jsonc') parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  else if (parser === 'json') parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
  else throw new Error(`unknown parser ${parser}`);
  parses++;
}
mark('parse');

let prev = 0;
let err = '';
for (const [name, at] of marks) {
  err += `ptrace-doctor timing: phase ${name} ${(at - prev).toFixed(1)} ${at.toFixed(1)}\n`;
  prev = at;
}
err += `ptrace-doctor timing: count files read ${texts.size}\nptrace-doctor timing: count parses ${parses}\n`;
// A listed file the floor did not read (not tracked, or not config-named) is not parsed: say so.
if (missing > 0) err += `ptrace-doctor timing: count listed files not read ${missing}\n`;
process.stderr.write(err);
process.stdout.write(`${texts.size} ${parses}\n`);
