import { describe, expect, it } from 'vitest';
import { DELVE_RELEASES, delveForGo, goMinorFromImage } from '../../src/rules/delve-versions.js';

describe('delve ↔ Go table', () => {
  it('is ordered oldest first and every release builds with a Go it can debug', () => {
    for (let i = 1; i < DELVE_RELEASES.length; i++) expect(DELVE_RELEASES[i]!.debugsTo).toBeGreaterThanOrEqual(DELVE_RELEASES[i - 1]!.debugsTo);
    for (const r of DELVE_RELEASES) expect(r.buildsWith).toBeLessThanOrEqual(r.debugsTo);
  });

  it.each([
    [18, 'v1.20.2'],
    [19, 'v1.21.2'],
    [20, 'v1.21.2'],
    [21, 'v1.24.0'],
    [22, 'v1.25.2'],
    [23, 'v1.25.2'],
    [24, 'v1.26.2'],
    [25, 'v1.26.2'],
    [26, 'v1.26.2'],
  ])('Go 1.%i → %s (newest that builds with and debugs it)', (minor, version) => {
    const c = delveForGo(minor);
    expect(c.status).toBe('ok');
    expect(c.release?.version).toBe(version);
    expect(c.release!.buildsWith).toBeLessThanOrEqual(minor);
    expect(c.release!.debugsFrom).toBeLessThanOrEqual(minor);
    expect(c.release!.debugsTo).toBeGreaterThanOrEqual(minor);
  });

  it('Go 1.16/1.17 can build v1.20.2 but not debug with it: upgrade Go', () => {
    expect(delveForGo(16)).toMatchObject({ status: 'go-too-old-to-debug', release: { version: 'v1.20.2' } });
    expect(delveForGo(17)).toMatchObject({ status: 'go-too-old-to-debug', release: { version: 'v1.20.2' } });
  });

  it('Go 1.12 builds nothing in the table: the oldest is chosen and Go must be upgraded', () => {
    expect(delveForGo(12)).toMatchObject({ status: 'go-too-old-to-build', release: { version: 'v1.20.2' }, goMinor: 12 });
  });

  it('Go newer than the table gets no guessed pin', () => {
    const c = delveForGo(27);
    expect(c.status).toBe('go-too-new');
    expect(c.release).toBeUndefined();
  });

  it('unknown Go → the newest release', () => {
    expect(delveForGo(undefined)).toMatchObject({ status: 'unknown-go', release: { version: 'v1.26.2' } });
  });

  it.each([
    ['golang:1.22', 22],
    ['golang:1.22.5-alpine3.20', 22],
    ['golang:1.12', 12],
    ['docker.io/library/golang:1.21-bookworm', 21],
    ['golang:1.23rc1', 23],
    ['golang:1.22@sha256:abcdef0123', 22],
    ['mcr.microsoft.com/devcontainers/go:1-1.23-bookworm', 23],
    ['mcr.microsoft.com/devcontainers/go:1.22', 22],
    ['mirror.example.com/library/golang:1.20', 20],
  ])('%s → Go 1.%i', (image, minor) => {
    expect(goMinorFromImage(image)).toBe(minor);
  });

  it.each(['golang:latest', 'golang:alpine', 'golang', 'mcr.microsoft.com/devcontainers/go:1', 'debian:12', 'node:1.22', 'golang:${GO_VERSION}'])('%s → unknown', (image) => {
    expect(goMinorFromImage(image)).toBeUndefined();
  });
});
