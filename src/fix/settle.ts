/**
 * Settling the fixes of a scan so that the preview is the result: every fix
 * that is offered (the text diff, JSON `fix.edits`, SARIF `fixes`, a PR
 * suggestion) is exactly what `--fix` writes, and they can all be applied
 * together. Fixes are whole-line edits against the files as scanned; a fix
 * whose lines overlap an earlier finding's (in report order) is not offered
 * this time (the next scan offers what is still to do). Each edited file is
 * validated once with all its fixes applied; only when that fails are its
 * fixes tried one by one, and those that break the file are dropped.
 * Cost: one re-parse per edited file, whatever the number of findings.
 */
import { applyEdits, lineEdits, wholeLineEdits } from './text.js';
import { validate } from './validate.js';
import type { Finding, SourceFile, TextEdit } from '../types.js';

interface Entry {
  finding: Finding;
  byPath: Map<string, TextEdit[]>;
  /** Findings whose change this entry's fix makes too (mergeInto). */
  together?: Entry[];
}

/** Do two edits of one file touch the same text (then the order of the result would be a guess)? */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  const ia = a.start === a.end;
  const ib = b.start === b.end;
  if (ia && ib) return a.start === b.start;
  if (ia) return b.start < a.start && a.start < b.end;
  if (ib) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * The accepted edits of one file, sorted, for the question "which of them does this edit overlap?" in
 * logarithmic time: a scan of a file with thousands of fixes must not compare each with all the others.
 * Accepted edits never overlap each other, so sorted by start their ends are sorted too.
 */
class EditIndex {
  private list: TextEdit[] = [];
  /** Index of the first edit whose end is at or after `offset`. */
  private lower(offset: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid]!.end < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  overlapping(x: TextEdit): TextEdit[] {
    const out: TextEdit[] = [];
    for (let i = this.lower(x.start); i < this.list.length && this.list[i]!.start <= x.end; i++) if (overlaps(x, this.list[i]!)) out.push(this.list[i]!);
    return out;
  }
  add(x: TextEdit): void {
    let i = this.lower(x.start);
    while (i < this.list.length && (this.list[i]!.start < x.start || (this.list[i]!.start === x.start && this.list[i]!.end <= x.end))) i++;
    this.list.splice(i, 0, x);
  }
  remove(drop: (x: TextEdit) => boolean): void {
    this.list = this.list.filter((x) => !drop(x));
  }
  all(): TextEdit[] {
    return this.list;
  }
}

/**
 * Give host's fix the edits of e's too, when both edit one file and their own
 * (not line-widened) edits do not overlap: the whole-line edits of both
 * changes together. e's finding keeps no fix of its own, and is fixed by host's.
 */
function mergeInto(host: Entry, e: Entry): TextEdit[] | undefined {
  const hf = host.finding.fix!;
  const ef = e.finding.fix!;
  const [p] = [...host.byPath.keys()];
  if (!hf.raw || !ef.raw || !e.byPath.has(p!)) return undefined;
  const hr = hf.raw.filter((x) => x.path === p);
  const er = ef.raw.filter((x) => x.path === p);
  // Insertions at one offset: the same text once; another text after the host's only when it starts with a
  // separator (` --cap-add=…` after ` -p …`), else the two would run together (`[SYS_PTRACENET_RAW]`).
  const dup = (x: TextEdit): boolean => hr.some((y) => y.start === y.end && x.start === x.end && y.start === x.start && y.text === x.text);
  const erKept = er.filter((x) => !dup(x));
  if (erKept.some((x) => hr.some((y) => overlaps(x, y) && !(x.start === x.end && y.start === y.end && /^[\s,;]/.test(x.text))))) return undefined;
  const file = hf.files?.find((f) => f.path === p);
  if (!file) return undefined;
  let edits: TextEdit[];
  try {
    edits = wholeLineEdits(file, [...hr, ...erKept]);
  } catch {
    return undefined;
  }
  hf.edits = edits;
  hf.raw = [...hr, ...erKept];
  hf.description = `${hf.description}; and ${ef.description.replace(/^./, (c) => c.toLowerCase())} (${e.finding.ruleId})`;
  (host.together ??= []).push(e);
  delete e.finding.fix;
  e.finding.related = [...e.finding.related, { span: host.finding.span, message: `Fixed together with ${host.finding.ruleId} (its fix makes this change too, on the same line).` }];
  return edits;
}

/** The files each accepted fix edits, and the combined text of each: what --fix writes. */
export interface Settled {
  accepted: Finding[];
  /** Path → the file as scanned and its text with every accepted fix applied. */
  results: Map<string, { file: SourceFile; after: string }>;
}

