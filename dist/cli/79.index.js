"use strict";
exports.id = 79;
exports.ids = [79];
exports.modules = {

/***/ 6079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  toRdjson: () => (/* binding */ toRdjson)
});

// EXTERNAL MODULE: ./src/source.ts
var source = __webpack_require__(4998);
// EXTERNAL MODULE: ./src/rules/index.ts + 22 modules
var rules = __webpack_require__(376);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/parse/yaml-lib.ts
var yaml_lib = __webpack_require__(3078);
// EXTERNAL MODULE: ./src/fix/text.ts
var fix_text = __webpack_require__(5444);
// EXTERNAL MODULE: ./src/fix/validate.ts
var fix_validate = __webpack_require__(5729);
// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/report/common.ts
var common = __webpack_require__(4069);
;// CONCATENATED MODULE: ./src/report/github.ts
/**
 * GitHub-facing reports: review comment bodies with ```suggestion blocks, the
 * sticky summary comment, the job summary and workflow annotations.
 *
 * Paths here are repository paths (what GitHub shows); findings carry paths
 * relative to the scanned root, so callers pass `repoPath` to convert.
 */








const SUMMARY_MARKER = '<!-- ptrace-doctor:summary -->';
const REVIEW_MARKER = '<!-- ptrace-doctor:review -->';
const FP_PREFIX = '<!-- ptrace-doctor:fp=';
const SEVERITY_LABEL = { error: '🔴 error', warning: '🟠 warning', note: '🔵 note' };
/** Most severe first, then path, line and rule. */
function compareFindings(a, b) {
    return (SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
        a.span.file.path.localeCompare(b.span.file.path) ||
        a.span.start - b.span.start ||
        a.ruleId.localeCompare(b.ruleId));
}
function shortHash(s) {
    return createHash('sha256').update(s).digest('hex').slice(0, 12);
}
function lineOf(file, offset) {
    return (0,source/* positionAt */.t$)(file, offset).line;
}
function lineCount(file) {
    // A final line break does not start another line.
    const n = file.lineStarts.length;
    return n > 1 && file.lineStarts[n - 1] === file.text.length ? n - 1 : n;
}
/** The replacement text of lines [a, b] once `edits` (all within them) are applied. */
function replacementFor(file, edits, a, b) {
    const regionStart = (0,source/* lineStart */.PT)(file, a);
    const regionEnd = (0,source/* lineEndWithBreak */.zm)(file, (0,source/* lineStart */.PT)(file, b));
    if (edits.some((e) => e.start < regionStart || e.end > regionEnd))
        return undefined;
    let after;
    try {
        after = (0,fix_text/* applyEdits */.ct)(file.text, edits);
    }
    catch {
        return undefined;
    }
    const delta = after.length - file.text.length;
    const text = after.slice(regionStart, regionEnd + delta).replace(/\r\n/g, '\n').replace(/\n$/, '');
    const before = file.text.slice(regionStart, regionEnd).replace(/\r\n/g, '\n').replace(/\n$/, '');
    return text === before ? undefined : text;
}
/**
 * The natural anchors of a fix: the smallest whole-line range holding all its
 * edits; for a pure insertion between two lines, the line after it and the
 * line before it. Only fixes that edit a single file can be suggestions.
 */
