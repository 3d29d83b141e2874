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
import { findProblems, validate, type Problem } from './validate.js';
import type { Finding, SourceFile, TextEdit } from '../types.js';

/** At most this many fixes of one file are tried one at a time (a whole-file parse each). */
const ONE_BY_ONE = 32;

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
  /** Remove these edits (each found by binary search: a merge must not walk every accepted edit). */
  removeAll(edits: readonly TextEdit[]): void {
    for (const x of edits) {
      for (let i = this.lower(x.start); i < this.list.length && this.list[i]!.start <= x.end; i++) {
        if (this.list[i] === x) {
          this.list.splice(i, 1);
          break;
        }
      }
    }
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

/**
 * When a file does not parse with all its fixes applied (two fixes that each add `cap_add:` to one service make
 * a duplicate key), find the fixes that broke it from where the parser reports the problems — each problem is
 * blamed on the edit at or nearest to it in the edited text — and drop those, a few rounds at most: a parse per
 * round, where trying fix after fix would parse the whole file once per fix (minutes for a file of thousands).
 * `fixed` edits are applied too and never blamed. Returns the fixes kept, in order, with the text they give (which
 * parses) and those dropped (a blamed fix may have been innocent: the caller tries them again); undefined when
 * the problems cannot be placed, or no round gets the file to parse.
 */
function withoutBreakers(file: SourceFile, p: string, fixed: TextEdit[], entries: Entry[], known?: { text: string; problems: Problem[] }): { live: Entry[]; dropped: Entry[]; text: string } | undefined {
  let live = entries;
  const dropped: Entry[] = [];
  for (let round = 0; round < 8; round++) {
    // With every fix dropped the text is that of `fixed`, which the caller knows: nothing left to learn.
    if (live.length === 0) return undefined;
    const owned: Array<{ edit: TextEdit; entry?: Entry }> = fixed.map((edit) => ({ edit }));
    for (const e of live) for (const x of e.byPath.get(p)!) owned.push({ edit: x, entry: e });
    owned.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end);
    let text: string;
    try {
      text = applyEdits(file.text, owned.map((o) => o.edit));
    } catch {
      return undefined;
    }
    const found = round === 0 && known?.text === text ? known.problems : findProblems(file.kind, text);
    if (found.length === 0) return { live, dropped, text };
    // Where each candidate edit's text is in the edited file (the fixed edits shift it, and are never blamed).
    const at: number[] = [];
    const who: Array<{ edit: TextEdit; entry: Entry }> = [];
    let shift = 0;
    for (const o of owned) {
      if (o.entry) {
        at.push(o.edit.start + shift);
        who.push({ edit: o.edit, entry: o.entry });
      }
      shift += o.edit.text.length - (o.edit.end - o.edit.start);
    }
    const dist = (i: number, offset: number): number => {
      if (i < 0 || i >= at.length) return Infinity;
      const end = at[i]! + who[i]!.edit.text.length;
      return offset < at[i]! ? at[i]! - offset : offset > end ? offset - end : 0;
    };
    const blamed = new Set<Entry>();
    for (const { offset } of found) {
      // The last edit that starts at or before the problem, and the one after it: the nearer is to blame.
      let lo = 0;
      let hi = at.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (at[mid]! <= offset) lo = mid + 1;
        else hi = mid;
      }
      const pick = dist(lo - 1, offset) <= dist(lo, offset) ? lo - 1 : lo;
      if (pick >= 0 && pick < who.length) blamed.add(who[pick]!.entry);
    }
    if (blamed.size === 0) return undefined;
    dropped.push(...live.filter((e) => blamed.has(e)));
    live = live.filter((e) => !blamed.has(e));
  }
  return undefined;
}

/**
 * When every edit of e that touches an accepted edit is that edit exactly (same place, same text), the edits
 * of e that remain (by path; those touch nothing accepted) and one of the duplicates; else undefined.
 */
