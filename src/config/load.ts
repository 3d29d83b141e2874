/**
 * Loading .ptrace-doctor.yaml: read (find.ts), validate (validate.ts) and
 * compile its globs into the EffectiveConfig the engine applies.
 * `--config FILE` (the Action's `config` input) names the file instead of the
 * search, `--no-config` turns the search off. Globs in the file are relative
 * to the directory that holds it.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { ConfigError, findConfig, isInside, readConfigFile, type FindOptions } from './find.js';
import { loadYaml } from '../parse/yaml-lib.js';
import { lazyLibrary } from '../parse/lazy-lib.js';
import type { EffectiveConfig, SuppressEntry } from './types.js';
import { makeSourceFile } from '../source.js';

import { formatProblems, validateConfigText, type RawConfig } from './validate.js';

export { ConfigError };

const picomatch = lazyLibrary('picomatch', () => import('picomatch'));

/** A matcher for globs relative to `base`, applied to paths relative to `root`. */
async function globMatcher(globs: string[], base: string, root: string): Promise<(path: string) => boolean> {
  await picomatch.load();
  // A CommonJS package: import() gives its module.exports as `default`.
  const create = picomatch.get().default;
  const patterns = globs.map((g) => g.replace(/^\.\//, '').replace(/^\//, '').replace(/\/+$/, '')).filter((g) => g !== '');
  const isMatch = create(patterns, { dot: true, basename: true });
  const prefix = relative(base, root).split(sep).join('/');
  return (path: string): boolean => {
    const full = prefix ? `${prefix}/${path}` : path;
    // The path itself or one of its directories.
    for (let p = full; p !== ''; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') if (isMatch(p)) return true;
    return false;
  };
}

/** The configuration as the engine applies it, from the validated file. */
export async function effectiveConfig(raw: RawConfig, source: string, root: string, displayName: string, text?: string): Promise<EffectiveConfig> {
  const dir = dirname(source);
  // The file as findings name it: relative to the scanned root when it is in the repository (as every other path is).
  const inRepo = isInside(resolve(root), resolve(source));
  const file = text === undefined ? undefined : makeSourceFile(inRepo ? relative(resolve(root), source).split(sep).join('/') : displayName, source, 'compose', text);
  // Globs are relative to the file's directory when the scan is under it, else to the scanned root.
  const base = isInside(dir, resolve(root)) ? dir : resolve(root);
  const suppress: SuppressEntry[] = [];
  for (const s of raw.suppress) {
    suppress.push({
      ...(s.rules ? { rules: s.rules } : {}),
      ...(s.paths ? { paths: await globMatcher(s.paths, base, root) } : {}),
      ...(s.services ? { services: s.services } : {}),
      reason: s.reason,
      where: `${displayName}:${s.line}`,
      ...(file ? { span: { file, start: s.start, end: s.end } } : {}),
    });
  }
  return {
    source,
    rules: raw.rules,
    ...(raw.failOn ? { failOn: raw.failOn } : {}),
    ...(raw.exclude.length > 0 ? { exclude: await globMatcher(raw.exclude, base, root) } : {}),
    suppress,
  };
}

export interface LoadOptions extends FindOptions {
  /** --config FILE / the Action's `config` input, resolved by the caller. */
  explicit?: string;
  /** --no-config. */
  none?: boolean;
  /** How to name the file in messages (relative to the current directory); the path itself by default. */
  display?: (abs: string) => string;
}

export interface Loaded {
  config?: EffectiveConfig;
  /** The file read, absolute. */
  path?: string;
}

/** Read, validate and compile one configuration file; a ConfigError says what is wrong, with the key and line. */
export async function loadConfigFile(path: string, root: string, display: (abs: string) => string = (p) => p): Promise<EffectiveConfig> {
  const text = readConfigFile(path);
  await loadYaml();
  const shown = display(path);
  const v = validateConfigText(text, shown);
  if (!v.ok) throw new ConfigError(`${shown} is not a valid configuration:\n${formatProblems(shown, v.problems)}`);
  return effectiveConfig(v.config, path, root, shown, text);
}

/** Find (unless told which), read, validate and compile the configuration. */
export async function loadConfig(opts: LoadOptions): Promise<Loaded> {
  if (opts.none) return {};
  const path = opts.explicit ?? findConfig(opts);
  if (path === undefined) return {};
  return { config: await loadConfigFile(path, opts.root, opts.display), path };
}