function suggestionCandidates(finding, file) {
    const edits = finding.fix?.edits ?? [];
    if (edits.length === 0 || edits.some((e) => e.path !== file.path))
        return [];
    const minStart = Math.min(...edits.map((e) => e.start));
    const maxEnd = Math.max(...edits.map((e) => e.end));
    const total = lineCount(file);
    const out = [];
    const push = (a, b) => {
        if (a < 1 || b > total || a > b)
            return;
        const text = replacementFor(file, edits, a, b);
        if (text !== undefined)
            out.push({ path: file.path, startLine: a, endLine: b, text });
    };
    const first = lineOf(file, minStart);
    const atLineStart = (o) => o === 0 || file.text[o - 1] === '\n' || file.text[o - 1] === '\r';
    const pureInsertion = edits.every((e) => e.start === e.end);
    if (pureInsertion && minStart === maxEnd && atLineStart(minStart)) {
        const k = minStart >= file.text.length ? total + 1 : first;
        push(k, k);
        push(k - 1, k - 1);
        return out;
    }
    const last = maxEnd > minStart && atLineStart(maxEnd) ? lineOf(file, maxEnd) - 1 : lineOf(file, maxEnd);
    push(first, Math.max(first, Math.min(last, total)));
    return out;
}
function canonical(v) {
    if (Array.isArray(v))
        return v.map(canonical);
    if (v && typeof v === 'object') {
        const o = {};
        for (const k of Object.keys(v).sort())
            o[k] = canonical(v[k]);
        return o;
    }
    return v;
}
function yamlData(text) {
    try {
        const docs = parseAllDocuments(text, { uniqueKeys: true });
        const list = Array.isArray(docs) ? docs : [docs];
        if (list.some((d) => d.errors.length > 0))
            return undefined;
        return JSON.stringify(list.map((d) => canonical(d.toJS({ maxAliasCount: 100 }))));
    }
    catch {
        return undefined;
    }
}
/**
 * For a fix that inserts whole lines into a YAML mapping: the same insertion
 * at other line boundaries of the same block, nearest first. A candidate is
 * kept only when the edited file parses to exactly the same data as the
 * original fix produces (YAML mappings are unordered), so a relocated
 * suggestion means the same thing.
 */
function relocatedCandidates(finding, file, isAnchorable, maxDistance = 40) {
    const edits = finding.fix?.edits ?? [];
    if (edits.length !== 1 || !(file.kind === 'compose' || file.kind === 'kubernetes' || /\.ya?ml$/i.test(file.path)))
        return [];
    const e = edits[0];
    if (e.path !== file.path || e.start !== e.end || !/\n$/.test(e.text))
        return [];
    if (e.start !== 0 && file.text[e.start - 1] !== '\n')
        return [];
    let expected;
    try {
        expected = yamlData(applyEdits(file.text, edits));
    }
    catch {
        return [];
    }
    if (expected === undefined)
        return [];
    const indent = /^[ \t]*/.exec(e.text)[0].length;
    const total = lineCount(file);
    const k = lineOf(file, e.start); // inserted before line k
    const out = [];
    // Walk outwards while lines stay inside the block (indented at least as deep, or blank/comment).
    const inBlock = (line) => {
        const t = file.text.slice(lineStart(file, line), lineEndWithBreak(file, lineStart(file, line))).replace(/\r?\n$/, '');
        if (t.trim() === '' || t.trim().startsWith('#'))
            return true;
        return /^[ \t]*/.exec(t)[0].length >= indent;
    };
    const boundaries = [];
    for (let b = k - 1; b >= Math.max(1, k - maxDistance) && inBlock(b); b--)
        boundaries.push(b);
    for (let b = k + 1; b <= Math.min(total + 1, k + maxDistance) && inBlock(b - 1); b++)
        boundaries.push(b);
    boundaries.sort((x, y) => Math.abs(x - k) - Math.abs(y - k));
    for (const b of boundaries) {
        const at = b > total ? file.text.length : lineStart(file, b);
        if (b > total && !/\n$/.test(file.text))
            continue;
        const moved = { ...e, start: at, end: at };
        const after = applyEdits(file.text, [moved]);
        if (yamlData(after) !== expected)
            continue;
        if (validate(file.kind, after) !== undefined)
            continue;
        const fake = { ...finding, fix: { description: finding.fix.description, edits: [moved] } };
        for (const s of suggestionCandidates(fake, file)) {
            if (isAnchorable(s.startLine) && s.startLine === s.endLine)
                out.push({ ...s, relocated: true });
        }
    }
    return out;
}
// ---------------------------------------------------------------------------
// Diffs
/** The fix of one finding as a unified diff with repository paths. */
/** The fix as a diff with repository paths (two lines of context by default, as review comments show it). */
function fixDiff(finding, files, repoPath, context = 2) {
    return commonFixDiff(finding, { files, repoPath, context });
}
/** Reads the markers of a comment this action wrote; undefined for anyone else's. */
function parseCommentMeta(body) {
    const fp = /<!-- ptrace-doctor:fp=([^\s>]+) -->/.exec(body);
    if (!fp)
        return undefined;
    const meta = /<!-- ptrace-doctor:meta rule=([^\s>]*) fix=([^\s>]*) -->/.exec(body);
    return { fingerprint: fp[1], ...(meta ? { ruleId: meta[1], fix: meta[2] } : {}) };
}
/** The key re-runs compare: fingerprint, rule and fix (path and line are compared on the comment). */
function commentFixHash(input) {
    if (input.suggestion)
        return shortHash(`s:${input.suggestion.text}`);
    if (input.diff)
        return shortHash(`d:${input.diff}`);
    return 'none';
}
/** Caps prose so that the required parts of a body (markers, links) always fit. */
function capText(s, max) {
    return s.length <= max ? s : `${s.slice(0, max).replace(/\\?[^\\]?$/, '')}… (shortened)`;
}
function heading(f) {
    return `**${escapeText(f.ruleId)} · ${escapeText(f.title)}** (${SEVERITY_LABEL[f.severity]})`;
}
function ruleLink(f, docUrl) {
    return `[${escapeText(f.ruleId)}: what it means and how to fix it](${safeUrl(docUrl(f.ruleId))}) · ptrace-doctor`;
}
/** URLs we generate: keep them from closing the link. */
function safeUrl(u) {
    return u.replace(/[()\s<>]/g, (c) => encodeURIComponent(c));
}
/**
 * The full explanation, collapsed: the message and the related locations under a "Why" that opens on
 * a click. (A blank line after <summary> lets GitHub render the Markdown inside.)
 */
