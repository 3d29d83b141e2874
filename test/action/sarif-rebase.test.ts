import { describe, expect, it } from 'vitest';
import { rebaseSarif } from '../../src/action/main.js';

describe('rebaseSarif', () => {
  it('makes URIs relative to the repository when the action scans a sub-directory', () => {
    const sarif = { runs: [{ results: [{ locations: [{ physicalLocation: { artifactLocation: { uri: 'docker-compose.yml', uriBaseId: '%SRCROOT%' } } }] }] }] };
    const out = rebaseSarif(sarif, (p) => `services/api/${p}`) as typeof sarif;
    expect(out.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('services/api/docker-compose.yml');
  });

  it('leaves absolute and scheme URIs alone', () => {
    const sarif = { a: { artifactLocation: { uri: 'file:///x/y' } }, b: { artifactLocation: { uri: '/abs/y' } } };
    expect(rebaseSarif(sarif, (p) => `sub/${p}`)).toEqual(sarif);
  });
});
