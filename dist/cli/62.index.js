"use strict";
exports.id = 62;
exports.ids = [62];
exports.modules = {

/***/ 6062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SCHEMA_URL: () => (/* binding */ SCHEMA_URL),
/* harmony export */   starterConfig: () => (/* binding */ starterConfig)
/* harmony export */ });
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4998);
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(376);
/**
 * `ptrace-doctor init`: a commented starter .ptrace-doctor.yaml written from
 * the current findings. Every active line is a default, so the next run
 * reports what this one did; the rules that found something and an exception
 * for each place they found it are there as comments, ready to uncomment.
 */


const SCHEMA_URL = 'https://raw.githubusercontent.com/ptrace-doctor/ptrace-doctor/main/schema/ptrace-doctor.schema.json';
const DOCS_URL = 'https://github.com/ptrace-doctor/ptrace-doctor#configuration-file';
const MAX_EXCEPTIONS = 25;
/** A YAML double-quoted scalar (JSON strings are YAML), safe inside a comment line too: no line breaks. */
function y(s) {
    return JSON.stringify(s).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** The service name an exception can use for a finding's container, from the launch id. */
function serviceOf(launch) {
    if (!launch)
        return undefined;
    const tail = launch.slice(launch.indexOf('#') + 1);
    if (launch.startsWith('compose:'))
        return tail;
    if (launch.startsWith('kubernetes:'))
        return tail.split('/').slice(0, -1).join('/') || undefined;
    return undefined;
}
function plural(n, w) {
    return `${n} ${w}${n === 1 ? '' : 's'}`;
}
function starterConfig(findings) {
    const out = [];
    out.push('# .ptrace-doctor.yaml: settings for ptrace-doctor, ' + DOCS_URL);
    out.push(`# yaml-language-server: $schema=${SCHEMA_URL}`);
    out.push('#');
    out.push(`# Written by \`ptrace-doctor init\` from the ${plural(findings.length, 'finding')} of this repository.`);
    out.push('# Every active line is a default: the next run reports what this one did.');
    out.push('# Uncomment what you want; `ptrace-doctor explain PTD001` shows what a rule is about.');
    out.push('');
    out.push('# Exit 1 when a finding is at or above this severity: error, warning, note, or never.');
    out.push('fail-on: error');
    out.push('');
    out.push('# Per rule (id or slug): off, or the severity its findings get (error, warning, note).');
    const byRule = new Map();
    for (const f of findings)
        byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    const found = _rules_index_js__WEBPACK_IMPORTED_MODULE_1__/* .RULES */ .y0.filter((r) => byRule.has(r.id));
    out.push('rules:');
    if (found.length === 0)
        out.push('  # No rule found anything. For example, to turn one off:', '  # PTD010: off');
    for (const r of found) {
        const fs = byRule.get(r.id);
        const first = (0,_source_js__WEBPACK_IMPORTED_MODULE_0__/* .toLocation */ .nc)(fs[0].span);
        const sev = [...new Set(fs.map((f) => f.severity))].join('/');
        out.push(`  # ${r.id} ${r.slug}: ${plural(fs.length, 'finding')} (${sev}), e.g. ${y(`${first.path}:${first.startLine}`)}; ${r.title}`);
        out.push(`  # ${r.id}: ${r.defaultSeverity === 'note' ? 'off' : 'note'}`);
    }
    out.push('');
    out.push('# Paths not to scan: globs relative to this file; a pattern without a slash matches at any depth.');
    out.push('exclude:');
    out.push('  # - "vendor/**"');
    out.push('  # - testdata');
    out.push('');
    out.push('# Exceptions for one path or one container, each with the reason it is fine there.');
    out.push('# A finding they cover is reported as suppressed (with the reason), not as a problem.');
    out.push('suppress:');
    const seen = new Set();
    let n = 0;
    for (const f of findings) {
        if (f.ruleId === 'PTD900' || f.ruleId === 'PTD901')
            continue;
        const service = serviceOf(f.launch);
        const path = (0,_source_js__WEBPACK_IMPORTED_MODULE_0__/* .toLocation */ .nc)(f.span).path;
        const key = `${f.ruleId}\0${service ?? ''}\0${service ? '' : path}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        if (++n > MAX_EXCEPTIONS) {
            out.push('  # (more places with findings are not listed)');
            break;
        }
        out.push(`  # - rules: [${f.ruleId}]`);
        out.push(service ? `  #   services: [${y(service)}]` : `  #   paths: [${y(path)}]`);
        out.push(`  #   reason: ${y(`why ${f.ruleId} is fine ${service ? `for ${service}` : `in ${path}`}`)}`);
    }
    if (n === 0)
        out.push('  # - rules: [PTD003]', '  #   services: ["dind"]', '  #   reason: "runs Docker in Docker, which needs privileged"');
    return out.join('\n') + '\n';
}


/***/ })

};
;