import { describe, expect, it } from 'vitest';
import { LibraryNotLoaded, lazyLibrary } from '../../src/parse/lazy-lib.js';

describe('lazyLibrary', () => {
  it('throws LibraryNotLoaded before load(), imports once, then returns the module', async () => {
    let imports = 0;
    const lib = lazyLibrary('demo', async () => {
      imports++;
      return { answer: 42 };
    });
    expect(() => lib.get()).toThrow(LibraryNotLoaded);
    expect(() => lib.get()).toThrow('internal error: the demo package was used before it was loaded');
    await lib.load();
    await lib.load();
    expect(imports).toBe(1);
    expect(lib.get().answer).toBe(42);
  });
});
