"use strict";
exports.id = 672;
exports.ids = [672];
exports.modules = {

/***/ 5672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ConfigError: () => (/* reexport */ find/* ConfigError */.xL),
  effectiveConfig: () => (/* binding */ effectiveConfig),
  loadConfig: () => (/* binding */ loadConfig),
  loadConfigFile: () => (/* binding */ loadConfigFile)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/find.ts
var find = __webpack_require__(5023);
// EXTERNAL MODULE: ./src/parse/yaml-lib.ts
var yaml_lib = __webpack_require__(3078);
// EXTERNAL MODULE: ./src/parse/lazy-lib.ts
var lazy_lib = __webpack_require__(4083);
// EXTERNAL MODULE: ./src/source.ts
var src_source = __webpack_require__(4998);
// EXTERNAL MODULE: ./src/rules/index.ts + 22 modules
var rules = __webpack_require__(376);
;// CONCATENATED MODULE: ./src/config/validate.ts



const TOP_KEYS = ['$schema', 'fail-on', 'rules', 'exclude', 'suppress'];
const ENTRY_KEYS = ['rules', 'paths', 'services', 'reason'];
const SETTINGS = ['error', 'warning', 'note', 'off'];
const FAIL_ON = ['error', 'warning', 'note', 'never'];
/** Quote a value from the file for a message: JSON-escaped (no control characters reach the terminal), at most 60 characters. */
function q(s) {
    const t = s.length > 60 ? `${s.slice(0, 57)}…` : s;
    return JSON.stringify(t);
}
function distance(a, b) {
    const d = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = d[0];
        d[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const cur = d[j];
            d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = cur;
        }
    }
    return d[b.length];
}
function suggest(word, among) {
    let best;
    let bestD = Infinity;
    for (const c of among) {
        const dd = distance(word.toLowerCase(), c.toLowerCase());
        if (dd < bestD) {
            bestD = dd;
            best = c;
        }
    }
    return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? `; did you mean ${q(best)}?` : '';
}
const RULE_NAMES = [...rules/* RULES */.y0.map((r) => r.id), ...rules/* RULES */.y0.map((r) => r.slug)];
function validateConfigText(text, name = '.ptrace-doctor.yaml') {
    const file = (0,src_source/* makeSourceFile */.AN)(name, name, 'compose', text);
    const problems = [];
    const at = (offset, path, message) => {
        const p = (0,src_source/* positionAt */.t$)(file, offset ?? 0);
        problems.push({ line: p.line, column: p.column, path, message });
    };
    const fail = () => ({ ok: false, problems: problems.slice(0, 50) });
    let docs;
    try {
        const parsed = (0,yaml_lib/* parseAllDocuments */.hR)(text, { prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2' });
        docs = (Array.isArray(parsed) ? parsed : [parsed]);
    }
    catch (e) {
        at(0, '', `could not be parsed as YAML: ${e.message.split('\n')[0]}`);
        return fail();
    }
    for (const d of docs) {
        for (const e of [...d.errors, ...d.warnings])
            at(e.pos[0], '', `is not valid YAML: ${e.message.split('\n')[0]}`);
    }
    if (problems.length > 0)
        return fail();
    if (docs.length > 1) {
        at(docs[1].range?.[0], '', 'holds more than one YAML document; the configuration is one document');
        return fail();
    }
    const config = { rules: new Map(), exclude: [], suppress: [] };
    const root = docs[0]?.contents;
    if (!root || ((0,yaml_lib/* isScalar */.jn)(root) && root.value === null))
        return { ok: true, config };
    // Anchors, aliases and tags: refused everywhere (an alias bomb must never be expanded).
    const refuseSpecial = (n, path) => {
        if ((0,yaml_lib/* isAlias */.Vj)(n)) {
            at(n.range?.[0], path, 'uses a YAML alias; anchors and aliases are not supported in the configuration');
            return true;
        }
        const node = n;
        if (node?.anchor) {
            at(node.range?.[0], path, 'defines a YAML anchor; anchors and aliases are not supported in the configuration');
            return true;
        }
        if (node?.tag && !/^tag:yaml\.org,2002:(str|map|seq|null|bool|int|float)$/.test(node.tag)) {
            at(node.range?.[0], path, `has the tag ${q(node.tag)}, which the configuration does not support`);
            return true;
        }
        return false;
    };
    const start = (n) => n?.range?.[0];
    const isNull = (n) => n === null || n === undefined || ((0,yaml_lib/* isScalar */.jn)(n) && n.value === null);
    const str = (n) => ((0,yaml_lib/* isScalar */.jn)(n) && typeof n.value === 'string' ? n.value : undefined);
    const typeName = (n) => {
        if ((0,yaml_lib/* isMap */.jh)(n))
            return 'a mapping';
        if ((0,yaml_lib/* isSeq */.oP)(n))
            return 'a list';
        if (isNull(n))
            return 'empty';
        const v = n.value;
        return typeof v === 'string' ? `the text ${q(v)}` : `${typeof v} ${String(v)}`;
    };
    const keyOf = (p, path) => {
        if (refuseSpecial(p.key, path))
            return undefined;
        const k = (0,yaml_lib/* isScalar */.jn)(p.key) ? p.key.value : undefined;
        if (k === null || k === undefined || typeof k === 'object') {
            at(start(p.key) ?? start(p.value), path, 'has a key that is not a name');
            return undefined;
        }
        return String(k);
    };
    /** A list of non-empty strings (or of rule names). */
    const list = (n, path, what) => {
        if (refuseSpecial(n, path))
            return undefined;
        if (!(0,yaml_lib/* isSeq */.oP)(n)) {
            at(start(n), path, `must be a list, got ${typeName(n)}${what === 'rule' ? ' (write [PTD001, PTD003])' : ''}`);
            return undefined;
        }
        const out = [];
        let ok = true;
        n.items.forEach((item, i) => {
            const ip = `${path}[${i}]`;
            if (refuseSpecial(item, ip)) {
                ok = false;
                return;
            }
            const s = str(item);
            if (s === undefined) {
                at(start(item) ?? start(n), ip, `must be text, got ${typeName(item)}${(0,yaml_lib/* isScalar */.jn)(item) ? ' (quote it)' : ''}`);
                ok = false;
                return;
            }
            if (what === 'rule') {
                if (!RULE_NAMES.includes(s)) {
                    at(start(item), ip, `${q(s)} is no rule id or slug${suggest(s, RULE_NAMES)}`);
                    ok = false;
                    return;
                }
                out.push((0,rules/* resolveRule */.rj)(s));
                return;
            }
            if (s.length === 0) {
                at(start(item), ip, `must not be empty`);
                ok = false;
                return;
            }
            out.push(s);
        });
        return ok ? out : undefined;
    };
    if (refuseSpecial(root, ''))
        return fail();
    if (!(0,yaml_lib/* isMap */.jh)(root)) {
        at(start(root), '', `must be a mapping of settings (fail-on, rules, exclude, suppress), got ${typeName(root)}`);
        return fail();
    }
    for (const p of root.items) {
        if (!(0,yaml_lib/* isPair */.tO)(p))
            continue;
        const key = keyOf(p, '');
        if (key === undefined)
            continue;
        const v = p.value;
        if (!TOP_KEYS.includes(key)) {
            at(start(p.key), key, `unknown key ${q(key)}: the configuration takes ${TOP_KEYS.filter((k) => k !== '$schema').join(', ')}${suggest(key, TOP_KEYS)}`);
            continue;
        }
        if (refuseSpecial(v, key))
            continue;
        switch (key) {
            case '$schema':
                if (str(v) === undefined)
                    at(start(v) ?? start(p.key), key, `must be text, got ${typeName(v)}`);
                break;
            case 'fail-on': {
                const s = str(v);
                if (s === undefined || !FAIL_ON.includes(s))
                    at(start(v) ?? start(p.key), key, `must be one of ${FAIL_ON.join(', ')}, got ${typeName(v)}${s ? suggest(s, FAIL_ON) : ''}`);
                else
                    config.failOn = s;
                break;
            }
            case 'rules': {
                if (isNull(v))
                    break;
                if (!(0,yaml_lib/* isMap */.jh)(v)) {
                    at(start(v), key, `must be a mapping of rule ids or slugs to ${SETTINGS.join(', ')}, got ${typeName(v)}`);
                    break;
                }
                const named = new Map();
                for (const rp of v.items) {
                    if (!(0,yaml_lib/* isPair */.tO)(rp))
                        continue;
                    const rk = keyOf(rp, key);
                    if (rk === undefined)
                        continue;
                    const path = `rules.${rk}`;
                    if (!RULE_NAMES.includes(rk)) {
                        at(start(rp.key), path, `${q(rk)} is no rule id or slug${suggest(rk, RULE_NAMES)} (ptrace-doctor --list-rules lists them)`);
                        continue;
                    }
                    if (refuseSpecial(rp.value, path))
                        continue;
                    const s = str(rp.value);
                    if (s === undefined || !SETTINGS.includes(s)) {
                        at(start(rp.value) ?? start(rp.key), path, `must be one of ${SETTINGS.join(', ')}, got ${typeName(rp.value)}${s ? suggest(s, SETTINGS) : ''}`);
                        continue;
                    }
                    const id = (0,rules/* resolveRule */.rj)(rk);
                    const before = named.get(id);
                    if (before !== undefined) {
                        at(start(rp.key), path, `names the same rule as ${q(before)} (${id})`);
                        continue;
                    }
                    named.set(id, rk);
                    config.rules.set(id, s);
                }
                break;
            }
            case 'exclude': {
                if (isNull(v))
                    break;
                const globs = list(v, key, 'glob');
                if (globs)
                    config.exclude.push(...globs);
                break;
            }
            case 'suppress': {
                if (isNull(v))
                    break;
                if (!(0,yaml_lib/* isSeq */.oP)(v)) {
                    at(start(v), key, `must be a list of exceptions (each with paths or services, and a reason), got ${typeName(v)}`);
                    break;
                }
                v.items.forEach((item, i) => {
                    const path = `suppress[${i}]`;
                    if (refuseSpecial(item, path))
                        return;
                    if (!(0,yaml_lib/* isMap */.jh)(item)) {
                        at(start(item) ?? start(v), path, `must be a mapping with paths or services, and a reason, got ${typeName(item)}`);
                        return;
                    }
                    const range = item.range;
                    const entry = { line: (0,src_source/* positionAt */.t$)(file, start(item) ?? 0).line, start: range?.[0] ?? 0, end: range?.[1] ?? range?.[0] ?? 0 };
                    let ok = true;
                    for (const ep of item.items) {
                        if (!(0,yaml_lib/* isPair */.tO)(ep))
                            continue;
                        const ek = keyOf(ep, path);
                        if (ek === undefined) {
                            ok = false;
                            continue;
                        }
                        const kp = `${path}.${ek}`;
                        if (!ENTRY_KEYS.includes(ek)) {
                            at(start(ep.key), kp, `unknown key ${q(ek)}: an exception takes ${ENTRY_KEYS.join(', ')}${suggest(ek, ENTRY_KEYS)}`);
                            ok = false;
                            continue;
                        }
                        if (refuseSpecial(ep.value, kp)) {
                            ok = false;
                            continue;
                        }
                        if (ek === 'reason') {
                            const s = str(ep.value);
                            if (s === undefined || !/\S/.test(s)) {
                                at(start(ep.value) ?? start(ep.key), kp, `must say why (non-empty text), got ${typeName(ep.value)}`);
                                ok = false;
                                continue;
                            }
                            entry.reason = s;
                            continue;
                        }
                        const l = list(ep.value, kp, ek === 'rules' ? 'rule' : ek === 'paths' ? 'glob' : 'name');
                        if (!l) {
                            ok = false;
                            continue;
                        }
                        if (l.length === 0) {
                            at(start(ep.value), kp, 'must not be an empty list');
                            ok = false;
                            continue;
                        }
                        entry[ek] = l;
                    }
                    if (entry.reason === undefined && !item.items.some((ep) => (0,yaml_lib/* isPair */.tO)(ep) && str(ep.key) === 'reason')) {
                        at(start(item), path, 'needs a reason: say why the exception is fine');
                        ok = false;
                    }
                    if (!item.items.some((ep) => (0,yaml_lib/* isPair */.tO)(ep) && (str(ep.key) === 'paths' || str(ep.key) === 'services'))) {
                        at(start(item), path, 'needs paths or services: which findings it is for');
                        ok = false;
                    }
                    if (ok)
                        config.suppress.push(entry);
                });
                break;
            }
        }
    }
    return problems.length > 0 ? fail() : { ok: true, config };
}
/** One line per problem: `file:line:col: key: message`. */
function formatProblems(name, problems) {
    return problems.map((p) => `${name}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n');
}

;// CONCATENATED MODULE: ./src/config/load.ts
/**
 * Loading .ptrace-doctor.yaml: read (find.ts), validate (validate.ts) and
 * compile its globs into the EffectiveConfig the engine applies.
 * `--config FILE` (the Action's `config` input) names the file instead of the
 * search, `--no-config` turns the search off. Globs in the file are relative
 * to the directory that holds it.
 */







const picomatch = (0,lazy_lib/* lazyLibrary */.A)('picomatch', () => __webpack_require__.e(/* import() */ 6).then(__webpack_require__.t.bind(__webpack_require__, 4006, 23)));
/** A matcher for globs relative to `base`, applied to paths relative to `root`. */
async function globMatcher(globs, base, root) {
    await picomatch.load();
    // A CommonJS package: import() gives its module.exports as `default`.
    const create = picomatch.get().default;
    const patterns = globs.map((g) => g.replace(/^\.\//, '').replace(/^\//, '').replace(/\/+$/, '')).filter((g) => g !== '');
    const isMatch = create(patterns, { dot: true, basename: true });
    const prefix = (0,external_node_path_.relative)(base, root).split(external_node_path_.sep).join('/');
    return (path) => {
        const full = prefix ? `${prefix}/${path}` : path;
        // The path itself or one of its directories.
        for (let p = full; p !== ''; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '')
            if (isMatch(p))
                return true;
        return false;
    };
}
/** The configuration as the engine applies it, from the validated file. */
async function effectiveConfig(raw, source, root, displayName, text) {
    const dir = (0,external_node_path_.dirname)(source);
    // The file as findings name it: relative to the scanned root when it is in the repository (as every other path is).
    const inRepo = (0,find/* isInside */.FK)((0,external_node_path_.resolve)(root), (0,external_node_path_.resolve)(source));
    const file = text === undefined ? undefined : (0,src_source/* makeSourceFile */.AN)(inRepo ? (0,external_node_path_.relative)((0,external_node_path_.resolve)(root), source).split(external_node_path_.sep).join('/') : displayName, source, 'compose', text);
    // Globs are relative to the file's directory when the scan is under it, else to the scanned root.
    const base = (0,find/* isInside */.FK)(dir, (0,external_node_path_.resolve)(root)) ? dir : (0,external_node_path_.resolve)(root);
    const suppress = [];
    for (const s of raw.suppress) {
        suppress.push({
            ...(s.rules ? { rules: s.rules } : {}),
            ...(s.paths ? { paths: await globMatcher(s.paths, base, root) } : {}),
            ...(s.services ? { services: s.services } : {}),
            reason: s.reason,
            where: `${displayName}:${s.line}`,
            ...(file ? { span: { file, start: s.start, end: s.end } } : {}),
        });
    }
    return {
        source,
        rules: raw.rules,
        ...(raw.failOn ? { failOn: raw.failOn } : {}),
        ...(raw.exclude.length > 0 ? { exclude: await globMatcher(raw.exclude, base, root) } : {}),
        suppress,
    };
}
/** Read, validate and compile one configuration file; a ConfigError says what is wrong, with the key and line. */
async function loadConfigFile(path, root, display = (p) => p) {
    const text = (0,find/* readConfigFile */.RG)(path);
    await (0,yaml_lib/* loadYaml */.yv)();
    const shown = display(path);
    const v = validateConfigText(text, shown);
    if (!v.ok)
        throw new find/* ConfigError */.xL(`${shown} is not a valid configuration:\n${formatProblems(shown, v.problems)}`);
    return effectiveConfig(v.config, path, root, shown, text);
}
/** Find (unless told which), read, validate and compile the configuration. */
async function loadConfig(opts) {
    if (opts.none)
        return {};
    const path = opts.explicit ?? (0,find/* findConfig */.u0)(opts);
    if (path === undefined)
        return {};
    return { config: await loadConfigFile(path, opts.root, opts.display), path };
}


/***/ })

};
;