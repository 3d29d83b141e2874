/**
 * toml-eslint-parser (a TOML parser that keeps source ranges), loaded only by
 * scans that may read a hot-reload runner's TOML config (air's .air.toml):
 * see engine.ts, which loads it when a discovered file names `air`.
 */
import type * as Toml from 'toml-eslint-parser';
import { lazyLibrary } from './lazy-lib.js';

const toml = lazyLibrary('toml-eslint-parser', () => import('toml-eslint-parser'));

export const loadToml = toml.load;

export function parseTOML(text: string): ReturnType<typeof Toml.parseTOML> {
  return toml.get().parseTOML(text);
}
