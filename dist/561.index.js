export const id = 561;
export const ids = [561];
export const modules = {

/***/ 8561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ruleHelp: () => (/* binding */ ruleHelp)
});

;// CONCATENATED MODULE: ./src/rules/docs.ts
async function loadRuleDocs() {
    const m = await __webpack_require__.e(/* import() */ 443).then(__webpack_require__.bind(__webpack_require__, 4443));
    return { pages: m.RULE_DOCS, help: m.RULE_HELP };
}

;// CONCATENATED MODULE: ./src/report/help.ts
/**
 * Each rule's full page for SARIF's `help` (GitHub code scanning shows
 * help, not helpUri): Markdown with its links made absolute, and the same
 * page as plain text, both rendered at bundle time (scripts/rule-docs.mjs),
 * so SARIF output only loads the chunk that holds them.
 */

async function ruleHelp() {
    return new Map(Object.entries((await loadRuleDocs()).help));
}


/***/ })

};