function whyDetails(f, opts = {}) {
    if (opts.table)
        return `<details><summary>Why</summary>${capText(escapeMessage(f.message, { table: true }), 20_000)}</details>`;
    const related = f.related.slice(0, 5).map((r) => {
        const loc = toLocation(r.span);
        return `- ${escapeText(`${loc.path}:${loc.startLine}`)}: ${escapeMessage(r.message)}`;
    });
    return ['<details><summary>Why</summary>', capText(escapeMessage(f.message), 20_000), ...(related.length > 0 ? [`Related:\n${related.join('\n')}`] : []), '</details>'].join('\n\n');
}
/**
 * An inline review comment: the rule and severity, one sentence of why, the fix (a suggestion, a diff,
 * or the fix in words), the full explanation collapsed under "Why", the rule page and the markers.
 */
function commentBody(input) {
    const f = input.finding;
    const markers = [
        `${FP_PREFIX}${markerValue(f.fingerprint)} -->`,
        hiddenMarker(`ptrace-doctor:meta rule=${markerValue(f.ruleId)} fix=${commentFixHash(input)}`),
    ].join('\n');
    const head = [heading(f), capText(escapeMessage(shortWhy(f)), 2_000)];
    const optional = [];
    const hint = input.suggestion || input.diff ? undefined : shortFix(f, false);
    if (hint)
        head.push(`Fix: ${capText(escapeMessage(hint), 2_000)}`);
    if (input.suggestion) {
        const what = f.fix?.description ? `Suggested fix: ${escapeMessage(f.fix.description)}` : 'Suggested fix:';
        const note = input.suggestion.relocated ? ' (placed on a line of the same block that this pull request changes; YAML key order does not matter)' : '';
        optional.push(`${what}${escapeText(note)}\n\n${codeBlock(input.suggestion.text, 'suggestion')}`);
    }
    else if (input.diff) {
        const what = f.fix?.description ? escapeMessage(f.fix.description) : 'Fix';
        optional.push(`${what} (touches lines outside this diff, so it cannot be a one-click suggestion):\n\n${codeBlock(input.diff, 'diff')}`);
    }
    optional.push(whyDetails(f));
    return fitSections({ head, tail: [ruleLink(f, input.docUrl), markers] }, optional, GITHUB_BODY_LIMIT, (n) => `(${n} section${n === 1 ? '' : 's'} left out to fit GitHub's size limit)`);
}
function countBySeverity(findings) {
    const { error, warning, note } = counts(findings);
    return { error, warning, note };
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function summaryMarkdown(input) {
    const findings = input.rows.map((r) => r.finding);
    const c = countBySeverity(findings);
    const where = input.scope === 'changed' ? 'in what this pull request changes' : 'in the scanned configuration';
    const head = [];
    if (input.sticky)
        head.push(SUMMARY_MARKER);
    head.push('### ptrace-doctor');
    if (findings.length === 0) {
        head.push(`✅ All fixed: no ptrace or delve problems ${where}.`);
    }
    else {
        const inline = input.rows.filter((r) => r.where === 'inline').length;
        head.push(`Found **${plural(findings.length, 'problem')}** ${where}: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.note, 'note')}.` +
            (inline > 0 ? ` ${plural(inline, 'finding')} ${inline === 1 ? 'has' : 'have'} an inline comment with a suggested fix.` : ''));
    }
    if (input.totalFindings !== undefined && input.totalFindings > findings.length) {
        head.push(`(${plural(input.totalFindings - findings.length, 'more finding')} in files this pull request does not touch; set \`scope: all\` to list them.)`);
    }
    for (const n of input.notes ?? [])
        head.push(`> ${escapeText(n)}`);
    const optional = [];
    if (findings.length > 0) {
        const rows = input.rows.map((r) => {
            const f = r.finding;
            return `| ${SEVERITY_LABEL[f.severity]} | [${escapeText(f.ruleId, { table: true })}](${safeUrl(input.docUrl(f.ruleId))}) ${escapeText(f.title, { table: true })} | ${escapeText(r.location, { table: true })} | ${escapeMessage(shortWhy(f), { table: true })} ${whyDetails(f, { table: true })} |`;
        });
        // The table is one section per 50 rows so that a huge table degrades gracefully.
        const header = '| Severity | Rule | Location | Problem |\n|---|---|---|---|';
        for (let i = 0; i < rows.length; i += 50)
            optional.push(`${header}\n${rows.slice(i, i + 50).join('\n')}`);
        const withDiff = input.rows.filter((r) => r.diff && (input.diffs === 'all' || r.where === 'summary'));
        if (withDiff.length > 0) {
            optional.push(input.diffs === 'all' ? '#### Fixes' : '#### Fixes for findings outside the diff');
            for (const r of withDiff) {
                const f = r.finding;
                // A raw HTML line: Markdown escapes and code spans do not apply there.
                const desc = f.fix?.description ? ` — ${escapeHtmlText(f.fix.description)}` : '';
                optional.push(`<details><summary>${escapeHtmlText(f.ruleId)} ${escapeHtmlText(r.location)}${desc}</summary>\n\n${codeBlock(r.diff, 'diff')}\n\n</details>`);
            }
        }
    }
    const body = fitSections({ head, tail: [] }, optional, input.limit, (n) => `(${plural(n, 'more section')} left out to fit GitHub's size limit; the SARIF file and the job summary have everything.)`);
    return hardCap(body, input.limit);
}
/** GitHub shows at most 10 annotations per level per step (and 50 per job); the rest are dropped silently. */
const ANNOTATIONS_PER_LEVEL = 10;
/** The annotations of the findings (the rule page's address ends each message when `docUrl` is given). */
function annotationsFor(findings, repoPath, perLevel = ANNOTATIONS_PER_LEVEL, docUrl) {
    const level = { error: 'error', warning: 'warning', note: 'notice' };
    const used = {};
    const annotations = [];
    let omitted = 0;
    for (const f of [...findings].sort(compareFindings)) {
        const l = level[f.severity];
        if ((used[l] ?? 0) >= perLevel) {
            omitted++;
            continue;
        }
        used[l] = (used[l] ?? 0) + 1;
        const loc = toLocation(f.span);
        const oneLine = loc.startLine >= loc.endLine;
        annotations.push({
            level: l,
            message: docUrl ? `${f.message}\n\n${docUrl(f.ruleId)}` : f.message,
            title: `${f.ruleId} ${f.title}`,
            file: repoPath(loc.path),
            startLine: loc.startLine,
            endLine: Math.max(loc.startLine, loc.endLine),
            ...(oneLine ? { startColumn: loc.startColumn, endColumn: Math.max(loc.startColumn, loc.endColumn) } : {}),
        });
    }
    return { annotations, omitted };
}

;// CONCATENATED MODULE: ./src/report/rdjson.ts
/**
 * rdjson: reviewdog's Diagnostic Format (DiagnosticResult, proto/rdf in
 * github.com/reviewdog/reviewdog), for `reviewdog -f=rdjson`.
 *
 * Positions are 1-based lines and 1-based columns counted in UTF-8 bytes;
 * a range's end is exclusive. A fix becomes one suggestion when all its
 * edits are in the finding's own file: the whole lines the edits touch,
 * replaced by what they become (reviewdog posts a suggestion over whole
 * lines), else none.
 */



const SEVERITY = { error: 'ERROR', warning: 'WARNING', note: 'INFO' };
/** Line and UTF-8 byte column (1-based) of an offset. */
function utf8Position(file, offset) {
    const p = (0,source/* positionAt */.t$)(file, offset);
    const lineStart = file.lineStarts[p.line - 1] ?? 0;
    return { line: p.line, column: Buffer.byteLength(file.text.slice(lineStart, Math.max(lineStart, offset)), 'utf8') + 1 };
}
function range(file, start, end) {
    return { start: utf8Position(file, start), end: utf8Position(file, end) };
}
function rdjson_lineCount(file) {
    const n = file.lineStarts.length;
    return n > 1 && file.lineStarts[n - 1] === file.text.length ? n - 1 : n;
}
function suggestions(f) {
    const file = f.span.file;
    if (!f.fix || f.fix.edits.length === 0 || f.fix.edits.some((e) => e.path !== file.path))
        return [];
    const s = suggestionCandidates(f, file)[0];
    if (!s)
        return [];
    const total = rdjson_lineCount(file);
    // Lines s.startLine..s.endLine with their line break: up to the start of the next line when there is one.
    const endsAtNextLine = s.endLine < total || file.text.endsWith('\n');
    const end = endsAtNextLine ? { line: s.endLine + 1, column: 1 } : utf8Position(file, file.text.length);
    return [{ range: { start: { line: s.startLine, column: 1 }, end }, text: endsAtNextLine ? `${s.text}\n` : s.text }];
}
function toRdjson(findings) {
    return {
        source: { name: 'ptrace-doctor', url: 'https://github.com/ptrace-doctor/ptrace-doctor' },
        diagnostics: findings.map((f) => {
            const sugg = suggestions(f);
            return {
                message: f.message,
                location: { path: (0,source/* toLocation */.nc)(f.span).path, range: range(f.span.file, f.span.start, f.span.end) },
                severity: SEVERITY[f.severity],
                code: { value: f.ruleId, url: (0,rules/* ruleDocUrl */.Cg)(f.ruleId) },
                ...(sugg.length > 0 ? { suggestions: sugg } : {}),
                ...(f.related.length > 0
                    ? { related_locations: f.related.map((r) => ({ message: r.message, location: { path: r.span.file.path, range: range(r.span.file, r.span.start, r.span.end) } })) }
                    : {}),
            };
        }),
    };
}


/***/ })

};
;