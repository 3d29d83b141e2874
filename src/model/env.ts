/**
 * Compose variable interpolation (`${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?err}`, `${VAR:+alt}`, `$VAR`, `$$`) and the `.env` file Compose
 * reads from the project directory (the directory of the first Compose file).
 *
 * What `.env` holds may be secret: its values are used only to read ports,
 * host addresses and image names, never quoted in a message (messages quote
 * the file's own text), and never read into commands (there only defaults
 * written in the file itself are substituted).
 */
import { posix } from 'node:path';
import type { Project } from './project.js';

/** KEY=VALUE lines of a .env file (`export KEY=…`, quotes, `#` comments), as Compose reads them. */
export function parseDotEnv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('export ')) line = line.slice(7).trimStart();
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) continue;
    let value = line.slice(eq + 1).trim();
    const q = value[0];
    if ((q === '"' || q === "'") && value.lastIndexOf(q) > 0) value = value.slice(1, value.lastIndexOf(q));
    else {
      const hash = value.search(/\s#/);
      if (hash >= 0) value = value.slice(0, hash).trimEnd();
    }
    if (!out.has(key)) out.set(key, value);
  }
  return out;
}

const cache = new WeakMap<Project, Map<string, Map<string, string>>>();

/** The variables of the `.env` beside a Compose file (empty when there is none). */
export function composeEnv(project: Project, composePath: string): Map<string, string> {
  let byDir = cache.get(project);
  if (!byDir) {
    byDir = new Map();
    cache.set(project, byDir);
  }
  const dir = posix.dirname(composePath);
  let env = byDir.get(dir);
  if (!env) {
    const f = project.file(dir === '.' ? '.env' : `${dir}/.env`, 'env', { quiet: true });
    env = f ? parseDotEnv(f.text) : new Map();
    byDir.set(dir, env);
  }
  return env;
}

/**
 * Interpolate like Compose. With `vars`, an unset variable is empty (Compose
 * warns and uses ""); without, only defaults written in the value are used and
 * an unset variable stays as written (so that its spelling is not lost).
 */
export function interpolate(value: string, vars?: ReadonlyMap<string, string>): string {
  if (!value.includes('$')) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c !== '$') { out += c; continue; }
    const next = value[i + 1];
    if (next === '$') { out += '$'; i++; continue; }
    if (next === '{') {
      // Find the matching brace (defaults may hold ${…} themselves).
      let depth = 0;
      let j = i + 1;
      for (; j < value.length; j++) {
        if (value[j] === '{') depth++;
        else if (value[j] === '}' && --depth === 0) break;
      }
      if (j >= value.length) { out += value.slice(i); break; }
      const body = value.slice(i + 2, j);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?$/s.exec(body);
      if (!m) { out += value.slice(i, j + 1); i = j; continue; }
      const [, name, op, arg = ''] = m;
      const set = vars?.has(name!) ?? false;
      const val = vars?.get(name!) ?? '';
      const empty = !set || val === '';
      let r: string | undefined;
      switch (op) {
        case ':-': r = empty ? interpolate(arg, vars) : val; break;
        case '-': r = !set ? interpolate(arg, vars) : val; break;
        case ':+': r = !empty ? interpolate(arg, vars) : ''; break;
        case '+': r = set ? interpolate(arg, vars) : ''; break;
        default: r = vars ? val : set ? val : undefined;
      }
      if (r === undefined && !vars && (op === ':?' || op === '?' || op === undefined)) r = undefined;
      out += r ?? value.slice(i, j + 1);
      i = j;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(value.slice(i + 1));
    if (!m) { out += c; continue; }
    if (vars) out += vars.get(m[0]) ?? '';
    else out += value.slice(i, i + 1 + m[0].length);
    i += m[0].length;
  }
  return out;
}
