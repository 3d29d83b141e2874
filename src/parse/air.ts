/**
 * air's config (.air.toml): the `[build]` commands the runner starts, with
 * the source offset of each character of their values, so that a dlv in
 * `full_bin` is reported at its place in the file.
 * Keys (air-verse/air, runner/config.go): build.cmd (the build command, run
 * through a shell), build.bin (the binary), build.full_bin (the command that
 * runs it, e.g. `dlv exec … ./tmp/main`; when set it replaces bin), build.args_bin.
 */
import type { SourceFile } from '../types.js';
import { parseTOML } from './toml-lib.js';
import type { Word } from './shell.js';

export interface AirConfig {
  file: SourceFile;
  /** build.cmd, build.full_bin, build.bin as words whose map points into the file. */
  cmd?: Word;
  fullBin?: Word;
  bin?: Word;
  /** build.args_bin: the arguments air passes to bin (an array of strings, or one string). */
  argsBin?: Word[];
}

type TomlNode = { type: string; range: [number, number]; kind?: string; style?: string; value?: unknown; key?: { keys: Array<{ name?: string; value?: string }> }; body?: TomlNode[] };

function keyName(n: TomlNode): string {
  return (n.key?.keys ?? []).map((k) => k.name ?? k.value ?? '').join('.');
}

/** The string value as a word: characters mapped 1:1 when the source holds them unescaped. */
function stringWord(file: SourceFile, n: TomlNode): Word | undefined {
  if (n.type !== 'TOMLValue' || n.kind !== 'string' || typeof n.value !== 'string') return undefined;
  const value = n.value;
  const [start, end] = n.range;
  const raw = file.text.slice(start, end);
  const q = raw.startsWith('"""') || raw.startsWith("'''") ? 3 : 1;
  const inner = raw.slice(q, raw.length - q);
  const from = start + q;
  const map = inner === value ? Array.from({ length: value.length }, (_, i) => from + i) : Array.from({ length: value.length }, () => start);
  return { value, start, end, quoted: true, map };
}

/** The build commands of an air config; undefined when it is no TOML (the caller reports that). */
export function parseAirConfig(file: SourceFile): AirConfig {
  const ast = parseTOML(file.text) as unknown as { body: Array<{ body: TomlNode[] }> };
  const out: AirConfig = { file };
  for (const top of ast.body[0]?.body ?? []) {
    // [build] table, or dotted keys build.cmd = … at the top.
    const entries: Array<{ key: string; value?: TomlNode }> = [];
    if (top.type === 'TOMLTable' && keyName(top) === 'build') for (const kv of top.body ?? []) entries.push({ key: keyName(kv), value: (kv as unknown as { value: TomlNode }).value });
    else if (top.type === 'TOMLKeyValue' && keyName(top).startsWith('build.')) entries.push({ key: keyName(top).slice(6), value: (top as unknown as { value: TomlNode }).value });
    for (const e of entries) {
      if (e.key === 'args_bin' && e.value) {
        const v = e.value as TomlNode & { elements?: TomlNode[] };
        const items = v.type === 'TOMLArray' ? (v.elements ?? []) : [v];
        out.argsBin = items.map((x) => stringWord(file, x)).filter((x): x is Word => !!x);
        continue;
      }
      const w = e.value ? stringWord(file, e.value) : undefined;
      if (!w || w.value.trim() === '') continue;
      if (e.key === 'cmd') out.cmd = w;
      else if (e.key === 'full_bin') out.fullBin = w;
      else if (e.key === 'bin') out.bin = w;
    }
  }
  return out;
}
