/** The configuration as the engine applies it (loaded and validated by config/load.ts). */
import type { Severity, Span } from '../types.js';

export type RuleSetting = Severity | 'off';
export type FailOn = Severity | 'never';

export interface SuppressEntry {
  /** Rule ids; undefined: every rule. */
  rules?: string[];
  /** Matches paths relative to the scanned root; undefined: any path. */
  paths?: (path: string) => boolean;
  /** Compose service, Kubernetes container or workload, or dev container names; undefined: any. */
  services?: string[];
  reason: string;
  /** Where the entry is written ("path:line"), for messages and SARIF. */
  where: string;
  /** The entry in the configuration file, for PTD901 when it suppresses nothing. */
  span?: Span;
}

export interface EffectiveConfig {
  /** The file it came from (absolute), when there was one. */
  source?: string;
  /** Per rule id: off, or the severity every finding of the rule gets. */
  rules: Map<string, RuleSetting>;
  failOn?: FailOn;
  /** Paths (relative to the scanned root) that are not scanned and get no findings. */
  exclude?: (path: string) => boolean;
  suppress: SuppressEntry[];
}

export const EMPTY_CONFIG: EffectiveConfig = { rules: new Map(), suppress: [] };
