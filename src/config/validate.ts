/**
 * Validation of .ptrace-doctor.yaml on the yaml Document (so every error
 * names the key and its line), with exactly the rules of
 * schema/ptrace-doctor.schema.json — test/config/schema.test.ts runs both on
 * the same files, generated ones included, and expects the same verdict.
 *
 * Beyond the schema (a JSON Schema cannot say these): the file must be one
 * YAML document without anchors, aliases or custom tags, without duplicate
 * keys, and `rules` must not name one rule twice (by id and by slug).
 */
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments } from '../parse/yaml-lib.js';
import { makeSourceFile, positionAt } from '../source.js';
import { RULES, resolveRule } from '../rules/index.js';
import type { FailOn, RuleSetting } from './types.js';

export interface RawSuppression {
  rules?: string[];
  paths?: string[];
  services?: string[];
  reason: string;
  line: number;
  /** Offsets of the entry in the file's text (for a finding that points at it). */
  start: number;
  end: number;
}

export interface RawConfig {
  failOn?: FailOn;
  /** Rule id → setting (slugs resolved). */
  rules: Map<string, RuleSetting>;
  exclude: string[];
  suppress: RawSuppression[];
}

export interface ConfigProblem {
  line: number;
  column: number;
  /** The key path, e.g. `suppress[1].reason`; '' for the file as a whole. */
  path: string;
  message: string;
}

export type Validation = { ok: true; config: RawConfig } | { ok: false; problems: ConfigProblem[] };

const TOP_KEYS = ['$schema', 'fail-on', 'rules', 'exclude', 'suppress'] as const;
const ENTRY_KEYS = ['rules', 'paths', 'services', 'reason'] as const;
const SETTINGS = ['error', 'warning', 'note', 'off'] as const;
const FAIL_ON = ['error', 'warning', 'note', 'never'] as const;

/** Quote a value from the file for a message: JSON-escaped (no control characters reach the terminal), at most 60 characters. */
function q(s: string): string {
  const t = s.length > 60 ? `${s.slice(0, 57)}…` : s;
  return JSON.stringify(t);
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length]!;
}

