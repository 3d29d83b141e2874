/**
 * Which delve release to pin for a given Go version — the one table PTD011
 * and PTD012 use, kept here and nowhere else.
 *
 * Source: the project's field notes (../shared/FIELD-NOTES.md, "Delve and Go
 * versions"), built from delve's CHANGELOG.md and the `go` directive of each
 * release's go.mod (https://github.com/go-delve/delve/blob/master/CHANGELOG.md),
 * cross-checked against distribution packages (Debian 12 ships 1.20.2,
 * Ubuntu 24.04 1.22.1, Alpine 3.23 1.25.2, Alpine 3.24 1.26.2).
 *
 * | delve   | debugs Go | needs Go to build |
 * |---------|-----------|-------------------|
 * | v1.20.2 | 1.18–1.20 | 1.16 |
 * | v1.21.2 | 1.19–1.21 | 1.17 |
 * | v1.22.1 | 1.19–1.22 | 1.21 |
 * | v1.24.0 | 1.21–1.24 | 1.21 |
 * | v1.25.2 | 1.22–1.25 | 1.22 |
 * | v1.26.2 | 1.24–1.26 | 1.24 |
 *
 * The field notes also list v1.27.x (debugs 1.25–1.27, needs 1.25); no exact
 * v1.27 release was confirmed when this table was written, so it is not
 * offered as a pin: for Go newer than 1.26 the rules say so instead of
 * guessing a version that may not exist. Update this table (and its test)
 * when a delve release is confirmed.
 */

export interface DelveRelease {
  version: string;
  /** Oldest and newest Go minor (1.x → x) the release debugs. */
  debugsFrom: number;
  debugsTo: number;
  /** Oldest Go minor that builds it. */
  buildsWith: number;
}

export const DELVE_RELEASES: readonly DelveRelease[] = [
  { version: 'v1.20.2', debugsFrom: 18, debugsTo: 20, buildsWith: 16 },
  { version: 'v1.21.2', debugsFrom: 19, debugsTo: 21, buildsWith: 17 },
  { version: 'v1.22.1', debugsFrom: 19, debugsTo: 22, buildsWith: 21 },
  { version: 'v1.24.0', debugsFrom: 21, debugsTo: 24, buildsWith: 21 },
  { version: 'v1.25.2', debugsFrom: 22, debugsTo: 25, buildsWith: 22 },
  { version: 'v1.26.2', debugsFrom: 24, debugsTo: 26, buildsWith: 24 },
];

export const DELVE_VERSIONS_SOURCE = 'https://github.com/go-delve/delve/blob/master/CHANGELOG.md';

export interface DelveChoice {
  /** The release to pin (undefined when none can be recommended). */
  release?: DelveRelease;
  /**
   * ok: builds with that Go and debugs its programs;
   * unknown-go: the Go version is not known (newest release chosen);
   * go-too-old-to-debug: builds, but cannot debug programs from that Go (upgrade Go);
   * go-too-old-to-build: no release in the table builds with that Go (upgrade Go; the oldest is chosen);
   * go-too-new: the Go is newer than every release in the table (no pin chosen).
   */
  status: 'ok' | 'unknown-go' | 'go-too-old-to-debug' | 'go-too-old-to-build' | 'go-too-new';
  /** The Go minor version (1.x → x) the choice is for. */
  goMinor?: number;
}

/** The delve release for Go 1.<minor>: the newest that builds with it and debugs its programs. */
export function delveForGo(minor: number | undefined): DelveChoice {
  const newest = DELVE_RELEASES[DELVE_RELEASES.length - 1]!;
  const oldest = DELVE_RELEASES[0]!;
  if (minor === undefined) return { release: newest, status: 'unknown-go' };
  const fits = DELVE_RELEASES.filter((r) => r.buildsWith <= minor && r.debugsFrom <= minor && minor <= r.debugsTo);
  if (fits.length > 0) return { release: fits[fits.length - 1]!, status: 'ok', goMinor: minor };
  if (minor > newest.debugsTo) return { status: 'go-too-new', goMinor: minor };
  const builds = DELVE_RELEASES.filter((r) => r.buildsWith <= minor);
  if (builds.length > 0) return { release: builds[0]!, status: 'go-too-old-to-debug', goMinor: minor };
  return { release: oldest, status: 'go-too-old-to-build', goMinor: minor };
}

const GO_IMAGES = /^(?:(?:docker\.io\/)?(?:library\/)?golang|mcr\.microsoft\.com\/(?:vscode\/)?devcontainers\/go|(?:[\w.-]+\/)*golang)$/i;

/**
 * The Go minor version an image reference names, e.g. golang:1.22-alpine → 22,
 * golang:1.12 → 12, mcr.microsoft.com/devcontainers/go:1-1.23-bookworm → 23.
 * Undefined for anything else (golang:latest, golang:alpine, other images).
 */
export function goMinorFromImage(image: string): number | undefined {
  const ref = image.trim().replace(/@sha256:[0-9a-f]+$/i, '');
  const colon = ref.lastIndexOf(':');
  if (colon < 0 || ref.lastIndexOf('/') > colon) return undefined;
  const name = ref.slice(0, colon);
  const tag = ref.slice(colon + 1);
  if (!GO_IMAGES.test(name)) return undefined;
  // The devcontainers image puts its own major version first: 1-1.23-bookworm.
  const m = /^(?:\d+-)?1\.(\d+)(?![\d])/.exec(tag);
  return m ? Number(m[1]) : undefined;
}
