/**
 * The commands of a VS Code `.vscode/tasks.json` (tasks 2.0.0): where many
 * repositories keep the `docker run` line that starts their debug container
 * (a "shell" task that a launch.json `preLaunchTask` runs before attaching),
 * and the Docker extension's `docker-build` / `docker-run` tasks, which build
 * and run an image from their properties.
 *
 * What each task runs, as VS Code runs it (tasks 2.0.0, code.visualstudio.com/docs/editor/tasks):
 * - `command` a string: a command line for the shell ("shell" tasks, the default type) or a program
 *   ("process" tasks); `command` an array of strings: its items joined by spaces (how VS Code writes a
 *   long command over several lines); `args`: further words, each one word however it is spelt (VS Code
 *   quotes an argument that has spaces).
 * - `linux`, `osx` and `windows` give a task its own `command`/`args` on that system: each is read as a
 *   command of its own (a repository's Linux and macOS variants both start the container).
 * - `docker-build`: `dockerBuild.tag`, `.dockerfile`, `.context`, `.target` are what `docker build -t TAG
 *   -f DOCKERFILE [--target T] CONTEXT` takes, so the image is linked to its Dockerfile by name.
 * - `docker-run`: `dockerRun.image`, `.containerName`, `.ports` ({containerPort, hostPort}), `.network`,
 *   `.customOptions` (extra `docker run` options as a string), `.command`: one `docker run` line.
 *
 * Offsets: a word written inside one JSON string with no escapes points at its own characters, so a
 * finding lands on it and a fix edits it in place (as package.json scripts). Anything VS Code assembles
 * (array items joined, `args`, the docker-run task's properties) points every character at the opening
 * quote of the string it came from (or at the brace of the task's object): findings land there, and the
 * run-line editor, which edits only where the file's text is the command as read, offers no automatic fix —
 * rather than an edit of a string that VS Code would pass as one argument.
 */
import type { Node as JNode } from 'jsonc-parser';
import { findNodeAtLocation, parseJsoncFile } from '../parse/jsonc-lib.js';
import { splitShell, type SimpleCommand } from '../parse/shell.js';
import type { SourceFile } from '../types.js';

/** Tasks read per file, and words per assembled command: a tasks.json is a few dozen tasks. */
const MAX_TASKS = 500;
const MAX_WORDS = 400;

/** Text with the source offset of each of its characters, built piece by piece. */
class Assembled {
  text = '';
  map: number[] = [];
  /** s at its own offsets (at(i)), or every character at one offset (a string's opening quote, an object's brace). */
  add(s: string, at: number | ((i: number) => number)): void {
    for (let i = 0; i < s.length; i++) this.map.push(typeof at === 'number' ? at : at(i));
    this.text += s;
  }
  commands(): SimpleCommand[] {
    return this.text.trim() === '' ? [] : splitShell(this.text, { map: this.map });
  }
}

/** The string's value and whether its raw text is the value (no escapes): then character i is at offset + 1 + i. */
function str(file: SourceFile, n: JNode | undefined): { value: string; verbatim: boolean; offset: number } | undefined {
  if (!n || n.type !== 'string' || typeof n.value !== 'string') return undefined;
  return { value: n.value, verbatim: file.text.slice(n.offset + 1, n.offset + n.length - 1) === n.value, offset: n.offset };
}