function suggest(word: string, among: readonly string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of among) {
    const dd = distance(word.toLowerCase(), c.toLowerCase());
    if (dd < bestD) {
      bestD = dd;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? `; did you mean ${q(best)}?` : '';
}

const RULE_NAMES = [...RULES.map((r) => r.id), ...RULES.map((r) => r.slug)];

export function validateConfigText(text: string, name = '.ptrace-doctor.yaml'): Validation {
  const file = makeSourceFile(name, name, 'compose', text);
  const problems: ConfigProblem[] = [];
  const at = (offset: number | undefined, path: string, message: string): void => {
    const p = positionAt(file, offset ?? 0);
    problems.push({ line: p.line, column: p.column, path, message });
  };
  const fail = (): Validation => ({ ok: false, problems: problems.slice(0, 50) });
  let docs: Document[];
  try {
    const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2' });
    docs = (Array.isArray(parsed) ? parsed : [parsed]) as Document[];
  } catch (e) {
    at(0, '', `could not be parsed as YAML: ${(e as Error).message.split('\n')[0]}`);
    return fail();
  }
  for (const d of docs) {
    for (const e of [...d.errors, ...d.warnings]) at(e.pos[0], '', `is not valid YAML: ${e.message.split('\n')[0]}`);
  }
  if (problems.length > 0) return fail();
  if (docs.length > 1) {
    at(docs[1]!.range?.[0], '', 'holds more than one YAML document; the configuration is one document');
    return fail();
  }
  const config: RawConfig = { rules: new Map(), exclude: [], suppress: [] };
  const root = docs[0]?.contents as Node | null | undefined;
  if (!root || (isScalar(root) && (root as Scalar).value === null)) return { ok: true, config };

  // Anchors, aliases and tags: refused everywhere (an alias bomb must never be expanded).
  const refuseSpecial = (n: unknown, path: string): boolean => {
    if (isAlias(n)) {
      at((n as Node).range?.[0], path, 'uses a YAML alias; anchors and aliases are not supported in the configuration');
      return true;
    }
    const node = n as { anchor?: string; tag?: string; range?: [number, number, number] } | null;
    if (node?.anchor) {
      at(node.range?.[0], path, 'defines a YAML anchor; anchors and aliases are not supported in the configuration');
      return true;
    }
    if (node?.tag && !/^tag:yaml\.org,2002:(str|map|seq|null|bool|int|float)$/.test(node.tag)) {
      at(node.range?.[0], path, `has the tag ${q(node.tag)}, which the configuration does not support`);
      return true;
    }
    return false;
  };
  const start = (n: unknown): number | undefined => (n as Node | null)?.range?.[0];
  const isNull = (n: unknown): boolean => n === null || n === undefined || (isScalar(n) && (n as Scalar).value === null);
  const str = (n: unknown): string | undefined => (isScalar(n) && typeof (n as Scalar).value === 'string' ? ((n as Scalar).value as string) : undefined);
  const typeName = (n: unknown): string => {
    if (isMap(n)) return 'a mapping';
    if (isSeq(n)) return 'a list';
    if (isNull(n)) return 'empty';
    const v = (n as Scalar).value;
    return typeof v === 'string' ? `the text ${q(v)}` : `${typeof v} ${String(v)}`;
  };
  const keyOf = (p: Pair, path: string): string | undefined => {
    if (refuseSpecial(p.key, path)) return undefined;
    const k = isScalar(p.key) ? (p.key as Scalar).value : undefined;
    if (k === null || k === undefined || typeof k === 'object') {
      at(start(p.key) ?? start(p.value), path, 'has a key that is not a name');
      return undefined;
    }
    return String(k);
  };
  /** A list of non-empty strings (or of rule names). */
  const list = (n: unknown, path: string, what: 'glob' | 'name' | 'rule'): string[] | undefined => {
    if (refuseSpecial(n, path)) return undefined;
    if (!isSeq(n)) {
      at(start(n), path, `must be a list, got ${typeName(n)}${what === 'rule' ? ' (write [PTD001, PTD003])' : ''}`);
      return undefined;
    }
    const out: string[] = [];
    let ok = true;
    (n as YAMLSeq).items.forEach((item, i) => {
      const ip = `${path}[${i}]`;
      if (refuseSpecial(item, ip)) { ok = false; return; }
      const s = str(item);
      if (s === undefined) { at(start(item) ?? start(n), ip, `must be text, got ${typeName(item)}${isScalar(item) ? ' (quote it)' : ''}`); ok = false; return; }
      if (what === 'rule') {
        if (!RULE_NAMES.includes(s)) { at(start(item), ip, `${q(s)} is no rule id or slug${suggest(s, RULE_NAMES)}`); ok = false; return; }
        out.push(resolveRule(s)!);
        return;
      }
      if (s.length === 0) { at(start(item), ip, `must not be empty`); ok = false; return; }
      out.push(s);
    });
    return ok ? out : undefined;
  };

  if (refuseSpecial(root, '')) return fail();
  if (!isMap(root)) {
    at(start(root), '', `must be a mapping of settings (fail-on, rules, exclude, suppress), got ${typeName(root)}`);
    return fail();
  }
  for (const p of (root as YAMLMap).items) {
    if (!isPair(p)) continue;
    const key = keyOf(p, '');
    if (key === undefined) continue;
    const v = p.value;
    if (!(TOP_KEYS as readonly string[]).includes(key)) {
      at(start(p.key), key, `unknown key ${q(key)}: the configuration takes ${TOP_KEYS.filter((k) => k !== '$schema').join(', ')}${suggest(key, TOP_KEYS)}`);
      continue;
    }
    if (refuseSpecial(v, key)) continue;
    switch (key) {
      case '$schema':
        if (str(v) === undefined) at(start(v) ?? start(p.key), key, `must be text, got ${typeName(v)}`);
        break;
      case 'fail-on': {
        const s = str(v);
        if (s === undefined || !(FAIL_ON as readonly string[]).includes(s)) at(start(v) ?? start(p.key), key, `must be one of ${FAIL_ON.join(', ')}, got ${typeName(v)}${s ? suggest(s, FAIL_ON) : ''}`);
        else config.failOn = s as FailOn;
        break;
      }
      case 'rules': {
        if (isNull(v)) break;
        if (!isMap(v)) { at(start(v), key, `must be a mapping of rule ids or slugs to ${SETTINGS.join(', ')}, got ${typeName(v)}`); break; }
        const named = new Map<string, string>();
        for (const rp of (v as YAMLMap).items) {
          if (!isPair(rp)) continue;
          const rk = keyOf(rp, key);
          if (rk === undefined) continue;
          const path = `rules.${rk}`;
          if (!RULE_NAMES.includes(rk)) { at(start(rp.key), path, `${q(rk)} is no rule id or slug${suggest(rk, RULE_NAMES)} (ptrace-doctor --list-rules lists them)`); continue; }
          if (refuseSpecial(rp.value, path)) continue;
          const s = str(rp.value);
          if (s === undefined || !(SETTINGS as readonly string[]).includes(s)) { at(start(rp.value) ?? start(rp.key), path, `must be one of ${SETTINGS.join(', ')}, got ${typeName(rp.value)}${s ? suggest(s, SETTINGS) : ''}`); continue; }
          const id = resolveRule(rk)!;
          const before = named.get(id);
          if (before !== undefined) { at(start(rp.key), path, `names the same rule as ${q(before)} (${id})`); continue; }
          named.set(id, rk);
          config.rules.set(id, s as RuleSetting);
        }
        break;
      }
      case 'exclude': {
        if (isNull(v)) break;
        const globs = list(v, key, 'glob');
        if (globs) config.exclude.push(...globs);
        break;
      }
      case 'suppress': {
        if (isNull(v)) break;
        if (!isSeq(v)) { at(start(v), key, `must be a list of exceptions (each with paths or services, and a reason), got ${typeName(v)}`); break; }
        (v as YAMLSeq).items.forEach((item, i) => {
          const path = `suppress[${i}]`;
          if (refuseSpecial(item, path)) return;
          if (!isMap(item)) { at(start(item) ?? start(v), path, `must be a mapping with paths or services, and a reason, got ${typeName(item)}`); return; }
          const range = (item as Node).range;
          const entry: Partial<RawSuppression> = { line: positionAt(file, start(item) ?? 0).line, start: range?.[0] ?? 0, end: range?.[1] ?? range?.[0] ?? 0 };
          let ok = true;
          for (const ep of (item as YAMLMap).items) {
            if (!isPair(ep)) continue;
            const ek = keyOf(ep, path);
            if (ek === undefined) { ok = false; continue; }
            const kp = `${path}.${ek}`;
            if (!(ENTRY_KEYS as readonly string[]).includes(ek)) { at(start(ep.key), kp, `unknown key ${q(ek)}: an exception takes ${ENTRY_KEYS.join(', ')}${suggest(ek, ENTRY_KEYS)}`); ok = false; continue; }
            if (refuseSpecial(ep.value, kp)) { ok = false; continue; }
            if (ek === 'reason') {
              const s = str(ep.value);
              if (s === undefined || !/\S/.test(s)) { at(start(ep.value) ?? start(ep.key), kp, `must say why (non-empty text), got ${typeName(ep.value)}`); ok = false; continue; }
              entry.reason = s;
              continue;
            }
            const l = list(ep.value, kp, ek === 'rules' ? 'rule' : ek === 'paths' ? 'glob' : 'name');
            if (!l) { ok = false; continue; }
            if (l.length === 0) { at(start(ep.value), kp, 'must not be an empty list'); ok = false; continue; }
            entry[ek as 'rules' | 'paths' | 'services'] = l;
          }
          if (entry.reason === undefined && !(item as YAMLMap).items.some((ep) => isPair(ep) && str(ep.key) === 'reason')) { at(start(item), path, 'needs a reason: say why the exception is fine'); ok = false; }
          if (!(item as YAMLMap).items.some((ep) => isPair(ep) && (str(ep.key) === 'paths' || str(ep.key) === 'services'))) { at(start(item), path, 'needs paths or services: which findings it is for'); ok = false; }
          if (ok) config.suppress.push(entry as RawSuppression);
        });
        break;
      }
    }
  }
  return problems.length > 0 ? fail() : { ok: true, config };
}

/** One line per problem: `file:line:col: key: message`. */
export function formatProblems(name: string, problems: ConfigProblem[]): string {
  return problems.map((p) => `${name}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n');
}