export function settleFixes(findings: Finding[]): Settled {
  const entries: Entry[] = [];
  const files = new Map<string, SourceFile>();
  for (const f of findings) {
    if (!f.fix) continue;
    const byPath = new Map<string, TextEdit[]>();
    for (const e of f.fix.edits) {
      const list = byPath.get(e.path);
      if (list) list.push(e);
      else byPath.set(e.path, [e]);
    }
    let ok = true;
    for (const p of byPath.keys()) {
      const file = f.fix.files?.find((x) => x.path === p) ?? (f.span.file.path === p ? f.span.file : undefined);
      if (!file) { ok = false; break; }
      files.set(p, files.get(p) ?? file);
    }
    if (ok) entries.push({ finding: f, byPath });
    else delete f.fix;
  }
  // Fixes whose whole-line edits touch the same lines of one file (two fixes on one line: drop -s -w and add
  // -gcflags) are one fix when their own edits do not overlap: the first finding's fix carries both, and the
  // other findings say so. Else, in report order, a fix that overlaps an accepted one waits for the next scan.
  const index = new Map<string, EditIndex>();
  const indexOf = (p: string): EditIndex => {
    let i = index.get(p);
    if (!i) index.set(p, (i = new EditIndex()));
    return i;
  };
  let kept: Entry[] = [];
  const owner = new Map<TextEdit, Entry>();
  for (const e of entries) {
    const clashes = new Set<Entry>();
    for (const [p, edits] of e.byPath) for (const x of edits) for (const y of index.get(p)?.overlapping(x) ?? []) clashes.add(owner.get(y)!);
    if (clashes.size === 0) {
      for (const [p, edits] of e.byPath) {
        const ix = indexOf(p);
        for (const x of edits) {
          ix.add(x);
          owner.set(x, e);
        }
      }
      kept.push(e);
      continue;
    }
    const host = [...clashes][0]!;
    const merged = clashes.size === 1 && e.byPath.size === 1 && host.byPath.size === 1 ? mergeInto(host, e) : undefined;
    if (!merged) { delete e.finding.fix; continue; }
    const [p] = [...host.byPath.keys()];
    const ix = indexOf(p!);
    ix.remove((x) => owner.get(x) === host);
    for (const x of merged) {
      ix.add(x);
      owner.set(x, host);
    }
    host.byPath.set(p!, merged);
  }
  const accepted = new Map<string, TextEdit[]>([...index].map(([p, ix]) => [p, ix.all()]));
  // One validation per file; the fixes of a file that fails are tried one by one (and dropped everywhere if they break it).
  const results = new Map<string, { file: SourceFile; after: string }>();
  for (let round = 0; round < 8; round++) {
    let dropped = false;
    for (const [p, edits] of accepted) {
      if (results.has(p)) continue;
      const file = files.get(p)!;
      let after: string | undefined;
      try {
        after = applyEdits(file.text, edits);
      } catch {
        after = undefined;
      }
      if (after !== undefined && validate(file.kind, after) === undefined) {
        results.set(p, { file, after });
        continue;
      }
      let good: TextEdit[] = [];
      let text = file.text;
      for (const e of kept.filter((x) => x.byPath.has(p))) {
        const trial = [...good, ...e.byPath.get(p)!];
        let t: string | undefined;
        try {
          t = applyEdits(file.text, trial);
        } catch {
          t = undefined;
        }
        if (t !== undefined && validate(file.kind, t) === undefined) {
          good = trial;
          text = t;
          continue;
        }
        delete e.finding.fix;
        kept = kept.filter((x) => x !== e);
        // The findings it would have fixed with it keep no fix either.
        // Its edits of other files go too: those files are settled again.
        for (const q of e.byPath.keys()) {
          if (q === p) continue;
          accepted.set(q, (accepted.get(q) ?? []).filter((x) => !e.byPath.get(q)!.includes(x)));
          results.delete(q);
          dropped = true;
        }
      }
      accepted.set(p, good);
      results.set(p, { file, after: text });
    }
    if (!dropped) break;
  }
  for (const [p, r] of results) if (r.after === r.file.text) results.delete(p);
  return { accepted: kept.flatMap((e) => [e.finding, ...(e.together ?? []).map((t) => t.finding)]), results };
}

/**
 * The fixes a first settling had to hold back (they overlap another's, such
 * as `privileged` and `seccomp=unconfined` on one service, each replaced with
 * a `cap_add`) are computed again on the fixed text, a few rounds at most,
 * and folded into what is offered: the final text of each file is the one
 * fixed point, and its changes are given to the findings whose edits they
 * touch (the others are fixed together with them), so that the previewed
 * edits, applied together to the files as scanned, are that fixed point.
 * `rescan` scans with the given files' texts in place of the disk's.
 */
