export const id = 847;
export const ids = [847];
export const modules = {

/***/ 7847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ruleHelp: () => (/* binding */ ruleHelp)
});

// EXTERNAL MODULE: ./src/rules/index.ts + 17 modules
var rules = __webpack_require__(228);
;// CONCATENATED MODULE: ./src/rules/docs.ts

async function loadRuleDocs() {
    return (await __webpack_require__.e(/* import() */ 443).then(__webpack_require__.bind(__webpack_require__, 4443))).RULE_DOCS;
}
/**
 * The page with its relative links made absolute (to the repository on
 * GitHub), for places that show it away from docs/rules/: SARIF help in
 * code scanning. `lexer` is marked's; links are found as it parses them.
 */
function withAbsoluteLinks(markdown, lexer) {
    const links = new Map();
    const walk = (tokens) => {
        for (const t of tokens ?? []) {
            if (t.type === 'link') {
                const href = t.href;
                if (!/^[a-z][a-z0-9+.-]*:|^#/i.test(href)) {
                    const abs = new URL(href, rules/* DOCS_BASE */.M0).href;
                    links.set(t.raw, t.raw.replace(`(${href}`, `(${abs}`));
                }
            }
            const nested = t;
            walk(nested.tokens);
            for (const i of nested.items ?? [])
                walk(i.tokens);
            for (const h of nested.header ?? [])
                walk(h.tokens);
            for (const r of nested.rows ?? [])
                for (const cell of r)
                    walk(cell.tokens);
        }
    };
    walk(lexer(markdown));
    let out = markdown;
    for (const [raw, abs] of links)
        out = out.split(raw).join(abs);
    return out;
}

// EXTERNAL MODULE: ./src/parse/lazy-lib.ts
var lazy_lib = __webpack_require__(4083);
// EXTERNAL MODULE: ./src/report/common.ts
var common = __webpack_require__(4069);
;// CONCATENATED MODULE: ./src/report/text.ts
/** Human output: findings grouped by file, each with its fix as a diff. */



