/**
 * A library that only some scans need, loaded by an `import()` (in dist/ a
 * chunk beside the bundle, compiled only when loaded) before the model is
 * built: see yaml-lib.ts and jsonc-lib.ts for which scans load which.
 */
import { count } from '../timing.js';

/** A library used before it was loaded: a bug, never a property of the scanned files. */
export class LibraryNotLoaded extends Error {
  constructor(name: string) {
    super(`internal error: the ${name} package was used before it was loaded`);
  }
}

export interface LazyLibrary<T> {
  load(): Promise<void>;
  /** The library; throws LibraryNotLoaded before load(). */
  get(): T;
}

/** `importer` must be a literal `() => import('name')` so that the bundler makes it a chunk. */
export function lazyLibrary<T>(name: string, importer: () => Promise<T>): LazyLibrary<T> {
  let lib: T | undefined;
  return {
    async load() {
      if (lib) return;
      lib = await importer();
      count(`${name} package loaded`);
    },
    get() {
      if (!lib) throw new LibraryNotLoaded(name);
      return lib;
    },
  };
}