export async function foldHeldBack(first: Finding[], offered: ReadonlySet<Finding>, settled: Settled, rescan: (overlay: Map<string, string>) => Promise<Finding[]>, rounds = 3): Promise<Settled> {
  const accepted = new Set(settled.accepted);
  const held = first.filter((f) => offered.has(f) && !accepted.has(f));
  if (held.length === 0) return settled;
  // Every finding that was offered a fix: one still fixable on the fixed text is not done (held back, or
  // fixed together with another that did not make its change after all).
  const byPrint = new Map(first.filter((f) => offered.has(f)).map((f) => [f.fingerprint, f]));
  const texts = new Map<string, { file: SourceFile; after: string }>(settled.results);
  const folded: Finding[] = [];
  let moved = false;
  for (let round = 0; round < rounds && byPrint.size > 0; round++) {
    const overlay = new Map([...texts].map(([p, r]) => [p, r.after]));
    const again = await rescan(overlay);
    const next = again.filter((f) => f.fix && byPrint.has(f.fingerprint));
    if (next.length === 0) break;
    const s = settleFixes(next);
    if (s.results.size === 0) break;
    moved = true;
    for (const [p, r] of s.results) {
      const original = texts.get(p)?.file ?? first.find((f) => f.fix?.files?.some((x) => x.path === p))?.fix?.files?.find((x) => x.path === p) ?? r.file;
      texts.set(p, { file: original.path === p && original.text !== r.file.text ? original : texts.get(p)?.file ?? r.file, after: r.after });
    }
    for (const f of s.accepted) {
      const orig = byPrint.get(f.fingerprint);
      if (!orig) continue;
      byPrint.delete(f.fingerprint);
      if (settled.accepted.includes(orig) && orig.fix) continue;
      folded.push(orig);
      orig.related = orig.related.filter((r) => !/^Fixed together with /.test(r.message));
      orig.fix = { description: f.fix?.description ?? 'Fixed with the other fixes of this file', edits: [], ...(f.fix?.files ? { files: [] } : {}) };
    }
  }
  if (!moved) return settled;
  // A held-back finding whose change came about in a later round under another's print (duplicates renumber)
  // is fixed with the change that now covers its place; one whose place no change covers stays to do.
  for (const f of held) {
    if (folded.includes(f)) continue;
    const r = texts.get(f.span.file.path);
    if (!r) continue;
    const covered = lineEdits(f.span.file.path, r.file.text, r.after).some((h) => h.start <= f.span.end && f.span.start <= h.end);
    if (covered) { folded.push(f); f.fix = { description: 'Fixed with the other fixes of this file', edits: [] }; }
  }
  // Give each change of the final text (against the file as scanned) to one finding.
  const owners = [...settled.accepted, ...folded];
  const notDone = new Set<Finding>();
  for (const [p, r] of texts) {
    const before = r.file.text;
    const hunks = lineEdits(p, before, r.after);
    const taken = new Map<Finding, TextEdit[]>();
    for (const h of hunks) {
      const touches = (e: TextEdit): boolean => e.path === p && e.start <= h.end && h.start <= e.end;
      const owner =
        owners.find((f) => settled.accepted.includes(f) && (f.fix?.edits ?? []).some(touches)) ??
        folded.find((f) => f.span.file.path === p && f.span.start <= h.end && h.start <= f.span.end) ??
        owners.filter((f) => f.span.file.path === p).sort((a, b) => Math.abs(a.span.start - h.start) - Math.abs(b.span.start - h.start))[0] ??
        owners[0]!;
      taken.set(owner, [...(taken.get(owner) ?? []), h]);
    }
    for (const f of owners) {
      if (!f.fix) continue;
      const others = f.fix.edits.filter((e) => e.path !== p);
      const mine = taken.get(f) ?? [];
      const hadHere = f.fix.edits.some((e) => e.path === p) || taken.has(f) || (folded.includes(f) && f.span.file.path === p);
      if (!hadHere) continue;
      if (mine.length === 0 && others.length === 0) {
        // The finding whose change (in this file) covers this one's place; none: it is not done, and says nothing.
        const place = f.fix.edits.find((e) => e.path === p) ?? (f.span.file.path === p ? { start: f.span.start, end: f.span.end } : undefined);
        const by = [...taken].find(([o, hs]) => o !== f && place && hs.some((h) => h.start <= place.end && place.start <= h.end))?.[0];
        delete f.fix;
        if (by) f.related = [...f.related, { span: by.span, message: `Fixed together with ${by.ruleId} (one change of ${p} makes both).` }];
        else notDone.add(f);
        continue;
      }
      f.fix.edits = [...others, ...mine];
      f.fix.files = [...new Map([...(f.fix.files ?? []), r.file].map((x) => [x.path, x])).values()];
    }
  }
  const results = new Map([...texts].filter(([, r]) => r.after !== r.file.text));
  return { accepted: owners.filter((f) => !notDone.has(f)), results };
}
