/**
 * Markdown for GitHub: escaping of repository values, code fences that cannot
 * be broken out of, and the size caps GitHub enforces.
 *
 * Everything that comes from the scanned repository (paths, messages that quote
 * file content, fix text) is untrusted: a pull request from a fork may try to
 * inject Markdown/HTML, ping people with @mentions or cross-link issues.
 */

/** GitHub rejects issue/review comment bodies longer than this (characters). */
export const GITHUB_BODY_LIMIT = 65_536;
/** The job summary accepts at most 1 MiB per step. */
export const JOB_SUMMARY_LIMIT = 1_000_000;

const ZWJ = '\u200d';

/** Breaks @mentions and #123 / GH-123 style references without changing what is read. */
function defuseReferences(s: string): string {
  return s
    .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`);
}

/**
 * Escapes text for a raw HTML line such as `<details><summary>…</summary>`,
 * where Markdown (code spans, backslash escapes) does not apply: entities for
 * HTML, mentions and references defused, one line.
 */
export function escapeHtmlText(s: string): string {
  return defuseReferences(
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/[\r\n]+/g, ' '),
  );
}

/**
 * Escapes text for use in Markdown prose or table cells. HTML special
 * characters become entities, Markdown punctuation is backslash-escaped,
 * mentions and issue references are defused and line breaks are flattened
 * (`<br>` in table cells, a space otherwise).
 */
export function escapeText(s: string, opts: { table?: boolean } = {}): string {
  let out = s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (c) => `\\${c}`);
  out = defuseReferences(out);
  out = out.replace(/\r\n|\r|\n/g, opts.table ? '<br>' : ' ');
  return out;
}

/** Longest run of `ch` in `s`. */
function longestRun(s: string, ch: string): number {
  let best = 0;
  let cur = 0;
  for (const c of s) {
    if (c === ch) {
      cur++;
      if (cur > best) best = cur;
    } else cur = 0;
  }
  return best;
}

/**
 * An inline code span that no content can close early. Pipes are escaped in
 * table cells (GFM splits cells on `|` even inside code spans); newlines become
 * spaces (a code span cannot hold a line break in a table).
 */
export function inlineCode(s: string, opts: { table?: boolean } = {}): string {
  let content = s.replace(/\r\n|\r|\n/g, ' ');
  if (opts.table) content = content.replace(/\|/g, '\\|');
  const ticks = '`'.repeat(longestRun(content, '`') + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || content.startsWith(' ') ? ' ' : '';
  if (content === '') return escapeText('(empty)');
  return `${ticks}${pad}${content}${pad}${ticks}`;
}

/**
 * Renders a message that may contain `code` spans: the code spans are kept as
 * (safe) inline code, everything else is escaped. Whatever the input, the
 * output cannot open HTML, links, headings or mentions.
 */
export function escapeMessage(s: string, opts: { table?: boolean } = {}): string {
  const parts = s.split('`');
  // An even number of backticks pairs up into code spans; otherwise escape everything.
  if (parts.length % 2 === 0) return escapeText(s, opts);
  return parts
    .map((p, i) => (i % 2 === 1 ? (p === '' ? escapeText('``', opts) : inlineCode(p, opts)) : escapeText(p, opts)))
    .join('');
}

/** A fenced code block whose fence is longer than any backtick run in the content. */
export function codeBlock(content: string, lang = ''): string {
  const body = content.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${fence}${lang}\n${body}\n${fence}`;
}

/** An HTML comment that carries data; the value cannot close the comment. */
export function hiddenMarker(content: string): string {
  return `<!-- ${content.replace(/--/g, '- -').replace(/>/g, '&gt;')} -->`;
}

/** Encodes a value for a marker: keeps [A-Za-z0-9._:/#+=], percent-encodes every other UTF-8 byte. */
export function markerValue(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9._:/#+=]/.test(c) && b < 128 ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Joins sections, keeping the total within `limit`. `required` sections always
 * appear (the head and the markers); optional sections are dropped from the end
 * when they do not fit and a note says how many were left out.
 */
export function fitSections(required: { head: string[]; tail: string[] }, optional: string[], limit: number, omittedNote: (n: number) => string): string {
  const sep = '\n\n';
  const head = required.head.join(sep);
  const tail = required.tail.join(sep);
  const base = head.length + tail.length + 2 * sep.length + 200;
  const kept: string[] = [];
  let used = base;
  let omitted = 0;
  for (const s of optional) {
    if (omitted === 0 && used + s.length + sep.length <= limit) {
      kept.push(s);
      used += s.length + sep.length;
    } else omitted++;
  }
  const parts = [head, ...kept];
  if (omitted > 0) parts.push(omittedNote(omitted));
  if (tail) parts.push(tail);
  const out = parts.filter((p) => p !== '').join(sep);
  return out.length <= limit ? out : hardCap(out, limit);
}

/** Last resort: cut at a line boundary and close any open fence. */
export function hardCap(s: string, limit: number): string {
  if (s.length <= limit) return s;
  const note = '\n\n…(truncated to fit GitHub\'s size limit)';
  let cut = s.slice(0, Math.max(0, limit - note.length - 20));
  const nl = cut.lastIndexOf('\n');
  if (nl > 0) cut = cut.slice(0, nl);
  // Close an unterminated fence (count fence lines of 3+ backticks at line start).
  const fences = cut.match(/^`{3,}/gm) ?? [];
  let open: string | undefined;
  for (const f of fences) {
    if (open === undefined) open = f;
    else if (f.length >= open.length) open = undefined;
  }
  if (open !== undefined) cut += `\n${open}`;
  return cut + note;
}
