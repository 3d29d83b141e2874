"use strict";
exports.id = 291;
exports.ids = [291];
exports.modules = {

/***/ 7672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderTerminal: () => (/* binding */ renderTerminal),
/* harmony export */   withAbsoluteLinks: () => (/* binding */ withAbsoluteLinks)
/* harmony export */ });
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7496);

const ESC = { bold: '\x1b[1m', dim: '\x1b[2m', italic: '\x1b[3m', underline: '\x1b[4m', cyan: '\x1b[36m', blue: '\x1b[34m', reset: '\x1b[0m' };
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
/** Entities decoded, control characters made visible (safeTerminal): the text of a token, ready for the terminal. */
function decode(s) {
    return (0,_terminal_js__WEBPACK_IMPORTED_MODULE_0__/* .safeTerminal */ .C)(decodeEntities(s));
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
function wrap(text, width, first, rest) {
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
function renderTerminal(markdown, lexer, opts = {}) {
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
                    const href = (0,_terminal_js__WEBPACK_IMPORTED_MODULE_0__/* .safeTerminal */ .C)(l.href);
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
                    parts.push(wrap(inline(t.tokens), width, indent, indent));
                    break;
                case 'text':
                    parts.push(wrap(inline(t.tokens ?? [t]), width, indent, indent));
                    break;
                case 'code': {
                    const body = (0,_terminal_js__WEBPACK_IMPORTED_MODULE_0__/* .safeTerminal */ .C)(t.text.replace(/\n$/, '').replace(/\t/g, '    '));
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
                        parts.push(wrap(inline(g.tokens), width, indent, indent));
                    else if (g.text)
                        parts.push(`${indent}${decode(g.text)}`);
                }
            }
        }
        return parts;
    };
    return block(lexer(markdown), '').join('\n\n') + '\n';
}
/**
 * The page with its relative links made absolute (`base` is the address of
 * docs/rules/ on GitHub), for places that show it away from docs/rules/.
 * Links are found as the lexer parses them, then their source is rewritten.
 */
function withAbsoluteLinks(markdown, lexer, base) {
    const links = new Map();
    const walk = (tokens) => {
        for (const t of tokens ?? []) {
            if (t.type === 'link') {
                const href = t.href;
                if (!/^[a-z][a-z0-9+.-]*:|^#/i.test(href))
                    links.set(t.raw, t.raw.replace(`(${href}`, `(${new URL(href, base).href}`));
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


/***/ })

};
;