/** A word for the shell as VS Code passes an argument: quoted when it has characters the shell would split on. */
function shellWord(s: string): string {
  return s !== '' && /^[A-Za-z0-9_@%+=:,./${}-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

const child = (n: JNode | undefined, key: string): JNode | undefined =>
  n?.type === 'object' ? n.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined;

/** The command of a task (or of its linux/osx/windows part): `command` and `args`. */
function commandOf(file: SourceFile, t: JNode): SimpleCommand[] {
  const cmd = child(t, 'command');
  const args = child(t, 'args');
  if (!cmd) return [];
  const a = new Assembled();
  const s = str(file, cmd);
  if (s) {
    // A command line in one string: its own characters, when written without escapes and with no args after it.
    if (s.verbatim && !(args?.type === 'array' && (args.children?.length ?? 0) > 0)) a.add(s.value, (i) => s.offset + 1 + i);
    else a.add(s.value, s.offset);
  } else if (cmd.type === 'array') {
    const items = (cmd.children ?? []).map((c) => str(file, c)).filter((x): x is NonNullable<typeof x> => !!x);
    items.forEach((it, i) => {
      if (i > 0) a.add(' ', it.offset);
      a.add(it.value, it.offset);
    });
  } else return [];
  if (args?.type === 'array') {
    for (const c of (args.children ?? []).slice(0, MAX_WORDS)) {
      const v = str(file, c) ?? (c.type === 'number' || c.type === 'boolean' ? { value: String(c.value), verbatim: false, offset: c.offset } : undefined);
      if (!v) continue;
      a.add(' ', v.offset);
      a.add(shellWord(v.value), v.offset);
    }
  }
  return a.commands();
}

/** `docker build` as a docker-build task's `dockerBuild` makes it. */
function dockerBuild(file: SourceFile, t: JNode): SimpleCommand[] {
  const db = child(t, 'dockerBuild');
  if (db?.type !== 'object') return [];
  const a = new Assembled();
  a.add('docker build', db.offset);
  for (const [key, flag] of [['tag', '-t'], ['dockerfile', '-f'], ['target', '--target']] as const) {
    const v = str(file, child(db, key));
    if (!v) continue;
    a.add(` ${flag} `, v.offset);
    a.add(shellWord(v.value), v.offset);
  }
  const ctx = str(file, child(db, 'context'));
  a.add(' ', ctx?.offset ?? db.offset);
  a.add(shellWord(ctx?.value ?? '.'), ctx?.offset ?? db.offset);
  return a.commands();
}

/** `docker run` as a docker-run task's `dockerRun` makes it. */
function dockerRun(file: SourceFile, t: JNode): SimpleCommand[] {
  const dr = child(t, 'dockerRun');
  if (dr?.type !== 'object') return [];
  const image = str(file, child(dr, 'image'));
  if (!image) return [];
  const a = new Assembled();
  a.add('docker run', dr.offset);
  const name = str(file, child(dr, 'containerName'));
  if (name) {
    a.add(' --name ', name.offset);
    a.add(shellWord(name.value), name.offset);
  }
  const net = str(file, child(dr, 'network'));
  if (net) {
    a.add(' --network ', net.offset);
    a.add(shellWord(net.value), net.offset);
  }
  const ports = child(dr, 'ports');
  for (const p of ports?.type === 'array' ? (ports.children ?? []).slice(0, MAX_WORDS) : []) {
    const cp = child(p, 'containerPort');
    if (cp?.type !== 'number') continue;
    const hp = child(p, 'hostPort');
    const proto = str(file, child(p, 'protocol'));
    const spec = `${hp?.type === 'number' ? `${String(hp.value)}:` : ''}${String(cp.value)}${proto && proto.value !== 'tcp' ? `/${proto.value}` : ''}`;
    a.add(' -p ', p.offset);
    a.add(spec, p.offset);
  }
  // Extra options, as written: their own characters when the string has no escapes.
  const custom = str(file, child(dr, 'customOptions'));
  if (custom) {
    a.add(' ', custom.offset);
    if (custom.verbatim) a.add(custom.value, (i) => custom.offset + 1 + i);
    else a.add(custom.value, custom.offset);
  }
  a.add(' ', image.offset);
  a.add(shellWord(image.value), image.offset);
  const command = str(file, child(dr, 'command'));
  if (command) {
    a.add(' ', command.offset);
    a.add(command.value, command.offset);
  }
  return a.commands();
}

/** Every command the tasks of a tasks.json run, with offsets into it (see the module comment). */
export function vscodeTaskCommands(file: SourceFile): SimpleCommand[] {
  const root = parseJsoncFile(file);
  if (!root) return [];
  const tasks = findNodeAtLocation(root, ['tasks']);
  if (!tasks || tasks.type !== 'array') return [];
  const out: SimpleCommand[] = [];
  for (const t of (tasks.children ?? []).slice(0, MAX_TASKS)) {
    if (t.type !== 'object') continue;
    const type = str(file, child(t, 'type'))?.value;
    if (type === 'docker-build') out.push(...dockerBuild(file, t));
    else if (type === 'docker-run') out.push(...dockerRun(file, t));
    else {
      out.push(...commandOf(file, t));
      for (const os of ['linux', 'osx', 'windows']) {
        const part = child(t, os);
        if (part?.type === 'object') out.push(...commandOf(file, part));
      }
    }
  }
  return out;
}
