"use strict";
exports.id = 491;
exports.ids = [491,768];
exports.modules = {

/***/ 9491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ruleHelp: () => (/* binding */ ruleHelp)
/* harmony export */ });
/* harmony import */ var _rules_docs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6768);
/**
 * Each rule's full page for SARIF's `help` (GitHub code scanning shows
 * help, not helpUri): Markdown with its links made absolute, and the same
 * page as plain text, both rendered at bundle time (scripts/rule-docs.mjs),
 * so SARIF output only loads the chunk that holds them.
 */

async function ruleHelp() {
    return new Map(Object.entries((await (0,_rules_docs_js__WEBPACK_IMPORTED_MODULE_0__.loadRuleDocs)()).help));
}


/***/ }),

/***/ 6768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadRuleDocs: () => (/* binding */ loadRuleDocs)
/* harmony export */ });
async function loadRuleDocs() {
    const m = await __webpack_require__.e(/* import() */ 443).then(__webpack_require__.bind(__webpack_require__, 4443));
    return { pages: m.RULE_DOCS, help: m.RULE_HELP };
}


/***/ })

};
;