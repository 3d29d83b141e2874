"use strict";
exports.id = 768;
exports.ids = [768];
exports.modules = {

/***/ 6768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadRuleDocs: () => (/* binding */ loadRuleDocs),
/* harmony export */   withAbsoluteLinks: () => (/* binding */ withAbsoluteLinks)
/* harmony export */ });
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(228);

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
                    const abs = new URL(href, _index_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCS_BASE */ .M0).href;
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


/***/ })

};
;