"use strict";
exports.id = 768;
exports.ids = [768];
exports.modules = {

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