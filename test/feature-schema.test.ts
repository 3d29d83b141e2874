// The devcontainer Feature "delve": its metadata is valid against the official
// devContainerFeature JSON schema (vendored from devcontainers/spec, since the
// tests run offline) and carries the settings users rely on.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const featureDir = join(root, 'features/src/delve');
const schemaPath = join(root, 'features/test/devContainerFeature.schema.json');

interface FeatureOption {
  type: 'string' | 'boolean';
  default: string | boolean;
  description?: string;
  proposals?: string[];
  enum?: string[];
}
interface FeatureMetadata {
  id: string;
  version: string;
  name?: string;
  description?: string;
  documentationURL?: string;
  options?: Record<string, FeatureOption>;
  capAdd?: string[];
  securityOpt?: string[];
  privileged?: boolean;
  init?: boolean;
  installsAfter?: string[];
  postStartCommand?: string | string[] | Record<string, string | string[]>;
  entrypoint?: string;
  containerEnv?: Record<string, string>;
  mounts?: unknown[];
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const metadata = readJson(join(featureDir, 'devcontainer-feature.json')) as FeatureMetadata;

function validator() {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  return ajv.compile(readJson(schemaPath) as object);
}

describe('devcontainer-feature.json of the delve feature', () => {
  it('is valid against the official devContainerFeature schema', () => {
    const validate = validator();
    const ok = validate(metadata);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the vendored schema really is strict (unknown keys such as $schema are rejected)', () => {
    const validate = validator();
    expect(validate({ ...metadata, $schema: 'https://example.invalid/schema.json' })).toBe(false);
    expect(validate({ ...metadata, mounts: { source: 'a', target: 'b', type: 'bind' } })).toBe(false);
    expect(validate({ id: 'delve' })).toBe(false); // version is required
  });

  it('has the id of its folder and a semver version', () => {
    expect(metadata.id).toBe('delve');
    expect(metadata.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(metadata.name).toBeTruthy();
    expect(metadata.description).toBeTruthy();
    expect(metadata.documentationURL).toMatch(/^https:\/\/github\.com\/.+\/features\/src\/delve$/);
  });

  it('adds exactly CAP_SYS_PTRACE and nothing broader', () => {
    expect(metadata.capAdd).toEqual(['SYS_PTRACE']);
    expect(metadata.privileged).toBeUndefined();
    for (const opt of metadata.securityOpt ?? []) {
      expect(opt.replace(/\s/g, '').toLowerCase()).not.toMatch(/^seccomp[=:]unconfined$/);
      expect(opt.replace(/\s/g, '').toLowerCase()).not.toMatch(/^apparmor[=:]unconfined$/);
    }
  });

  it('has the documented options and defaults', () => {
    const options = metadata.options ?? {};
    expect(Object.keys(options).sort()).toEqual(['installGdb', 'installStrace', 'version']);
    expect(options.version).toMatchObject({ type: 'string', default: 'latest' });
    expect(options.version?.proposals).toEqual(expect.arrayContaining(['latest', 'os-provided']));
    // Every proposed pinned version has the X.Y.Z form install.sh accepts.
    for (const v of options.version?.proposals ?? []) {
      expect(v).toMatch(/^(latest|os-provided|\d+\.\d+(\.\d+)?)$/);
    }
    expect(options.installStrace).toMatchObject({ type: 'boolean', default: true });
    expect(options.installGdb).toMatchObject({ type: 'boolean', default: false });
    for (const [name, opt] of Object.entries(options)) {
      expect(opt.description, `${name} needs a description`).toBeTruthy();
    }
  });

  it('installs after the official Go and common-utils features', () => {
    expect(metadata.installsAfter).toEqual(
      expect.arrayContaining(['ghcr.io/devcontainers/features/go', 'ghcr.io/devcontainers/features/common-utils']),
    );
  });

  it('runs ptrace-check quietly at container start, never failing the start', () => {
    expect(metadata.postStartCommand).toBe('/usr/local/bin/ptrace-check --quiet --exit-zero');
  });

  it('ships install.sh and ptrace-check.sh as executable POSIX sh scripts', () => {
    for (const file of ['install.sh', 'ptrace-check.sh']) {
      const path = join(featureDir, file);
      expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('#!/bin/sh');
      expect(statSync(path).mode & 0o111, `${file} is executable`).not.toBe(0);
    }
    // install.sh reads the options as upper-cased environment variables.
    const install = readFileSync(join(featureDir, 'install.sh'), 'utf8');
    for (const name of Object.keys(metadata.options ?? {})) {
      expect(install).toContain(`\${${name.toUpperCase()}:-`);
    }
  });

  it('has a scenario script for every scenario and no script without one', () => {
    const testDir = join(root, 'features/test/delve');
    const scenarios = Object.keys(readJson(join(testDir, 'scenarios.json')) as Record<string, unknown>);
    const scripts = readdirSync(testDir)
      .filter((f) => f.endsWith('.sh'))
      .map((f) => f.slice(0, -3))
      .filter((f) => f !== 'test' && f !== 'duplicate');
    expect(scripts.sort()).toEqual([...scenarios].sort());
  });
});