const C = { red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', dim: '\x1b[2m', bold: '\x1b[1m', green: '\x1b[32m', reset: '\x1b[0m' };
/** Keep control characters from the scanned repository out of the terminal. */
function safeTerminal(s) {
    return s.replace(/[\x00-\x08\x0b-\x1f\x7f\x9b]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
function wrap(text, width, indent) {
    const words = text.split(/\s+/);
    const lines = [];
    let cur = '';
    for (const w of words) {
        if (cur && cur.length + 1 + w.length > width) {
            lines.push(cur);
            cur = w;
        }
        else
            cur = cur ? `${cur} ${w}` : w;
    }
    if (cur)
        lines.push(cur);
    return lines.map((l) => indent + l).join('\n');
}
function formatText(findings, opts = {}) {
    const col = (c, s) => (opts.color ? `${C[c]}${s}${C.reset}` : s);
    const sevColor = { error: 'red', warning: 'yellow', note: 'blue' };
    const byFile = new Map();
    for (const f of findings)
        byFile.set(f.span.file.path, [...(byFile.get(f.span.file.path) ?? []), f]);
    let out = '';
    for (const [path, fs] of byFile) {
        out += `${col('bold', safeTerminal(path))}\n`;
        for (const f of fs) {
            const loc = location(f);
            out += `  ${loc.startLine}:${loc.startColumn}  ${col(sevColor[f.severity], f.severity.padEnd(7))} ${col('bold', f.ruleId)} ${f.title}\n`;
            out += safeTerminal(wrap(f.message, 96, '      ')) + '\n';
            for (const r of f.related) {
                const rl = toLocation(r.span);
                out += col('dim', `      ↳ ${safeTerminal(rl.path)}:${rl.startLine}: ${safeTerminal(r.message)}`) + '\n';
            }
            const diff = fixDiff(f) ?? '';
            if (f.fix && diff) {
                out += `      ${col('green', 'Fix')}: ${safeTerminal(f.fix.description)}\n`;
                for (const line of diff.trimEnd().split('\n')) {
                    const c = line.startsWith('+') && !line.startsWith('+++') ? 'green' : line.startsWith('-') && !line.startsWith('---') ? 'red' : 'dim';
                    out += `      ${col(c, safeTerminal(line))}\n`;
                }
            }
            out += col('dim', `      ${ruleDocUrl(f.ruleId)}`) + '\n\n';
        }
    }
    const c = counts(findings);
    const fixable = findings.filter((f) => f.fix).length;
    const hidden = [
        ...(opts.suppressed ? [`${opts.suppressed} suppressed`] : []),
        ...(opts.baseline ? [`${opts.baseline} in the baseline`] : []),
    ];
    out += c.total === 0
        ? col('green', 'No debugger problems found') + (hidden.length > 0 ? ` (${hidden.join(', ')})` : '') + '.\n'
        : `${c.total} finding${c.total === 1 ? '' : 's'} (${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.note} note${c.note === 1 ? '' : 's'})` +
            (fixable > 0 ? `; ${fixable} fixable with --fix` : '') + (hidden.length > 0 ? `; ${hidden.join(', ')}` : '') + '\n';
    return out;
}

;// CONCATENATED MODULE: ./src/report/terminal-markdown.ts


const marked = (0,lazy_lib/* lazyLibrary */.A)('marked', () => __webpack_require__.e(/* import() */ 22).then(__webpack_require__.bind(__webpack_require__, 8022)));
const loadMarked = marked.load;
const ESC = { bold: '\x1b[1m', dim: '\x1b[2m', italic: '\x1b[3m', underline: '\x1b[4m', cyan: '\x1b[36m', blue: '\x1b[34m', reset: '\x1b[0m' };
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
/** Entities decoded, control characters made visible (safeTerminal): the text of a token, ready for the terminal. */
function decode(s) {
    return safeTerminal(decodeEntities(s));
}
function decodeEntities(s) {
    let out = '';
    for (let i = 0; i < s.length; i++) {
        if (s[i] === '&') {
            const semi = s.indexOf(';', i);
            const name = semi > i ? s.slice(i + 1, semi) : '';
            if (name in ENTITIES) {
                out += ENTITIES[name];
                i = semi;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}
/** Visible length: without colour escapes. */
function visible(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
        if (s[i] === '\x1b') {
            while (i < s.length && s[i] !== 'm')
                i++;
            continue;
        }
        n++;
    }
    return n;
}
function terminal_markdown_wrap(text, width, first, rest) {
    const lines = [];
    for (const hard of text.split('\n')) {
        let cur = '';
        let curLen = 0;
        for (const word of hard.split(/ +/).filter((w) => w !== '')) {
            const wl = visible(word);
            const indent = lines.length === 0 && cur === '' ? first : rest;
            if (cur !== '' && visible(indent) + curLen + 1 + wl > width) {
                lines.push(cur);
                cur = word;
                curLen = wl;
            }
            else {
                cur = cur === '' ? word : `${cur} ${word}`;
                curLen += (curLen === 0 ? 0 : 1) + wl;
            }
        }
        lines.push(cur);
    }
    return lines.map((l, i) => (i === 0 ? first : rest) + l).join('\n');
}
function renderTerminal(markdown, opts = {}) {
    const { lexer } = marked.get();
    const width = opts.width ?? 80;
    const c = (code, s) => (opts.color ? `${ESC[code]}${s}${ESC.reset}` : s);
    const inline = (tokens) => {
        let out = '';
        for (const t of tokens ?? []) {
            switch (t.type) {
                case 'text': {
                    const tt = t;
                    out += tt.tokens ? inline(tt.tokens) : decode(tt.text);
                    break;
                }
                case 'escape':
                    out += decode(t.text);
                    break;
                case 'strong':
                    out += c('bold', inline(t.tokens));
                    break;
                case 'em':
                    out += c('italic', inline(t.tokens));
                    break;
                case 'del':
                    out += inline(t.tokens);
                    break;
                // Code in colour, or between backticks as the findings' own messages write it (no run-on prose without colour).
                case 'codespan':
                    out += opts.color ? c('cyan', decode(t.text)) : `\`${decode(t.text)}\``;
                    break;
                case 'br':
                    out += '\n';
                    break;
                case 'link': {
                    const l = t;
                    const text = inline(l.tokens);
                    const plain = decode(l.text);
                    const href = safeTerminal(l.href);
                    out += l.autolink || plain === l.href || text === href ? c('blue', href) : `${text} <${c('blue', href)}>`;
                    break;
                }
                case 'image':
                    out += `[image: ${decode(t.text)}]`;
                    break;
                case 'html': break; // inline HTML (comments, tags) is not for a terminal
                default: out += decode(t.text ?? '');
            }
        }
        return out;
    };
    const block = (tokens, indent) => {
        const parts = [];
        for (const t of tokens) {
            switch (t.type) {
                case 'space': break;
                case 'heading': {
                    const h = t;
                    const text = inline(h.tokens);
                    const rule = (h.depth === 1 ? '═' : '─').repeat(Math.min(width, visible(text)));
                    parts.push(h.depth <= 2 ? `${indent}${c('bold', text)}\n${indent}${c('dim', rule)}` : `${indent}${c('bold', text)}`);
                    break;
                }
                case 'paragraph':
                    parts.push(terminal_markdown_wrap(inline(t.tokens), width, indent, indent));
                    break;
                case 'text':
                    parts.push(terminal_markdown_wrap(inline(t.tokens ?? [t]), width, indent, indent));
                    break;
                case 'code': {
                    const body = safeTerminal(t.text.replace(/\n$/, '').replace(/\t/g, '    '));
                    parts.push(body.split('\n').map((l) => `${indent}    ${c('cyan', l)}`).join('\n'));
                    break;
                }
                case 'blockquote':
                    parts.push(block(t.tokens, `${indent}│ `).join('\n\n'));
                    break;
                case 'list': {
                    const l = t;
                    const start = typeof l.start === 'number' ? l.start : 1;
                    const items = l.items.map((item, i) => {
                        const bullet = l.ordered ? `${start + i}. ` : '• ';
                        const inner = block(item.tokens, `${indent}${' '.repeat(bullet.length + 2)}`).join(item.loose ? '\n\n' : '\n');
                        // The first line carries the bullet in place of its indentation.
                        return `${indent}  ${bullet}${inner.slice(indent.length + bullet.length + 2)}`;
                    });
                    parts.push(items.join(l.loose ? '\n\n' : '\n'));
                    break;
                }
                case 'table': {
                    const tb = t;
                    const rows = [tb.header.map((h) => inline(h.tokens)), ...tb.rows.map((r) => r.map((cell) => inline(cell.tokens)))];
                    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => visible(r[i] ?? ''))));
                    const line = (r) => `${indent}${r.map((cell, i) => cell + ' '.repeat(widths[i] - visible(cell))).join('  ').trimEnd()}`;
                    parts.push([line(rows[0].map((h) => c('bold', h))), `${indent}${widths.map((w) => '─'.repeat(w)).join('  ')}`, ...rows.slice(1).map(line)].join('\n'));
                    break;
                }
                case 'hr':
                    parts.push(`${indent}${c('dim', '─'.repeat(Math.min(width, 40)))}`);
                    break;
                case 'html': break;
                default: {
                    const g = t;
                    if (g.tokens)
                        parts.push(terminal_markdown_wrap(inline(g.tokens), width, indent, indent));
                    else if (g.text)
                        parts.push(`${indent}${decode(g.text)}`);
                }
            }
        }
        return parts;
    };
    return block(lexer(markdown), '').join('\n\n') + '\n';
}

;// CONCATENATED MODULE: ./src/report/help.ts
/**
 * Each rule's full page for SARIF's `help` (GitHub code scanning shows
 * help, not helpUri): Markdown with its links made absolute, and the same
 * page as plain text. Loads the embedded pages and marked (chunks of their
 * own), so only SARIF output pays for them.
 */


async function ruleHelp() {
    const [docs] = await Promise.all([loadRuleDocs(), loadMarked()]);
    const { lexer } = await __webpack_require__.e(/* import() */ 22).then(__webpack_require__.bind(__webpack_require__, 8022));
    const out = new Map();
    for (const [id, page] of Object.entries(docs)) {
        const markdown = withAbsoluteLinks(page, lexer);
        out.set(id, { markdown, text: renderTerminal(markdown, { color: false, width: 100 }) });
    }
    return out;
}


/***/ })

};