function duplicateOnly(e: Entry, index: Map<string, EditIndex>, owner: Map<TextEdit, Entry>): { rest: Map<string, TextEdit[]>; of: TextEdit } | undefined {
  // The same whole lines can come from different changes (each of two repeated entries removed from one line
  // leaves the same line): the changes themselves (the raw edits inside those lines) must be the same.
  const rawIn = (f: Finding, x: TextEdit): string | undefined => {
    if (!f.fix?.raw) return undefined;
    return f.fix.raw.filter((r) => r.path === x.path && r.start >= x.start && r.end <= x.end).map((r) => `${r.start}:${r.end}:${r.text}`).sort().join('\n');
  };
  const rest = new Map<string, TextEdit[]>();
  let of: TextEdit | undefined;
  for (const [p, edits] of e.byPath) {
    for (const x of edits) {
      const over = index.get(p)?.overlapping(x) ?? [];
      if (over.length === 0) {
        const list = rest.get(p);
        if (list) list.push(x);
        else rest.set(p, [x]);
        continue;
      }
      const y = over[0]!;
      if (over.length > 1 || y.start !== x.start || y.end !== x.end || y.text !== x.text) return undefined;
      const mine = rawIn(e.finding, x);
      if (mine === undefined || mine === '' || mine !== rawIn(owner.get(y)!.finding, y)) return undefined;
      of ??= y;
    }
  }
  return of ? { rest, of } : undefined;
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
  const accept = (e: Entry): void => {
    for (const [p, edits] of e.byPath) {
      const ix = indexOf(p);
      for (const x of edits) {
        ix.add(x);
        owner.set(x, e);
      }
    }
    kept.push(e);
  };
  for (const e of entries) {
    const clashes = new Set<Entry>();
    for (const [p, edits] of e.byPath) for (const x of edits) for (const y of index.get(p)?.overlapping(x) ?? []) clashes.add(owner.get(y)!);
    if (clashes.size === 0) {
      accept(e);
      continue;
    }
    // Two launches of one image (a Compose service and a `docker run`) get the same change to its Dockerfile:
    // an edit that is exactly an accepted one is made already. The rest of the fix stands on its own, or, with
    // nothing left, the finding is fixed together with the one whose fix makes the change.
    const dup = duplicateOnly(e, index, owner);
    if (dup) {
      const by = owner.get(dup.of)!;
      if (dup.rest.size === 0) {
        (by.together ??= []).push(e);
        delete e.finding.fix;
        e.finding.related = [...e.finding.related, { span: by.finding.span, message: `Fixed together with ${by.finding.ruleId} (its fix makes the same change).` }];
        continue;
      }
      const fix = e.finding.fix!;
      fix.edits = [...dup.rest.values()].flat();
      if (fix.raw) fix.raw = fix.raw.filter((x) => dup.rest.has(x.path));
      e.byPath = dup.rest;
      e.finding.related = [...e.finding.related, { span: by.finding.span, message: `Its change to ${dup.of.path} is made by the fix of ${by.finding.ruleId} too.` }];
      accept(e);
      continue;
    }
    const host = [...clashes][0]!;
    const merged = clashes.size === 1 && e.byPath.size === 1 && host.byPath.size === 1 ? mergeInto(host, e) : undefined;
    if (!merged) { delete e.finding.fix; continue; }
    const [p] = [...host.byPath.keys()];
    const ix = indexOf(p!);
    ix.removeAll(host.byPath.get(p!)!);
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
      const first = after === undefined ? undefined : findProblems(file.kind, after);
      if (after !== undefined && first!.length === 0) {
        results.set(p, { file, after });
        continue;
      }
      const mine = kept.filter((x) => x.byPath.has(p));
      const rejected = new Set<Entry>();
      const reject = (e: Entry): void => {
        delete e.finding.fix;
        rejected.add(e);
        // Those it would have fixed with it say so no more: each falls back to its own advice.
        for (const t of e.together ?? []) t.finding.related = t.finding.related.filter((r) => r.span !== e.finding.span || !r.message.startsWith('Fixed together with '));
        // The findings it would have fixed with it keep no fix either.
        // Its edits of other files go too: those files are settled again.
        for (const q of e.byPath.keys()) {
          if (q === p) continue;
          accepted.set(q, (accepted.get(q) ?? []).filter((x) => !e.byPath.get(q)!.includes(x)));
          results.delete(q);
          dropped = true;
        }
      };
      // Guided by where the parser places the problems: a parse per pass, the dropped fixes tried again together
      // on top of those kept, until a pass keeps none of them. What is left is tried one fix at a time only when
      // few (a parse each); else those fixes wait for the next round of the fold (foldHeldBack).
      let good: TextEdit[] = [];
      let text = file.text;
      let pending = mine;
      for (let pass = 0; pass < 4 && pending.length > 0 && after !== undefined; pass++) {
        const g = withoutBreakers(file, p, good, pending, pass === 0 && after !== undefined ? { text: after, problems: first! } : undefined);
        if (!g) break;
        good = [...good, ...g.live.flatMap((e) => e.byPath.get(p)!)].sort((x, y) => x.start - y.start || x.end - y.end);
        text = g.text;
        const progress = g.live.length > 0;
        pending = g.dropped;
        if (!progress) break;
      }
      const oneByOne = pending.length <= ONE_BY_ONE;
      for (const e of pending) {
        if (!oneByOne) { reject(e); continue; }
        const trial = [...good, ...e.byPath.get(p)!].sort((x, y) => x.start - y.start || x.end - y.end);
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
        reject(e);
      }
      if (rejected.size > 0) kept = kept.filter((x) => !rejected.has(x));
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
  // A print already folded can come back: of two duplicate findings (`[seccomp:unconfined, seccomp:unconfined]`)
  // the one left after the first is fixed is numbered as the first was. It is still to do, under any offered print.
  const prints = new Set(byPrint.keys());
  const texts = new Map<string, { file: SourceFile; after: string }>(settled.results);
  // How each round moved the text of each file (the first settling's, then each fold round's), to carry the
  // edits of a fold round back to the file as scanned.
  const steps: Array<Map<string, Shift>> = [new Map([...settled.results].map(([p, r]) => [p, new Shift(lineEdits(p, r.file.text, r.after))]))];
  const folded: Finding[] = [];
  const foldedSet = new Set<Finding>();
  /** A folded finding's edits (or those of a change under a print already folded), in the text of its round. */
  const placed: Array<{ finding?: Finding; round: number; edits: TextEdit[] }> = [];
  let moved = false;
  for (let round = 0; round < rounds; round++) {
    const overlay = new Map([...texts].map(([p, r]) => [p, r.after]));
    const again = await rescan(overlay);
    const next = again.filter((f) => f.fix && prints.has(f.fingerprint));
    if (next.length === 0) break;
    const s = settleFixes(next);
    if (s.results.size === 0) break;
    moved = true;
    const step = new Map<string, Shift>();
    for (const [p, r] of s.results) {
      step.set(p, new Shift(lineEdits(p, r.file.text, r.after)));
      const original = texts.get(p)?.file ?? first.find((f) => f.fix?.files?.some((x) => x.path === p))?.fix?.files?.find((x) => x.path === p) ?? r.file;
      texts.set(p, { file: original.path === p && original.text !== r.file.text ? original : texts.get(p)?.file ?? r.file, after: r.after });
    }
    steps.push(step);
    for (const f of s.accepted) {
      const orig = byPrint.get(f.fingerprint);
      const edits = f.fix?.edits ?? [];
      if (!orig) {
        if (edits.length > 0) placed.push({ round: steps.length - 1, edits });
        continue;
      }
      byPrint.delete(f.fingerprint);
      if (accepted.has(orig) && orig.fix) continue;
      folded.push(orig);
      foldedSet.add(orig);
      placed.push({ finding: orig, round: steps.length - 1, edits });
      orig.related = orig.related.filter((r) => !/^Fixed together with /.test(r.message));
      orig.fix = { description: f.fix?.description ?? 'Fixed with the other fixes of this file', edits: [], ...(f.fix?.files ? { files: [] } : {}) };
    }
  }
  if (!moved) return settled;
  // Each fold round's edits, carried back to the file as scanned: where its change lands among the final hunks.
  const back = (round: number, e: TextEdit): { start: number; end: number } => {
    let start = e.start;
    let end = e.end;
    for (let j = round - 1; j >= 0; j--) {
      const sh = steps[j]!.get(e.path);
      if (!sh) continue;
      start = sh.back(start, false);
      end = sh.back(end, true);
    }
    return { start, end };
  };
  const marks = new Map<string, Marks>();
  const marksOf = (p: string): Marks => {
    let m = marks.get(p);
    if (!m) marks.set(p, (m = new Marks()));
    return m;
  };
  for (const f of settled.accepted) for (const e of f.fix?.edits ?? []) marksOf(e.path).add(e.start, e.end, f, 0);
  const orphans: Array<{ path: string; start: number; end: number }> = [];
  for (const x of placed) {
    for (const e of x.edits) {
      const at = back(x.round, e);
      if (x.finding) marksOf(e.path).add(at.start, at.end, x.finding, 1);
      else orphans.push({ path: e.path, ...at });
    }
  }
  // A held-back finding whose change came about in a later round under another's print (duplicates renumber)
  // is fixed with the change that now covers its place; one whose place no change covers stays to do.
  const orphanMarks = new Map<string, Marks>();
  for (const o of orphans) {
    let m = orphanMarks.get(o.path);
    if (!m) orphanMarks.set(o.path, (m = new Marks()));
    m.add(o.start, o.end, undefined, 0);
  }
  const finalHunks = new Map<string, TextEdit[]>([...texts].map(([p, r]) => [p, lineEdits(p, r.file.text, r.after)]));
  const hunkMarks = new Map<string, Marks>();
  for (const [p, hs] of finalHunks) {
    const m = new Marks();
    for (const h of hs) m.add(h.start, h.end, undefined, 0);
    hunkMarks.set(p, m);
  }
  for (const f of held) {
    if (foldedSet.has(f)) continue;
    const p = f.span.file.path;
    if (!texts.has(p)) continue;
    const orphan = orphanMarks.get(p)?.touching(f.span.start, f.span.end);
    if (orphan || hunkMarks.get(p)?.touching(f.span.start, f.span.end)) {
      folded.push(f);
      foldedSet.add(f);
      f.fix = { description: 'Fixed with the other fixes of this file', edits: [] };
      if (orphan) marksOf(p).add(orphan.start, orphan.end, f, 1);
    }
  }
  for (const f of folded) marksOf(f.span.file.path).add(f.span.start, f.span.end, f, 2);
  // Give each change of the final text (against the file as scanned) to one finding: the one whose edit it is
  // (the first settling's, then a fold round's), else a folded finding whose place it covers, else the nearest.
  const owners = [...settled.accepted, ...folded];
  const nearest = new Map<string, Finding[]>();
  for (const f of owners) {
    const list = nearest.get(f.span.file.path);
    if (list) list.push(f);
    else nearest.set(f.span.file.path, [f]);
  }
  for (const list of nearest.values()) list.sort((a, b) => a.span.start - b.span.start);
  const notDone = new Set<Finding>();
  for (const [p, r] of texts) {
    const hunks = finalHunks.get(p)!;
    const taken = new Map<Finding, TextEdit[]>();
    const byHunk = new Marks();
    const here = marks.get(p);
    const nearHere = nearest.get(p) ?? [];
    for (const h of hunks) {
      const owner = here?.touching(h.start, h.end)?.finding ?? closest(nearHere, h.start) ?? owners[0]!;
      taken.set(owner, [...(taken.get(owner) ?? []), h]);
      byHunk.add(h.start, h.end, owner, 0);
    }
    for (const f of owners) {
      if (!f.fix) continue;
      const others = f.fix.edits.filter((e) => e.path !== p);
      const mine = taken.get(f) ?? [];
      const hadHere = f.fix.edits.some((e) => e.path === p) || taken.has(f) || (foldedSet.has(f) && f.span.file.path === p);
      if (!hadHere) continue;
      if (mine.length === 0 && others.length === 0) {
        // The finding whose change (in this file) covers this one's place; none: it is not done, and says nothing.
        const place = f.fix.edits.find((e) => e.path === p) ?? (f.span.file.path === p ? { start: f.span.start, end: f.span.end } : undefined);
        const by = place ? byHunk.touching(place.start, place.end, f)?.finding : undefined;
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

/** The finding of `sorted` (by span start) whose start is nearest `offset`. */
function closest(sorted: Finding[], offset: number): Finding | undefined {
  if (sorted.length === 0) return undefined;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  const a = sorted[lo - 1];
  const b = sorted[lo];
  if (!a) return b;
  if (!b) return a;
  return Math.abs(a.span.start - offset) <= Math.abs(b.span.start - offset) ? a : b;
}

/**
 * How one round's whole-line edits moved a file's text: carries an offset of the text after them back to
 * the text before (an offset inside an edited stretch goes to that stretch's start, or its end for `end`).
 */
class Shift {
  /** Per edit, sorted: where it starts and ends in the text after. */
  private readonly afterStart: number[] = [];
  private readonly afterEnd: number[] = [];
  constructor(private readonly edits: TextEdit[]) {
    let delta = 0;
    for (const e of edits) {
      this.afterStart.push(e.start + delta);
      this.afterEnd.push(e.start + delta + e.text.length);
      delta += e.text.length - (e.end - e.start);
    }
  }
  back(offset: number, end: boolean): number {
    // The last edit that starts at or before offset in the text after.
    let lo = 0;
    let hi = this.afterStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.afterStart[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    const i = lo - 1;
    if (i < 0) return offset;
    const e = this.edits[i]!;
    if (offset < this.afterEnd[i]! || (offset === this.afterEnd[i]! && this.afterEnd[i]! > this.afterStart[i]! && !end)) return end ? e.end : e.start;
    return e.end + (offset - this.afterEnd[i]!);
  }
}

/**
 * Ranges of one file with what they belong to, for "which range touches this one?" in logarithmic time (plus
 * the ranges that do): of those that touch, the one of the lowest rank, then the earliest added.
 */
class Marks {
  private list: Array<{ start: number; end: number; finding?: Finding; rank: number; n: number }> = [];
  private sorted = true;
  private maxEnd: number[] = [];
  add(start: number, end: number, finding: Finding | undefined, rank: number): void {
    this.list.push({ start, end, finding, rank, n: this.list.length });
    this.sorted = false;
  }
  touching(start: number, end: number, not?: Finding): { start: number; end: number; finding?: Finding } | undefined {
    if (!this.sorted) {
      this.list.sort((a, b) => a.start - b.start || a.n - b.n);
      this.maxEnd = [];
      let m = -Infinity;
      for (const x of this.list) this.maxEnd.push((m = Math.max(m, x.end)));
      this.sorted = true;
    }
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid]!.start <= end) lo = mid + 1;
      else hi = mid;
    }
    let best: (typeof this.list)[number] | undefined;
    for (let i = lo - 1; i >= 0 && this.maxEnd[i]! >= start; i--) {
      const x = this.list[i]!;
      if (x.end < start || (not && x.finding === not)) continue;
      if (!best || x.rank < best.rank || (x.rank === best.rank && x.n < best.n)) best = x;
    }
    return best;
  }
}
