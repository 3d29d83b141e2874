#!/usr/bin/env node
/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ 5940:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Argument = void 0;
class Argument {
    constructor(value, range) {
        this.value = value;
        this.range = range;
    }
    toString() {
        return this.value;
    }
    getRange() {
        return this.range;
    }
    getValue() {
        return this.value;
    }
    isAfter(position) {
        if (this.range.end.line < position.line) {
            return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
    }
    isBefore(position) {
        if (this.range.start.line < position.line) {
            return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
    }
}
exports.Argument = Argument;


/***/ }),

/***/ 4022:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Comment = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const line_1 = __nccwpck_require__(7005);
const util_1 = __nccwpck_require__(7459);
class Comment extends line_1.Line {
    constructor(document, range) {
        super(document, range);
    }
    toString() {
        const content = this.getContent();
        if (content) {
            return "# " + content;
        }
        return "#";
    }
    /**
     * Returns the content of this comment. This excludes leading and
     * trailing whitespace as well as the # symbol. If the comment only
     * consists of whitespace, the empty string will be returned.
     */
    getContent() {
        let range = this.getContentRange();
        if (range === null) {
            return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    /**
     * Returns a range that includes the content of the comment
     * excluding any leading and trailing whitespace as well as the #
     * symbol. May return null if the comment only consists of whitespace
     * characters.
     */
    getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        // skip the first # symbol
        for (let i = 1; i < raw.length; i++) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                start = i;
                break;
            }
        }
        if (start === -1) {
            return null;
        }
        // go backwards up to the first # symbol
        for (let i = raw.length - 1; i >= 1; i--) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                end = i + 1;
                break;
            }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
    }
}
exports.Comment = Comment;


/***/ }),

/***/ 9933:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";
/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Dockerfile = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const ast = __nccwpck_require__(8390);
const imageTemplate_1 = __nccwpck_require__(3520);
const from_1 = __nccwpck_require__(5377);
const util_1 = __nccwpck_require__(7459);
const main_1 = __nccwpck_require__(8390);
class Dockerfile extends imageTemplate_1.ImageTemplate {
    constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        /**
         * Whether a FROM instruction has been added to this Dockerfile or not.
         */
        this.foundFrom = false;
        this.document = document;
    }
    getEscapeCharacter() {
        for (const directive of this.directives) {
            if (directive.getDirective() === ast.Directive.escape) {
                const value = directive.getValue();
                if (value === '\\' || value === '`') {
                    return value;
                }
            }
        }
        return '\\';
    }
    getInitialARGs() {
        return this.initialInstructions.getARGs();
    }
    getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
            // not inside the document, invalid position
            return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
            if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
                return this.initialInstructions;
            }
        }
        for (const buildStage of this.buildStages) {
            if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
                return buildStage;
            }
        }
        return this;
    }
    addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
            this.currentBuildStage = new imageTemplate_1.ImageTemplate();
            this.buildStages.push(this.currentBuildStage);
            this.foundFrom = true;
        }
        else if (!this.foundFrom) {
            this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
            this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
    }
    setDirectives(directives) {
        this.directives = directives;
    }
    getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
    }
    getDirectives() {
        return this.directives;
    }
    resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
            let range = from.getRange();
            if (range.start.line <= line && line <= range.end.line) {
                // resolve the FROM variable against the initial ARGs
                let initialARGs = new imageTemplate_1.ImageTemplate();
                for (let instruction of this.initialInstructions.getARGs()) {
                    initialARGs.addInstruction(instruction);
                }
                return initialARGs.resolveVariable(variable, line);
            }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return undefined;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
            // refers to an uninitialized ARG variable,
            // try resolving it against the initial ARGs then
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
                initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
    }
    getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
            let variables = [];
            for (let arg of this.getInitialARGs()) {
                let property = arg.getProperty();
                if (property) {
                    variables.push(property.getName());
                }
            }
            return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
    }
    getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
            return null;
        }
        for (const from of this.getFROMs()) {
            if (from.getBuildStage() === imageName) {
                const range = from.getRange();
                // on the same line then it's an image that shares the name as the build stage
                if (range.start.line === templateFrom.getRange().start.line) {
                    return null;
                }
                return this.getContainingImage(range.start);
            }
        }
        return null;
    }
    getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
            stages.splice(0, 0, stage);
            stage = this.getParentStage(stage);
        }
        return stages;
    }
    getAvailableWorkingDirectories(line) {
        const availableDirectories = new Set();
        for (const image of this.getStageHierarchy(line)) {
            for (const workdir of image.getWORKDIRs()) {
                if (workdir.getRange().end.line < line) {
                    let directory = workdir.getAbsolutePath();
                    if (directory !== undefined && directory !== null) {
                        if (!directory.endsWith("/")) {
                            directory += "/";
                        }
                        availableDirectories.add(directory);
                    }
                }
            }
        }
        return Array.from(availableDirectories);
    }
    /**
     * Internally reorganize the comments in the Dockerfile and allocate
     * them to the relevant build stages that they belong to.
     */
    organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
            if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
                this.initialInstructions.addComment(comments[i]);
            }
            else {
                for (const buildStage of this.buildStages) {
                    if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                        buildStage.addComment(comments[i]);
                    }
                }
            }
        }
    }
    getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
            if (instructions.length > 0) {
                range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
            }
        }
        else if (instructions.length === 0) {
            range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        }
        else {
            const commentStart = comments[0].getRange().start;
            const commentEnd = comments[comments.length - 1].getRange().end;
            const instructionStart = instructions[0].getRange().start;
            const instructionEnd = instructions[instructions.length - 1].getRange().end;
            if (commentStart.line < instructionStart.line) {
                if (commentEnd.line < instructionEnd.line) {
                    range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
                }
                range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
            }
            else if (commentEnd.line < instructionEnd.line) {
                range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
            }
            else {
                range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
            }
        }
        if (range === null) {
            if (this.directives.length === 0) {
                return null;
            }
            return this.directives[0].getRange();
        }
        else if (this.directives.length === 0) {
            return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
    }
}
exports.Dockerfile = Dockerfile;


/***/ }),

/***/ 1077:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Flag = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const flagOption_1 = __nccwpck_require__(3700);
class Flag {
    constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
            let offset = document.offsetAt(valueRange.start);
            let nameStart = -1;
            let valueStart = -1;
            let hasOptions = false;
            for (let i = 0; i < value.length; i++) {
                switch (value.charAt(i)) {
                    case '=':
                        hasOptions = true;
                        if (valueStart === -1) {
                            valueStart = i + 1;
                            break;
                        }
                        break;
                    case ',':
                        this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                        nameStart = -1;
                        valueStart = -1;
                        break;
                    default:
                        if (nameStart === -1) {
                            nameStart = i;
                        }
                        break;
                }
            }
            if (hasOptions && nameStart !== -1) {
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
            }
        }
    }
    createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
            return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
    }
    toString() {
        if (this.valueRange) {
            return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
    }
    /**
     * Returns the range that encompasses this entire flag. This includes the
     * -- prefix in the beginning to the last character of the flag's value (if
     * it has been defined).
     *
     * @return the entire range of this flag
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the name of this flag. The name does not include the -- prefix.
     * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
     * not --interval.
     *
     * @return this flag's name
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range that encompasses the flag's name
     *
     * @return the range containing the flag's name
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the value that has been set to this flag. May be null if the
     * flag is invalid and has no value set like a --start-period. If the flag
     * is instead a --start-period= with an equals sign then the flag's value
     * is the empty string.
     *
     * @return this flag's value if it has been defined, null otherwise
     */
    getValue() {
        return this.value;
    }
    /**
     * Returns the range that encompasses this flag's value. If no value has
     * been set then null will be returned.
     *
     * @return the range containing this flag's value, or null if the flag
     *         has no value defined
     */
    getValueRange() {
        return this.valueRange;
    }
    getOption(name) {
        for (const option of this.options) {
            if (option.getName() === name) {
                return option;
            }
        }
        return null;
    }
    getOptions() {
        return this.options;
    }
    hasOptions() {
        return this.options.length > 0;
    }
}
exports.Flag = Flag;


/***/ }),

/***/ 3700:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FlagOption = void 0;
class FlagOption {
    constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
    }
    toString() {
        if (this.valueRange !== null) {
            return this.name + "=" + this.value;
        }
        return this.name;
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
}
exports.FlagOption = FlagOption;


/***/ }),

/***/ 7599:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Heredoc = void 0;
/**
 * Heredoc represents a here-document that has been embedded in a
 * Dockerfile.
 *
 * This API is experimental and subject to change.
 */
class Heredoc {
    constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
    }
    /**
     * Returns the name of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range of the start operator and the name. If the
     * here-document is initialized with <<EOT then the start range would
     * encompass all five characters.
     *
     * This API is experimental and subject to change.
     */
    getStartRange() {
        return this.startRange;
    }
    /**
     * Returns the range of this here-document's name that is declared at
     * the beginning of the here-document with the operator. If the
     * here-document is initialized with <<EOT then the name range would
     * encompass the latter three "EOT" characters.
     *
     * This API is experimental and subject to change.
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the content of this here-document. This may
     * be null if the here-document has no content because:
     * - the start range is the only thing that was declared
     * - the end range was declared immediately and there is no content
     *
     * This API is experimental and subject to change.
     */
    getContentRange() {
        return this.contentRange;
    }
    /**
     * Returns the range of the here-document's name on a line that
     * represents the end of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getDelimiterRange() {
        return this.endRange;
    }
}
exports.Heredoc = Heredoc;


/***/ }),

/***/ 3520:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";
/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ImageTemplate = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const arg_1 = __nccwpck_require__(4381);
const cmd_1 = __nccwpck_require__(5517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(1822);
const entrypoint_1 = __nccwpck_require__(4216);
const from_1 = __nccwpck_require__(5377);
const healthcheck_1 = __nccwpck_require__(1167);
const onbuild_1 = __nccwpck_require__(5554);
const util_1 = __nccwpck_require__(7459);
const workdir_1 = __nccwpck_require__(7529);
class ImageTemplate {
    constructor() {
        this.comments = [];
        this.instructions = [];
    }
    addComment(comment) {
        this.comments.push(comment);
    }
    getComments() {
        return this.comments;
    }
    addInstruction(instruction) {
        this.instructions.push(instruction);
    }
    getInstructions() {
        return this.instructions;
    }
    getInstructionAt(line) {
        for (let instruction of this.instructions) {
            if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the ARG instructions that are defined in this image.
     */
    getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof arg_1.Arg) {
                args.push(instruction);
            }
        }
        return args;
    }
    /**
     * Gets all the CMD instructions that are defined in this image.
     */
    getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof cmd_1.Cmd) {
                cmds.push(instruction);
            }
        }
        return cmds;
    }
    /**
     * Gets all the COPY instructions that are defined in this image.
     */
    getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof copy_1.Copy) {
                copies.push(instruction);
            }
        }
        return copies;
    }
    /**
     * Gets all the ENTRYPOINT instructions that are defined in this image.
     */
    getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof entrypoint_1.Entrypoint) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the ENV instructions that are defined in this image.
     */
    getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof env_1.Env) {
                args.push(instruction);
            }
        }
        return args;
    }
    getFROM() {
        for (const instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the FROM instructions that are defined in this image.
     */
    getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the HEALTHCHECK instructions that are defined in this image.
     */
    getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof healthcheck_1.Healthcheck) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
            if (instruction instanceof workdir_1.Workdir) {
                workdirs.push(instruction);
            }
        }
        return workdirs;
    }
    getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof onbuild_1.Onbuild) {
                let trigger = instruction.getTriggerInstruction();
                if (trigger) {
                    triggers.push(trigger);
                }
            }
        }
        return triggers;
    }
    getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
            if (arg.isBefore(currentLine)) {
                const property = arg.getProperty();
                if (property) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        for (const env of this.getENVs()) {
            if (env.isBefore(currentLine)) {
                for (const property of env.getProperties()) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        return variables;
    }
    /**
     * Resolves a variable with the given name at the specified line
     * to its value. If null is returned, then the variable has been
     * defined but no value was given. If undefined is returned, then
     * a variable with the given name has not been defined yet as of
     * the given line.
     *
     * @param variable the name of the variable to resolve
     * @param line the line number that the variable is on, zero-based
     * @return the value of the variable as defined by an ARG or ENV
     *         instruction, or null if no value has been specified, or
     *         undefined if a variable with the given name has not
     *         been defined
     */
    resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return property.getValue();
                    }
                }
            }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return property.getValue();
                }
            }
        }
        return undefined;
    }
    getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
            // all templates should have instructions, this only happens for
            // the initial set of instruction
            return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
    }
    contains(position) {
        const range = this.getRange();
        if (range === null) {
            return false;
        }
        return util_1.Util.isInsideRange(position, range);
    }
}
exports.ImageTemplate = ImageTemplate;


/***/ }),

/***/ 5279:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Instruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const util_1 = __nccwpck_require__(7459);
const line_1 = __nccwpck_require__(7005);
const argument_1 = __nccwpck_require__(5940);
const heredoc_1 = __nccwpck_require__(7599);
const variable_1 = __nccwpck_require__(3743);
const main_1 = __nccwpck_require__(8390);
class Instruction extends line_1.Line {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
    }
    toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
            value += ' ';
            value += arg.getValue();
        }
        return value;
    }
    getRangeContent(range) {
        if (range === null) {
            return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    getInstructionRange() {
        return this.instructionRange;
    }
    getInstruction() {
        return this.instruction;
    }
    getKeyword() {
        return this.getInstruction().toUpperCase();
    }
    getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
    }
    getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
            return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        switch (fullArgs.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                if (startPosition !== null) {
                                    ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                                }
                                startPosition = null;
                                start = true;
                                comment = false;
                                i = j;
                                break whitespaceCheck;
                            default:
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                        startPosition = null;
                    }
                    start = true;
                    comment = false;
                    i += 2;
                }
                else if (next === '\n') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i++;
                }
                else {
                    i++;
                }
            }
            else if (util_1.Util.isNewline(char)) {
                if (comment) {
                    startPosition = null;
                    start = true;
                    comment = false;
                }
            }
            else {
                if (!comment) {
                    if (startPosition === null) {
                        if (char === '#') {
                            comment = true;
                            continue;
                        }
                        let position = this.document.positionAt(offset + i);
                        if (position.character !== 0) {
                            startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                        }
                    }
                    end = i;
                }
            }
        }
        if (startPosition === null) {
            // should only happen if the last argument is on its own line with
            // no leading whitespace
            ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        }
        else {
            ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
    }
    getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
    }
    getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
            content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
    }
    getArguments() {
        return this.getRawArguments();
    }
    getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        // determines whether the parser has found a space or tab
        // whitespace character that's a part of an escaped newline sequence
        let escapedWhitespaceDetected = false;
        // determines if the parser is currently in an escaped newline sequence
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (util_1.Util.isWhitespace(char)) {
                if (escaping) {
                    escapedWhitespaceDetected = true;
                    if (util_1.Util.isNewline(char)) {
                        // reached a newline, any previously
                        // detected whitespace should be ignored
                        escapedWhitespaceDetected = false;
                        if (comment) {
                            // reached a newline, no longer in a comment
                            comment = false;
                            start = true;
                        }
                    }
                    continue;
                }
                else if (found !== -1) {
                    if (escapeMarker === -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
                    }
                    else {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                    }
                    escapeMarker = -1;
                    escapedArg = "";
                    found = -1;
                }
            }
            else if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        let newlineCheck = fullArgs.charAt(j);
                        switch (newlineCheck) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                comment = false;
                                escaping = true;
                                start = true;
                                if (found !== -1) {
                                    escapeMarker = i;
                                }
                                i = j;
                                break whitespaceCheck;
                            default:
                                escapeMarker = i;
                                if (found === -1) {
                                    i = j - 1;
                                }
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i += 2;
                }
                else if (next === '\n') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i++;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapeMarker = -1;
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    if (next === '$') {
                        escapedArg = escapedArg + char + next;
                    }
                    else if (next === '') {
                        // reached EOF, stop processing
                        break;
                    }
                    else {
                        escapedArg = escapedArg + next;
                    }
                    if (found === -1) {
                        found = i;
                    }
                    i++;
                }
            }
            else if (!comment) {
                if (start && char === '#') {
                    comment = true;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    escapeMarker = -1;
                    escapedArg = escapedArg + char;
                    if (found === -1) {
                        found = i;
                    }
                }
                // non-whitespace character detected, reset
                start = false;
            }
        }
        if (found !== -1) {
            if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
            }
            else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
            }
        }
        return args;
    }
    getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
            const argRange = args[i].getRange();
            let offset = this.document.offsetAt(argRange.start);
            const variables = this.parseVariables(offset, args[i].getValue());
            const swaps = [];
            let requiresExpansion = false;
            for (let variable of variables) {
                const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
                swaps.push(value);
                requiresExpansion = requiresExpansion || value !== undefined;
            }
            if (requiresExpansion) {
                let expanded = "";
                for (let j = 0; j < swaps.length; j++) {
                    const variableRange = variables[j].getRange();
                    const start = this.document.offsetAt(variableRange.start);
                    const end = this.document.offsetAt(variableRange.end);
                    if (swaps[j]) {
                        // replace variable with its resolved value
                        expanded += this.document.getText().substring(offset, start);
                        expanded += swaps[j];
                        offset = end;
                    }
                    else {
                        expanded += this.document.getText().substring(offset, end);
                        offset = end;
                    }
                }
                const argEnd = this.document.offsetAt(argRange.end);
                if (argEnd !== offset) {
                    // if the variable's range doesn't match the argument,
                    // append the remaining text
                    expanded += this.document.getText().substring(offset, argEnd);
                }
                args[i] = new argument_1.Argument(expanded, argRange);
            }
        }
        return args;
    }
    getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
            let range = arg.getRange();
            let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
            const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
            for (const parsedVariable of parsedVariables) {
                variables.push(parsedVariable);
            }
        }
        return variables;
    }
    parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
            switch (arg.charAt(i)) {
                case this.escapeChar:
                    if (arg.charAt(i + 1) === '$') {
                        i++;
                    }
                    break;
                case '$':
                    if (arg.charAt(i + 1) === '{') {
                        let escapedString = "${";
                        let escapedName = "";
                        let nameEnd = -1;
                        let escapedSubstitutionParameter = "";
                        let substitutionStart = -1;
                        let substitutionEnd = -1;
                        let modifierRead = -1;
                        nameLoop: for (let j = i + 2; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    break;
                                case '}':
                                    escapedString += '}';
                                    let modifier = null;
                                    let modifierRange = null;
                                    let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                                    let substitutionRange = null;
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (nameEnd + 1 === j) {
                                        modifier = "";
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                                    }
                                    else {
                                        if (substitutionStart === -1) {
                                            // no substitution parameter found,
                                            // but a modifier character existed,
                                            // just offset the range by 1 from
                                            // the modifier character
                                            substitutionStart = modifierRead + 1;
                                            substitutionEnd = modifierRead + 1;
                                        }
                                        else {
                                            // offset one more from the last
                                            // character found
                                            substitutionEnd = substitutionEnd + 1;
                                        }
                                        modifier = arg.substring(modifierRead, modifierRead + 1);
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                                    }
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), escapedString));
                                    i = j;
                                    continue variableLoop;
                                case ':':
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += ':';
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += ':';
                                    break;
                                case '\n':
                                case '\r':
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    if (nameEnd === -1) {
                                        escapedName += char;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += char;
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += char;
                                    break;
                            }
                        }
                        // no } found, not a valid variable, stop processing
                        break variableLoop;
                    }
                    else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                        // $ followed by whitespace or EOF, ignore this variable
                        continue;
                    }
                    else {
                        let escapedName = "";
                        nameLoop: for (let j = i + 1; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case '\r':
                                case '\n':
                                case ' ':
                                case '\t':
                                    continue;
                                case '$':
                                case '\'':
                                case '"':
                                    let varStart = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                    i = j - 1;
                                    continue variableLoop;
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    // reached EOF after an escape character
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                                    break variableLoop;
                            }
                            if (char.match(/^[a-z0-9_]+$/i) === null) {
                                let varStart = this.document.positionAt(offset + i);
                                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                i = j - 1;
                                continue variableLoop;
                            }
                            escapedName += char;
                        }
                        let start = this.document.positionAt(offset + i);
                        variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                    }
                    break variableLoop;
            }
        }
        return variables;
    }
    isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
            for (const initialArg of this.dockerfile.getInitialARGs()) {
                const arg = initialArg;
                const property = arg.getProperty();
                if (property && variable === property.getName()) {
                    return true;
                }
            }
            return undefined;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return false;
                    }
                }
            }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return true;
                }
            }
        }
        return undefined;
    }
    createSingleLineHeredocs(args) {
        const heredocs = [];
        // instruction only on one line, if heredocs exist they would be incomplete
        for (const arg of args) {
            const value = arg.getValue();
            if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
            }
        }
        return heredocs;
    }
    getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                i = j + 1;
                                continue nameLoop;
                            case '\n':
                                i = j;
                                continue nameLoop;
                            default:
                                name += content.charAt(j);
                                i = j;
                                continue nameLoop;
                        }
                    }
                    break;
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue nameLoop;
                            }
                        }
                    }
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    if (escaping) {
                        break;
                    }
                default:
                    name += ch;
                    break;
            }
        }
        return name;
    }
    getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case '"':
                case '\'':
                    if (quote === ch) {
                        break contentLoop;
                    }
                    quote = ch;
                    continue;
                case this.escapeChar:
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case '\n':
                                escaping = true;
                                j = i;
                                continue contentLoop;
                        }
                    }
                    break;
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '<':
                    if (endFound) {
                        searchHyphen = true;
                    }
                    else {
                        endFound = true;
                    }
                    break;
                case '-':
                    if (searchHyphen) {
                        searchHyphen = false;
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (start === -1) {
                        start = i;
                    }
                    if (quote !== null) {
                        end = i + 1;
                        break;
                    }
                    break contentLoop;
            }
        }
        if (start === -1) {
            return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
    }
    getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                j++;
                            case '\n':
                                i = j;
                                continue contentLoop;
                            default:
                                i = j;
                                continue contentLoop;
                        }
                    }
                    break;
                case '\r':
                    break;
                case '\n':
                    if (escaping) {
                        break;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        contentEnd = i;
                        const arg = heredocDefinitions[currentHeredoc];
                        const startRange = arg.getRange();
                        const nameRange = this.getNameRange(startRange);
                        const name = this.getName(nameRange);
                        const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                        if (delimiterRange !== null) {
                            const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                            contentStart = -1;
                            currentHeredoc++;
                        }
                        lineStart = -1;
                    }
                    else {
                        // found a newline that hasn't been escaped,
                        // must be in a heredoc
                        const offsetLimit = startOffset + i;
                        for (const arg of args) {
                            // check if this argument is on the initial line of the instruction,
                            // note that it may not all be on the same line due to escaped newlines,
                            // because of that we need to use offset checks instead of line checks
                            // as an argument being on a different line in the document does not
                            // imply it is on a different line from the Dockerfile's point of view
                            if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                                if (arg.getValue().startsWith("<<")) {
                                    heredocDefinitions.push(arg);
                                }
                            }
                            else {
                                break;
                            }
                        }
                        heredocsProcessed = true;
                        lineStart = -1;
                        continue contentLoop;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaping) {
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (escaping) {
                        escaping = false;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        if (lineStart === -1) {
                            lineStart = i;
                        }
                    }
                    break;
            }
        }
        if (heredocsProcessed) {
            const arg = heredocDefinitions[currentHeredoc];
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            let contentRange = null;
            // check if the last line of this instruction matches the name of the last heredoc
            const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
            if (delimiterRange === null) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
            }
            else if (contentEnd !== -1) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
            }
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
            currentHeredoc++;
            for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
                currentHeredoc++;
            }
        }
        else {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        return heredocs;
    }
    getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
            // remove tabs in the front
            let index = 0;
            while (text.charAt(index) === '\t') {
                index++;
            }
            if (text.substring(index) === name) {
                return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
            }
            return null;
        }
        return text === name ? candidateRange : null;
    }
}
exports.Instruction = Instruction;


/***/ }),

/***/ 9618:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Add = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Add extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
}
exports.Add = Add;


/***/ }),

/***/ 4381:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Arg = void 0;
const property_1 = __nccwpck_require__(9602);
const propertyInstruction_1 = __nccwpck_require__(4984);
class Arg extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
            this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        }
        else {
            this.property = null;
        }
    }
    /**
     * Returns the variable defined by this ARG. This may be null if
     * this ARG instruction is malformed and has no variable
     * declaration.
     */
    getProperty() {
        return this.property;
    }
}
exports.Arg = Arg;


/***/ }),

/***/ 5517:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Cmd = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Cmd extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Cmd = Cmd;


/***/ }),

/***/ 444:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Copy = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Copy extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Copy = Copy;


/***/ }),

/***/ 4216:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Entrypoint = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Entrypoint extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Entrypoint = Entrypoint;


/***/ }),

/***/ 1822:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Env = void 0;
const propertyInstruction_1 = __nccwpck_require__(4984);
class Env extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Env = Env;


/***/ }),

/***/ 5377:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.From = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const modifiableInstruction_1 = __nccwpck_require__(2393);
class From extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
    }
    /**
     * Returns the name of the image that will be used as the base image.
     *
     * @return the base image's name, or null if unspecified
     */
    getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
            return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
            const ch = imageName.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaped = true;
                    break;
                case '\r':
                    continue;
                case '\n':
                    commented = false;
                    break;
                case ' ':
                case '\t':
                    break;
                case '#':
                    if (escaped) {
                        commented = true;
                    }
                    else {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
                default:
                    if (!commented) {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
            }
        }
        return name;
    }
    /**
     * Returns the range that covers the name of the image used by
     * this instruction.
     *
     * @return the range of the name of this instruction's argument,
     *         or null if no image has been specified
     */
    getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
            let registryRange = this.getRegistryRange();
            if (registryRange) {
                range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
            }
            let tagRange = this.getImageTagRange();
            let digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            return range;
        }
        return null;
    }
    /**
     * Returns the range that covers the image argument of this
     * instruction. This includes the tag or digest of the image if
     * it has been specified by the instruction.
     *
     * @return the range of the image argument, or null if no image
     *         has been specified
     */
    getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
    }
    getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
    }
    /**
     * Returns the range in the document that the tag of the base
     * image encompasses.
     *
     * @return the base image's tag's range in the document, or null
     *         if no tag has been specified
     */
    getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
            const rangeStartOffset = this.document.offsetAt(range.start);
            const content = this.getRangeContent(range);
            const atIndex = this.indexOf(rangeStartOffset, content, '@');
            const slashIndex = content.indexOf('/');
            if (atIndex === -1) {
                const colonIndex = this.lastIndexOf(rangeStartOffset, content, ':');
                if (colonIndex > slashIndex) {
                    return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
                }
            }
            const subcontent = content.substring(0, atIndex);
            const subcolonIndex = subcontent.indexOf(':');
            if (subcolonIndex === -1) {
                return null;
            }
            if (slashIndex === -1) {
                // slash not found suggests no registry and no namespace defined
                return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
            }
            // both colon and slash found, check if it is a port
            if (subcolonIndex < slashIndex) {
                return null;
            }
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
    }
    getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
    }
    /**
     * Returns the range in the document that the digest of the base
     * image encompasses.
     *
     * @return the base image's digest's range in the document, or null
     *         if no digest has been specified
     */
    getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
            let content = this.getRangeContent(range);
            let index = this.lastIndexOf(this.document.offsetAt(range.start), content, '@');
            if (index !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
            }
        }
        return null;
    }
    indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                const offset = this.document.offsetAt(variableRange.end) - documentOffset;
                const substring = content.substring(offset);
                const subIndex = substring.indexOf(searchString);
                if (subIndex === -1) {
                    return -1;
                }
                index = subIndex + offset;
                i = -1;
                continue;
            }
        }
        return index;
    }
    lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                index = content.substring(0, index).lastIndexOf(searchString);
                if (index === -1) {
                    return -1;
                }
                i = -1;
                continue;
            }
        }
        return index;
    }
    getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
    }
    getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
            const tagRange = this.getImageTagRange();
            const digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            const content = this.getRangeContent(range);
            const rangeStart = this.document.offsetAt(range.start);
            const startingSlashIndex = this.indexOf(rangeStart, content, '/');
            if (startingSlashIndex === -1) {
                return null;
            }
            const portIndex = this.indexOf(rangeStart, content, ':');
            const dotIndex = this.indexOf(rangeStart, content, '.');
            // hostname detected
            if (portIndex !== -1 || dotIndex !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
            const registry = content.substring(0, startingSlashIndex);
            // localhost registry detected
            if (registry === 'localhost') {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
        }
        return null;
    }
    getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
    }
    getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
            return args[2].getRange();
        }
        return null;
    }
    getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
    }
}
exports.From = From;


/***/ }),

/***/ 1167:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Healthcheck = void 0;
const modifiableInstruction_1 = __nccwpck_require__(2393);
class Healthcheck extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
    }
    getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
    }
}
exports.Healthcheck = Healthcheck;


/***/ }),

/***/ 3871:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Label = void 0;
const propertyInstruction_1 = __nccwpck_require__(4984);
const util_1 = __nccwpck_require__(7459);
class Label extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        // iterate over all of this LABEL's properties
        for (const property of properties) {
            const value = property.getUnescapedValue();
            // check if the value is contained in single quotes,
            // single quotes would indicate a literal value
            if (value !== null && value.length > 2 && value.charAt(0) === '\'' && value.charAt(value.length - 1) === '\'') {
                const range = property.getValueRange();
                for (let i = 0; i < variables.length; i++) {
                    // if a variable is in a single quote, remove it from the list
                    if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                        variables.splice(i, 1);
                        i--;
                    }
                }
            }
        }
        return variables;
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Label = Label;


/***/ }),

/***/ 5554:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Onbuild = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const parser_1 = __nccwpck_require__(7988);
const instruction_1 = __nccwpck_require__(5279);
class Onbuild extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
    }
    getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
    }
    getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
    }
    getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
            return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
    }
}
exports.Onbuild = Onbuild;


/***/ }),

/***/ 7224:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Run = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Run extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Run = Run;


/***/ }),

/***/ 7523:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Shell = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Shell extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Shell = Shell;


/***/ }),

/***/ 4301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Stopsignal = void 0;
const instruction_1 = __nccwpck_require__(5279);
class Stopsignal extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Stopsignal = Stopsignal;


/***/ }),

/***/ 3998:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.User = void 0;
const instruction_1 = __nccwpck_require__(5279);
class User extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.User = User;


/***/ }),

/***/ 1347:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Volume = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Volume extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Volume = Volume;


/***/ }),

/***/ 7529:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Workdir = void 0;
const instruction_1 = __nccwpck_require__(5279);
class Workdir extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    /**
     * Returns the path that has been defined. Note that this path may
     * be absolute or relative depending on what was written in the
     * instruction.
     *
     * @return the working directory's path, or null if this
     *         instruction has no arguments
     */
    getPath() {
        return this.getArgumentsContent();
    }
    /**
     * Returns the absolute path that this instruction resolves to. The
     * function will inspect prior WORKDIR instructions in the current
     * image or another build stage in the Dockerfile to try to
     * determine this.
     *
     * @return the absolute path of the working directory, or null if
     *         this instruction has no arguments, or undefined if it
     *         cannot be determined because only relative paths could be
     *         found
     */
    getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
            return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
            const workdirs = hierarchy[i].getWORKDIRs();
            for (let j = workdirs.length - 1; j >= 0; j--) {
                if (workdirs[j].getRange().start.line < startLine) {
                    const parent = workdirs[j].getAbsolutePath();
                    if (parent === undefined || parent === null) {
                        return undefined;
                    }
                    return parent.endsWith("/") ? parent + path : parent + "/" + path;
                }
            }
        }
        return undefined;
    }
}
exports.Workdir = Workdir;


/***/ }),

/***/ 3702:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONArgument = void 0;
const argument_1 = __nccwpck_require__(5940);
class JSONArgument extends argument_1.Argument {
    constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
    }
    getJSONRange() {
        return this.jsonRange;
    }
    getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
    }
}
exports.JSONArgument = JSONArgument;


/***/ }),

/***/ 5305:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const argument_1 = __nccwpck_require__(5940);
const jsonArgument_1 = __nccwpck_require__(3702);
const modifiableInstruction_1 = __nccwpck_require__(2393);
class JSONInstruction extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
            return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
            let argRange = args[0].getRange();
            this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
            this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
            return;
        }
        else if (args.length === 2 && args[0].getValue() === '[' && args[1].getValue() === ']') {
            this.openingBracket = args[0];
            this.closingBracket = args[1];
            return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
            let char = argsContent.charAt(i);
            switch (char) {
                case '[':
                    if (last === "") {
                        this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        last = '[';
                    }
                    else if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case '"':
                    if (last === '[' || last === ',') {
                        start = i;
                        quoted = true;
                        last = '"';
                        escapedArg = escapedArg + char;
                        continue;
                    }
                    else if (last === '"') {
                        if (quoted) {
                            escapedArg = escapedArg + char;
                            // quoted string done
                            quoted = false;
                            this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                            escapedArg = "";
                        }
                        else {
                            // should be a , or a ]
                            break argsCheck;
                        }
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case ',':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        if (last === '"') {
                            last = ',';
                        }
                        else {
                            break argsCheck;
                        }
                    }
                    break;
                case ']':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else if (last !== "") {
                        this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        break argsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                case '\\':
                    if (quoted) {
                        switch (argsContent.charAt(i + 1)) {
                            case '"':
                            case '\\':
                                escapedArg = escapedArg + argsContent.charAt(i + 1);
                                i++;
                                continue;
                            case ' ':
                            case '\t':
                                escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                                    switch (argsContent.charAt(j)) {
                                        case '\r':
                                            // offset one more for \r\n
                                            j++;
                                        case '\n':
                                            i = j;
                                            continue argsCheck;
                                        case ' ':
                                        case '\t':
                                            break;
                                        default:
                                            break escapeCheck;
                                    }
                                }
                                break;
                            case '\r':
                                // offset one more for \r\n
                                i++;
                            default:
                                i++;
                                continue;
                        }
                    }
                    else {
                        escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                            switch (argsContent.charAt(j)) {
                                case '\r':
                                    // offset one more for \r\n
                                    j++;
                                case '\n':
                                    i = j;
                                    continue argsCheck;
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    break escapeCheck;
                            }
                        }
                    }
                    break argsCheck;
                default:
                    if (!quoted) {
                        break argsCheck;
                    }
                    escapedArg = escapedArg + char;
                    break;
            }
        }
    }
    stopSearchingForFlags(_value) {
        return true;
    }
    getOpeningBracket() {
        return this.openingBracket;
    }
    getJSONStrings() {
        return this.jsonStrings;
    }
    getClosingBracket() {
        return this.closingBracket;
    }
}
exports.JSONInstruction = JSONInstruction;


/***/ }),

/***/ 7005:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Line = void 0;
class Line {
    constructor(document, range) {
        this.document = document;
        this.range = range;
    }
    getRange() {
        return this.range;
    }
    getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
    }
    isAfter(line) {
        return this.range.start.line > line.range.start.line;
    }
    isBefore(line) {
        return this.range.start.line < line;
    }
}
exports.Line = Line;


/***/ }),

/***/ 8390:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
var argument_1 = __nccwpck_require__(5940);
Object.defineProperty(exports, "Argument", ({ enumerable: true, get: function () { return argument_1.Argument; } }));
var jsonArgument_1 = __nccwpck_require__(3702);
Object.defineProperty(exports, "JSONArgument", ({ enumerable: true, get: function () { return jsonArgument_1.JSONArgument; } }));
const comment_1 = __nccwpck_require__(4022);
Object.defineProperty(exports, "Comment", ({ enumerable: true, get: function () { return comment_1.Comment; } }));
const parser_1 = __nccwpck_require__(7988);
var flag_1 = __nccwpck_require__(1077);
Object.defineProperty(exports, "Flag", ({ enumerable: true, get: function () { return flag_1.Flag; } }));
const instruction_1 = __nccwpck_require__(5279);
Object.defineProperty(exports, "Instruction", ({ enumerable: true, get: function () { return instruction_1.Instruction; } }));
var line_1 = __nccwpck_require__(7005);
Object.defineProperty(exports, "Line", ({ enumerable: true, get: function () { return line_1.Line; } }));
const parserDirective_1 = __nccwpck_require__(7499);
Object.defineProperty(exports, "ParserDirective", ({ enumerable: true, get: function () { return parserDirective_1.ParserDirective; } }));
var property_1 = __nccwpck_require__(9602);
Object.defineProperty(exports, "Property", ({ enumerable: true, get: function () { return property_1.Property; } }));
var variable_1 = __nccwpck_require__(3743);
Object.defineProperty(exports, "Variable", ({ enumerable: true, get: function () { return variable_1.Variable; } }));
var add_1 = __nccwpck_require__(9618);
Object.defineProperty(exports, "Add", ({ enumerable: true, get: function () { return add_1.Add; } }));
const arg_1 = __nccwpck_require__(4381);
Object.defineProperty(exports, "Arg", ({ enumerable: true, get: function () { return arg_1.Arg; } }));
const cmd_1 = __nccwpck_require__(5517);
Object.defineProperty(exports, "Cmd", ({ enumerable: true, get: function () { return cmd_1.Cmd; } }));
const copy_1 = __nccwpck_require__(444);
Object.defineProperty(exports, "Copy", ({ enumerable: true, get: function () { return copy_1.Copy; } }));
const entrypoint_1 = __nccwpck_require__(4216);
Object.defineProperty(exports, "Entrypoint", ({ enumerable: true, get: function () { return entrypoint_1.Entrypoint; } }));
const env_1 = __nccwpck_require__(1822);
Object.defineProperty(exports, "Env", ({ enumerable: true, get: function () { return env_1.Env; } }));
const from_1 = __nccwpck_require__(5377);
Object.defineProperty(exports, "From", ({ enumerable: true, get: function () { return from_1.From; } }));
const healthcheck_1 = __nccwpck_require__(1167);
Object.defineProperty(exports, "Healthcheck", ({ enumerable: true, get: function () { return healthcheck_1.Healthcheck; } }));
var heredoc_1 = __nccwpck_require__(7599);
Object.defineProperty(exports, "Heredoc", ({ enumerable: true, get: function () { return heredoc_1.Heredoc; } }));
var jsonInstruction_1 = __nccwpck_require__(5305);
Object.defineProperty(exports, "JSONInstruction", ({ enumerable: true, get: function () { return jsonInstruction_1.JSONInstruction; } }));
var label_1 = __nccwpck_require__(3871);
Object.defineProperty(exports, "Label", ({ enumerable: true, get: function () { return label_1.Label; } }));
var modifiableInstruction_1 = __nccwpck_require__(2393);
Object.defineProperty(exports, "ModifiableInstruction", ({ enumerable: true, get: function () { return modifiableInstruction_1.ModifiableInstruction; } }));
var onbuild_1 = __nccwpck_require__(5554);
Object.defineProperty(exports, "Onbuild", ({ enumerable: true, get: function () { return onbuild_1.Onbuild; } }));
var propertyInstruction_1 = __nccwpck_require__(4984);
Object.defineProperty(exports, "PropertyInstruction", ({ enumerable: true, get: function () { return propertyInstruction_1.PropertyInstruction; } }));
var run_1 = __nccwpck_require__(7224);
Object.defineProperty(exports, "Run", ({ enumerable: true, get: function () { return run_1.Run; } }));
var shell_1 = __nccwpck_require__(7523);
Object.defineProperty(exports, "Shell", ({ enumerable: true, get: function () { return shell_1.Shell; } }));
var stopsignal_1 = __nccwpck_require__(4301);
Object.defineProperty(exports, "Stopsignal", ({ enumerable: true, get: function () { return stopsignal_1.Stopsignal; } }));
var user_1 = __nccwpck_require__(3998);
Object.defineProperty(exports, "User", ({ enumerable: true, get: function () { return user_1.User; } }));
var volume_1 = __nccwpck_require__(1347);
Object.defineProperty(exports, "Volume", ({ enumerable: true, get: function () { return volume_1.Volume; } }));
const workdir_1 = __nccwpck_require__(7529);
Object.defineProperty(exports, "Workdir", ({ enumerable: true, get: function () { return workdir_1.Workdir; } }));
var Keyword;
(function (Keyword) {
    Keyword["ADD"] = "ADD";
    Keyword["ARG"] = "ARG";
    Keyword["CMD"] = "CMD";
    Keyword["COPY"] = "COPY";
    Keyword["ENTRYPOINT"] = "ENTRYPOINT";
    Keyword["ENV"] = "ENV";
    Keyword["EXPOSE"] = "EXPOSE";
    Keyword["FROM"] = "FROM";
    Keyword["HEALTHCHECK"] = "HEALTHCHECK";
    Keyword["LABEL"] = "LABEL";
    Keyword["MAINTAINER"] = "MAINTAINER";
    Keyword["ONBUILD"] = "ONBUILD";
    Keyword["RUN"] = "RUN";
    Keyword["SHELL"] = "SHELL";
    Keyword["STOPSIGNAL"] = "STOPSIGNAL";
    Keyword["USER"] = "USER";
    Keyword["VOLUME"] = "VOLUME";
    Keyword["WORKDIR"] = "WORKDIR";
})(Keyword || (exports.Keyword = Keyword = {}));
var Directive;
(function (Directive) {
    Directive["escape"] = "escape";
    Directive["syntax"] = "syntax";
})(Directive || (exports.Directive = Directive = {}));
exports.DefaultVariables = [
    "ALL_PROXY", "all_proxy",
    "FTP_PROXY", "ftp_proxy",
    "HTTP_PROXY", "http_proxy",
    "HTTPS_PROXY", "https_proxy",
    "NO_PROXY", "no_proxy"
];
var DockerfileParser;
(function (DockerfileParser) {
    function parse(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
    }
    DockerfileParser.parse = parse;
})(DockerfileParser || (exports.DockerfileParser = DockerfileParser = {}));


/***/ }),

/***/ 2393:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ModifiableInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const flag_1 = __nccwpck_require__(1077);
const instruction_1 = __nccwpck_require__(5279);
class ModifiableInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getFlags() {
        if (!this.flags) {
            this.flags = [];
            for (let arg of this.getArguments()) {
                let value = arg.getValue();
                if (this.stopSearchingForFlags(value)) {
                    return this.flags;
                }
                else if (value.indexOf("--") === 0) {
                    let range = arg.getRange();
                    let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
                    let nameIndex = value.indexOf('=');
                    let index = rawValue.indexOf('=');
                    let firstMatch = false;
                    let secondMatch = false;
                    let startIndex = -1;
                    nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                        switch (rawValue.charAt(i)) {
                            case '\\':
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                                break;
                            case '-':
                                if (secondMatch) {
                                    startIndex = i;
                                    break nameSearchLoop;
                                }
                                else if (firstMatch) {
                                    secondMatch = true;
                                }
                                else {
                                    firstMatch = true;
                                }
                                break;
                            default:
                                startIndex = i;
                                break nameSearchLoop;
                        }
                    }
                    let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
                    if (index === -1) {
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
                    }
                    else if (index === value.length - 1) {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
                    }
                    else {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
                    }
                }
            }
        }
        return this.flags;
    }
    getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
            return args;
        }
        for (let i = 0; i < flags.length; i++) {
            args.shift();
        }
        return args;
    }
}
exports.ModifiableInstruction = ModifiableInstruction;


/***/ }),

/***/ 7988:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";
/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Parser = void 0;
const vscode_languageserver_textdocument_1 = __nccwpck_require__(3383);
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const comment_1 = __nccwpck_require__(4022);
const parserDirective_1 = __nccwpck_require__(7499);
const instruction_1 = __nccwpck_require__(5279);
const add_1 = __nccwpck_require__(9618);
const arg_1 = __nccwpck_require__(4381);
const cmd_1 = __nccwpck_require__(5517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(1822);
const entrypoint_1 = __nccwpck_require__(4216);
const from_1 = __nccwpck_require__(5377);
const healthcheck_1 = __nccwpck_require__(1167);
const label_1 = __nccwpck_require__(3871);
const onbuild_1 = __nccwpck_require__(5554);
const run_1 = __nccwpck_require__(7224);
const shell_1 = __nccwpck_require__(7523);
const stopsignal_1 = __nccwpck_require__(4301);
const workdir_1 = __nccwpck_require__(7529);
const user_1 = __nccwpck_require__(3998);
const volume_1 = __nccwpck_require__(1347);
const dockerfile_1 = __nccwpck_require__(9933);
const util_1 = __nccwpck_require__(7459);
const main_1 = __nccwpck_require__(8390);
class Parser {
    constructor() {
        this.escapeChar = null;
    }
    static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
            case "ADD":
                return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ARG":
                return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "CMD":
                return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "COPY":
                return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENTRYPOINT":
                return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENV":
                return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "FROM":
                return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "HEALTHCHECK":
                return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "LABEL":
                return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ONBUILD":
                return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "RUN":
                return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "SHELL":
                return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "STOPSIGNAL":
                return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "WORKDIR":
                return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "USER":
                return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "VOLUME":
                return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
    }
    getParserDirectives(document, buffer) {
        // reset the escape directive in between runs
        const directives = [];
        this.escapeChar = '';
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
            switch (buffer.charAt(i)) {
                case ' ':
                case '\t':
                    break;
                case '\r':
                case '\n':
                    // blank lines stop the parsing of directives immediately
                    break directiveCheck;
                case '#':
                    let directiveStart = -1;
                    let directiveEnd = -1;
                    for (let j = i + 1; j < buffer.length; j++) {
                        let char = buffer.charAt(j);
                        switch (char) {
                            case ' ':
                            case '\t':
                                if (directiveStart !== -1 && directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                break;
                            case '\r':
                            case '\n':
                                break directiveCheck;
                            case '=':
                                let valueStart = -1;
                                let valueEnd = -1;
                                if (directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                // assume the line ends with the file
                                let lineEnd = buffer.length;
                                directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                                    char = buffer.charAt(k);
                                    switch (char) {
                                        case '\r':
                                        case '\n':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            // line break found, reset
                                            lineEnd = k;
                                            break directiveValue;
                                        case '\t':
                                        case ' ':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            continue;
                                        default:
                                            if (valueStart === -1) {
                                                valueStart = k;
                                            }
                                            break;
                                    }
                                }
                                if (directiveStart === -1) {
                                    // no directive, it's a regular comment
                                    break directiveCheck;
                                }
                                if (valueStart === -1) {
                                    // no non-whitespace characters found, highlight all the characters then
                                    valueStart = j + 1;
                                    valueEnd = lineEnd;
                                }
                                else if (valueEnd === -1) {
                                    // reached EOF
                                    valueEnd = buffer.length;
                                }
                                const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                                const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                                const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                                directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                                directiveStart = -1;
                                if (buffer.charAt(valueEnd) === '\r') {
                                    // skip over the \r
                                    i = valueEnd + 1;
                                }
                                else {
                                    i = valueEnd;
                                }
                                continue directiveCheck;
                            default:
                                if (directiveStart === -1) {
                                    directiveStart = j;
                                }
                                break;
                        }
                    }
                    break;
                default:
                    break directiveCheck;
            }
        }
        return directives;
    }
    parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = '\\';
        if (directives.length > 0) {
            dockerfile.setDirectives(directives);
            this.escapeChar = dockerfile.getEscapeCharacter();
            // start parsing after the directives
            offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        }
        else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
            offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
            const char = this.buffer.charAt(i);
            switch (char) {
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '#':
                    i = this.processComment(dockerfile, i);
                    break;
                default:
                    i = this.processInstruction(dockerfile, char, i);
                    break;
            }
        }
        dockerfile.organizeComments();
        return dockerfile;
    }
    processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
            char = this.buffer.charAt(i);
            switch (char) {
                case this.escapeChar:
                    escapedInstruction = true;
                    char = this.buffer.charAt(i + 1);
                    if (char === '\r' || char === '\n') {
                        if (instructionEnd === -1) {
                            instructionEnd = i;
                        }
                        i++;
                    }
                    else if (char === ' ' || char === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    // found an argument, mark end of instruction
                                    instructionEnd = i + 1;
                                    instruction = instruction + this.escapeChar;
                                    i = j - 2;
                                    continue instructionCheck;
                            }
                        }
                        // reached EOF
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        break instructionCheck;
                    }
                    else {
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        // reset and consider it as one contiguous word
                        escapedInstruction = false;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escapedInstruction) {
                        // on an escaped newline, need to search for non-whitespace
                        escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    break escapeCheck;
                            }
                        }
                        escapedInstruction = false;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
                    return i;
                case '\r':
                case '\n':
                    if (escapedInstruction) {
                        continue;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
                    return i;
                case '#':
                    if (escapedInstruction) {
                        continue;
                    }
                default:
                    instructionEnd = i + 1;
                    instruction = instruction + char;
                    escapedInstruction = false;
                    break;
            }
        }
        // reached EOF
        if (instructionEnd === -1) {
            instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
    }
    processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
            instruction = instruction.getTriggerInstruction();
            if (instruction === null) {
                return offset;
            }
            keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
            return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
            const value = arg.getValue();
            if (value.startsWith("<<") && value.length > 2) {
                if (value.startsWith("<<-")) {
                    tabbed = true;
                }
                const name = util_1.Util.parseHeredocName(value);
                if (name !== null) {
                    heredocs.push(name);
                }
            }
        }
        if (heredocs.length > 0) {
            for (const heredoc of heredocs) {
                offset = this.parseHeredoc(heredoc, offset, tabbed);
            }
        }
        return offset;
    }
    processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    if (escaped) {
                        continue;
                    }
                    return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
                case this.escapeChar:
                    const next = this.buffer.charAt(i + 1);
                    if (next === '\n' || next === '\r') {
                        escaped = true;
                        i++;
                    }
                    else if (next === ' ' || next === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    escaped = true;
                                default:
                                    i = j;
                                    continue argumentsCheck;
                            }
                        }
                        // reached EOF
                        return this.buffer.length;
                    }
                    continue;
                case '#':
                    if (escaped) {
                        i = this.processComment(dockerfile, i);
                        continue argumentsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                default:
                    if (escaped) {
                        escaped = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    end = i;
                    break commentLoop;
            }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
    }
    parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case ' ':
                    lineStart = false;
                    break;
                case '\t':
                    if (!tabbed) {
                        lineStart = false;
                    }
                    break;
                case '\r':
                case '\n':
                    if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                        return i;
                    }
                    startWord = -1;
                    lineStart = true;
                    break;
                default:
                    if (lineStart) {
                        startWord = i;
                        lineStart = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
    }
}
exports.Parser = Parser;


/***/ }),

/***/ 7499:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ParserDirective = void 0;
const main_1 = __nccwpck_require__(8390);
const line_1 = __nccwpck_require__(7005);
class ParserDirective extends line_1.Line {
    constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
    }
    toString() {
        return "# " + this.getName() + '=' + this.getValue();
    }
    getNameRange() {
        return this.nameRange;
    }
    getValueRange() {
        return this.valueRange;
    }
    getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
    }
    getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
    }
    getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === undefined ? null : directive;
    }
}
exports.ParserDirective = ParserDirective;


/***/ }),

/***/ 9602:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Property = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const util_1 = __nccwpck_require__(7459);
class Property {
    constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = Property.getValue(value, escapeChar);
        if (arg2) {
            this.valueRange = arg2.getRange();
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = Property.getValue(value, escapeChar);
            this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        }
        else {
            let argRange = arg.getRange();
            if (this.nameRange.start.line === argRange.start.line
                && this.nameRange.start.character === argRange.start.character
                && this.nameRange.end.line === argRange.end.line
                && this.nameRange.end.character === argRange.end.character) {
            }
            else {
                this.valueRange = Property.getValueRange(document, arg);
                value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
                this.value = Property.getValue(value, escapeChar);
                this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
                this.assignmentOperator = "=";
            }
            this.range = argRange;
        }
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
    /**
     * Retrieves the operator used for delimiting between the name and
     * value of this property. This will either be the "=" character
     * or null if a character was not used or if this property has no
     * value defined.
     */
    getAssignmentOperator() {
        return this.assignmentOperator;
    }
    getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
    }
    /**
     * Returns the value of this property including any enclosing
     * single or double quotes and relevant escape characters.
     * Escaped newlines and its associated contiguous whitespace
     * characters however will not be returned as they are deemed to
     * be uninteresting to clients trying to return a Dockerfile.
     *
     * @return the unescaped value of this property or null if this
     *         property has no associated value
     */
    getUnescapedValue() {
        if (this.valueRange === null) {
            return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case this.escapeChar:
                    for (let j = i + 1; j < value.length; j++) {
                        switch (value.charAt(j)) {
                            case '\r':
                                j++;
                            case '\n':
                                escaped = true;
                                i = j;
                                continue rawLoop;
                            case ' ':
                            case '\t':
                                break;
                            default:
                                rawValue = rawValue + char;
                                continue rawLoop;
                        }
                    }
                    // this happens if there's only whitespace after the escape character
                    rawValue = rawValue + char;
                    break;
                case '\r':
                case '\n':
                    break;
                case ' ':
                case '\t':
                    if (!escaped) {
                        rawValue = rawValue + char;
                    }
                    break;
                case '#':
                    if (escaped) {
                        for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    continue rawLoop;
                            }
                        }
                    }
                    else {
                        rawValue = rawValue + char;
                    }
                    break;
                default:
                    rawValue = rawValue + char;
                    escaped = false;
                    break;
            }
        }
        return rawValue;
    }
    static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf('=');
        if (index !== -1) {
            let initial = value.charAt(0);
            let before = value.charAt(index - 1);
            // check if content before the equals sign are in quotes
            // "var"=value
            // 'var'=value
            // otherwise, just assume it's a standard definition
            // var=value
            if ((initial === '"' && before === '"') || (initial === '\'' && before === '\'') || (initial !== '"' && initial !== '\'')) {
                return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
            }
        }
        // no '=' found, just defined the property's name
        return arg.getRange();
    }
    static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf('=') + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
    }
    /**
     * Returns the actual value of this key-value pair. The value will
     * have its escape characters removed if applicable. If the value
     * spans multiple lines and there are comments nested within the
     * lines, they too will be removed.
     *
     * @return the value that this key-value pair will actually be, may
     *         be null if no value is defined, may be the empty string
     *         if the value only consists of whitespace
     */
    static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === '#') {
            // need to skip over comments
            escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === '\'' || first === '"';
        let inSingle = (first === '\'' && last === '\'');
        let inDouble = false;
        if (first === '"') {
            for (let i = 1; i < value.length; i++) {
                if (value.charAt(i) === escapeChar) {
                    i++;
                }
                else if (value.charAt(i) === '"' && i === value.length - 1) {
                    inDouble = true;
                }
            }
        }
        if (inSingle || inDouble) {
            value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case escapeChar:
                    if (i + 1 === value.length) {
                        escapedValue = escapedValue + escapeChar;
                        break parseValue;
                    }
                    char = value.charAt(i + 1);
                    if (char === ' ' || char === '\t') {
                        whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                            let char2 = value.charAt(j);
                            switch (char2) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                    j++;
                                case '\n':
                                    escaped = true;
                                    i = j;
                                    continue parseValue;
                                default:
                                    if (!inDouble && !inSingle && !literal) {
                                        if (char2 === escapeChar) {
                                            // add the escaped character
                                            escapedValue = escapedValue + char;
                                            // now start parsing from the next escape character
                                            i = i + 1;
                                        }
                                        else {
                                            // the expectation is that this j = i + 2 here
                                            escapedValue = escapedValue + char + char2;
                                            i = j;
                                        }
                                        continue parseValue;
                                    }
                                    break whitespaceCheck;
                            }
                        }
                    }
                    if (inDouble) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else if (char !== '"') {
                            if (char === escapeChar) {
                                i++;
                            }
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (inSingle || literal) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else {
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (char === escapeChar) {
                        // double escape, append one and move on
                        escapedValue = escapedValue + escapeChar;
                        i++;
                    }
                    else if (char === '\r') {
                        escaped = true;
                        // offset one more for \r\n
                        i = i + 2;
                    }
                    else if (char === '\n') {
                        escaped = true;
                        i++;
                        start = i;
                    }
                    else {
                        // any other escapes are simply ignored
                        escapedValue = escapedValue + char;
                        i++;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaped && commentCheck === -1) {
                        commentCheck = i;
                    }
                    escapedValue = escapedValue + char;
                    break;
                case '\r':
                    i++;
                case '\n':
                    if (escaped && commentCheck !== -1) {
                        // rollback and remove the whitespace that was previously appended
                        escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                        commentCheck = -1;
                    }
                    break;
                case '#':
                    // a newline was escaped and now there's a comment
                    if (escaped) {
                        if (commentCheck !== -1) {
                            // rollback and remove the whitespace that was previously appended
                            escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                            commentCheck = -1;
                        }
                        newlineCheck: for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    break newlineCheck;
                            }
                        }
                        continue parseValue;
                    }
                default:
                    if (escaped) {
                        escaped = false;
                        commentCheck = -1;
                    }
                    escapedValue = escapedValue + char;
                    break;
            }
        }
        return escapedValue;
    }
}
exports.Property = Property;


/***/ }),

/***/ 4984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PropertyInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const instruction_1 = __nccwpck_require__(5279);
const property_1 = __nccwpck_require__(9602);
const argument_1 = __nccwpck_require__(5940);
const util_1 = __nccwpck_require__(7459);
class PropertyInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = undefined;
    }
    getProperties() {
        if (this.properties === undefined) {
            let args = this.getPropertyArguments();
            if (args.length === 0) {
                this.properties = [];
            }
            else if (args.length === 1) {
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
            }
            else if (args.length === 2) {
                if (args[0].getValue().indexOf('=') === -1) {
                    this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
                }
                else {
                    this.properties = [
                        new property_1.Property(this.document, this.escapeChar, args[0]),
                        new property_1.Property(this.document, this.escapeChar, args[1])
                    ];
                }
            }
            else if (args[0].getValue().indexOf('=') === -1) {
                let text = this.document.getText();
                let start = args[1].getRange().start;
                let end = args[args.length - 1].getRange().end;
                text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
            }
            else {
                this.properties = [];
                for (let i = 0; i < args.length; i++) {
                    this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
                }
            }
        }
        return this.properties;
    }
    /**
     * Goes from the back of the string and returns the first
     * non-whitespace character that is found. If an escape character
     * is found with newline characters, the escape character will
     * not be considered a non-whitespace character and its index in
     * the string will not be returned.
     *
     * @param content the string to search through
     * @return the index in the string for the first non-whitespace
     *         character when searching from the end of the string
     */
    findTrailingNonWhitespace(content) {
        // loop back to find the first non-whitespace character
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case '\n':
                    if (content.charAt(i - 1) === '\r') {
                        i = i - 1;
                    }
                case '\r':
                    newlineCheck: for (let j = i - 1; j >= 0; j--) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                            case this.escapeChar:
                                continue;
                            default:
                                index = j;
                                break newlineCheck;
                        }
                    }
                    break whitespaceCheck;
                default:
                    index = i;
                    break whitespaceCheck;
            }
        }
        return index;
    }
    getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
            // only whitespace found, no arguments
            return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        // records whether the parser has just processed an escaped newline or not,
        // if our starting position is not on the same line as the instruction then
        // the start of the content is already on an escaped line
        let escaped = range.start.line !== startPosition.line;
        // flag to track if the last character was an escape character
        let endingEscape = false;
        // position before the first escape character was hit
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
            let char = content.charAt(i);
            switch (char) {
                case this.escapeChar:
                    if (i + 1 === content.length) {
                        endingEscape = true;
                        break argumentLoop;
                    }
                    if (!escaped) {
                        mark = i;
                    }
                    switch (content.charAt(i + 1)) {
                        case ' ':
                        case '\t':
                            if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                                // space was escaped, continue as normal
                                i = i + 1;
                                continue argumentLoop;
                            }
                            // whitespace encountered, need to figure out if it extends to EOL
                            whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                                switch (content.charAt(j)) {
                                    case '\r':
                                        // offset one more for \r\n
                                        j++;
                                    case '\n':
                                        // whitespace only, safe to skip
                                        escaped = true;
                                        i = j;
                                        continue argumentLoop;
                                    case ' ':
                                    case '\t':
                                        // ignore whitespace
                                        break;
                                    default:
                                        // whitespace doesn't extend to EOL, create an argument
                                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                                        argStart = j;
                                        break whitespaceCheck;
                                }
                            }
                            // go back and start processing the encountered non-whitespace character
                            i = argStart - 1;
                            continue argumentLoop;
                        case '\r':
                            // offset one more for \r\n
                            i++;
                        case '\n':
                            // immediately followed by a newline, skip the newline
                            escaped = true;
                            i = i + 1;
                            continue argumentLoop;
                        case this.escapeChar:
                            // double escape found, skip it and move on
                            if (argStart === -1) {
                                argStart = i;
                            }
                            i = i + 1;
                            continue argumentLoop;
                        default:
                            if (argStart === -1) {
                                argStart = i;
                            }
                            // non-whitespace encountered, skip the escape and process the
                            // character normally
                            continue argumentLoop;
                    }
                case '\'':
                case '"':
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    if (argStart === -1) {
                        argStart = i;
                    }
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case char:
                                if (content.charAt(j + 1) !== ' ' && content.charAt(j + 1) !== '') {
                                    // there is more content after this quote,
                                    // continue so that it is all processed as
                                    // one single argument
                                    i = j;
                                    continue argumentLoop;
                                }
                                args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                                i = j;
                                argStart = -1;
                                continue argumentLoop;
                            case this.escapeChar:
                                j++;
                                break;
                        }
                    }
                    break argumentLoop;
                case ' ':
                case '\t':
                    if (escaped) {
                        // consider there to be a space only if an argument
                        // is not spanning multiple lines
                        if (argStart !== -1) {
                            spaced = true;
                        }
                    }
                    else if (argStart !== -1) {
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                        argStart = -1;
                    }
                    break;
                case '\r':
                    // offset one more for \r\n
                    i++;
                case '\n':
                    spaced = false;
                    break;
                case '#':
                    if (escaped) {
                        // a newline was escaped and now there's a comment
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    spaced = false;
                                    continue argumentLoop;
                            }
                        }
                        // went to the end without finding a newline,
                        // the comment was the last line in the instruction,
                        // just stop parsing, create an argument if needed
                        if (argStart !== -1) {
                            let value = content.substring(argStart, mark);
                            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                            argStart = -1;
                        }
                        break argumentLoop;
                    }
                    else if (argStart === -1) {
                        argStart = i;
                    }
                    break;
                default:
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    escaped = false;
                    if (argStart === -1) {
                        argStart = i;
                    }
                    // variable detected
                    if (char === '$' && content.charAt(i + 1) === '{') {
                        let singleQuotes = false;
                        let doubleQuotes = false;
                        let escaped = false;
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case this.escapeChar:
                                    escaped = true;
                                    break;
                                case '\r':
                                case '\n':
                                    break;
                                case '\'':
                                    singleQuotes = !singleQuotes;
                                    escaped = false;
                                    break;
                                case '"':
                                    doubleQuotes = !doubleQuotes;
                                    escaped = false;
                                    break;
                                case ' ':
                                case '\t':
                                    if (escaped || singleQuotes || doubleQuotes) {
                                        break;
                                    }
                                    i = j - 1;
                                    continue argumentLoop;
                                case '}':
                                    i = j;
                                    continue argumentLoop;
                                default:
                                    escaped = false;
                                    break;
                            }
                        }
                        break argumentLoop;
                    }
                    break;
            }
        }
        if (argStart !== -1 && argStart !== content.length) {
            let end = endingEscape ? content.length - 1 : content.length;
            let value = content.substring(argStart, end);
            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end))));
        }
        return args;
    }
    createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
            args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
    }
}
exports.PropertyInstruction = PropertyInstruction;


/***/ }),

/***/ 7459:
/***/ ((__unused_webpack_module, exports) => {

"use strict";
/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Util = void 0;
class Util {
    static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 0xEF && uintArray[1] == 0xBB && uintArray[2] == 0xBF;
    }
    static isWhitespace(char) {
        return char === ' ' || char === '\t' || Util.isNewline(char);
    }
    static isNewline(char) {
        return char === '\r' || char === '\n';
    }
    static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case escapeChar:
                    escapeCheck: for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                // offset one more for \r\n
                                i = j + 1;
                                continue whitespaceCheck;
                            case '\n':
                                i = j;
                                continue whitespaceCheck;
                            default:
                                break escapeCheck;
                        }
                    }
                    // found an escape character and then reached EOF
                    return -1;
                default:
                    return i;
            }
        }
        // only possible if the content is the empty string
        return -1;
    }
    /**
     * Determines if the given position is contained within the given range.
     *
     * @param position the position to check
     * @param range the range to see if the position is inside of
     */
    static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
            return range.start.line === position.line
                && range.start.character <= position.character
                && position.character <= range.end.character;
        }
        else if (range.start.line === position.line) {
            return range.start.character <= position.character;
        }
        else if (range.end.line === position.line) {
            return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
    }
    static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === '-') {
            value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
            if (value.charAt(value.length - 1) !== '"') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === '\'') {
            if (value.charAt(value.length - 1) !== '\'') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
            return null;
        }
        return value;
    }
}
exports.Util = Util;


/***/ }),

/***/ 3743:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Variable = void 0;
class Variable {
    constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
    }
    toString() {
        return this.stringValue;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the entire variable. This includes the symbols for
     * the declaration of the variable such as the $, {, and } symbols.
     *
     * @return the range in the document that this variable encompasses in its
     *         entirety
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the modifier character that has been set for
     * specifying how this variable should be expanded and resolved.
     * If this variable is ${variable:+value} then the modifier
     * character is '+'. Will be the empty string if the variable is
     * declared as ${variable:}. Otherwise, will be null if this
     * variable will not use variable substitution at all (such as
     * ${variable} or $variable).
     *
     * @return this variable's modifier character, or the empty
     *         string if it does not have one, or null if this
     *         variable will not use variable substitution
     */
    getModifier() {
        return this.modifier;
    }
    getModifierRange() {
        return this.modifierRange;
    }
    /**
     * Returns the parameter that will be used for substitution if
     * this variable uses modifiers to define how its value should be
     * resolved. If this variable is ${variable:+value} then the
     * substitution value will be 'value'. Will be the empty string
     * if the variable is declared as ${variable:+} or some other
     * variant where the only thing that follows the modifier
     * character (excluding considerations of escape characters and
     * so on) is the variable's closing bracket. May be null if this
     * variable does not have a modifier character defined (such as
     * ${variable} or $variable).
     *
     * @return this variable's substitution parameter, or the empty
     *         string if it does not have one, or null if there is
     *         not one defined
     */
    getSubstitutionParameter() {
        return this.substitutionParameter;
    }
    getSubstitutionRange() {
        return this.substitutionRange;
    }
    /**
     * Returns whether this variable has been defined or not.
     *
     * @return true if this variable has been defined, false otherwise
     */
    isDefined() {
        return this.defined;
    }
    isBuildVariable() {
        return this.buildVariable === true;
    }
    isEnvironmentVariable() {
        return this.buildVariable === false;
    }
}
exports.Variable = Variable;


/***/ }),

/***/ 3383:
/***/ (function(module, exports) {

var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(require, exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function (require, exports) {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TextDocument = void 0;
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (changes, version) {
            for (var _i = 0, changes_1 = changes; _i < changes_1.length; _i++) {
                var change = changes_1[_i];
                if (FullTextDocument.isIncremental(change)) {
                    // makes sure start is before end
                    var range = getWellformedRange(change.range);
                    // update content
                    var startOffset = this.offsetAt(range.start);
                    var endOffset = this.offsetAt(range.end);
                    this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
                    var insertedEndOffset = startOffset + change.text.length;
                    var crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(startOffset) === 10 /* CharCode.LineFeed */;
                    var crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(insertedEndOffset) === 10 /* CharCode.LineFeed */;
                    if (crlfAtStart || crlfAtEnd) {
                        // A CRLF pair across an edit boundary is not included in the inserted text's line offsets.
                        this._lineOffsets = undefined;
                        continue;
                    }
                    // update the offsets
                    var startLine = Math.max(range.start.line, 0);
                    var endLine = Math.max(range.end.line, 0);
                    var lineOffsets = this._lineOffsets;
                    var addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
                    if (endLine - startLine === addedLineOffsets.length) {
                        for (var i = 0, len = addedLineOffsets.length; i < len; i++) {
                            lineOffsets[i + startLine + 1] = addedLineOffsets[i];
                        }
                    }
                    else {
                        if (addedLineOffsets.length < 10000) {
                            lineOffsets.splice.apply(lineOffsets, __spreadArray([startLine + 1, endLine - startLine], addedLineOffsets, false));
                        }
                        else { // avoid too many arguments for splice
                            this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
                        }
                    }
                    var diff = change.text.length - (endOffset - startOffset);
                    if (diff !== 0) {
                        for (var i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                            lineOffsets[i] = lineOffsets[i] + diff;
                        }
                    }
                }
                else if (FullTextDocument.isFull(change)) {
                    this._content = change.text;
                    this._lineOffsets = undefined;
                }
                else {
                    throw new Error('Unknown change event received');
                }
            }
            this._version = version;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                this._lineOffsets = computeLineOffsets(this._content, true);
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return { line: 0, character: offset };
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
            return { line: line, character: offset - lineOffsets[line] };
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            if (position.character <= 0) {
                return lineOffset;
            }
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            var offset = Math.min(lineOffset + position.character, nextLineOffset);
            return this.ensureBeforeEOL(offset, lineOffset);
        };
        FullTextDocument.prototype.getLineRange = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                var lastLine = lineOffsets.length - 1;
                return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
            }
            else if (line < 0) {
                return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            }
            var startOffset = lineOffsets[line];
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
            return { start: { line: line, character: 0 }, end: { line: line, character: endOffset - startOffset } };
        };
        FullTextDocument.prototype.getEOLCharacters = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                return '';
            }
            else if (line < 0) {
                return '';
            }
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
            return this._content.substring(eolOffset, nextLineOffset);
        };
        FullTextDocument.prototype.ensureBeforeEOL = function (offset, lineOffset) {
            while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
                offset--;
            }
            return offset;
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.isIncremental = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range !== undefined &&
                (candidate.rangeLength === undefined || typeof candidate.rangeLength === 'number');
        };
        FullTextDocument.isFull = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range === undefined && candidate.rangeLength === undefined;
        };
        return FullTextDocument;
    }());
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new text document.
         *
         * @param uri The document's uri.
         * @param languageId  The document's language Id.
         * @param version The document's initial version number.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Updates a TextDocument by modifying its content.
         *
         * @param document the document to update. Only documents created by TextDocument.create are valid inputs.
         * @param changes the changes to apply to the document.
         * @param version the changes version for the document.
         * @returns The updated TextDocument. Note: That's the same document instance passed in as first parameter.
         *
         */
        function update(document, changes, version) {
            if (document instanceof FullTextDocument) {
                document.update(changes, version);
                return document;
            }
            else {
                throw new Error('TextDocument.update: document must be created by TextDocument.create');
            }
        }
        TextDocument.update = update;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits.map(getWellformedEdit), function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = 0;
            var spans = [];
            for (var _i = 0, sortedEdits_1 = sortedEdits; _i < sortedEdits_1.length; _i++) {
                var e = sortedEdits_1[_i];
                var startOffset = document.offsetAt(e.range.start);
                if (startOffset < lastModifiedOffset) {
                    throw new Error('Overlapping edit');
                }
                else if (startOffset > lastModifiedOffset) {
                    spans.push(text.substring(lastModifiedOffset, startOffset));
                }
                if (e.newText.length) {
                    spans.push(e.newText);
                }
                lastModifiedOffset = document.offsetAt(e.range.end);
            }
            spans.push(text.substr(lastModifiedOffset));
            return spans.join('');
        }
        TextDocument.applyEdits = applyEdits;
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    function mergeSort(data, compare) {
        if (data.length <= 1) {
            // sorted
            return data;
        }
        var p = (data.length / 2) | 0;
        var left = data.slice(0, p);
        var right = data.slice(p);
        mergeSort(left, compare);
        mergeSort(right, compare);
        var leftIdx = 0;
        var rightIdx = 0;
        var i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
            var ret = compare(left[leftIdx], right[rightIdx]);
            if (ret <= 0) {
                // smaller_equal -> take left to preserve order
                data[i++] = left[leftIdx++];
            }
            else {
                // greater -> take right
                data[i++] = right[rightIdx++];
            }
        }
        while (leftIdx < left.length) {
            data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
            data[i++] = right[rightIdx++];
        }
        return data;
    }
    function computeLineOffsets(text, isAtLineStart, textOffset) {
        if (textOffset === void 0) { textOffset = 0; }
        var result = isAtLineStart ? [textOffset] : [];
        for (var i = 0; i < text.length; i++) {
            var ch = text.charCodeAt(i);
            if (isEOL(ch)) {
                if (ch === 13 /* CharCode.CarriageReturn */ && i + 1 < text.length && text.charCodeAt(i + 1) === 10 /* CharCode.LineFeed */) {
                    i++;
                }
                result.push(textOffset + i + 1);
            }
        }
        return result;
    }
    function isEOL(char) {
        return char === 13 /* CharCode.CarriageReturn */ || char === 10 /* CharCode.LineFeed */;
    }
    function getWellformedRange(range) {
        var start = range.start;
        var end = range.end;
        if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
            return { start: end, end: start };
        }
        return range;
    }
    function getWellformedEdit(textEdit) {
        var range = getWellformedRange(textEdit.range);
        if (range !== textEdit.range) {
            return { newText: textEdit.newText, range: range };
        }
        return textEdit;
    }
});


/***/ }),

/***/ 4612:
/***/ ((module, exports) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(require, exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function () {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.TextDocument = exports.EOL = exports.WorkspaceFolder = exports.InlineCompletionContext = exports.SelectedCompletionInfo = exports.InlineCompletionTriggerKind = exports.InlineCompletionList = exports.InlineCompletionItem = exports.StringValue = exports.InlayHint = exports.InlayHintLabelPart = exports.InlayHintKind = exports.InlineValueContext = exports.InlineValueEvaluatableExpression = exports.InlineValueVariableLookup = exports.InlineValueText = exports.SemanticTokens = exports.SemanticTokenModifiers = exports.SemanticTokenTypes = exports.SelectionRange = exports.DocumentLink = exports.FormattingOptions = exports.CodeLens = exports.CodeAction = exports.CodeActionTag = exports.CodeActionContext = exports.CodeActionTriggerKind = exports.CodeActionKind = exports.DocumentSymbol = exports.WorkspaceSymbol = exports.SymbolInformation = exports.SymbolTag = exports.SymbolKind = exports.DocumentHighlight = exports.DocumentHighlightKind = exports.SignatureInformation = exports.ParameterInformation = exports.Hover = exports.MarkedString = exports.CompletionList = exports.CompletionItem = exports.CompletionItemLabelDetails = exports.ApplyKind = exports.InsertTextMode = exports.InsertReplaceEdit = exports.CompletionItemTag = exports.InsertTextFormat = exports.CompletionItemKind = exports.MarkupContent = exports.MarkupKind = exports.TextDocumentItem = exports.LanguageKind = exports.OptionalVersionedTextDocumentIdentifier = exports.VersionedTextDocumentIdentifier = exports.TextDocumentIdentifier = exports.WorkspaceChange = exports.SnippetTextEdit = exports.WorkspaceEdit = exports.DeleteFile = exports.RenameFile = exports.CreateFile = exports.TextDocumentEdit = exports.AnnotatedTextEdit = exports.ChangeAnnotationIdentifier = exports.ChangeAnnotation = exports.TextEdit = exports.Command = exports.Diagnostic = exports.CodeDescription = exports.DiagnosticTag = exports.DiagnosticSeverity = exports.DiagnosticRelatedInformation = exports.FoldingRange = exports.FoldingRangeKind = exports.ColorPresentation = exports.ColorInformation = exports.Color = exports.LocationLink = exports.Location = exports.Range = exports.Position = exports.uinteger = exports.integer = exports.URI = exports.DocumentUri = void 0;
    var DocumentUri;
    (function (DocumentUri) {
        function is(value) {
            return typeof value === 'string';
        }
        DocumentUri.is = is;
    })(DocumentUri || (exports.DocumentUri = DocumentUri = {}));
    var URI;
    (function (URI) {
        function is(value) {
            return typeof value === 'string';
        }
        URI.is = is;
    })(URI || (exports.URI = URI = {}));
    var integer;
    (function (integer) {
        integer.MIN_VALUE = -2147483648;
        integer.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && integer.MIN_VALUE <= value && value <= integer.MAX_VALUE;
        }
        integer.is = is;
    })(integer || (exports.integer = integer = {}));
    var uinteger;
    (function (uinteger) {
        uinteger.MIN_VALUE = 0;
        uinteger.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && uinteger.MIN_VALUE <= value && value <= uinteger.MAX_VALUE;
        }
        uinteger.is = is;
    })(uinteger || (exports.uinteger = uinteger = {}));
    /**
     * The Position namespace provides helper functions to work with
     * {@link Position} literals.
     */
    var Position;
    (function (Position) {
        /**
         * Creates a new Position literal from the given line and character.
         * @param line The position's line.
         * @param character The position's character.
         */
        function create(line, character) {
            if (line === Number.MAX_VALUE) {
                line = uinteger.MAX_VALUE;
            }
            if (character === Number.MAX_VALUE) {
                character = uinteger.MAX_VALUE;
            }
            return { line: line, character: character };
        }
        Position.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Position} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
        }
        Position.is = is;
    })(Position || (exports.Position = Position = {}));
    /**
     * The Range namespace provides helper functions to work with
     * {@link Range} literals.
     */
    var Range;
    (function (Range) {
        function create(one, two, three, four) {
            if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
                return { start: Position.create(one, two), end: Position.create(three, four) };
            }
            else if (Position.is(one) && Position.is(two)) {
                return { start: one, end: two };
            }
            else {
                throw new Error("Range#create called with invalid arguments[".concat(one, ", ").concat(two, ", ").concat(three, ", ").concat(four, "]"));
            }
        }
        Range.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Range} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
        }
        Range.is = is;
    })(Range || (exports.Range = Range = {}));
    /**
     * The Location namespace provides helper functions to work with
     * {@link Location} literals.
     */
    var Location;
    (function (Location) {
        /**
         * Creates a Location literal.
         * @param uri The location's uri.
         * @param range The location's range.
         */
        function create(uri, range) {
            return { uri: uri, range: range };
        }
        Location.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Location} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
        }
        Location.is = is;
    })(Location || (exports.Location = Location = {}));
    /**
     * The LocationLink namespace provides helper functions to work with
     * {@link LocationLink} literals.
     */
    var LocationLink;
    (function (LocationLink) {
        /**
         * Creates a LocationLink literal.
         * @param targetUri The definition's uri.
         * @param targetRange The full range of the definition.
         * @param targetSelectionRange The span of the symbol definition at the target.
         * @param originSelectionRange The span of the symbol being defined in the originating source file.
         */
        function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
            return { targetUri: targetUri, targetRange: targetRange, targetSelectionRange: targetSelectionRange, originSelectionRange: originSelectionRange };
        }
        LocationLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link LocationLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri)
                && Range.is(candidate.targetSelectionRange)
                && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
        }
        LocationLink.is = is;
    })(LocationLink || (exports.LocationLink = LocationLink = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link Color} literals.
     */
    var Color;
    (function (Color) {
        /**
         * Creates a new Color literal.
         */
        function create(red, green, blue, alpha) {
            return {
                red: red,
                green: green,
                blue: blue,
                alpha: alpha,
            };
        }
        Color.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Color} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1)
                && Is.numberRange(candidate.green, 0, 1)
                && Is.numberRange(candidate.blue, 0, 1)
                && Is.numberRange(candidate.alpha, 0, 1);
        }
        Color.is = is;
    })(Color || (exports.Color = Color = {}));
    /**
     * The ColorInformation namespace provides helper functions to work with
     * {@link ColorInformation} literals.
     */
    var ColorInformation;
    (function (ColorInformation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(range, color) {
            return {
                range: range,
                color: color,
            };
        }
        ColorInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
        }
        ColorInformation.is = is;
    })(ColorInformation || (exports.ColorInformation = ColorInformation = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link ColorPresentation} literals.
     */
    var ColorPresentation;
    (function (ColorPresentation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(label, textEdit, additionalTextEdits) {
            return {
                label: label,
                textEdit: textEdit,
                additionalTextEdits: additionalTextEdits,
            };
        }
        ColorPresentation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label)
                && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit))
                && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
        }
        ColorPresentation.is = is;
    })(ColorPresentation || (exports.ColorPresentation = ColorPresentation = {}));
    /**
     * A set of predefined range kinds.
     */
    var FoldingRangeKind;
    (function (FoldingRangeKind) {
        /**
         * Folding range for a comment
         */
        FoldingRangeKind.Comment = 'comment';
        /**
         * Folding range for an import or include
         */
        FoldingRangeKind.Imports = 'imports';
        /**
         * Folding range for a region (e.g. `#region`)
         */
        FoldingRangeKind.Region = 'region';
    })(FoldingRangeKind || (exports.FoldingRangeKind = FoldingRangeKind = {}));
    /**
     * The folding range namespace provides helper functions to work with
     * {@link FoldingRange} literals.
     */
    var FoldingRange;
    (function (FoldingRange) {
        /**
         * Creates a new FoldingRange literal.
         */
        function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
            var result = {
                startLine: startLine,
                endLine: endLine
            };
            if (Is.defined(startCharacter)) {
                result.startCharacter = startCharacter;
            }
            if (Is.defined(endCharacter)) {
                result.endCharacter = endCharacter;
            }
            if (Is.defined(kind)) {
                result.kind = kind;
            }
            if (Is.defined(collapsedText)) {
                result.collapsedText = collapsedText;
            }
            return result;
        }
        FoldingRange.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FoldingRange} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine)
                && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter))
                && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter))
                && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
        }
        FoldingRange.is = is;
    })(FoldingRange || (exports.FoldingRange = FoldingRange = {}));
    /**
     * The DiagnosticRelatedInformation namespace provides helper functions to work with
     * {@link DiagnosticRelatedInformation} literals.
     */
    var DiagnosticRelatedInformation;
    (function (DiagnosticRelatedInformation) {
        /**
         * Creates a new DiagnosticRelatedInformation literal.
         */
        function create(location, message) {
            return {
                location: location,
                message: message
            };
        }
        DiagnosticRelatedInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DiagnosticRelatedInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
        }
        DiagnosticRelatedInformation.is = is;
    })(DiagnosticRelatedInformation || (exports.DiagnosticRelatedInformation = DiagnosticRelatedInformation = {}));
    /**
     * The diagnostic's severity.
     */
    var DiagnosticSeverity;
    (function (DiagnosticSeverity) {
        /**
         * Reports an error.
         */
        DiagnosticSeverity.Error = 1;
        /**
         * Reports a warning.
         */
        DiagnosticSeverity.Warning = 2;
        /**
         * Reports an information.
         */
        DiagnosticSeverity.Information = 3;
        /**
         * Reports a hint.
         */
        DiagnosticSeverity.Hint = 4;
    })(DiagnosticSeverity || (exports.DiagnosticSeverity = DiagnosticSeverity = {}));
    /**
     * The diagnostic tags.
     *
     * @since 3.15.0
     */
    var DiagnosticTag;
    (function (DiagnosticTag) {
        /**
         * Unused or unnecessary code.
         *
         * Clients are allowed to render diagnostics with this tag faded out instead of having
         * an error squiggle.
         */
        DiagnosticTag.Unnecessary = 1;
        /**
         * Deprecated or obsolete code.
         *
         * Clients are allowed to rendered diagnostics with this tag strike through.
         */
        DiagnosticTag.Deprecated = 2;
    })(DiagnosticTag || (exports.DiagnosticTag = DiagnosticTag = {}));
    /**
     * The CodeDescription namespace provides functions to deal with descriptions for diagnostic codes.
     *
     * @since 3.16.0
     */
    var CodeDescription;
    (function (CodeDescription) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.href);
        }
        CodeDescription.is = is;
    })(CodeDescription || (exports.CodeDescription = CodeDescription = {}));
    /**
     * The Diagnostic namespace provides helper functions to work with
     * {@link Diagnostic} literals.
     */
    var Diagnostic;
    (function (Diagnostic) {
        /**
         * Creates a new Diagnostic literal.
         */
        function create(range, message, severity, code, source, relatedInformation) {
            var result = { range: range, message: message };
            if (Is.defined(severity)) {
                result.severity = severity;
            }
            if (Is.defined(code)) {
                result.code = code;
            }
            if (Is.defined(source)) {
                result.source = source;
            }
            if (Is.defined(relatedInformation)) {
                result.relatedInformation = relatedInformation;
            }
            return result;
        }
        Diagnostic.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Diagnostic} interface.
         */
        function is(value) {
            var _a;
            var candidate = value;
            return Is.defined(candidate)
                && Range.is(candidate.range)
                && (Is.string(candidate.message) || MarkupContent.is(candidate.message))
                && (Is.number(candidate.severity) || Is.undefined(candidate.severity))
                && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code))
                && (Is.undefined(candidate.codeDescription) || (Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)))
                && (Is.string(candidate.source) || Is.undefined(candidate.source))
                && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
        }
        Diagnostic.is = is;
        /**
         * Checks whether the given diagnostic's message conforms to the 3.17.0
         * version of the protocol where the message is a string.
         *
         * @param value the diagnostic
         * @returns true if the diagnostic's message is a string, false otherwise.
         */
        function is3_17(value) {
            return Is.string(value.message);
        }
        Diagnostic.is3_17 = is3_17;
        /**
         * Gets the message string of a diagnostic. If the message is already a
         * string, it is returned as is. If the message is a MarkupContent,
         * the value of the MarkupContent is returned. Otherwise an error is thrown.
         *
         * @param diagnostic the diagnostic to get the message string from.
         * @returns the message string of the given diagnostic.
         */
        function getMessageString(diagnostic) {
            if (Is.string(diagnostic.message)) {
                return diagnostic.message;
            }
            else if (MarkupContent.is(diagnostic.message)) {
                return diagnostic.message.value;
            }
            else {
                throw new Error("Unknown message type ".concat(typeof diagnostic.message));
            }
        }
        Diagnostic.getMessageString = getMessageString;
    })(Diagnostic || (exports.Diagnostic = Diagnostic = {}));
    /**
     * The Command namespace provides helper functions to work with
     * {@link Command} literals.
     */
    var Command;
    (function (Command) {
        /**
         * Creates a new Command literal.
         */
        function create(title, command) {
            var args = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                args[_i - 2] = arguments[_i];
            }
            var result = { title: title, command: command };
            if (Is.defined(args) && args.length > 0) {
                result.arguments = args;
            }
            return result;
        }
        Command.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Command} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === undefined || Is.string(candidate.tooltip)) && Is.string(candidate.command);
        }
        Command.is = is;
    })(Command || (exports.Command = Command = {}));
    /**
     * The TextEdit namespace provides helper function to create replace,
     * insert and delete edits more easily.
     */
    var TextEdit;
    (function (TextEdit) {
        /**
         * Creates a replace text edit.
         * @param range The range of text to be replaced.
         * @param newText The new text.
         */
        function replace(range, newText) {
            return { range: range, newText: newText };
        }
        TextEdit.replace = replace;
        /**
         * Creates an insert text edit.
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         */
        function insert(position, newText) {
            return { range: { start: position, end: position }, newText: newText };
        }
        TextEdit.insert = insert;
        /**
         * Creates a delete text edit.
         * @param range The range of text to be deleted.
         */
        function del(range) {
            return { range: range, newText: '' };
        }
        TextEdit.del = del;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Is.string(candidate.newText)
                && Range.is(candidate.range);
        }
        TextEdit.is = is;
    })(TextEdit || (exports.TextEdit = TextEdit = {}));
    var ChangeAnnotation;
    (function (ChangeAnnotation) {
        function create(label, needsConfirmation, description) {
            var result = { label: label };
            if (needsConfirmation !== undefined) {
                result.needsConfirmation = needsConfirmation;
            }
            if (description !== undefined) {
                result.description = description;
            }
            return result;
        }
        ChangeAnnotation.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label) &&
                (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        ChangeAnnotation.is = is;
    })(ChangeAnnotation || (exports.ChangeAnnotation = ChangeAnnotation = {}));
    var ChangeAnnotationIdentifier;
    (function (ChangeAnnotationIdentifier) {
        function is(value) {
            var candidate = value;
            return Is.string(candidate);
        }
        ChangeAnnotationIdentifier.is = is;
    })(ChangeAnnotationIdentifier || (exports.ChangeAnnotationIdentifier = ChangeAnnotationIdentifier = {}));
    var AnnotatedTextEdit;
    (function (AnnotatedTextEdit) {
        /**
         * Creates an annotated replace text edit.
         *
         * @param range The range of text to be replaced.
         * @param newText The new text.
         * @param annotation The annotation.
         */
        function replace(range, newText, annotation) {
            return { range: range, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.replace = replace;
        /**
         * Creates an annotated insert text edit.
         *
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         * @param annotation The annotation.
         */
        function insert(position, newText, annotation) {
            return { range: { start: position, end: position }, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.insert = insert;
        /**
         * Creates an annotated delete text edit.
         *
         * @param range The range of text to be deleted.
         * @param annotation The annotation.
         */
        function del(range, annotation) {
            return { range: range, newText: '', annotationId: annotation };
        }
        AnnotatedTextEdit.del = del;
        function is(value) {
            var candidate = value;
            return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        AnnotatedTextEdit.is = is;
    })(AnnotatedTextEdit || (exports.AnnotatedTextEdit = AnnotatedTextEdit = {}));
    /**
     * The TextDocumentEdit namespace provides helper function to create
     * an edit that manipulates a text document.
     */
    var TextDocumentEdit;
    (function (TextDocumentEdit) {
        /**
         * Creates a new `TextDocumentEdit`
         */
        function create(textDocument, edits) {
            return { textDocument: textDocument, edits: edits };
        }
        TextDocumentEdit.create = create;
        function is(value) {
            var candidate = value;
            return Is.defined(candidate)
                && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument)
                && Array.isArray(candidate.edits);
        }
        TextDocumentEdit.is = is;
    })(TextDocumentEdit || (exports.TextDocumentEdit = TextDocumentEdit = {}));
    var CreateFile;
    (function (CreateFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'create',
                uri: uri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        CreateFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'create' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        CreateFile.is = is;
    })(CreateFile || (exports.CreateFile = CreateFile = {}));
    var RenameFile;
    (function (RenameFile) {
        function create(oldUri, newUri, options, annotation) {
            var result = {
                kind: 'rename',
                oldUri: oldUri,
                newUri: newUri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        RenameFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'rename' && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        RenameFile.is = is;
    })(RenameFile || (exports.RenameFile = RenameFile = {}));
    var DeleteFile;
    (function (DeleteFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'delete',
                uri: uri
            };
            if (options !== undefined && (options.recursive !== undefined || options.ignoreIfNotExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        DeleteFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'delete' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.recursive === undefined || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === undefined || Is.boolean(candidate.options.ignoreIfNotExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        DeleteFile.is = is;
    })(DeleteFile || (exports.DeleteFile = DeleteFile = {}));
    var WorkspaceEdit;
    (function (WorkspaceEdit) {
        function is(value) {
            var candidate = value;
            return candidate &&
                (candidate.changes !== undefined || candidate.documentChanges !== undefined) &&
                (candidate.documentChanges === undefined || candidate.documentChanges.every(function (change) {
                    if (Is.string(change.kind)) {
                        return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
                    }
                    else {
                        return TextDocumentEdit.is(change);
                    }
                }));
        }
        WorkspaceEdit.is = is;
    })(WorkspaceEdit || (exports.WorkspaceEdit = WorkspaceEdit = {}));
    var TextEditChangeImpl = /** @class */ (function () {
        function TextEditChangeImpl(edits, changeAnnotations) {
            this.edits = edits;
            this.changeAnnotations = changeAnnotations;
        }
        TextEditChangeImpl.prototype.insert = function (position, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.insert(position, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.insert(position, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.insert(position, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.replace = function (range, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.replace(range, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.replace(range, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.replace(range, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.delete = function (range, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.del(range);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.del(range, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.del(range, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.add = function (edit) {
            this.edits.push(edit);
        };
        TextEditChangeImpl.prototype.all = function () {
            return this.edits;
        };
        TextEditChangeImpl.prototype.clear = function () {
            this.edits.splice(0, this.edits.length);
        };
        TextEditChangeImpl.prototype.assertChangeAnnotations = function (value) {
            if (value === undefined) {
                throw new Error("Text edit change is not configured to manage change annotations.");
            }
        };
        return TextEditChangeImpl;
    }());
    var SnippetTextEdit;
    (function (SnippetTextEdit) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Range.is(candidate.range)
                && StringValue.isSnippet(candidate.snippet)
                && (candidate.annotationId === undefined ||
                    (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
        }
        SnippetTextEdit.is = is;
    })(SnippetTextEdit || (exports.SnippetTextEdit = SnippetTextEdit = {}));
    /**
     * A helper class
     */
    var ChangeAnnotations = /** @class */ (function () {
        function ChangeAnnotations(annotations) {
            this._annotations = annotations === undefined ? Object.create(null) : annotations;
            this._counter = 0;
            this._size = 0;
        }
        ChangeAnnotations.prototype.all = function () {
            return this._annotations;
        };
        Object.defineProperty(ChangeAnnotations.prototype, "size", {
            get: function () {
                return this._size;
            },
            enumerable: false,
            configurable: true
        });
        ChangeAnnotations.prototype.manage = function (idOrAnnotation, annotation) {
            var id;
            if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
                id = idOrAnnotation;
            }
            else {
                id = this.nextId();
                annotation = idOrAnnotation;
            }
            if (this._annotations[id] !== undefined) {
                throw new Error("Id ".concat(id, " is already in use."));
            }
            if (annotation === undefined) {
                throw new Error("No annotation provided for id ".concat(id));
            }
            this._annotations[id] = annotation;
            this._size++;
            return id;
        };
        ChangeAnnotations.prototype.nextId = function () {
            this._counter++;
            return this._counter.toString();
        };
        return ChangeAnnotations;
    }());
    /**
     * A workspace change helps constructing changes to a workspace.
     */
    var WorkspaceChange = /** @class */ (function () {
        function WorkspaceChange(workspaceEdit) {
            var _this = this;
            this._textEditChanges = Object.create(null);
            if (workspaceEdit !== undefined) {
                this._workspaceEdit = workspaceEdit;
                if (workspaceEdit.documentChanges) {
                    this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
                    workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    workspaceEdit.documentChanges.forEach(function (change) {
                        if (TextDocumentEdit.is(change)) {
                            var textEditChange = new TextEditChangeImpl(change.edits, _this._changeAnnotations);
                            _this._textEditChanges[change.textDocument.uri] = textEditChange;
                        }
                    });
                }
                else if (workspaceEdit.changes) {
                    Object.keys(workspaceEdit.changes).forEach(function (key) {
                        var textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
                        _this._textEditChanges[key] = textEditChange;
                    });
                }
            }
            else {
                this._workspaceEdit = {};
            }
        }
        Object.defineProperty(WorkspaceChange.prototype, "edit", {
            /**
             * Returns the underlying {@link WorkspaceEdit} literal
             * use to be returned from a workspace edit operation like rename.
             */
            get: function () {
                this.initDocumentChanges();
                if (this._changeAnnotations !== undefined) {
                    if (this._changeAnnotations.size === 0) {
                        this._workspaceEdit.changeAnnotations = undefined;
                    }
                    else {
                        this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    }
                }
                return this._workspaceEdit;
            },
            enumerable: false,
            configurable: true
        });
        WorkspaceChange.prototype.getTextEditChange = function (key) {
            if (OptionalVersionedTextDocumentIdentifier.is(key)) {
                this.initDocumentChanges();
                if (this._workspaceEdit.documentChanges === undefined) {
                    throw new Error('Workspace edit is not configured for document changes.');
                }
                var textDocument = { uri: key.uri, version: key.version };
                var result = this._textEditChanges[textDocument.uri];
                if (!result) {
                    var edits = [];
                    var textDocumentEdit = {
                        textDocument: textDocument,
                        edits: edits
                    };
                    this._workspaceEdit.documentChanges.push(textDocumentEdit);
                    result = new TextEditChangeImpl(edits, this._changeAnnotations);
                    this._textEditChanges[textDocument.uri] = result;
                }
                return result;
            }
            else {
                this.initChanges();
                if (this._workspaceEdit.changes === undefined) {
                    throw new Error('Workspace edit is not configured for normal text edit changes.');
                }
                var result = this._textEditChanges[key];
                if (!result) {
                    var edits = [];
                    this._workspaceEdit.changes[key] = edits;
                    result = new TextEditChangeImpl(edits);
                    this._textEditChanges[key] = result;
                }
                return result;
            }
        };
        WorkspaceChange.prototype.initDocumentChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._changeAnnotations = new ChangeAnnotations();
                this._workspaceEdit.documentChanges = [];
                this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            }
        };
        WorkspaceChange.prototype.initChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._workspaceEdit.changes = Object.create(null);
            }
        };
        WorkspaceChange.prototype.createFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = CreateFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = CreateFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.renameFile = function (oldUri, newUri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = RenameFile.create(oldUri, newUri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = RenameFile.create(oldUri, newUri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.deleteFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = DeleteFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = DeleteFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        return WorkspaceChange;
    }());
    exports.WorkspaceChange = WorkspaceChange;
    /**
     * The TextDocumentIdentifier namespace provides helper functions to work with
     * {@link TextDocumentIdentifier} literals.
     */
    var TextDocumentIdentifier;
    (function (TextDocumentIdentifier) {
        /**
         * Creates a new TextDocumentIdentifier literal.
         * @param uri The document's uri.
         */
        function create(uri) {
            return { uri: uri };
        }
        TextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri);
        }
        TextDocumentIdentifier.is = is;
    })(TextDocumentIdentifier || (exports.TextDocumentIdentifier = TextDocumentIdentifier = {}));
    /**
     * The VersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link VersionedTextDocumentIdentifier} literals.
     */
    var VersionedTextDocumentIdentifier;
    (function (VersionedTextDocumentIdentifier) {
        /**
         * Creates a new VersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        VersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link VersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
        }
        VersionedTextDocumentIdentifier.is = is;
    })(VersionedTextDocumentIdentifier || (exports.VersionedTextDocumentIdentifier = VersionedTextDocumentIdentifier = {}));
    /**
     * The OptionalVersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link OptionalVersionedTextDocumentIdentifier} literals.
     */
    var OptionalVersionedTextDocumentIdentifier;
    (function (OptionalVersionedTextDocumentIdentifier) {
        /**
         * Creates a new OptionalVersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        OptionalVersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link OptionalVersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
        }
        OptionalVersionedTextDocumentIdentifier.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (exports.OptionalVersionedTextDocumentIdentifier = OptionalVersionedTextDocumentIdentifier = {}));
    /**
     * Predefined Language kinds
     * @since 3.18.0
     */
    var LanguageKind;
    (function (LanguageKind) {
        LanguageKind.ABAP = 'abap';
        LanguageKind.WindowsBat = 'bat';
        LanguageKind.BibTeX = 'bibtex';
        LanguageKind.Clojure = 'clojure';
        LanguageKind.Coffeescript = 'coffeescript';
        LanguageKind.C = 'c';
        LanguageKind.CPP = 'cpp';
        LanguageKind.CSharp = 'csharp';
        LanguageKind.CSS = 'css';
        /**
         * @since 3.18.0
         */
        LanguageKind.D = 'd';
        /**
         * @since 3.18.0
         */
        LanguageKind.Delphi = 'pascal';
        LanguageKind.Diff = 'diff';
        LanguageKind.Dart = 'dart';
        LanguageKind.Dockerfile = 'dockerfile';
        LanguageKind.Elixir = 'elixir';
        LanguageKind.Erlang = 'erlang';
        LanguageKind.FSharp = 'fsharp';
        LanguageKind.GitCommit = 'git-commit';
        LanguageKind.GitRebase = 'git-rebase';
        LanguageKind.Go = 'go';
        LanguageKind.Groovy = 'groovy';
        LanguageKind.Handlebars = 'handlebars';
        LanguageKind.Haskell = 'haskell';
        LanguageKind.HTML = 'html';
        LanguageKind.Ini = 'ini';
        LanguageKind.Java = 'java';
        LanguageKind.JavaScript = 'javascript';
        LanguageKind.JavaScriptReact = 'javascriptreact';
        LanguageKind.JSON = 'json';
        LanguageKind.LaTeX = 'latex';
        LanguageKind.Less = 'less';
        LanguageKind.Lua = 'lua';
        LanguageKind.Makefile = 'makefile';
        LanguageKind.Markdown = 'markdown';
        LanguageKind.ObjectiveC = 'objective-c';
        LanguageKind.ObjectiveCPP = 'objective-cpp';
        /**
         * @since 3.18.0
         */
        LanguageKind.Pascal = 'pascal';
        LanguageKind.Perl = 'perl';
        LanguageKind.Perl6 = 'perl6';
        LanguageKind.PHP = 'php';
        LanguageKind.Plaintext = 'plaintext';
        LanguageKind.Powershell = 'powershell';
        LanguageKind.Pug = 'jade';
        LanguageKind.Python = 'python';
        LanguageKind.R = 'r';
        LanguageKind.Razor = 'razor';
        LanguageKind.Ruby = 'ruby';
        LanguageKind.Rust = 'rust';
        LanguageKind.SCSS = 'scss';
        LanguageKind.SASS = 'sass';
        LanguageKind.Scala = 'scala';
        LanguageKind.ShaderLab = 'shaderlab';
        LanguageKind.ShellScript = 'shellscript';
        LanguageKind.SQL = 'sql';
        LanguageKind.Swift = 'swift';
        LanguageKind.TypeScript = 'typescript';
        LanguageKind.TypeScriptReact = 'typescriptreact';
        LanguageKind.TeX = 'tex';
        LanguageKind.VisualBasic = 'vb';
        LanguageKind.XML = 'xml';
        LanguageKind.XSL = 'xsl';
        LanguageKind.YAML = 'yaml';
    })(LanguageKind || (exports.LanguageKind = LanguageKind = {}));
    /**
     * The TextDocumentItem namespace provides helper functions to work with
     * {@link TextDocumentItem} literals.
     */
    var TextDocumentItem;
    (function (TextDocumentItem) {
        /**
         * Creates a new TextDocumentItem literal.
         * @param uri The document's uri.
         * @param languageId The document's language identifier.
         * @param version The document's version number.
         * @param text The document's text.
         */
        function create(uri, languageId, version, text) {
            return { uri: uri, languageId: languageId, version: version, text: text };
        }
        TextDocumentItem.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentItem} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
        }
        TextDocumentItem.is = is;
    })(TextDocumentItem || (exports.TextDocumentItem = TextDocumentItem = {}));
    /**
     * Describes the content type that a client supports in various
     * result literals like `Hover`, `ParameterInfo` or `CompletionItem`.
     *
     * Please note that `MarkupKinds` must not start with a `$`. This kinds
     * are reserved for internal usage.
     */
    var MarkupKind;
    (function (MarkupKind) {
        /**
         * Plain text is supported as a content format
         */
        MarkupKind.PlainText = 'plaintext';
        /**
         * Markdown is supported as a content format
         */
        MarkupKind.Markdown = 'markdown';
        /**
         * Checks whether the given value is a value of the {@link MarkupKind} type.
         */
        function is(value) {
            var candidate = value;
            return candidate === MarkupKind.PlainText || candidate === MarkupKind.Markdown;
        }
        MarkupKind.is = is;
    })(MarkupKind || (exports.MarkupKind = MarkupKind = {}));
    var MarkupContent;
    (function (MarkupContent) {
        /**
         * Checks whether the given value conforms to the {@link MarkupContent} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
        }
        MarkupContent.is = is;
    })(MarkupContent || (exports.MarkupContent = MarkupContent = {}));
    /**
     * The kind of a completion entry.
     */
    var CompletionItemKind;
    (function (CompletionItemKind) {
        CompletionItemKind.Text = 1;
        CompletionItemKind.Method = 2;
        CompletionItemKind.Function = 3;
        CompletionItemKind.Constructor = 4;
        CompletionItemKind.Field = 5;
        CompletionItemKind.Variable = 6;
        CompletionItemKind.Class = 7;
        CompletionItemKind.Interface = 8;
        CompletionItemKind.Module = 9;
        CompletionItemKind.Property = 10;
        CompletionItemKind.Unit = 11;
        CompletionItemKind.Value = 12;
        CompletionItemKind.Enum = 13;
        CompletionItemKind.Keyword = 14;
        CompletionItemKind.Snippet = 15;
        CompletionItemKind.Color = 16;
        CompletionItemKind.File = 17;
        CompletionItemKind.Reference = 18;
        CompletionItemKind.Folder = 19;
        CompletionItemKind.EnumMember = 20;
        CompletionItemKind.Constant = 21;
        CompletionItemKind.Struct = 22;
        CompletionItemKind.Event = 23;
        CompletionItemKind.Operator = 24;
        CompletionItemKind.TypeParameter = 25;
    })(CompletionItemKind || (exports.CompletionItemKind = CompletionItemKind = {}));
    /**
     * Defines whether the insert text in a completion item should be interpreted as
     * plain text or a snippet.
     */
    var InsertTextFormat;
    (function (InsertTextFormat) {
        /**
         * The primary text to be inserted is treated as a plain string.
         */
        InsertTextFormat.PlainText = 1;
        /**
         * The primary text to be inserted is treated as a snippet.
         *
         * A snippet can define tab stops and placeholders with `$1`, `$2`
         * and `${3:foo}`. `$0` defines the final tab stop, it defaults to
         * the end of the snippet. Placeholders with equal identifiers are linked,
         * that is typing in one will update others too.
         *
         * See also: https://microsoft.github.io/language-server-protocol/specifications/specification-current/#snippet_syntax
         */
        InsertTextFormat.Snippet = 2;
    })(InsertTextFormat || (exports.InsertTextFormat = InsertTextFormat = {}));
    /**
     * Completion item tags are extra annotations that tweak the rendering of a completion
     * item.
     *
     * @since 3.15.0
     */
    var CompletionItemTag;
    (function (CompletionItemTag) {
        /**
         * Render a completion as obsolete, usually using a strike-out.
         */
        CompletionItemTag.Deprecated = 1;
    })(CompletionItemTag || (exports.CompletionItemTag = CompletionItemTag = {}));
    /**
     * The InsertReplaceEdit namespace provides functions to deal with insert / replace edits.
     *
     * @since 3.16.0
     */
    var InsertReplaceEdit;
    (function (InsertReplaceEdit) {
        /**
         * Creates a new insert / replace edit
         */
        function create(newText, insert, replace) {
            return { newText: newText, insert: insert, replace: replace };
        }
        InsertReplaceEdit.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InsertReplaceEdit} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
        }
        InsertReplaceEdit.is = is;
    })(InsertReplaceEdit || (exports.InsertReplaceEdit = InsertReplaceEdit = {}));
    /**
     * How whitespace and indentation is handled during completion
     * item insertion.
     *
     * @since 3.16.0
     */
    var InsertTextMode;
    (function (InsertTextMode) {
        /**
         * The insertion or replace strings is taken as it is. If the
         * value is multi line the lines below the cursor will be
         * inserted using the indentation defined in the string value.
         * The client will not apply any kind of adjustments to the
         * string.
         */
        InsertTextMode.asIs = 1;
        /**
         * The editor adjusts leading whitespace of new lines so that
         * they match the indentation up to the cursor of the line for
         * which the item is accepted.
         *
         * Consider a line like this: <2tabs><cursor><3tabs>foo. Accepting a
         * multi line completion item is indented using 2 tabs and all
         * following lines inserted will be indented using 2 tabs as well.
         */
        InsertTextMode.adjustIndentation = 2;
    })(InsertTextMode || (exports.InsertTextMode = InsertTextMode = {}));
    /**
     * Defines how values from a set of defaults and an individual item will be
     * merged.
     *
     * @since 3.18.0
     */
    var ApplyKind;
    (function (ApplyKind) {
        /**
         * The value from the individual item (if provided and not `null`) will be
         * used instead of the default.
         */
        ApplyKind.Replace = 1;
        /**
         * The value from the item will be merged with the default.
         *
         * The specific rules for mergeing values are defined against each field
         * that supports merging.
         */
        ApplyKind.Merge = 2;
    })(ApplyKind || (exports.ApplyKind = ApplyKind = {}));
    var CompletionItemLabelDetails;
    (function (CompletionItemLabelDetails) {
        function is(value) {
            var candidate = value;
            return candidate && (Is.string(candidate.detail) || candidate.detail === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        CompletionItemLabelDetails.is = is;
    })(CompletionItemLabelDetails || (exports.CompletionItemLabelDetails = CompletionItemLabelDetails = {}));
    /**
     * The CompletionItem namespace provides functions to deal with
     * completion items.
     */
    var CompletionItem;
    (function (CompletionItem) {
        /**
         * Create a completion item and seed it with a label.
         * @param label The completion item's label
         */
        function create(label) {
            return { label: label };
        }
        CompletionItem.create = create;
    })(CompletionItem || (exports.CompletionItem = CompletionItem = {}));
    /**
     * The CompletionList namespace provides functions to deal with
     * completion lists.
     */
    var CompletionList;
    (function (CompletionList) {
        /**
         * Creates a new completion list.
         *
         * @param items The completion items.
         * @param isIncomplete The list is not complete.
         */
        function create(items, isIncomplete) {
            return { items: items ? items : [], isIncomplete: !!isIncomplete };
        }
        CompletionList.create = create;
    })(CompletionList || (exports.CompletionList = CompletionList = {}));
    var MarkedString;
    (function (MarkedString) {
        /**
         * Creates a marked string from plain text.
         *
         * @param plainText The plain text.
         */
        function fromPlainText(plainText) {
            return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); // escape markdown syntax tokens: http://daringfireball.net/projects/markdown/syntax#backslash
        }
        MarkedString.fromPlainText = fromPlainText;
        /**
         * Checks whether the given value conforms to the {@link MarkedString} type.
         */
        function is(value) {
            var candidate = value;
            return Is.string(candidate) || (Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value));
        }
        MarkedString.is = is;
    })(MarkedString || (exports.MarkedString = MarkedString = {}));
    var Hover;
    (function (Hover) {
        /**
         * Checks whether the given value conforms to the {@link Hover} interface.
         */
        function is(value) {
            var candidate = value;
            return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) ||
                MarkedString.is(candidate.contents) ||
                Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === undefined || Range.is(value.range));
        }
        Hover.is = is;
    })(Hover || (exports.Hover = Hover = {}));
    /**
     * The ParameterInformation namespace provides helper functions to work with
     * {@link ParameterInformation} literals.
     */
    var ParameterInformation;
    (function (ParameterInformation) {
        /**
         * Creates a new parameter information literal.
         *
         * @param label A label string.
         * @param documentation A doc string.
         */
        function create(label, documentation) {
            return documentation ? { label: label, documentation: documentation } : { label: label };
        }
        ParameterInformation.create = create;
    })(ParameterInformation || (exports.ParameterInformation = ParameterInformation = {}));
    /**
     * The SignatureInformation namespace provides helper functions to work with
     * {@link SignatureInformation} literals.
     */
    var SignatureInformation;
    (function (SignatureInformation) {
        function create(label, documentation) {
            var parameters = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                parameters[_i - 2] = arguments[_i];
            }
            var result = { label: label };
            if (Is.defined(documentation)) {
                result.documentation = documentation;
            }
            if (Is.defined(parameters)) {
                result.parameters = parameters;
            }
            else {
                result.parameters = [];
            }
            return result;
        }
        SignatureInformation.create = create;
    })(SignatureInformation || (exports.SignatureInformation = SignatureInformation = {}));
    /**
     * A document highlight kind.
     */
    var DocumentHighlightKind;
    (function (DocumentHighlightKind) {
        /**
         * A textual occurrence.
         */
        DocumentHighlightKind.Text = 1;
        /**
         * Read-access of a symbol, like reading a variable.
         */
        DocumentHighlightKind.Read = 2;
        /**
         * Write-access of a symbol, like writing to a variable.
         */
        DocumentHighlightKind.Write = 3;
    })(DocumentHighlightKind || (exports.DocumentHighlightKind = DocumentHighlightKind = {}));
    /**
     * DocumentHighlight namespace to provide helper functions to work with
     * {@link DocumentHighlight} literals.
     */
    var DocumentHighlight;
    (function (DocumentHighlight) {
        /**
         * Create a DocumentHighlight object.
         * @param range The range the highlight applies to.
         * @param kind The highlight kind
         */
        function create(range, kind) {
            var result = { range: range };
            if (Is.number(kind)) {
                result.kind = kind;
            }
            return result;
        }
        DocumentHighlight.create = create;
    })(DocumentHighlight || (exports.DocumentHighlight = DocumentHighlight = {}));
    /**
     * A symbol kind.
     */
    var SymbolKind;
    (function (SymbolKind) {
        SymbolKind.File = 1;
        SymbolKind.Module = 2;
        SymbolKind.Namespace = 3;
        SymbolKind.Package = 4;
        SymbolKind.Class = 5;
        SymbolKind.Method = 6;
        SymbolKind.Property = 7;
        SymbolKind.Field = 8;
        SymbolKind.Constructor = 9;
        SymbolKind.Enum = 10;
        SymbolKind.Interface = 11;
        SymbolKind.Function = 12;
        SymbolKind.Variable = 13;
        SymbolKind.Constant = 14;
        SymbolKind.String = 15;
        SymbolKind.Number = 16;
        SymbolKind.Boolean = 17;
        SymbolKind.Array = 18;
        SymbolKind.Object = 19;
        SymbolKind.Key = 20;
        SymbolKind.Null = 21;
        SymbolKind.EnumMember = 22;
        SymbolKind.Struct = 23;
        SymbolKind.Event = 24;
        SymbolKind.Operator = 25;
        SymbolKind.TypeParameter = 26;
    })(SymbolKind || (exports.SymbolKind = SymbolKind = {}));
    /**
     * Symbol tags are extra annotations that tweak the rendering of a symbol.
     *
     * @since 3.16
     */
    var SymbolTag;
    (function (SymbolTag) {
        /**
         * Render a symbol as obsolete, usually using a strike-out.
         */
        SymbolTag.Deprecated = 1;
    })(SymbolTag || (exports.SymbolTag = SymbolTag = {}));
    var SymbolInformation;
    (function (SymbolInformation) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the location of the symbol.
         * @param uri The resource of the location of symbol.
         * @param containerName The name of the symbol containing the symbol.
         */
        function create(name, kind, range, uri, containerName) {
            var result = {
                name: name,
                kind: kind,
                location: { uri: uri, range: range }
            };
            if (containerName) {
                result.containerName = containerName;
            }
            return result;
        }
        SymbolInformation.create = create;
    })(SymbolInformation || (exports.SymbolInformation = SymbolInformation = {}));
    var WorkspaceSymbol;
    (function (WorkspaceSymbol) {
        /**
         * Create a new workspace symbol.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param uri The resource of the location of the symbol.
         * @param range An options range of the location.
         * @returns A WorkspaceSymbol.
         */
        function create(name, kind, uri, range) {
            return range !== undefined
                ? { name: name, kind: kind, location: { uri: uri, range: range } }
                : { name: name, kind: kind, location: { uri: uri } };
        }
        WorkspaceSymbol.create = create;
    })(WorkspaceSymbol || (exports.WorkspaceSymbol = WorkspaceSymbol = {}));
    var DocumentSymbol;
    (function (DocumentSymbol) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param detail The detail of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the symbol.
         * @param selectionRange The selectionRange of the symbol.
         * @param children Children of the symbol.
         */
        function create(name, detail, kind, range, selectionRange, children) {
            var result = {
                name: name,
                detail: detail,
                kind: kind,
                range: range,
                selectionRange: selectionRange
            };
            if (children !== undefined) {
                result.children = children;
            }
            return result;
        }
        DocumentSymbol.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentSymbol} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate &&
                Is.string(candidate.name) && Is.number(candidate.kind) &&
                Range.is(candidate.range) && Range.is(candidate.selectionRange) &&
                (candidate.detail === undefined || Is.string(candidate.detail)) &&
                (candidate.deprecated === undefined || Is.boolean(candidate.deprecated)) &&
                (candidate.children === undefined || Array.isArray(candidate.children)) &&
                (candidate.tags === undefined || Array.isArray(candidate.tags));
        }
        DocumentSymbol.is = is;
    })(DocumentSymbol || (exports.DocumentSymbol = DocumentSymbol = {}));
    /**
     * A set of predefined code action kinds
     */
    var CodeActionKind;
    (function (CodeActionKind) {
        /**
         * Empty kind.
         */
        CodeActionKind.Empty = '';
        /**
         * Base kind for quickfix actions: 'quickfix'
         */
        CodeActionKind.QuickFix = 'quickfix';
        /**
         * Base kind for refactoring actions: 'refactor'
         */
        CodeActionKind.Refactor = 'refactor';
        /**
         * Base kind for refactoring extraction actions: 'refactor.extract'
         *
         * Example extract actions:
         *
         * - Extract method
         * - Extract function
         * - Extract variable
         * - Extract interface from class
         * - ...
         */
        CodeActionKind.RefactorExtract = 'refactor.extract';
        /**
         * Base kind for refactoring inline actions: 'refactor.inline'
         *
         * Example inline actions:
         *
         * - Inline function
         * - Inline variable
         * - Inline constant
         * - ...
         */
        CodeActionKind.RefactorInline = 'refactor.inline';
        /**
         * Base kind for refactoring move actions: `refactor.move`
         *
         * Example move actions:
         *
         * - Move a function to a new file
         * - Move a property between classes
         * - Move method to base class
         * - ...
         *
         * @since 3.18.0
         */
        CodeActionKind.RefactorMove = 'refactor.move';
        /**
         * Base kind for refactoring rewrite actions: 'refactor.rewrite'
         *
         * Example rewrite actions:
         *
         * - Convert JavaScript function to class
         * - Add or remove parameter
         * - Encapsulate field
         * - Make method static
         * - Move method to base class
         * - ...
         */
        CodeActionKind.RefactorRewrite = 'refactor.rewrite';
        /**
         * Base kind for source actions: `source`
         *
         * Source code actions apply to the entire file.
         */
        CodeActionKind.Source = 'source';
        /**
         * Base kind for an organize imports source action: `source.organizeImports`
         */
        CodeActionKind.SourceOrganizeImports = 'source.organizeImports';
        /**
         * Base kind for auto-fix source actions: `source.fixAll`.
         *
         * Fix all actions automatically fix errors that have a clear fix that do not require user input.
         * They should not suppress errors or perform unsafe fixes such as generating new types or classes.
         *
         * @since 3.15.0
         */
        CodeActionKind.SourceFixAll = 'source.fixAll';
        /**
         * Base kind for all code actions applying to the entire notebook's scope. CodeActionKinds using
         * this should always begin with `notebook.`
         *
         * @since 3.18.0
         */
        CodeActionKind.Notebook = 'notebook';
    })(CodeActionKind || (exports.CodeActionKind = CodeActionKind = {}));
    /**
     * The reason why code actions were requested.
     *
     * @since 3.17.0
     */
    var CodeActionTriggerKind;
    (function (CodeActionTriggerKind) {
        /**
         * Code actions were explicitly requested by the user or by an extension.
         */
        CodeActionTriggerKind.Invoked = 1;
        /**
         * Code actions were requested automatically.
         *
         * This typically happens when current selection in a file changes, but can
         * also be triggered when file content changes.
         */
        CodeActionTriggerKind.Automatic = 2;
    })(CodeActionTriggerKind || (exports.CodeActionTriggerKind = CodeActionTriggerKind = {}));
    /**
     * The CodeActionContext namespace provides helper functions to work with
     * {@link CodeActionContext} literals.
     */
    var CodeActionContext;
    (function (CodeActionContext) {
        /**
         * Creates a new CodeActionContext literal.
         */
        function create(diagnostics, only, triggerKind) {
            var result = { diagnostics: diagnostics };
            if (only !== undefined && only !== null) {
                result.only = only;
            }
            if (triggerKind !== undefined && triggerKind !== null) {
                result.triggerKind = triggerKind;
            }
            return result;
        }
        CodeActionContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is)
                && (candidate.only === undefined || Is.typedArray(candidate.only, Is.string))
                && (candidate.triggerKind === undefined || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
        }
        CodeActionContext.is = is;
    })(CodeActionContext || (exports.CodeActionContext = CodeActionContext = {}));
    /**
     * Code action tags are extra annotations that tweak the behavior of a code action.
     *
     * @since 3.18.0
     */
    var CodeActionTag;
    (function (CodeActionTag) {
        /**
         * Marks the code action as LLM-generated.
         */
        CodeActionTag.LLMGenerated = 1;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionTag} interface.
         */
        function is(value) {
            return Is.defined(value) && value === CodeActionTag.LLMGenerated;
        }
        CodeActionTag.is = is;
    })(CodeActionTag || (exports.CodeActionTag = CodeActionTag = {}));
    var CodeAction;
    (function (CodeAction) {
        function create(title, kindOrCommandOrEdit, kind) {
            var result = { title: title };
            var checkKind = true;
            if (typeof kindOrCommandOrEdit === 'string') {
                checkKind = false;
                result.kind = kindOrCommandOrEdit;
            }
            else if (Command.is(kindOrCommandOrEdit)) {
                result.command = kindOrCommandOrEdit;
            }
            else {
                result.edit = kindOrCommandOrEdit;
            }
            if (checkKind && kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        CodeAction.create = create;
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.title) &&
                (candidate.diagnostics === undefined || Is.typedArray(candidate.diagnostics, Diagnostic.is)) &&
                (candidate.kind === undefined || Is.string(candidate.kind)) &&
                (candidate.edit !== undefined || candidate.command !== undefined) &&
                (candidate.command === undefined || Command.is(candidate.command)) &&
                (candidate.isPreferred === undefined || Is.boolean(candidate.isPreferred)) &&
                (candidate.edit === undefined || WorkspaceEdit.is(candidate.edit)) &&
                (candidate.tags === undefined || Is.typedArray(candidate.tags, CodeActionTag.is));
        }
        CodeAction.is = is;
    })(CodeAction || (exports.CodeAction = CodeAction = {}));
    /**
     * The CodeLens namespace provides helper functions to work with
     * {@link CodeLens} literals.
     */
    var CodeLens;
    (function (CodeLens) {
        /**
         * Creates a new CodeLens literal.
         */
        function create(range, data) {
            var result = { range: range };
            if (Is.defined(data)) {
                result.data = data;
            }
            return result;
        }
        CodeLens.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeLens} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
        }
        CodeLens.is = is;
    })(CodeLens || (exports.CodeLens = CodeLens = {}));
    /**
     * The FormattingOptions namespace provides helper functions to work with
     * {@link FormattingOptions} literals.
     */
    var FormattingOptions;
    (function (FormattingOptions) {
        /**
         * Creates a new FormattingOptions literal.
         */
        function create(tabSize, insertSpaces) {
            return { tabSize: tabSize, insertSpaces: insertSpaces };
        }
        FormattingOptions.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FormattingOptions} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
        }
        FormattingOptions.is = is;
    })(FormattingOptions || (exports.FormattingOptions = FormattingOptions = {}));
    /**
     * The DocumentLink namespace provides helper functions to work with
     * {@link DocumentLink} literals.
     */
    var DocumentLink;
    (function (DocumentLink) {
        /**
         * Creates a new DocumentLink literal.
         */
        function create(range, target, data) {
            return { range: range, target: target, data: data };
        }
        DocumentLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
        }
        DocumentLink.is = is;
    })(DocumentLink || (exports.DocumentLink = DocumentLink = {}));
    /**
     * The SelectionRange namespace provides helper function to work with
     * SelectionRange literals.
     */
    var SelectionRange;
    (function (SelectionRange) {
        /**
         * Creates a new SelectionRange
         * @param range the range.
         * @param parent an optional parent.
         */
        function create(range, parent) {
            return { range: range, parent: parent };
        }
        SelectionRange.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === undefined || SelectionRange.is(candidate.parent));
        }
        SelectionRange.is = is;
    })(SelectionRange || (exports.SelectionRange = SelectionRange = {}));
    /**
     * A set of predefined token types. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenTypes;
    (function (SemanticTokenTypes) {
        SemanticTokenTypes["namespace"] = "namespace";
        /**
         * Represents a generic type. Acts as a fallback for types which can't be mapped to
         * a specific type like class or enum.
         */
        SemanticTokenTypes["type"] = "type";
        SemanticTokenTypes["class"] = "class";
        SemanticTokenTypes["enum"] = "enum";
        SemanticTokenTypes["interface"] = "interface";
        SemanticTokenTypes["struct"] = "struct";
        SemanticTokenTypes["typeParameter"] = "typeParameter";
        SemanticTokenTypes["parameter"] = "parameter";
        SemanticTokenTypes["variable"] = "variable";
        SemanticTokenTypes["property"] = "property";
        SemanticTokenTypes["enumMember"] = "enumMember";
        SemanticTokenTypes["event"] = "event";
        SemanticTokenTypes["function"] = "function";
        SemanticTokenTypes["method"] = "method";
        SemanticTokenTypes["macro"] = "macro";
        SemanticTokenTypes["keyword"] = "keyword";
        SemanticTokenTypes["modifier"] = "modifier";
        SemanticTokenTypes["comment"] = "comment";
        SemanticTokenTypes["string"] = "string";
        SemanticTokenTypes["number"] = "number";
        SemanticTokenTypes["regexp"] = "regexp";
        SemanticTokenTypes["operator"] = "operator";
        /**
         * @since 3.17.0
         */
        SemanticTokenTypes["decorator"] = "decorator";
        /**
         * @since 3.18.0
         */
        SemanticTokenTypes["label"] = "label";
    })(SemanticTokenTypes || (exports.SemanticTokenTypes = SemanticTokenTypes = {}));
    /**
     * A set of predefined token modifiers. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenModifiers;
    (function (SemanticTokenModifiers) {
        SemanticTokenModifiers["declaration"] = "declaration";
        SemanticTokenModifiers["definition"] = "definition";
        SemanticTokenModifiers["readonly"] = "readonly";
        SemanticTokenModifiers["static"] = "static";
        SemanticTokenModifiers["deprecated"] = "deprecated";
        SemanticTokenModifiers["abstract"] = "abstract";
        SemanticTokenModifiers["async"] = "async";
        SemanticTokenModifiers["modification"] = "modification";
        SemanticTokenModifiers["documentation"] = "documentation";
        SemanticTokenModifiers["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (exports.SemanticTokenModifiers = SemanticTokenModifiers = {}));
    /**
     * @since 3.16.0
     */
    var SemanticTokens;
    (function (SemanticTokens) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && (candidate.resultId === undefined || typeof candidate.resultId === 'string') &&
                Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === 'number');
        }
        SemanticTokens.is = is;
    })(SemanticTokens || (exports.SemanticTokens = SemanticTokens = {}));
    /**
     * The InlineValueText namespace provides functions to deal with InlineValueTexts.
     *
     * @since 3.17.0
     */
    var InlineValueText;
    (function (InlineValueText) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, text) {
            return { range: range, text: text };
        }
        InlineValueText.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
        }
        InlineValueText.is = is;
    })(InlineValueText || (exports.InlineValueText = InlineValueText = {}));
    /**
     * The InlineValueVariableLookup namespace provides functions to
     * deal with InlineValueVariableLookups.
     *
     * @since 3.17.0
     */
    var InlineValueVariableLookup;
    (function (InlineValueVariableLookup) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, variableName, caseSensitiveLookup) {
            return { range: range, variableName: variableName, caseSensitiveLookup: caseSensitiveLookup };
        }
        InlineValueVariableLookup.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup)
                && (Is.string(candidate.variableName) || candidate.variableName === undefined);
        }
        InlineValueVariableLookup.is = is;
    })(InlineValueVariableLookup || (exports.InlineValueVariableLookup = InlineValueVariableLookup = {}));
    /**
     * The InlineValueEvaluatableExpression namespace provides functions to deal with InlineValueEvaluatableExpression.
     *
     * @since 3.17.0
     */
    var InlineValueEvaluatableExpression;
    (function (InlineValueEvaluatableExpression) {
        /**
         * Creates a new InlineValueEvaluatableExpression literal.
         */
        function create(range, expression) {
            return { range: range, expression: expression };
        }
        InlineValueEvaluatableExpression.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range)
                && (Is.string(candidate.expression) || candidate.expression === undefined);
        }
        InlineValueEvaluatableExpression.is = is;
    })(InlineValueEvaluatableExpression || (exports.InlineValueEvaluatableExpression = InlineValueEvaluatableExpression = {}));
    /**
     * The InlineValueContext namespace provides helper functions to work with
     * {@link InlineValueContext} literals.
     *
     * @since 3.17.0
     */
    var InlineValueContext;
    (function (InlineValueContext) {
        /**
         * Creates a new InlineValueContext literal.
         */
        function create(frameId, stoppedLocation) {
            return { frameId: frameId, stoppedLocation: stoppedLocation };
        }
        InlineValueContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InlineValueContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(value.stoppedLocation);
        }
        InlineValueContext.is = is;
    })(InlineValueContext || (exports.InlineValueContext = InlineValueContext = {}));
    /**
     * Inlay hint kinds.
     *
     * @since 3.17.0
     */
    var InlayHintKind;
    (function (InlayHintKind) {
        /**
         * An inlay hint that for a type annotation.
         */
        InlayHintKind.Type = 1;
        /**
         * An inlay hint that is for a parameter.
         */
        InlayHintKind.Parameter = 2;
        function is(value) {
            return value === 1 || value === 2;
        }
        InlayHintKind.is = is;
    })(InlayHintKind || (exports.InlayHintKind = InlayHintKind = {}));
    var InlayHintLabelPart;
    (function (InlayHintLabelPart) {
        function create(value) {
            return { value: value };
        }
        InlayHintLabelPart.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.location === undefined || Location.is(candidate.location))
                && (candidate.command === undefined || Command.is(candidate.command));
        }
        InlayHintLabelPart.is = is;
    })(InlayHintLabelPart || (exports.InlayHintLabelPart = InlayHintLabelPart = {}));
    var InlayHint;
    (function (InlayHint) {
        function create(position, label, kind) {
            var result = { position: position, label: label };
            if (kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        InlayHint.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.position)
                && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is))
                && (candidate.kind === undefined || InlayHintKind.is(candidate.kind))
                && (candidate.textEdits === undefined) || Is.typedArray(candidate.textEdits, TextEdit.is)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.paddingLeft === undefined || Is.boolean(candidate.paddingLeft))
                && (candidate.paddingRight === undefined || Is.boolean(candidate.paddingRight));
        }
        InlayHint.is = is;
    })(InlayHint || (exports.InlayHint = InlayHint = {}));
    var StringValue;
    (function (StringValue) {
        function createSnippet(value) {
            return { kind: 'snippet', value: value };
        }
        StringValue.createSnippet = createSnippet;
        function isSnippet(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && candidate.kind === 'snippet'
                && Is.string(candidate.value);
        }
        StringValue.isSnippet = isSnippet;
    })(StringValue || (exports.StringValue = StringValue = {}));
    var InlineCompletionItem;
    (function (InlineCompletionItem) {
        function create(insertText, filterText, range, command) {
            return { insertText: insertText, filterText: filterText, range: range, command: command };
        }
        InlineCompletionItem.create = create;
    })(InlineCompletionItem || (exports.InlineCompletionItem = InlineCompletionItem = {}));
    var InlineCompletionList;
    (function (InlineCompletionList) {
        function create(items) {
            return { items: items };
        }
        InlineCompletionList.create = create;
    })(InlineCompletionList || (exports.InlineCompletionList = InlineCompletionList = {}));
    /**
     * Describes how an {@link InlineCompletionItemProvider inline completion provider} was triggered.
     *
     * @since 3.18.0
     */
    var InlineCompletionTriggerKind;
    (function (InlineCompletionTriggerKind) {
        /**
         * Completion was triggered explicitly by a user gesture.
         */
        InlineCompletionTriggerKind.Invoked = 1;
        /**
         * Completion was triggered automatically while editing.
         */
        InlineCompletionTriggerKind.Automatic = 2;
    })(InlineCompletionTriggerKind || (exports.InlineCompletionTriggerKind = InlineCompletionTriggerKind = {}));
    var SelectedCompletionInfo;
    (function (SelectedCompletionInfo) {
        function create(range, text) {
            return { range: range, text: text };
        }
        SelectedCompletionInfo.create = create;
    })(SelectedCompletionInfo || (exports.SelectedCompletionInfo = SelectedCompletionInfo = {}));
    var InlineCompletionContext;
    (function (InlineCompletionContext) {
        function create(triggerKind, selectedCompletionInfo) {
            return { triggerKind: triggerKind, selectedCompletionInfo: selectedCompletionInfo };
        }
        InlineCompletionContext.create = create;
    })(InlineCompletionContext || (exports.InlineCompletionContext = InlineCompletionContext = {}));
    var WorkspaceFolder;
    (function (WorkspaceFolder) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
        }
        WorkspaceFolder.is = is;
    })(WorkspaceFolder || (exports.WorkspaceFolder = WorkspaceFolder = {}));
    exports.EOL = ['\n', '\r\n', '\r'];
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new ITextDocument literal from the given uri and content.
         * @param uri The document's uri.
         * @param languageId The document's language Id.
         * @param version The document's version.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ITextDocument} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount)
                && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
        }
        TextDocument.is = is;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits, function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = text.length;
            for (var i = sortedEdits.length - 1; i >= 0; i--) {
                var e = sortedEdits[i];
                var startOffset = document.offsetAt(e.range.start);
                var endOffset = document.offsetAt(e.range.end);
                if (endOffset <= lastModifiedOffset) {
                    text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
                }
                else {
                    throw new Error('Overlapping edit');
                }
                lastModifiedOffset = startOffset;
            }
            return text;
        }
        TextDocument.applyEdits = applyEdits;
        function mergeSort(data, compare) {
            if (data.length <= 1) {
                // sorted
                return data;
            }
            var p = (data.length / 2) | 0;
            var left = data.slice(0, p);
            var right = data.slice(p);
            mergeSort(left, compare);
            mergeSort(right, compare);
            var leftIdx = 0;
            var rightIdx = 0;
            var i = 0;
            while (leftIdx < left.length && rightIdx < right.length) {
                var ret = compare(left[leftIdx], right[rightIdx]);
                if (ret <= 0) {
                    // smaller_equal -> take left to preserve order
                    data[i++] = left[leftIdx++];
                }
                else {
                    // greater -> take right
                    data[i++] = right[rightIdx++];
                }
            }
            while (leftIdx < left.length) {
                data[i++] = left[leftIdx++];
            }
            while (rightIdx < right.length) {
                data[i++] = right[rightIdx++];
            }
            return data;
        }
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (event, version) {
            this._content = event.text;
            this._version = version;
            this._lineOffsets = undefined;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                var lineOffsets = [];
                var text = this._content;
                var isLineStart = true;
                for (var i = 0; i < text.length; i++) {
                    if (isLineStart) {
                        lineOffsets.push(i);
                        isLineStart = false;
                    }
                    var ch = text.charAt(i);
                    isLineStart = (ch === '\r' || ch === '\n');
                    if (ch === '\r' && i + 1 < text.length && text.charAt(i + 1) === '\n') {
                        i++;
                    }
                }
                if (isLineStart && text.length > 0) {
                    lineOffsets.push(text.length);
                }
                this._lineOffsets = lineOffsets;
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return Position.create(0, offset);
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            return Position.create(line, offset - lineOffsets[line]);
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        return FullTextDocument;
    }());
    var Is;
    (function (Is) {
        var toString = Object.prototype.toString;
        function defined(value) {
            return typeof value !== 'undefined';
        }
        Is.defined = defined;
        function undefined(value) {
            return typeof value === 'undefined';
        }
        Is.undefined = undefined;
        function boolean(value) {
            return value === true || value === false;
        }
        Is.boolean = boolean;
        function string(value) {
            return toString.call(value) === '[object String]';
        }
        Is.string = string;
        function number(value) {
            return toString.call(value) === '[object Number]';
        }
        Is.number = number;
        function numberRange(value, min, max) {
            return toString.call(value) === '[object Number]' && min <= value && value <= max;
        }
        Is.numberRange = numberRange;
        function integer(value) {
            return toString.call(value) === '[object Number]' && -2147483648 <= value && value <= 2147483647;
        }
        Is.integer = integer;
        function uinteger(value) {
            return toString.call(value) === '[object Number]' && 0 <= value && value <= 2147483647;
        }
        Is.uinteger = uinteger;
        function func(value) {
            return toString.call(value) === '[object Function]';
        }
        Is.func = func;
        function objectLiteral(value) {
            // Strictly speaking class instances pass this check as well. Since the LSP
            // doesn't use classes we ignore this for now. If we do we need to add something
            // like this: `Object.getPrototypeOf(Object.getPrototypeOf(x)) === null`
            return value !== null && typeof value === 'object';
        }
        Is.objectLiteral = objectLiteral;
        function typedArray(value, check) {
            return Array.isArray(value) && value.every(check);
        }
        Is.typedArray = typedArray;
    })(Is || (Is = {}));
});


/***/ }),

/***/ 4786:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ childProcess),
  S: () => (/* binding */ nodeCrypto)
});

;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = require("node:module");
;// CONCATENATED MODULE: ./src/builtins.ts
/**
 * Node built-in modules that only some runs use, loaded on first use. Neither
 * is part of Node's startup snapshot, so a static import costs every run its
 * load (a few ms each on a cold process): node:child_process is needed only
 * when git lists the files (not when the CLI is given file names, as a
 * pre-commit hook does), node:crypto only for a finding's fingerprint and
 * --fix's temporary file names: a clean scan never loads it. (A SHA-256 in
 * JavaScript instead, with the same output, was measured twice without a
 * clear gain: cold, 36 fingerprints cost more than loading node:crypto on
 * Node 20 and about 5 ms less on Node 24; whole-repository scans were within
 * noise either way.)
 */

const load = (0,external_node_module_namespaceObject.createRequire)(require("url").pathToFileURL(__filename).href);
let cp;
let builtins_crypto;
function childProcess() {
    return (cp ??= load('node:child_process'));
}
function nodeCrypto() {
    return (builtins_crypto ??= load('node:crypto'));
}


/***/ }),

/***/ 5023:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   RG: () => (/* binding */ readConfigFile),
/* harmony export */   We: () => (/* binding */ CONFIG_NAMES),
/* harmony export */   u0: () => (/* binding */ findConfig),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony export MAX_CONFIG_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Finding and reading .ptrace-doctor.yaml (see load.ts for what follows).
 *
 * Found at the scanned root, else in the directories above it up to the top
 * of its git work tree (the directory holding `.git`) — or, for the Action,
 * up to the workspace. Every scan makes this search, so it is a few lstat
 * calls and nothing else: validating and compiling a file that was found
 * (load.ts, the yaml parser, picomatch) is loaded only then.
 *
 * The file is input like any other in the scanned repository, which may be
 * hostile: it is read only as data (never executed or included), capped at
 * 64 KiB, refused when it is not a regular file, and a symbolic link found by
 * the search is followed only when its target stays inside the repository.
 */


const CONFIG_NAMES = ['.ptrace-doctor.yaml', '.ptrace-doctor.yml'];
const MAX_CONFIG_BYTES = 64 * 1024;
class ConfigError extends Error {
}
function isInside(dir, p) {
    return p === dir || p.startsWith(dir.endsWith(node_path__WEBPACK_IMPORTED_MODULE_1__.sep) ? dir : dir + node_path__WEBPACK_IMPORTED_MODULE_1__.sep);
}
/** The directories to look in, nearest first: the root, then up to the git top (or the boundary); the root alone outside a work tree. */
function candidateDirs(root, boundary) {
    const r = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root);
    if (boundary !== undefined && !isInside((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(boundary), r))
        return [r];
    const dirs = [];
    for (let d = r;; d = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(d)) {
        dirs.push(d);
        if (boundary !== undefined ? d === (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(boundary) : (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d, '.git')))
            return dirs;
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(d) === d)
            return [r];
    }
}
/** The config file that applies to `root`, or undefined when there is none. */
function findConfig(opts) {
    const dirs = candidateDirs(opts.root, opts.boundary);
    const top = dirs[dirs.length - 1];
    for (const d of dirs) {
        const here = CONFIG_NAMES.map((n) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d, n)).filter((p) => {
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(p);
                return true;
            }
            catch {
                return false;
            }
        });
        if (here.length > 1)
            throw new ConfigError(`${here.join(' and ')} both exist; keep one`);
        if (here.length === 1) {
            const p = here[0];
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(p).isSymbolicLink()) {
                let real;
                try {
                    real = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(p);
                }
                catch {
                    throw new ConfigError(`${p} is a symbolic link that points nowhere`);
                }
                if (!isInside(node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(top), real))
                    throw new ConfigError(`${p} is a symbolic link that points outside the repository; it was not read`);
            }
            return p;
        }
    }
    return undefined;
}
/** Read a config file within the limits: a regular file of at most 64 KiB. */
function readConfigFile(path) {
    let st;
    try {
        st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path);
    }
    catch (e) {
        throw new ConfigError(`${path}: ${e.code === 'ENOENT' ? 'no such file' : `cannot be read (${e.code ?? 'error'})`}`);
    }
    if (!st.isFile())
        throw new ConfigError(`${path} is not a regular file`);
    if (st.size > MAX_CONFIG_BYTES)
        throw new ConfigError(`${path} is larger than ${MAX_CONFIG_BYTES / 1024} KiB (${st.size} bytes); a configuration is far smaller`);
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(path), node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0) | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0));
    try {
        const fst = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!fst.isFile() || fst.size > MAX_CONFIG_BYTES)
            throw new ConfigError(`${path} is not a regular file of at most ${MAX_CONFIG_BYTES / 1024} KiB`);
        const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd, 'utf8');
        if (text.includes('\0'))
            throw new ConfigError(`${path} has binary content`);
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ }),

/***/ 1835:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KX: () => (/* binding */ MAX_JSON_DEPTH),
/* harmony export */   NL: () => (/* binding */ isPlainRelative),
/* harmony export */   PN: () => (/* binding */ discoverThen),
/* harmony export */   QV: () => (/* binding */ jsonDepth),
/* harmony export */   aR: () => (/* binding */ Workspace),
/* harmony export */   tX: () => (/* binding */ shebangShell)
/* harmony export */ });
/* unused harmony exports MAX_FILE_BYTES, classifyByName, mayBeScript, SHEBANG_PEEK_BYTES, classifyYaml, discover */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _builtins_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4786);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4998);
/* harmony import */ var _timing_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8117);
/**
 * Which files to read: `git ls-files` in a checkout, else a walk. Every read
 * goes through Workspace.read, which never leaves the root (symlinks are
 * resolved and checked), caps sizes and refuses binary and special files.
 */





const MAX_FILE_BYTES = 1024 * 1024;
const MAX_WALK_FILES = 200_000;
const SKIP_DIRS = new Set(['.git', 'node_modules', 'vendor', '.hg', '.svn']);
const GIT_MAX_BUFFER = 512 * 1024 * 1024;
/**
 * git reads the scanned repository's own .git/config, where `core.fsmonitor`
 * names a program that `git ls-files` runs. A checkout made by git clone never
 * carries that setting, but a directory unpacked from elsewhere may: turn it off.
 */
const GIT_SAFE = ['-c', 'core.fsmonitor=false'];
const listingKey = (prefixes) => (prefixes ? JSON.stringify(prefixes) : '');
/** Run git without blocking; resolves to its stdout, or undefined when it fails (as execFileSync would throw). */
function gitAsync(args) {
    return new Promise((done) => {
        const child = (0,_builtins_js__WEBPACK_IMPORTED_MODULE_2__/* .childProcess */ .Q)().spawn('git', args, { stdio: ['ignore', 'pipe', 'ignore'] });
        const chunks = [];
        let size = 0;
        child.stdout.on('data', (c) => {
            size += c.length;
            if (size > GIT_MAX_BUFFER)
                child.kill();
            else
                chunks.push(c);
        });
        child.on('error', () => done(undefined));
        child.on('close', (code, signal) => done(code === 0 && signal === null && size <= GIT_MAX_BUFFER ? Buffer.concat(chunks) : undefined));
    });
}
/** Keep the paths equal to one of the (normalised) sub-paths or under it. */
function underAny(all, prefixes) {
    if (prefixes.length === 1) {
        const p = prefixes[0];
        return all.filter((f) => f === p || f.startsWith(p + '/'));
    }
    // f === p || f.startsWith(p + '/') for some p  ⇔  f or one of its parent directories is a p.
    // Files share directories: the answer for a directory is worked out once.
    const wanted = new Set(prefixes);
    const dirs = new Map();
    const dirWanted = (d) => {
        let r = dirs.get(d);
        if (r === undefined) {
            const i = d.lastIndexOf('/');
            r = wanted.has(d) || (i > 0 && dirWanted(d.slice(0, i)));
            dirs.set(d, r);
        }
        return r;
    };
    return all.filter((f) => {
        if (wanted.has(f))
            return true;
        const i = f.lastIndexOf('/');
        return i > 0 && dirWanted(f.slice(0, i));
    });
}
/** Dockerfile-dev, Dockerfile_prod, api-Dockerfile, api_containerfile, without a dot (dockerfile-utils.js is not one); Dockerfile.x and x.dockerfile are tested apart. */
const DASHED_DOCKERFILE = /^(docker|container)file[-_][^.]*$|^[^.]*[-_](docker|container)file$/;
/** go-task's DefaultTaskfiles (taskfile/taskfile.go), matched as written: Task compares names case-sensitively. */
const TASKFILE_NAMES = new Set([
    'Taskfile.yml', 'taskfile.yml', 'Taskfile.yaml', 'taskfile.yaml',
    'Taskfile.dist.yml', 'taskfile.dist.yml', 'Taskfile.dist.yaml', 'taskfile.dist.yaml',
]);
/** The files `docker buildx bake` reads by default besides Compose files. */
const BAKE_NAMES = new Set(['docker-bake.hcl', 'docker-bake.override.hcl', 'docker-bake.json', 'docker-bake.override.json']);
/** air (the Go hot-reload runner): its default `.air.toml`, the older `.air.conf`, and `air.toml` (a common `air -c` name). */
const AIR_NAMES = new Set(['.air.toml', 'air.toml', '.air.conf']);
/** Classify a path by its name; YAML needs its content too (see classifyYaml), and an extensionless script its first line (see mayBeScript). */
function classifyByName(path) {
    // Called for every file of the repository: no path parsing, no regex for the common case.
    const slash = path.lastIndexOf('/');
    const base = slash >= 0 && slash < path.length - 1 ? path.slice(slash + 1) : node_path__WEBPACK_IMPORTED_MODULE_1__.posix.basename(path);
    const lower = base.toLowerCase();
    if (lower === 'dockerfile' || lower === 'containerfile' || lower.endsWith('.dockerfile') || lower.endsWith('.containerfile') || lower.startsWith('dockerfile.') || lower.startsWith('containerfile.') || ((lower.includes('dockerfile') || lower.includes('containerfile')) && DASHED_DOCKERFILE.test(lower))) {
        if (lower.endsWith('.dockerignore'))
            return undefined;
        return 'dockerfile';
    }
    if (lower === 'devcontainer.json' && (path.includes('.devcontainer/') || path === 'devcontainer.json'))
        return 'devcontainer';
    if (lower === '.devcontainer.json')
        return 'devcontainer';
    if (lower === 'launch.json' && path.endsWith('.vscode/launch.json'))
        return 'vscode-launch';
    if (lower.endsWith('.yml') || lower.endsWith('.yaml')) {
        if (/^(docker-)?compose([.-].*)?\.ya?ml$/.test(lower))
            return 'compose';
        if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path))
            return 'workflow';
        // .gitlab-ci.yml, a template such as Go.gitlab-ci.yml, and the files a pipeline includes from .gitlab/ci/.
        if (lower.endsWith('.gitlab-ci.yml') || lower.endsWith('.gitlab-ci.yaml') || path.startsWith('.gitlab/ci/') || path.includes('/.gitlab/ci/'))
            return 'gitlab-ci';
        if (TASKFILE_NAMES.has(base))
            return 'taskfile';
        if (lower === 'skaffold.yaml' || lower === 'skaffold.yml')
            return 'skaffold';
        return 'yaml';
    }
    if (lower === 'makefile' || lower === 'gnumakefile' || lower.endsWith('.mk'))
        return 'makefile';
    if (lower.endsWith('.sh') || lower.endsWith('.bash'))
        return 'shell';
    // just finds `justfile` and `.justfile` in any letter case (search.rs: eq_ignore_ascii_case); modules are `name.just` or `name/mod.just`.
    if (lower === 'justfile' || lower === '.justfile' || lower.endsWith('.just'))
        return 'justfile';
    if (base === 'package.json')
        return 'package-json';
    if (BAKE_NAMES.has(base))
        return 'bake';
    if (AIR_NAMES.has(base))
        return 'air';
    // Tilt reads `Tiltfile` (and `*.tiltfile` through load()).
    if (base === 'Tiltfile' || lower.endsWith('.tiltfile'))
        return 'tiltfile';
    // README files: their shell code blocks may build the image a manifest runs (build sources only).
    if (lower.startsWith('readme') && (lower === 'readme' || lower.endsWith('.md') || lower.endsWith('.markdown')))
        return 'markdown';
    return undefined;
}
/** Extensionless names that are never scripts: not worth opening to look for a shebang. Upper case. */
const NOT_SCRIPTS = new Set([
    'LICENSE', 'LICENCE', 'COPYING', 'COPYRIGHT', 'NOTICE', 'PATENTS', 'README', 'CHANGELOG', 'CHANGES', 'HISTORY', 'NEWS', 'TODO', 'INSTALL',
    'AUTHORS', 'CONTRIBUTORS', 'CONTRIBUTING', 'MAINTAINERS', 'OWNERS', 'OWNERS_ALIASES', 'CODEOWNERS', 'THANKS', 'SECURITY', 'DCO', 'VERSION', 'CNAME',
    'PROCFILE', 'GEMFILE', 'RAKEFILE', 'VAGRANTFILE', 'BREWFILE', 'JENKINSFILE', 'PIPFILE', 'CADDYFILE', 'TILTFILE', 'EARTHFILE', 'BUILD', 'WORKSPACE',
]);
/**
 * A name that classifyByName does not know and that may be a script: no dot
 * in its last component (no extension, not a dotfile) and not a common
 * document name. Such a file is classified by its first line (shebangShell).
 */
function mayBeScript(path) {
    const slash = path.lastIndexOf('/');
    const base = slash >= 0 ? path.slice(slash + 1) : path;
    return base !== '' && !base.includes('.') && !NOT_SCRIPTS.has(base.toUpperCase());
}
/** Bytes read from the head of an extensionless file to find its shebang. */
const SHEBANG_PEEK_BYTES = 128;
const SH_FAMILY = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);
/**
 * The shell a `#!` line names (`#!/bin/sh`, `#!/bin/bash -e`,
 * `#!/usr/bin/env bash`, `#!/usr/bin/env -S bash -eu`): sh, bash, dash, ash,
 * zsh or ksh; undefined for any other interpreter or no shebang.
 */
function shebangShell(head) {
    if (!head.startsWith('#!'))
        return undefined;
    const nl = head.indexOf('\n');
    const words = (nl < 0 ? head : head.slice(0, nl)).slice(2).trim().split(/[ \t]+/);
    const name = (w) => (w ?? '').slice((w ?? '').lastIndexOf('/') + 1);
    let i = 0;
    if (name(words[0]) === 'env') {
        // env's options (-S, -i) and NAME=value assignments come before the program.
        for (i = 1; i < words.length && (words[i].startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i])); i++)
            ;
    }
    const prog = name(words[i]);
    return SH_FAMILY.has(prog) ? prog : undefined;
}
/** Decide what a YAML file is from its text without a full parse. */
function classifyYaml(text) {
    if (/^kind:\s*["']?(Pod|Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob|Service|ReplicationController)["']?\s*(#.*)?$/m.test(text) && /^apiVersion:/m.test(text))
        return 'kubernetes';
    if (/^services:\s*(#.*)?$/m.test(text))
        return 'compose';
    // A Skaffold config under another name (skaffold-dev.yaml) and a Taskfile that another includes (taskfiles/docker.yml).
    if (/^apiVersion:\s*["']?skaffold\/v/m.test(text) && /^kind:\s*["']?Config["']?\s*(#.*)?$/m.test(text))
        return 'skaffold';
    if (/^tasks:\s*(#.*)?$/m.test(text) && /^version:\s*["']?[23](\.\d+)*["']?\s*(#.*)?$/m.test(text))
        return 'taskfile';
    return undefined;
}
/** JSON nesting deeper than this is refused: jsonc-parser recurses per level and overflows the stack (~10,000). */
const MAX_JSON_DEPTH = 256;
const JSON_KINDS = new Set(['devcontainer', 'vscode-launch', 'seccomp', 'package-json']);
/** The deepest [ / { nesting of JSON with comments, outside strings and comments; stops counting past `limit`. */
function jsonDepth(text, limit = Infinity) {
    let depth = 0;
    let max = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 34 /* " */) {
            for (i++; i < text.length && text.charCodeAt(i) !== 34; i++)
                if (text.charCodeAt(i) === 92 /* \ */)
                    i++;
        }
        else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
            while (i < text.length && text.charCodeAt(i) !== 10)
                i++;
        }
        else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? text.length : end + 1;
        }
        else if (c === 91 /* [ */ || c === 123 /* { */) {
            if (++depth > max)
                max = depth;
            if (max > limit)
                return max;
        }
        else if (c === 93 /* ] */ || c === 125 /* } */) {
            if (depth > 0)
                depth--;
        }
    }
    return max;
}
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;
/**
 * A POSIX relative path with nothing to normalise: not empty, no leading `/`,
 * no `.` or `..` segment, no `//`, no backslash. Joining it onto a normalised
 * directory with `/` gives what path.resolve would (on POSIX).
 */
function isPlainRelative(p) {
    return p !== '' && p.charCodeAt(0) !== 47 && !p.includes('\\') && !p.includes('//') && !DOT_SEGMENT.test(p);
}
class Workspace {
    root;
    realRoot;
    cache = new Map();
    dirCache = new Map();
    /** lstat of each file named to list(), taken there to tell files from directories; read() uses each once. */
    namedStats;
    /** In-memory file contents that take the place of the disk (used by --fix dry runs). */
    overlay = new Map();
    /** The git listing found by prefetch() for these sub-paths, used by list() instead of asking git again. */
    listing;
    constructor(root, overlay) {
        if (overlay)
            for (const [k, v] of overlay)
                this.overlay.set(k, v);
        this.root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root);
        // realpathSync.native (libc realpath): the same answer as the JS version, a third of the cost per file.
        this.realRoot = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(this.root);
    }
    /** Normalise a path relative to the root; undefined when it escapes the root. */
    normalize(rel) {
        // Paths from git's listing are already normal: no `.`/`..` segment, no `//`, no leading `/`.
        if (isPlainRelative(rel))
            return rel;
        const p = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(rel.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/')).replace(/^\.\//, '');
        if (p === '..' || p.startsWith('../') || p.startsWith('/'))
            return undefined;
        return p === '.' ? '' : p;
    }
    /** Read a file as the given kind, within every limit. */
    read(rel, kind) {
        const key = `${kind}:${rel}`;
        const hit = this.cache.get(key);
        if (hit)
            return hit;
        const r = this.readUncached(rel, kind);
        this.cache.set(key, r);
        return r;
    }
    readUncached(rel, kind) {
        const norm = this.normalize(rel);
        if (norm === undefined)
            return { ok: false, skip: { path: rel, reason: 'is outside the scanned directory' } };
        const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, norm);
        const over = this.overlay.get(norm);
        if (over !== undefined)
            return this.accept(norm, abs, kind, over);
        // The lstat that list() made of a named file, used once: everything that
        // matters is checked again on the open descriptor (O_NOFOLLOW, fstat).
        let st = this.namedStats?.get(norm);
        if (st)
            this.namedStats.delete(norm);
        else {
            try {
                st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(abs);
            }
            catch {
                return { ok: false, skip: { path: norm, reason: 'not found' } };
            }
        }
        // Resolve the whole path, not only its last component: a symbolic link to a
        // directory (`up -> ..`, `etc -> /etc`) in the middle of a path leaves the root too.
        // A regular file resolves to its directory's real path (resolved once per
        // directory) plus its own name; only a symbolic link needs a path of its own.
        let real;
        if (!st.isSymbolicLink()) {
            const slash = norm.lastIndexOf('/');
            const dirReal = this.realDir(slash < 0 ? '' : norm.slice(0, slash));
            real = dirReal === undefined ? undefined : dirReal + node_path__WEBPACK_IMPORTED_MODULE_1__.sep + norm.slice(slash + 1);
        }
        try {
            real ??= node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(abs);
        }
        catch {
            return st.isSymbolicLink()
                ? { ok: false, skip: { path: norm, reason: 'is a symbolic link that points nowhere (or loops)' } }
                : { ok: false, skip: { path: norm, reason: 'not found' } };
        }
        if (real !== this.realRoot && !real.startsWith(this.realRoot + node_path__WEBPACK_IMPORTED_MODULE_1__.sep)) {
            return {
                ok: false,
                skip: {
                    path: norm,
                    reason: st.isSymbolicLink()
                        ? 'is a symbolic link that points outside the repository; it was not followed'
                        : 'is reached through a symbolic link that points outside the repository; it was not followed',
                },
            };
        }
        if (st.isSymbolicLink())
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(real);
        if (!st.isFile())
            return { ok: false, skip: { path: norm, reason: 'is not a regular file' } };
        if (st.size > MAX_FILE_BYTES)
            return { ok: false, skip: { path: norm, reason: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB (${st.size} bytes)` } };
        let text;
        try {
            // O_NONBLOCK: a file swapped for a FIFO between stat and open must not hang us.
            // O_NOFOLLOW: `real` is fully resolved, so a symlink here was swapped in after the check.
            const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(real, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0) | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0));
            try {
                const fst = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
                if (!fst.isFile())
                    return { ok: false, skip: { path: norm, reason: 'is not a regular file' } };
                if (fst.size > MAX_FILE_BYTES)
                    return { ok: false, skip: { path: norm, reason: `is larger than 1 MiB (${fst.size} bytes)` } };
                // A regular file of checked size, read and decoded in one call (invalid
                // UTF-8 becomes U+FFFD, as Buffer#toString does).
                text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd, 'utf8');
            }
            finally {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
            }
        }
        catch (e) {
            return { ok: false, skip: { path: norm, reason: `could not be read (${e.code ?? 'error'})` } };
        }
        // Grown since fstat: every UTF-16 unit of the text comes from at least one byte, so more units than the cap is more bytes too.
        if (text.length > MAX_FILE_BYTES)
            return { ok: false, skip: { path: norm, reason: `is larger than 1 MiB (grew while it was read)` } };
        // A NUL byte decodes to U+0000 and nothing else does. 8192 characters span at
        // least 8192 bytes, so every file refused by the test on the first 8192 bytes still is.
        const nul = text.indexOf('\0');
        if (nul >= 0 && nul < 8192)
            return { ok: false, skip: { path: norm, reason: 'has binary content' } };
        if (text.charCodeAt(0) === 0xfeff)
            text = text.slice(1);
        return this.accept(norm, abs, kind, text);
    }
    /**
     * At most the first `max` bytes of a file, decoded as UTF-8, for deciding what
     * it is without reading it whole (a 2 MiB file costs the same as a small one).
     * The same safety as read(): the path stays inside the root (directories
     * resolved one component at a time), a symbolic link is followed only to a
     * file inside the root, the open never follows a link swapped in
     * (O_NOFOLLOW) nor blocks on a FIFO (O_NONBLOCK), and only a regular file is
     * read. Undefined when it cannot be read that way; no size cap applies here,
     * read() still applies its own.
     */
    head(rel, max = SHEBANG_PEEK_BYTES) {
        const norm = this.normalize(rel);
        if (norm === undefined || norm === '')
            return undefined;
        const over = this.overlay.get(norm);
        if (over !== undefined)
            return over.slice(0, max);
        const slash = norm.lastIndexOf('/');
        const dirReal = this.realDir(slash < 0 ? '' : norm.slice(0, slash));
        if (dirReal === undefined || !this.insideRoot(dirReal))
            return undefined;
        const flags = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0) | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0);
        let fd;
        try {
            fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(dirReal + node_path__WEBPACK_IMPORTED_MODULE_1__.sep + norm.slice(slash + 1), flags);
        }
        catch (e) {
            // ELOOP: the last component is a symbolic link; follow it only to a file inside the root.
            if (e.code !== 'ELOOP')
                return undefined;
            try {
                const real = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, norm));
                if (!this.insideRoot(real))
                    return undefined;
                fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(real, flags);
            }
            catch {
                return undefined;
            }
        }
        try {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).isFile())
                return undefined;
            const buf = Buffer.alloc(Math.max(0, Math.min(max, 4096)));
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buf, 0, buf.length, 0);
            return buf.toString('utf8', 0, n);
        }
        catch {
            return undefined;
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
    }
    insideRoot(real) {
        return real === this.realRoot || real.startsWith(this.realRoot + node_path__WEBPACK_IMPORTED_MODULE_1__.sep);
    }
    /** The real path of a directory under the root (undefined when it cannot be resolved). */
    realDir(dir) {
        if (dir === '')
            return this.realRoot;
        let r = this.dirCache.get(dir);
        if (r === undefined && !this.dirCache.has(dir)) {
            r = this.resolveDir(dir);
            this.dirCache.set(dir, r);
        }
        return r;
    }
    /**
     * One component at a time: a directory that is not a symbolic link is its
     * parent's real path plus its name (one lstat, where realpath(3) reads every
     * component of the absolute path again); a symbolic link is resolved whole.
     * The parent's real path may lie outside the root: read() refuses what
     * resolves there, as it did when realpath(3) resolved the whole path.
     */
    resolveDir(dir) {
        const slash = dir.lastIndexOf('/');
        const parent = this.realDir(slash < 0 ? '' : dir.slice(0, slash));
        if (parent === undefined)
            return undefined;
        const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, dir);
        try {
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(abs);
            if (st.isDirectory())
                return parent + node_path__WEBPACK_IMPORTED_MODULE_1__.sep + dir.slice(slash + 1);
            if (!st.isSymbolicLink())
                return undefined;
            return node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(abs);
        }
        catch {
            return undefined;
        }
    }
    /** Limits on the text itself, then the file. */
    accept(norm, abs, kind, text) {
        if ((JSON_KINDS.has(kind) || (kind === 'bake' && norm.endsWith('.json'))) && jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
            return { ok: false, skip: { path: norm, reason: `is nested more than ${MAX_JSON_DEPTH} levels deep` } };
        }
        return { ok: true, file: (0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .makeSourceFile */ .AN)(norm, abs, kind, text) };
    }
    /**
     * Candidate paths (relative, POSIX) under the root or under the given
     * sub-paths; `named` adds files named on the command line that the listing
     * leaves out (ignored by git, under a directory the walk skips): a file
     * named is read because it was named.
     */
    list(paths, named) {
        const prefixes = this.prefixesOf(paths);
        if (prefixes && !this.listing && this.allNamedFiles(prefixes))
            return [...new Set(prefixes)];
        const fromGit = (this.listing && this.listing.key === listingKey(prefixes) ? this.listing.files : undefined) ?? this.gitList();
        const all = fromGit ?? this.walk();
        const listed = prefixes ? underAny(all, prefixes) : all;
        if (!named || named.length === 0)
            return listed;
        const have = new Set(listed);
        const more = named.filter((p) => !have.has(p) && !this.isDirectory(p));
        return more.length > 0 ? [...listed, ...new Set(more)] : listed;
    }
    isDirectory(rel) {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, rel)).isDirectory();
        }
        catch {
            return false;
        }
    }
    /** The normalised sub-paths; undefined when the whole root is wanted. */
    prefixesOf(paths) {
        if (!paths || paths.length === 0)
            return undefined;
        const prefixes = paths.map((p) => this.normalize(p)).filter((p) => p !== undefined);
        return prefixes.some((p) => p === '') ? undefined : prefixes;
    }
    insideGit() {
        const inside = (0,_builtins_js__WEBPACK_IMPORTED_MODULE_2__/* .childProcess */ .Q)().execFileSync('git', [...GIT_SAFE, '-C', this.root, 'rev-parse', '--is-inside-work-tree'], { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' }).trim();
        return inside === 'true';
    }
    /**
     * Start listing a git checkout: the tracked files at once (cheap: git reads
     * its index), the untracked ones in a child process meanwhile (git walks
     * every directory of the checkout for them). Until that walk is in, list()
     * answers with the tracked files. Returns undefined outside a checkout (or
     * when git fails, or when every sub-path names a file: those are the
     * listing), else a promise that resolves when the walk is in: true
     * when it found a config-named file that is not tracked, i.e. a scan of the
     * tracked files alone missed something. With sub-paths, the walk gets them
     * as literal pathspecs so that git visits only those directories (list()
     * filters both listings, so nothing else changes).
     */
    startListing(paths) {
        const prefixes = this.prefixesOf(paths);
        if (prefixes && this.allNamedFiles(prefixes)) {
            // Files named one by one (a pre-commit hook's staged files, an editor's
            // current file) are the listing: asking git about 40,000 others to keep
            // the named ones costs more than the scan of a few files.
            this.listing = { key: listingKey(prefixes), files: [...new Set(prefixes)] };
            return undefined;
        }
        const spec = prefixes && prefixes.length > 0 ? prefixes : ['.'];
        let cached;
        try {
            // The whole index, filtered by list(): git matches every entry against every
            // pathspec (80 ms for 272 file names on 40,000 entries, against 10 ms for all).
            cached = (0,_builtins_js__WEBPACK_IMPORTED_MODULE_2__/* .childProcess */ .Q)().execFileSync('git', [...GIT_SAFE, '-C', this.root, 'ls-files', '-z', '--cached', '--', '.'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: GIT_MAX_BUFFER })
                .toString('utf8')
                .split('\0')
                .filter(Boolean);
        }
        catch {
            return undefined; // not a checkout, or no git: list() walks
        }
        const key = listingKey(prefixes);
        this.listing = { key, files: cached };
        return gitAsync([...GIT_SAFE, '--literal-pathspecs', '-C', this.root, 'ls-files', '-z', '--others', '--exclude-standard', '--', ...spec]).then((out) => {
            if (out === undefined) {
                this.listing = undefined; // list() asks git for everything again
                return true;
            }
            const untracked = out.toString('utf8').split('\0').filter(Boolean);
            // Same order as `git ls-files --cached --others`: untracked first.
            this.listing = { key, files: untracked.length > 0 ? [...new Set([...untracked, ...cached])] : cached };
            return untracked.some((p) => classifyByName(p) !== undefined);
        });
    }
    /**
     * Is every sub-path something other than a directory (a file, a symbolic
     * link, whatever read() will check)? Then it is read because it was named,
     * ignored by git or not, and nothing under it needs listing.
     */
    allNamedFiles(prefixes) {
        if (prefixes.length === 0)
            return false;
        const stats = new Map();
        for (const p of prefixes) {
            try {
                const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, p));
                if (st.isDirectory())
                    return false;
                stats.set(p, st);
            }
            catch {
                return false; // missing: list as before (read() reports nothing for it)
            }
        }
        this.namedStats = stats;
        return true;
    }
    gitList() {
        try {
            if (!this.insideGit())
                return undefined;
            const out = (0,_builtins_js__WEBPACK_IMPORTED_MODULE_2__/* .childProcess */ .Q)().execFileSync('git', [...GIT_SAFE, '-C', this.root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.'], {
                stdio: ['ignore', 'pipe', 'ignore'],
                maxBuffer: GIT_MAX_BUFFER,
            });
            const files = out.toString('utf8').split('\0').filter(Boolean);
            // Deleted-but-tracked files are listed by --cached; keep them (read() reports them missing → skipped silently).
            return [...new Set(files)];
        }
        catch {
            return undefined;
        }
    }
    walk() {
        const out = [];
        const stack = [''];
        while (stack.length > 0 && out.length < MAX_WALK_FILES) {
            const dir = stack.pop();
            let entries;
            try {
                entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, dir), { withFileTypes: true });
            }
            catch {
                continue;
            }
            for (const e of entries) {
                const rel = dir ? `${dir}/${e.name}` : e.name;
                if (e.isDirectory()) {
                    if (!SKIP_DIRS.has(e.name))
                        stack.push(rel);
                }
                else {
                    // Symlinks to directories are never descended; symlinked files are checked on read.
                    out.push(rel);
                }
            }
        }
        return out.sort();
    }
}
/** Find and read every container-config file; `exclude` (the config file's excludes) keeps paths out of the listing. */
function discover(ws, paths, exclude, named) {
    const files = [];
    const skipped = [];
    const listed = ws.list(paths, named);
    (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .count */ .U9)('files listed', listed.length);
    for (const rel of listed) {
        if (exclude && exclude(rel))
            continue;
        let byName = classifyByName(rel);
        if (!byName) {
            // An extensionless script (bin/dev, docker/entrypoint): known by its shebang, read from its first bytes only.
            if (!mayBeScript(rel))
                continue;
            (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .count */ .U9)('extensionless files peeked');
            const head = ws.head(rel);
            if (head === undefined || shebangShell(head) === undefined)
                continue;
            byName = 'shell';
        }
        (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .count */ .U9)('config-named files read');
        const r = ws.read(rel, byName === 'yaml' ? 'kubernetes' : byName);
        if (!r.ok) {
            if (r.skip.reason !== 'not found')
                skipped.push(r.skip);
            continue;
        }
        if (byName === 'yaml') {
            const kind = classifyYaml(r.file.text);
            if (!kind)
                continue;
            r.file.kind = kind;
        }
        files.push(r.file);
    }
    return { files, skipped };
}
/**
 * Discover and run `work` on what was found. In a git checkout `work` runs
 * on the tracked files while git looks for untracked ones in its own process,
 * and runs again on everything only when that found an untracked config file
 * (rare: a new Dockerfile not yet added). The result is the same as
 * `work(discover(ws, paths))` with the full listing.
 */
function discoverMarked(ws, paths, exclude, named) {
    const d = discover(ws, paths, exclude, named);
    (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .mark */ .Gy)('read');
    return d;
}
async function discoverThen(ws, paths, work, exclude, named) {
    const untracked = ws.startListing(paths);
    (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .mark */ .Gy)('list');
    const first = await work(discoverMarked(ws, paths, exclude, named));
    if (untracked === undefined || !(await untracked))
        return first;
    (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .mark */ .Gy)('untracked walk');
    return work(discoverMarked(ws, paths, exclude, named));
}


/***/ }),

/***/ 5444:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AL: () => (/* binding */ lineEdits),
/* harmony export */   WH: () => (/* binding */ unifiedDiff),
/* harmony export */   ct: () => (/* binding */ applyEdits),
/* harmony export */   d9: () => (/* binding */ wholeLineEdits)
/* harmony export */ });
/* unused harmony exports EditConflict, splitLinesKeep, lineHunks, fixFromTexts */
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4998);

class EditConflict extends Error {
}
/** Apply non-overlapping edits (offsets into text). */
function applyEdits(text, edits) {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    let out = '';
    let pos = 0;
    for (const e of sorted) {
        if (e.start < pos || e.end < e.start || e.end > text.length)
            throw new EditConflict(`overlapping or invalid edit at ${e.start}`);
        out += text.slice(pos, e.start) + e.text;
        pos = e.end;
    }
    return out + text.slice(pos);
}
/** Split keeping line terminators. */
function splitLinesKeep(text) {
    const out = [];
    let s = 0;
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\n') {
            out.push(text.slice(s, i + 1));
            s = i + 1;
        }
    }
    if (s < text.length)
        out.push(text.slice(s));
    return out;
}
/** Above this many cells (lines of one side × the other) a stretch is not diffed by a full LCS table. */
const LCS_CELLS = 250_000;
/** The matched lines [i, j] of a stretch by a full LCS table (quadratic: small stretches only). */
function lcsMatches(a, b, aLo, aHi, bLo, bHi, out) {
    const n = aHi - aLo;
    const m = bHi - bLo;
    const dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            dp[i][j] = a[aLo + i] === b[bLo + j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
        }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
        if (a[aLo + i] === b[bLo + j]) {
            out.push([aLo + i, bLo + j]);
            i++;
            j++;
        }
        else if (dp[i][j + 1] >= dp[i + 1][j])
            j++;
        else
            i++;
    }
}
/**
 * Line hunks between two texts. The common head and tail are matched first; a differing middle small enough is
 * diffed by LCS, a larger one by patience: the lines that occur once on each side are anchors, the longest
 * run of them in order on both sides (a longest increasing subsequence) is matched, and the stretches between
 * anchors are diffed the same way. So a file of thousands of services with a change in each gives one hunk per
 * change, in time near linear, where a full table would be quadratic. A large stretch without any anchor is one
 * hunk.
 */
function lineHunks(a, b) {
    const matches = [];
    const work = [[0, a.length, 0, b.length]];
    while (work.length > 0) {
        let [aLo, aHi, bLo, bHi] = work.pop();
        while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo])
            matches.push([aLo++, bLo++]);
        while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1])
            matches.push([--aHi, --bHi]);
        if (aLo === aHi || bLo === bHi)
            continue;
        if ((aHi - aLo) * (bHi - bLo) <= LCS_CELLS) {
            lcsMatches(a, b, aLo, aHi, bLo, bHi, matches);
            continue;
        }
        // Anchors: lines once in this stretch of a and once in this stretch of b.
        const seen = new Map();
        for (let i = aLo; i < aHi; i++) {
            const s = seen.get(a[i]);
            if (s)
                s.ca++;
            else
                seen.set(a[i], { ca: 1, cb: 0, ia: i, ib: -1 });
        }
        for (let j = bLo; j < bHi; j++) {
            const s = seen.get(b[j]);
            if (s) {
                s.cb++;
                s.ib = j;
            }
        }
        const pairs = [];
        for (const s of seen.values())
            if (s.ca === 1 && s.cb === 1)
                pairs.push([s.ia, s.ib]);
        pairs.sort((x, y) => x[0] - y[0]);
        // Longest increasing run of b indexes (patience sorting), in a order.
        const tails = [];
        const prev = new Int32Array(pairs.length).fill(-1);
        for (let k = 0; k < pairs.length; k++) {
            const v = pairs[k][1];
            let lo = 0;
            let hi = tails.length;
            while (lo < hi) {
                const mid = (lo + hi) >> 1;
                if (pairs[tails[mid]][1] < v)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo > 0)
                prev[k] = tails[lo - 1];
            tails[lo] = k;
        }
        if (tails.length === 0)
            continue;
        const chain = [];
        for (let k = tails[tails.length - 1]; k >= 0; k = prev[k])
            chain.push(pairs[k]);
        chain.reverse();
        let pa = aLo;
        let pb = bLo;
        for (const [i, j] of chain) {
            matches.push([i, j]);
            if (i > pa || j > pb)
                work.push([pa, i, pb, j]);
            pa = i + 1;
            pb = j + 1;
        }
        if (pa < aHi || pb < bHi)
            work.push([pa, aHi, pb, bHi]);
    }
    matches.sort((x, y) => x[0] - y[0]);
    const hunks = [];
    let i = 0;
    let j = 0;
    for (const [mi, mj] of [...matches, [a.length, b.length]]) {
        if (mi > i || mj > j)
            hunks.push({ aStart: i, aEnd: mi, bStart: j, bEnd: mj });
        i = mi + 1;
        j = mj + 1;
    }
    return hunks;
}
/** Whole-line edits that turn before into after. */
function lineEdits(path, before, after) {
    const a = splitLinesKeep(before);
    const b = splitLinesKeep(after);
    const offsets = [0];
    for (const l of a)
        offsets.push(offsets[offsets.length - 1] + l.length);
    return lineHunks(a, b).map((h) => ({ path, start: offsets[h.aStart], end: offsets[h.aEnd], text: b.slice(h.bStart, h.bEnd).join('') }));
}
/**
 * `edits` (of one file) as whole-line edits, what lineEdits gives for the whole file before and after them,
 * worked out on the lines they touch only: the rest of the file is the same before and after, so the line
 * hunks of that window are the whole file's, and a fix costs its own size, not the file's. Throws when the
 * edits overlap (as applyEdits does).
 */
function wholeLineEdits(file, edits) {
    if (edits.length === 0)
        return [];
    let lo = Infinity;
    let hi = -Infinity;
    for (const e of edits) {
        lo = Math.min(lo, e.start);
        hi = Math.max(hi, e.end);
    }
    const inside = lo >= 0 && hi <= file.text.length && lo <= hi;
    const start = inside ? (0,_source_js__WEBPACK_IMPORTED_MODULE_0__/* .lineStart */ .PT)(file, (0,_source_js__WEBPACK_IMPORTED_MODULE_0__/* .positionAt */ .t$)(file, lo).line) : 0;
    const nl = inside ? file.text.indexOf('\n', hi) : -1;
    const end = inside && nl >= 0 ? nl + 1 : file.text.length;
    const before = file.text.slice(start, end);
    const after = applyEdits(before, edits.map((e) => ({ ...e, start: e.start - start, end: e.end - start })));
    if (after === before)
        return [];
    return lineEdits(file.path, before, after).map((e) => ({ ...e, path: edits[0].path, start: e.start + start, end: e.end + start }));
}
function fixFromTexts(path, before, after, description) {
    if (before === after)
        return undefined;
    return { description, edits: lineEdits(path, before, after) };
}
/** A unified diff of one file (3 lines of context). */
function unifiedDiff(path, before, after, context = 3) {
    const a = splitLinesKeep(before);
    const b = splitLinesKeep(after);
    const hunks = lineHunks(a, b);
    if (hunks.length === 0)
        return '';
    const strip = (l) => l.replace(/\r?\n$/, '');
    let out = `--- a/${path}\n+++ b/${path}\n`;
    // Group hunks whose context overlaps.
    const groups = [];
    for (const h of hunks) {
        const g = groups[groups.length - 1];
        if (g && h.aStart - g[g.length - 1].aEnd <= context * 2)
            g.push(h);
        else
            groups.push([h]);
    }
    for (const g of groups) {
        const first = g[0];
        const last = g[g.length - 1];
        const aFrom = Math.max(0, first.aStart - context);
        const aTo = Math.min(a.length, last.aEnd + context);
        const bFrom = first.bStart - (first.aStart - aFrom);
        const bTo = last.bEnd + (aTo - last.aEnd);
        out += `@@ -${aFrom + 1},${aTo - aFrom} +${bFrom + 1},${bTo - bFrom} @@\n`;
        let ai = aFrom;
        for (const h of g) {
            for (; ai < h.aStart; ai++)
                out += ` ${strip(a[ai])}\n`;
            for (let k = h.aStart; k < h.aEnd; k++)
                out += `-${strip(a[k])}\n`;
            for (let k = h.bStart; k < h.bEnd; k++)
                out += `+${strip(b[k])}\n`;
            ai = h.aEnd;
        }
        for (; ai < aTo; ai++)
            out += ` ${strip(a[ai])}\n`;
        if (aTo === a.length && a.length > 0 && !/\n$/.test(a[a.length - 1]))
            out += '\\ No newline at end of file\n';
    }
    return out;
}


/***/ }),

/***/ 5729:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o6: () => (/* binding */ findProblems),
/* harmony export */   tf: () => (/* binding */ validate)
/* harmony export */ });
/* unused harmony exports clearValidateCache, hasDockerfileInstruction */
/* harmony import */ var _parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3078);
/* harmony import */ var _parse_yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8852);
/* harmony import */ var _parse_jsonc_lib_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4026);
/* harmony import */ var dockerfile_ast__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8390);
/* harmony import */ var _timing_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8117);





/**
 * Verdicts already computed, by text then kind (null: it parses). validate is a
 * pure function of (kind, text), and the same edited text is validated more than
 * once: by makeFix when the fix is offered, again by applyFixes before it is
 * applied, and on every later --fix round for the fixes of files left unchanged.
 * Least recently used entries go first once either bound is reached.
 */
const cache = new Map();
const CACHE_MAX_ENTRIES = 1024;
const CACHE_MAX_CHARS = 4_000_000;
/** Longer texts are validated every time rather than pin that much memory. */
const CACHE_MAX_TEXT = 1_000_000;
let cachedChars = 0;
/** Forget every memoised verdict (tests and benchmarks measuring a cold start). */
function clearValidateCache() {
    cache.clear();
    cachedChars = 0;
}
/** An error message when text does not parse as kind, else undefined. */
function validate(kind, text) {
    if (!needsParse(kind, text))
        return undefined;
    const entry = text.length <= CACHE_MAX_TEXT ? cache.get(text) : undefined;
    const known = entry?.[kind];
    if (known !== undefined) {
        // Most recently used last.
        cache.delete(text);
        cache.set(text, entry);
        return known ?? undefined;
    }
    (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .count */ .U9)(`fix validation parses (${kind})`);
    const verdict = check(kind, text);
    if (text.length <= CACHE_MAX_TEXT) {
        if (entry)
            entry[kind] = verdict ?? null;
        else {
            cache.set(text, { [kind]: verdict ?? null });
            cachedChars += text.length;
            for (const k of cache.keys()) {
                if (cache.size <= CACHE_MAX_ENTRIES && cachedChars <= CACHE_MAX_CHARS)
                    break;
                cache.delete(k);
                cachedChars -= k.length;
            }
        }
    }
    return verdict;
}
/** Whether text of kind must be parsed to be validated (else it is valid as it is: no validator, or certain from its first lines). */
function needsParse(kind, text) {
    switch (kind) {
        case 'compose':
        case 'kubernetes':
        case 'workflow':
        case 'taskfile':
        case 'gitlab-ci':
        case 'skaffold':
        case 'devcontainer':
        case 'vscode-launch':
        case 'seccomp':
        case 'package-json':
            break;
        case 'bake':
            // docker-bake.json is JSON; docker-bake.hcl has no validator yet. Told apart by the text
            // (a JSON document opens with `{`, HCL with a block or an attribute), as validate gets no path.
            if (!isJsonText(text))
                return false;
            break;
        case 'dockerfile':
            // Decided from the first lines without building the instruction tree, when that is certain.
            if (text.trim() === '' || hasDockerfileInstruction(text))
                return false;
            break;
        default:
            return false;
    }
    return true;
}
/**
 * Why text of kind does not parse, with where: [] exactly when validate() finds it valid, with one parse (or
 * none, when validate() needs none), and not memoised.
 */
function findProblems(kind, text, max = 100_000) {
    if (!needsParse(kind, text))
        return [];
    (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .count */ .U9)(`fix validation parses (${kind})`);
    return problems(kind, text, max);
}
/** The time inside the parsers' calls while validating fixes (PTRACE_DOCTOR_TIMING). */
const FIX_PARSE_CALLS = 'fix validation parse calls';
function check(kind, text) {
    return problems(kind, text, 1)[0]?.message;
}
/**
 * Why text does not parse as kind, with where: up to `max` problems, [] when it
 * parses. Not memoised (validate() is): used to tell which of many edits of one
 * file broke it, from where the parser stopped.
 */
function problems(kind, text, max = 1000) {
    switch (kind) {
        case 'compose':
        case 'kubernetes':
        case 'workflow':
        case 'taskfile':
        case 'gitlab-ci':
        case 'skaffold': {
            // Duplicate keys are checked below: the parser's own check (uniqueKeys: true)
            // is quadratic in a map's size, minutes for a map of 30,000 keys.
            const t = (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .clock */ .pm)();
            // A Helm template is read with its actions set aside (as the scan read it): so is its fixed text.
            const docs = (0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(kind === 'kubernetes' ? (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .untemplate */ .sl)(text) : text, { prettyErrors: false, uniqueKeys: false });
            (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .spent */ .RT)(FIX_PARSE_CALLS, t);
            const list = Array.isArray(docs) ? docs : [docs];
            const out = [];
            for (const d of list) {
                for (const e of d.errors) {
                    if (out.length >= max)
                        return out;
                    out.push({ message: e.message.split('\n')[0], offset: e.pos[0] });
                }
            }
            if (out.length > 0)
                return out;
            for (const d of list) {
                for (const offset of duplicateKeys(d, max - out.length))
                    out.push({ message: 'Map keys must be unique', offset });
                if (out.length >= max)
                    break;
            }
            return out;
        }
        case 'devcontainer':
        case 'vscode-launch':
        case 'seccomp': {
            const errors = [];
            const t = (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .clock */ .pm)();
            (0,_parse_jsonc_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(text, errors, { allowTrailingComma: true, disallowComments: kind === 'seccomp' });
            (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .spent */ .RT)(FIX_PARSE_CALLS, t);
            return errors.slice(0, max).map((e) => ({ message: `JSON error ${e.error} at offset ${e.offset}`, offset: e.offset }));
        }
        case 'package-json':
        case 'bake': {
            // Plain JSON: npm reads package.json with JSON.parse, bake its JSON form with a strict JSON parser.
            const errors = [];
            const t = (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .clock */ .pm)();
            (0,_parse_jsonc_lib_js__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(text, errors, { allowTrailingComma: false, disallowComments: true });
            (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .spent */ .RT)(FIX_PARSE_CALLS, t);
            return errors.slice(0, max).map((e) => ({ message: `JSON error ${e.error} at offset ${e.offset}`, offset: e.offset }));
        }
        case 'dockerfile': {
            const t = (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .clock */ .pm)();
            const df = dockerfile_ast__WEBPACK_IMPORTED_MODULE_3__.DockerfileParser.parse(text);
            (0,_timing_js__WEBPACK_IMPORTED_MODULE_4__/* .spent */ .RT)(FIX_PARSE_CALLS, t);
            return df.getInstructions().length === 0 && text.trim() !== '' ? [{ message: 'no instructions', offset: 0 }] : [];
        }
        default:
            return [];
    }
}
/** Does the text open (after a BOM and whitespace) with `{`, as a JSON document of bake's does? */
function isJsonText(text) {
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff)
            continue;
        return c === 123;
    }
    return false;
}
/**
 * Does dockerfile-ast certainly find an instruction in text? true only when it
 * does; false means "cannot tell cheaply" (the caller then runs the parser).
 *
 * The parser reads parser directives (`# name=value`, possibly several on a
 * line) from the leading `#` lines, starts at the line whose index is the number
 * of directives, skips blanks and `#` comment lines, and makes an instruction
 * of anything else. So a line whose first character after spaces and tabs is
 * neither `#` nor a line break is reached, and read as an instruction, when the
 * `#` characters above it (an upper bound on the directives) are no more than
 * its index. A BOM or a lone CR (the directive reader then skips a character)
 * is left to the parser.
 */
function hasDockerfileInstruction(text) {
    if (text.charCodeAt(0) === 0xfeff)
        return false;
    let hashes = 0;
    let line = 0;
    let i = 0;
    const n = text.length;
    while (i < n) {
        let c = text.charCodeAt(i);
        while (c === 32 || c === 9)
            c = text.charCodeAt(++i);
        if (i >= n)
            return false;
        if (c === 13 && text.charCodeAt(i + 1) !== 10)
            return false;
        if (c !== 10 && c !== 13 && c !== 35)
            return hashes <= line;
        // A blank or `#` line: count its `#`s and go to the next line.
        for (; i < n; i++) {
            c = text.charCodeAt(i);
            if (c === 35)
                hashes++;
            else if (c === 10)
                break;
            else if (c === 13) {
                if (text.charCodeAt(i + 1) !== 10)
                    return false;
                i++;
                break;
            }
        }
        i++;
        line++;
    }
    return false;
}
/**
 * Where keys repeat in a map of the document (the offset of each repeated key, up to max), with the equality the
 * `yaml` parser uses for uniqueKeys: true (same node, or scalars whose values
 * are ===), in linear time. Walks the same nodes as yaml's visit() (collection
 * items, pair keys and values; aliases are not followed), without recursion.
 */
function duplicateKeys(doc, max) {
    const out = [];
    const at = (k) => k?.range?.[0] ?? 0;
    const stack = [doc.contents];
    while (stack.length > 0) {
        const node = stack.pop();
        if ((0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            let values;
            let nodes;
            for (const p of node.items) {
                const k = p.key;
                if ((0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(k)) {
                    const v = k.value;
                    if (!(typeof v === 'number' && Number.isNaN(v))) {
                        values ??= new Set();
                        if (values.has(v)) {
                            out.push(at(k));
                            if (out.length >= max)
                                return out;
                        }
                        values.add(v);
                    }
                }
                else {
                    nodes ??= new Set();
                    if (nodes.has(k)) {
                        out.push(at(k));
                        if (out.length >= max)
                            return out;
                    }
                    nodes.add(k);
                }
                stack.push(p.value, k);
            }
        }
        else if ((0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
            for (const item of node.items)
                stack.push(item);
        }
        else if ((0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(node)) {
            // A pair as a sequence item (`- ? a : b` in a flow sequence).
            stack.push(node.value, node.key);
        }
    }
    return out;
}


/***/ }),

/***/ 1064:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hl: () => (/* binding */ seccompProfilePath),
/* harmony export */   a1: () => (/* binding */ isSeccompUnconfined),
/* harmony export */   p0: () => (/* binding */ hasCapability)
/* harmony export */ });
/* unused harmony export DEFAULT_CAPS */
/* harmony import */ var _launch_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3386);
/** Effective capabilities the way Docker and containerd compute them. */

/** Docker's and containerd's default capability set (no SYS_PTRACE). */
const DEFAULT_CAPS = ['CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID', 'SETFCAP', 'SETPCAP', 'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE'];
/**
 * Does the container end up with `cap`? Docker: an added ALL starts from every
 * capability; a dropped ALL starts from none; otherwise the default set; then
 * drops are removed and adds added.
 */
function hasCapability(cap, add, drop, privileged) {
    if (privileged)
        return true;
    const adds = new Set(add.map((c) => (0,_launch_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeCap */ .Cu)(c.value)));
    const drops = new Set(drop.map((c) => (0,_launch_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeCap */ .Cu)(c.value)));
    const want = (0,_launch_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeCap */ .Cu)(cap);
    if (adds.has('ALL'))
        return !drops.has(want);
    if (adds.has(want))
        return true;
    if (drops.has('ALL') || drops.has(want))
        return false;
    return DEFAULT_CAPS.includes(want);
}
/** security_opt / securityOpt entries that turn seccomp off (seccomp=unconfined, seccomp:unconfined). */
function isSeccompUnconfined(opt) {
    return /^seccomp[=:]\s*unconfined$/i.test(opt.trim());
}
/** A seccomp profile path from seccomp=PATH (not unconfined/builtin). */
function seccompProfilePath(opt) {
    const m = /^seccomp[=:](.+)$/i.exec(opt.trim());
    if (!m)
        return undefined;
    const v = m[1].trim();
    if (/^(unconfined|builtin|default)$/i.test(v))
        return undefined;
    return v;
}


/***/ }),

/***/ 7198:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ commandFileOf)
/* harmony export */ });
/* harmony import */ var _parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3078);
/* harmony import */ var _parse_jsonc_lib_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4026);
/* harmony import */ var _parse_shell_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1969);
/* harmony import */ var _parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8852);
/* harmony import */ var _discover_index_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1835);





const memo = new WeakMap();
/** The commands and variables of a file (memoised per project and file). Kinds without commands give none. */
function commandFileOf(project, file) {
    let perProject = memo.get(project);
    if (!perProject)
        memo.set(project, (perProject = new WeakMap()));
    const hit = perProject.get(file);
    if (hit)
        return hit;
    const b = new Builder(file);
    switch (file.kind) {
        case 'shell':
            shellFile(b);
            break;
        case 'makefile':
            makefile(b);
            break;
        case 'workflow':
            workflow(project, b);
            break;
        case 'justfile':
            justfile(b);
            break;
        case 'taskfile':
            taskfile(project, b);
            break;
        case 'package-json':
            packageJson(b);
            break;
        case 'gitlab-ci':
            gitlabCi(project, b);
            break;
        default: break;
    }
    const cf = b.done();
    perProject.set(file, cf);
    return cf;
}
const SHELL_SYNTAX = { make: false, shell: 'all', just: false, task: false, actions: false };
class Builder {
    file;
    commands = [];
    vars = new Map();
    /** Variables met only in a scope, first definition kept (added to vars at the end). */
    scoped = new Map();
    scopes = new Map();
    syntax = SHELL_SYNTAX;
    constructor(file) {
        this.file = file;
    }
    push(commands, scope) {
        for (const c of commands) {
            this.commands.push(c);
            if (scope && scope.size > 0)
                this.scopes.set(c, scope);
        }
    }
    /** Record a scope's own variables (for `vars`), first definition winning. */
    noteScope(scope) {
        for (const [k, v] of scope)
            if (!this.scoped.has(k))
                this.scoped.set(k, v);
    }
    done() {
        const { file, commands, vars, syntax, scopes } = this;
        // What a command outside every scope sees: the file-level definitions only.
        const fileLevel = new Map(vars);
        for (const [k, v] of this.scoped)
            if (!vars.has(k))
                vars.set(k, v);
        const merged = new Map();
        const varsFor = (c) => {
            const s = scopes.get(c);
            if (!s)
                return fileLevel;
            let m = merged.get(c);
            if (!m) {
                m = new Map([...fileLevel, ...s]);
                merged.set(c, m);
            }
            return m;
        };
        return {
            file,
            commands,
            vars,
            expand: (value) => expandValue(value, vars, syntax),
            varsFor,
            expandFor: (c, value) => expandValue(value, varsFor(c), syntax),
        };
    }
}
// ---------------------------------------------------------------------------
// Expansion
const MAX_EXPAND_DEPTH = 16;
const MAX_EXPANDED_CHARS = 64 * 1024;
const MAX_SUBSTITUTIONS = 10_000;
const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_]/;
const MAKE_VAR_NAME = /^[A-Za-z0-9_.-]+$/;
const SHELL_REF = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=+])([\s\S]*))?$/;
/** Index of the bracket that closes the one at `open`, or -1. */
function closing(s, open, o, c) {
    let depth = 0;
    for (let i = open; i < s.length; i++) {
        if (s[i] === o)
            depth++;
        else if (s[i] === c && --depth === 0)
            return i;
    }
    return -1;
}
/**
 * Resolve the references of `value` that name variables in `vars`, the
 * substituted values expanded in turn (a variable is never expanded inside
 * itself: `PORT=${PORT:-2345}` gives 2345). Unknown references stay as
 * written; `${X:-d}` and `${X-d}` give their default when X is unknown.
 */
function expandValue(value, vars, syntax) {
    const active = new Set();
    let substitutions = 0;
    const shellVisible = (name) => syntax.shell === 'all' || syntax.shell.has(name);
    /** The expanded value of a variable, or undefined when it is unknown here (or being expanded, or the budget is spent). */
    const valueOf = (name, depth) => {
        if (active.has(name) || ++substitutions > MAX_SUBSTITUTIONS)
            return undefined;
        const v = vars.get(name);
        if (v === undefined)
            return undefined;
        if (depth >= MAX_EXPAND_DEPTH)
            return v;
        active.add(name);
        try {
            return run(v, depth + 1);
        }
        finally {
            active.delete(name);
        }
    };
    const run = (s, depth) => {
        let out = '';
        let i = 0;
        const n = s.length;
        while (i < n) {
            if (out.length > MAX_EXPANDED_CHARS)
                return out + s.slice(i);
            const c = s[i];
            if (c === '$') {
                const next = s[i + 1];
                if (syntax.actions && next === '{' && s[i + 2] === '{') {
                    const end = s.indexOf('}}', i + 3);
                    if (end < 0)
                        return out + s.slice(i);
                    const m = /^\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(s.slice(i + 3, end));
                    const r = m ? valueOf(m[1], depth) : undefined;
                    out += r ?? s.slice(i, end + 2);
                    i = end + 2;
                    continue;
                }
                if (syntax.make && next === '$') {
                    out += '$';
                    i += 2;
                    continue;
                }
                if (syntax.make && next === '(') {
                    const end = closing(s, i + 1, '(', ')');
                    if (end < 0)
                        return out + s.slice(i);
                    const inner = s.slice(i + 2, end);
                    const r = MAKE_VAR_NAME.test(inner) ? valueOf(inner, depth) : undefined;
                    out += r ?? s.slice(i, end + 1);
                    i = end + 1;
                    continue;
                }
                if (next === '{') {
                    const end = closing(s, i + 1, '{', '}');
                    if (end < 0)
                        return out + s.slice(i);
                    const raw = s.slice(i, end + 1);
                    i = end + 1;
                    const m = SHELL_REF.exec(raw.slice(2, -1));
                    if (!m) {
                        out += raw;
                        continue;
                    }
                    const name = m[1];
                    const op = m[2];
                    const r = syntax.make || shellVisible(name) ? valueOf(name, depth) : undefined;
                    if (!op)
                        out += r ?? raw;
                    else if (op === ':-' || op === ':=')
                        out += r !== undefined && r !== '' ? r : run(m[3] ?? '', depth + 1);
                    else if (op === '-' || op === '=')
                        out += r ?? run(m[3] ?? '', depth + 1);
                    else if (op === ':+')
                        out += r === undefined ? raw : r === '' ? '' : run(m[3] ?? '', depth + 1);
                    else
                        out += r === undefined ? raw : run(m[3] ?? '', depth + 1); // '+'
                    continue;
                }
                if (next !== undefined && IDENT_START.test(next)) {
                    let j = i + 2;
                    while (j < n && IDENT_CHAR.test(s[j]))
                        j++;
                    const name = s.slice(i + 1, j);
                    const r = shellVisible(name) ? valueOf(name, depth) : undefined;
                    out += r ?? s.slice(i, j);
                    i = j;
                    continue;
                }
                out += c;
                i++;
                continue;
            }
            if (c === '{' && s[i + 1] === '{' && (syntax.just || syntax.task)) {
                if (syntax.just && s.startsWith('{{{{', i)) {
                    out += '{{';
                    i += 4;
                    continue;
                }
                const end = s.indexOf('}}', i + 2);
                if (end < 0)
                    return out + s.slice(i);
                const inner = s.slice(i + 2, end).trim();
                let name;
                if (syntax.task && inner.startsWith('.'))
                    name = /^\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(inner)?.[1];
                else if (syntax.just)
                    name = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(inner) ? inner : undefined;
                const r = name !== undefined ? valueOf(name, depth) : undefined;
                out += r ?? s.slice(i, end + 2);
                i = end + 2;
                continue;
            }
            out += c;
            i++;
        }
        return out;
    };
    return run(value, 0);
}
function lineAt(text, i) {
    const nl = text.indexOf('\n', i);
    const next = nl < 0 ? text.length : nl + 1;
    let end = nl < 0 ? text.length : nl;
    if (end > i && text[end - 1] === '\r')
        end--;
    return { start: i, end, next };
}
/** The line at `i` and every line a trailing backslash continues it onto: [start, end) and the offset after. */
function logicalLine(text, i) {
    let l = lineAt(text, i);
    const start = l.start;
    while (l.end > l.start && text[l.end - 1] === '\\' && l.next < text.length)
        l = lineAt(text, l.next);
    return { start, end: l.end, next: l.next };
}
/** A logical line's text with each backslash-newline (and the next line's indentation) made one space, as Make reads a variable's value. */
function joinContinued(text, start, end) {
    const s = text.slice(start, end);
    return s.includes('\\\n') || s.includes('\\\r\n') ? s.replace(/[ \t]*\\\r?\n[ \t]*/g, ' ') : s;
}
// ---------------------------------------------------------------------------
// Shell scripts
const ASSIGN_PREFIX = new Set(['export', 'readonly', 'declare', 'typeset']);
const LEADING_KEYWORDS = new Set(['then', 'else', 'do', '{', '!']);
/**
 * `NAME=value` commands (alone, or after export/readonly/declare/typeset):
 * the first definition of a name wins, so the value written at the top of a
 * script (`PORT=2345`) is kept over a later conditional one (`PORT=$1`).
 * `NAME=value cmd` sets NAME for cmd only and is not a definition.
 */
function shellVars(commands, into) {
    for (const c of commands) {
        let k = 0;
        while (k < c.words.length && !c.words[k].quoted && LEADING_KEYWORDS.has(c.words[k].value))
            k++;
        const first = c.words[k];
        if (!first)
            continue;
        if (ASSIGN_PREFIX.has(first.value) && !first.quoted) {
            k++;
            while (k < c.words.length && c.words[k].value.startsWith('-'))
                k++;
        }
        else if (!isAssignmentWord(first))
            continue;
        const rest = c.words.slice(k);
        if (rest.length === 0 || !rest.every((w) => isAssignmentWord(w) || /^[A-Za-z_][A-Za-z0-9_]*$/.test(w.value)))
            continue;
        for (const w of rest) {
            const eq = w.value.indexOf('=');
            if (eq < 0)
                continue;
            const name = w.value.slice(0, eq);
            if (!into.has(name))
                into.set(name, w.value.slice(eq + 1));
        }
    }
}
function isAssignmentWord(w) {
    // The name must be written unquoted: "A=1" is a command named A=1.
    const eq = w.value.indexOf('=');
    return eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(w.value.slice(0, eq)) && (w.map[eq] ?? -1) - w.start === eq;
}
function shellFile(b) {
    const commands = (0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .splitShell */ .b2)(b.file.text);
    b.push(commands);
    shellVars(commands, b.vars);
}
// ---------------------------------------------------------------------------
// Makefiles
const MAKE_ASSIGN = /^((?:(?:export|override|private)[ \t]+)*)([^\s:#=]+)[ \t]*(:::=|::=|:=|\?=|\+=|!=|=)(.*)$/s;
const MAKE_CONDITIONAL = /^[ \t]*(ifeq|ifneq|ifdef|ifndef)\b/;
const MAKE_ENDIF = /^[ \t]*endif\b/;
const MAKE_DEFINE = /^[ \t]*(?:(?:export|override|private)[ \t]+)*define[ \t]+([^\s:#=]+)/;
const MAKE_ENDEF = /^[ \t]*endef\b/;
/** A Make variable value without its comment (an unescaped #) and surrounding blanks. */
function makeValue(v) {
    let out = '';
    for (let i = 0; i < v.length; i++) {
        const c = v[i];
        if (c === '\\' && v[i + 1] === '#') {
            out += '#';
            i++;
            continue;
        }
        if (c === '#')
            break;
        out += c;
    }
    return out.trim();
}
/**
 * Recipe lines (a tab first; `@ - +` prefixes; backslash continuations; `$$`
 * is `$`) and variables. Assignments follow Make's order (a later `=` or `:=`
 * replaces, `?=` sets only an undefined name, `+=` appends), except inside
 * ifeq/ifdef blocks, where only a name not yet defined is set: both branches
 * are read, and the first one wins. `!=` (a shell command's output) is not
 * resolved. `define NAME … endef` gives the lines between.
 */
function makefile(b) {
    b.syntax = { ...SHELL_SYNTAX, make: true };
    const text = b.file.text;
    const vars = b.vars;
    let conditional = 0;
    let define;
    let i = 0;
    while (i < text.length) {
        if (text[i] === '\t') {
            // A recipe line, with its continuations (also inside define: a canned recipe).
            const l = logicalLine(text, i);
            let s = i + 1;
            while (s < l.end && (text[s] === '@' || text[s] === '-' || text[s] === '+' || text[s] === ' '))
                s++;
            b.push((0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .splitShell */ .b2)(text.slice(s, l.end), { base: s, make: true }));
            i = l.next;
            continue;
        }
        if (define) {
            const l = lineAt(text, i);
            const line = text.slice(l.start, l.end);
            if (MAKE_ENDEF.test(line) && --define.depth === 0) {
                const body = text.slice(define.from, l.start).replace(/\r?\n$/, '');
                setMake(vars, define.name, body, '=', conditional > 0);
                define = undefined;
            }
            else if (MAKE_DEFINE.test(line))
                define.depth++;
            i = l.next;
            continue;
        }
        const l = logicalLine(text, i);
        const line = joinContinued(text, l.start, l.end);
        i = l.next;
        const def = MAKE_DEFINE.exec(line);
        if (def) {
            define = { name: def[1], depth: 1, from: l.next };
            continue;
        }
        if (MAKE_CONDITIONAL.test(line)) {
            conditional++;
            continue;
        }
        if (MAKE_ENDIF.test(line)) {
            if (conditional > 0)
                conditional--;
            continue;
        }
        const m = MAKE_ASSIGN.exec(line.trimStart());
        if (!m)
            continue;
        const op = m[3];
        if (op === '!=')
            continue;
        setMake(vars, m[2], makeValue(m[4]), op, conditional > 0);
    }
}
function setMake(vars, name, value, op, conditional) {
    const prev = vars.get(name);
    if (op === '+=')
        vars.set(name, prev === undefined || prev === '' ? value : `${prev} ${value}`);
    else if (op === '?=' || conditional) {
        if (prev === undefined)
            vars.set(name, value);
    }
    else
        vars.set(name, value);
}
// ---------------------------------------------------------------------------
// Templates inside shell words: {{ X }} kept as one word
/**
 * The text of [start, end) with the blanks inside each `{{ … }}` removed, so
 * that splitShell keeps the interpolation in one word, and the source offset
 * of each character kept. An interpolation holding a quote, or not closed on
 * its line, is left alone; `{{{{` (just's literal braces) too.
 */
const MAX_TEMPLATE = 256;
function compactTemplates(text, map) {
    if (!text.includes('{{'))
        return { text, map };
    let out = '';
    const outMap = [];
    let i = 0;
    const copy = (from, to) => {
        for (let k = from; k < to; k++) {
            out += text[k];
            outMap.push(map[k]);
        }
    };
    while (i < text.length) {
        const open = text.indexOf('{{', i);
        if (open < 0) {
            copy(i, text.length);
            break;
        }
        copy(i, open);
        if (text.startsWith('{{{{', open)) {
            copy(open, open + 4);
            i = open + 4;
            continue;
        }
        // An interpolation is short: look for its end within MAX_TEMPLATE characters (a bounded search per `{{`).
        const window = text.slice(open + 2, open + 2 + MAX_TEMPLATE);
        const rel = window.indexOf('}}');
        const inner = rel < 0 ? '' : window.slice(0, rel);
        if (rel < 0 || /["'`\n]/.test(inner)) {
            copy(open, open + 2);
            i = open + 2;
            continue;
        }
        const close = open + 2 + rel;
        copy(open, open + 2);
        for (let k = open + 2; k < close; k++)
            if (text[k] !== ' ' && text[k] !== '\t') {
                out += text[k];
                outMap.push(map[k]);
            }
        copy(close, close + 2);
        i = close + 2;
    }
    return { text: out, map: outMap };
}
/** Split a stretch of the file as shell, templates kept whole. */
function splitTemplated(file, start, end) {
    const raw = file.text.slice(start, end);
    if (!raw.includes('{{'))
        return (0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .splitShell */ .b2)(raw, { base: start });
    const map = Array.from({ length: raw.length }, (_, k) => start + k);
    const c = compactTemplates(raw, map);
    return (0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .splitShell */ .b2)(c.text, { map: c.map });
}
/** Split a YAML scalar's value as shell, offsets mapped into the file; with `templates`, {{ … }} kept whole (Task). */
function splitScalar(file, n, templates = false) {
    const w = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .scalarWord */ .F4)(file, n);
    if (!templates)
        return (0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .splitShell */ .b2)(w.value, { map: w.map });
    const c = compactTemplates(w.value, w.map);
    return (0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .splitShell */ .b2)(c.text, { map: c.map });
}
// ---------------------------------------------------------------------------
// justfiles
const JUST_NAME = /[A-Za-z_][A-Za-z0-9_-]*/y;
/** The just name at `i` of `s`, if one starts there (sticky: no slice of a long line per token). */
function justNameAt(s, i) {
    JUST_NAME.lastIndex = i;
    return JUST_NAME.exec(s)?.[0];
}
const JUST_ASSIGN = /^(export[ \t]+)?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:=[ \t]*(.*)$/;
/** Settings, aliases, imports and modules (`import? 'x'`, `mod? name`): a keyword then a blank or `?`, so that a recipe `set-up:` is not one. */
const JUST_SKIP = /^(set|alias|import|mod|unexport)(?=[ \t?])/;
/**
 * A just expression as a template expand() resolves: string literals become
 * their text, names become {{name}}, `+` concatenates and `/` joins with a
 * slash. Anything else (a function call, a backtick, `if`) is kept as written.
 */
function justExpression(src) {
    let out = '';
    let i = 0;
    let expectOperand = true;
    const n = src.length;
    while (i < n) {
        const c = src[i];
        if (c === ' ' || c === '\t') {
            i++;
            continue;
        }
        if (c === '#')
            break;
        if (!expectOperand) {
            if (c === '+') {
                expectOperand = true;
                i++;
                continue;
            }
            if (c === '/') {
                out += '/';
                expectOperand = true;
                i++;
                continue;
            }
            return src.trim();
        }
        if (c === "'" || c === '"') {
            if (src.startsWith(c.repeat(3), i))
                return src.trim(); // an indented multi-line string
            let j = i + 1;
            let lit = '';
            while (j < n && src[j] !== c) {
                if (c === '"' && src[j] === '\\' && j + 1 < n) {
                    const e = src[j + 1];
                    lit += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
                    j += 2;
                    continue;
                }
                lit += src[j];
                j++;
            }
            if (j >= n)
                return src.trim();
            out += lit;
            i = j + 1;
            expectOperand = false;
            continue;
        }
        const m = justNameAt(src, i);
        if (m && src[i + m.length] !== '(' && m !== 'if' && m !== 'else') {
            out += `{{${m}}}`;
            i += m.length;
            expectOperand = false;
            continue;
        }
        return src.trim();
    }
    return expectOperand && out !== '' ? src.trim() : out;
}
/** A recipe header's parameters: name, then `name`, `name=default`, `+name`, `*name`, `$name` …, up to the `:` (not `:=`). Undefined when the line is no recipe header. */
function justHeader(line) {
    let i = line[0] === '@' ? 1 : 0;
    const name = justNameAt(line, i);
    if (!name)
        return undefined;
    i += name.length;
    const params = new Map();
    const exported = [];
    const n = line.length;
    for (;;) {
        while (i < n && (line[i] === ' ' || line[i] === '\t'))
            i++;
        if (i >= n)
            return undefined;
        if (line[i] === ':')
            return line[i + 1] === '=' ? undefined : { params, exported };
        if (line[i] === '+' || line[i] === '*')
            i++;
        let isExported = false;
        if (line[i] === '$') {
            isExported = true;
            i++;
        }
        const p = justNameAt(line, i);
        if (!p)
            return undefined;
        i += p.length;
        if (isExported)
            exported.push(p);
        if (line[i] !== '=')
            continue;
        i++;
        const q = line[i];
        if (q === "'" || q === '"' || q === '`') {
            const close = line.indexOf(q, i + 1);
            if (close < 0)
                return undefined;
            if (q !== '`')
                params.set(p, line.slice(i + 1, close));
            i = close + 1;
        }
        else if (q === '(') {
            const close = closing(line, i, '(', ')');
            if (close < 0)
                return undefined;
            params.set(p, justExpression(line.slice(i + 1, close)));
            i = close + 1;
        }
        else {
            const v = justNameAt(line, i);
            if (!v)
                return undefined;
            params.set(p, `{{${v}}}`);
            i += v.length;
        }
    }
}
/** The interpreter a `[script]` / `[script('bash', '-eu')]` attribute names; '' for the default (sh); undefined when the line has none. */
function scriptAttribute(line) {
    const m = /(?:^\[|,)[ \t]*script(?![\w-])(?:[ \t]*\([ \t]*(['"])([^'"]*)\1)?/.exec(line);
    if (!m)
        return undefined;
    return m[2] ?? '';
}
/**
 * Recipes: a header at the start of a line (`name params…: deps`) and the
 * indented lines below it. A linewise recipe's lines lose their `@` and `-`
 * prefixes; a recipe whose body opens with `#!` (or that has a `[script]`
 * attribute) is one script, taken only when it is sh, bash, dash, ash, zsh or
 * ksh. Variables: `name := value` and `export name := value` (strings
 * unquoted, concatenation resolved); `set shell := […]` and other settings
 * are ignored, except `set export`, which puts every variable in the
 * recipes' environment ($name then resolves too).
 */
function justfile(b) {
    const text = b.file.text;
    const exported = new Set();
    let exportAll = false;
    let script;
    let i = 0;
    while (i < text.length) {
        const l = lineAt(text, i);
        const line = text.slice(l.start, l.end);
        const c = line[0];
        if (c === undefined || c === ' ' || c === '\t' || c === '#') {
            i = l.next;
            continue;
        }
        if (c === '[') {
            script = scriptAttribute(line) ?? script;
            i = l.next;
            continue;
        }
        const a = JUST_ASSIGN.exec(line);
        if (a) {
            b.vars.set(a[2], justExpression(a[3]));
            if (a[1])
                exported.add(a[2]);
            script = undefined;
            i = l.next;
            continue;
        }
        if (JUST_SKIP.test(line)) {
            const m = /^set[ \t]+export\b(?:[ \t]*:=[ \t]*(\w+))?/.exec(line);
            if (m)
                exportAll = m[1] === undefined || m[1] === 'true';
            script = undefined;
            i = l.next;
            continue;
        }
        const header = justHeader(line);
        const attr = script;
        script = undefined;
        i = l.next;
        if (!header)
            continue;
        for (const e of header.exported)
            exported.add(e);
        b.noteScope(header.params);
        // The body: indented or blank lines, up to the first line that starts at column 0.
        const body = [];
        while (i < text.length) {
            const bl = lineAt(text, i);
            const first = text[bl.start];
            if (bl.end > bl.start && first !== ' ' && first !== '\t')
                break;
            body.push(bl);
            i = bl.next;
        }
        while (body.length > 0 && text.slice(body[body.length - 1].start, body[body.length - 1].end).trim() === '')
            body.pop();
        const firstLine = body.find((x) => text.slice(x.start, x.end).trim() !== '');
        if (!firstLine)
            continue;
        const firstText = text.slice(firstLine.start, firstLine.end).trimStart();
        const scope = header.params;
        if (firstText.startsWith('#!') || attr !== undefined) {
            const shebang = firstText.startsWith('#!');
            const interp = shebang ? (0,_discover_index_js__WEBPACK_IMPORTED_MODULE_4__/* .shebangShell */ .tX)(firstText) : attr === '' ? 'sh' : (0,_discover_index_js__WEBPACK_IMPORTED_MODULE_4__/* .shebangShell */ .tX)(`#!${attr}`);
            if (!interp)
                continue;
            const from = shebang ? firstLine.next : firstLine.start;
            const to = body[body.length - 1].end;
            if (from < to)
                b.push(splitTemplated(b.file, from, to), scope);
            continue;
        }
        for (let k = 0; k < body.length; k++) {
            const bl = body[k];
            let s = bl.start;
            while (s < bl.end && (text[s] === ' ' || text[s] === '\t'))
                s++;
            if (s >= bl.end)
                continue;
            while (s < bl.end && (text[s] === '@' || text[s] === '-'))
                s++;
            // A trailing backslash continues the line onto the next one of the body.
            let e = bl.end;
            while (e > s && text[e - 1] === '\\' && k + 1 < body.length)
                e = body[++k].end;
            b.push(splitTemplated(b.file, s, e), scope);
        }
    }
    b.syntax = { ...SHELL_SYNTAX, shell: exportAll ? 'all' : exported, just: true };
}
// ---------------------------------------------------------------------------
// YAML helpers
const MAX_DEPTH = 40;
/** A map's scalar-valued entries (`NAME: value`, or `NAME: {value: …}` when valueKey is given) as variables. */
function yamlVars(y, node, valueKey) {
    const out = new Map();
    for (const p of (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .pairs */ .AS)(y, node)) {
        const k = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .keyOf */ .TN)(p);
        if (k === undefined)
            continue;
        let v = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .deref */ .LA)(y, p.value);
        if (v && valueKey && (0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(v))
            v = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, v, valueKey);
        if (v && (0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(v)) {
            const val = v.value;
            out.set(k, val === null || val === undefined ? '' : String(val));
        }
    }
    return out;
}
function merge(a, b) {
    if (b.size === 0)
        return a;
    if (a.size === 0)
        return b;
    return new Map([...a, ...b]);
}
// ---------------------------------------------------------------------------
// GitHub workflows
const SH_RUN_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);
/**
 * Every `run:` scalar of the file, at any depth (steps of jobs, composite
 * actions), except a step whose `shell:` is another language (pwsh, python).
 * `env:` maps: the top-level one gives the file's variables; a job's or a
 * step's is the scope of the commands below it.
 */
function workflow(project, b) {
    b.syntax = { ...SHELL_SYNTAX, actions: true };
    const y = project.yaml(b.file);
    if (!y)
        return;
    const visit = (n, depth, scope) => {
        if (depth > MAX_DEPTH || !n)
            return;
        const d = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .deref */ .LA)(y, n);
        if (!d)
            return;
        if ((0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(d)) {
            let here = scope;
            let shell;
            for (const p of d.items) {
                const k = (0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) ? String(p.key.value) : '';
                if (k === 'env') {
                    const env = yamlVars(y, (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .deref */ .LA)(y, p.value));
                    if (depth === 0)
                        for (const [name, v] of env)
                            b.vars.set(name, v);
                    else {
                        b.noteScope(env);
                        here = merge(here, env);
                    }
                }
                else if (k === 'shell') {
                    const v = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .deref */ .LA)(y, p.value);
                    if (v && (0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(v))
                        shell = String(v.value ?? '');
                }
            }
            const sh = shell?.trim().split(/\s+/)[0];
            const shellOk = sh === undefined || sh === '' || SH_RUN_SHELLS.has(sh.slice(sh.lastIndexOf('/') + 1));
            for (const p of d.items) {
                const k = (0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) ? String(p.key.value) : '';
                if (k === 'env')
                    continue;
                const v = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .deref */ .LA)(y, p.value);
                if (k === 'run' && v && (0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(v)) {
                    if (shellOk)
                        b.push(splitScalar(b.file, v), here);
                }
                else
                    visit(v, depth + 1, here);
            }
        }
        else if ((0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(d))
            for (const i of d.items)
                visit(i, depth + 1, scope);
    };
    for (const doc of y.docs)
        visit(doc.contents, 0, new Map());
}
// ---------------------------------------------------------------------------
// Taskfiles
/**
 * `tasks.<name>` as a string (one command), a list of commands, or a map with
 * `cmds:` (a list) or `cmd:`; each command a string or a map with `cmd:` (or
 * `defer:`); `task:` calls are not commands. `vars:` and `env:` at the top
 * level give the file's variables (string values; `sh:` ones are not run,
 * `ref:` ones refer to another variable), a task's own are its scope. `env:`
 * names are also resolved as $NAME, since the shell sees them.
 */
function taskfile(project, b) {
    const envNames = new Set();
    b.syntax = { ...SHELL_SYNTAX, shell: envNames, task: true };
    const y = project.yaml(b.file);
    if (!y)
        return;
    const varsOf = (node) => {
        const out = new Map();
        for (const p of (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .pairs */ .AS)(y, node)) {
            const k = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .keyOf */ .TN)(p);
            const v = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .deref */ .LA)(y, p.value);
            if (k === undefined || !v)
                continue;
            if ((0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(v))
                out.set(k, String(v.value ?? ''));
            else if ((0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(v)) {
                const ref = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, v, 'ref');
                if (ref && (0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(ref))
                    out.set(k, `{{${String(ref.value).trim()}}}`);
            }
        }
        return out;
    };
    const envOf = (node) => {
        const env = varsOf(node);
        for (const k of env.keys())
            envNames.add(k);
        return env;
    };
    const command = (n, scope, depth) => {
        if (!n || depth > 4)
            return;
        if ((0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(n)) {
            b.push(splitScalar(b.file, n, true), scope);
            return;
        }
        if (!(0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(n))
            return;
        const cmd = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, n, 'cmd');
        if (cmd && (0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(cmd))
            b.push(splitScalar(b.file, cmd, true), scope);
        const deferred = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, n, 'defer');
        if (deferred)
            command(deferred, scope, depth + 1);
    };
    for (const doc of y.docs) {
        const root = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .deref */ .LA)(y, doc.contents);
        if (!root || !(0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root))
            continue;
        for (const [k, v] of [...varsOf((0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, root, 'vars')), ...envOf((0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, root, 'env'))])
            if (!b.vars.has(k))
                b.vars.set(k, v);
        for (const p of (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .pairs */ .AS)(y, (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, root, 'tasks'))) {
            const t = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .deref */ .LA)(y, p.value);
            if (!t)
                continue;
            if ((0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(t)) {
                command(t, new Map(), 0);
                continue;
            }
            if ((0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(t)) {
                for (const c of t.items)
                    command((0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .deref */ .LA)(y, c), new Map(), 0);
                continue;
            }
            if (!(0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(t))
                continue;
            const scope = merge(envOf((0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, t, 'env')), varsOf((0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, t, 'vars')));
            b.noteScope(scope);
            const cmds = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, t, 'cmds');
            if (cmds && (0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(cmds))
                for (const c of cmds.items)
                    command((0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .deref */ .LA)(y, c), scope, 0);
            else if (cmds)
                command(cmds, scope, 0);
            const cmd = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, t, 'cmd');
            if (cmd)
                command(cmd, scope, 0);
        }
    }
}
// ---------------------------------------------------------------------------
// package.json
/**
 * Each `scripts` value that is a string. Its words map 1:1 onto the source
 * when the raw JSON string equals the value (no escapes); otherwise the
 * commands are still taken, with every word pointing at the string's opening
 * quote (a finding lands on the script, a fix must not edit inside it).
 */
function packageJson(b) {
    const root = (0,_parse_jsonc_lib_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonc */ .pX)(b.file.text);
    if (!root)
        return;
    const scripts = (0,_parse_jsonc_lib_js__WEBPACK_IMPORTED_MODULE_1__/* .findNodeAtLocation */ .Wc)(root, ['scripts']);
    if (!scripts || scripts.type !== 'object')
        return;
    for (const prop of scripts.children ?? []) {
        const v = prop.children?.[1];
        if (!v || v.type !== 'string' || typeof v.value !== 'string')
            continue;
        const value = v.value;
        const raw = b.file.text.slice(v.offset + 1, v.offset + v.length - 1);
        if (raw === value)
            b.push((0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .splitShell */ .b2)(value, { base: v.offset + 1 }));
        else
            b.push((0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .splitShell */ .b2)(value, { map: new Array(value.length).fill(v.offset) }));
    }
}
// ---------------------------------------------------------------------------
// GitLab CI
/** Top-level keys that are not jobs. */
const GITLAB_GLOBAL = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'types', 'spec']);
const GITLAB_SCRIPTS = ['before_script', 'script', 'after_script'];
const MAX_SCRIPT_NESTING = 10;
/**
 * Every job's `before_script`, `script` and `after_script` (a string, or a
 * list of strings and nested lists; `!reference [...]` tags are not
 * followed), the `hooks: pre_get_sources_script`, and the top-level and
 * `default:` before_script/after_script. Hidden jobs (`.name:`, templates for
 * `extends:`) are read too: their commands run in the jobs that extend them.
 * `variables:` (scalars or `{value: …}`) at the top level are the file's, a
 * job's are its scope.
 */
function gitlabCi(project, b) {
    const y = project.yaml(b.file);
    if (!y)
        return;
    const script = (n, scope, depth) => {
        const d = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .deref */ .LA)(y, n);
        if (!d || depth > MAX_SCRIPT_NESTING)
            return;
        if ((0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(d)) {
            b.push(splitScalar(b.file, d), scope);
            return;
        }
        if ((0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(d) && d.tag !== '!reference')
            for (const i of d.items)
                script(i, scope, depth + 1);
    };
    const scripts = (job, scope) => {
        for (const k of GITLAB_SCRIPTS)
            script((0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, job, k), scope, 0);
        script((0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, job, 'hooks'), 'pre_get_sources_script'), scope, 0);
    };
    for (const doc of y.docs) {
        const root = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .deref */ .LA)(y, doc.contents);
        if (!root || !(0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root))
            continue;
        for (const [k, v] of yamlVars(y, (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, root, 'variables'), 'value'))
            if (!b.vars.has(k))
                b.vars.set(k, v);
        const empty = new Map();
        script((0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, root, 'before_script'), empty, 0);
        script((0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, root, 'after_script'), empty, 0);
        scripts((0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, root, 'default'), empty);
        for (const p of (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .pairs */ .AS)(y, root)) {
            const k = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .keyOf */ .TN)(p);
            if (k === undefined || GITLAB_GLOBAL.has(k))
                continue;
            const job = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .deref */ .LA)(y, p.value);
            if (!job || !(0,_parse_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(job))
                continue;
            const scope = yamlVars(y, (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .get */ .Jt)(y, job, 'variables'), 'value');
            b.noteScope(scope);
            scripts(job, scope);
        }
    }
}


/***/ }),

/***/ 2727:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BW: () => (/* binding */ wordSpan),
/* harmony export */   It: () => (/* binding */ TOOLS),
/* harmony export */   rp: () => (/* binding */ analyzeCommands),
/* harmony export */   uu: () => (/* binding */ analyzeWords)
/* harmony export */ });
/* unused harmony exports MAX_SCRIPT_HOPS, valueSpan */
/* harmony import */ var _parse_shell_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1969);
/**
 * Recognises what a shell command does that matters for debugging:
 * running or installing dlv, strace, gdb, ltrace or py-spy, and `go build`.
 * Input is words with source offsets; output carries spans.
 */

const TOOLS = ['dlv', 'strace', 'gdb', 'ltrace', 'py-spy'];
/** Scripts followed from one command at the most: script → script → … */
const MAX_SCRIPT_HOPS = 4;
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const PKG_TOOLS = {
    strace: 'strace',
    gdb: 'gdb',
    'gdb-minimal': 'gdb',
    ltrace: 'ltrace',
    delve: 'dlv',
    'py-spy': 'py-spy',
};
const DLV_MODULE = /^github\.com\/(go-delve|derekparker)\/delve\/cmd\/dlv(@.*)?$/;
function wordSpan(file, w) {
    return { file, start: w.start, end: w.end };
}
function valued(file, w, value = w.value) {
    return { value, span: wordSpan(file, w) };
}
/** Sub-span of a word's value [from, to) in source offsets (exact when the word maps 1:1). */
function valueSpan(file, w, from, to) {
    const s = w.map[from] ?? w.start;
    const e = to > from ? (w.map[to - 1] ?? w.end - 1) + 1 : s;
    return { file, start: s, end: e };
}
function basename(v) {
    const i = v.lastIndexOf('/');
    return i >= 0 ? v.slice(i + 1) : v;
}
/** Drop wrappers (env assignments, sudo, exec, env, nohup, timeout…) from the front. */
function unwrap(words, info = {}) {
    let ws = words;
    for (let guard = 0; guard < 10 && ws.length > 0; guard++) {
        const head = basename(ws[0].value);
        if ((0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .isAssignment */ .wh)(ws[0])) {
            (info.env ??= []).push(ws[0]);
            ws = ws.slice(1);
            guard--;
            continue;
        }
        if (head === 'exec' || head === 'nohup' || head === 'command' || head === 'time') {
            ws = ws.slice(1);
            continue;
        }
        if (head === 'sudo' || head === 'env' || head === 'setsid' || head === 'gosu' || head === 'su-exec') {
            let k = 1;
            let runAs;
            while (k < ws.length) {
                const v = ws[k].value;
                if (v === '-u' || v === '--user' || v === '-g') {
                    if (v !== '-g')
                        runAs = ws[k + 1]?.value;
                    k += 2;
                    continue;
                }
                if (v.startsWith('-') || (0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .isAssignment */ .wh)(ws[k])) {
                    k++;
                    continue;
                }
                break;
            }
            // gosu/su-exec take a user before the command.
            if ((head === 'gosu' || head === 'su-exec') && k < ws.length) {
                runAs = ws[k].value;
                k++;
            }
            if (head === 'sudo' && runAs === undefined)
                runAs = 'root';
            if (runAs !== undefined)
                info.asRoot = /^(root|0)(:.*)?$/.test(runAs);
            ws = ws.slice(k);
            continue;
        }
        if (head === 'timeout') {
            let k = 1;
            while (k < ws.length && ws[k].value.startsWith('-'))
                k++;
            ws = ws.slice(k + 1);
            continue;
        }
        break;
    }
    return ws;
}
function flagValue(words, i, names) {
    const w = words[i];
    for (const name of names) {
        if (w.value === name && i + 1 < words.length)
            return { word: words[i + 1], value: words[i + 1].value, from: 0, next: i + 2 };
        if (w.value.startsWith(name + '='))
            return { word: w, value: w.value.slice(name.length + 1), from: name.length + 1, next: i + 1 };
    }
    return undefined;
}
function analyzeDlv(file, ws) {
    let sub = '';
    let headless = false;
    let listen;
    let target;
    for (let i = 1; i < ws.length; i++) {
        const v = ws[i].value;
        if (v === '--')
            break;
        if (v === '--headless' || v === '--headless=true') {
            headless = true;
            continue;
        }
        const l = flagValue(ws, i, ['--listen', '-l']);
        if (l) {
            listen = { value: l.value, span: valueSpan(file, l.word, l.from, l.word.value.length) };
            i = l.next - 1;
            continue;
        }
        if (v.startsWith('-')) {
            // Flags that take a separate value.
            if (['--api-version', '--log-output', '--build-flags', '--wd', '--output', '-o', '--init', '--backend', '--tags', '--redirect', '-r', '--log-dest'].includes(v))
                i++;
            continue;
        }
        if (!sub) {
            sub = v;
            continue;
        }
        if (!target) {
            target = valued(file, ws[i]);
            continue;
        }
    }
    return { sub, headless, ...(listen ? { listen } : {}), ...(target ? { target } : {}) };
}
function attachMode(tool, ws) {
    const vals = ws.slice(1).map((w) => w.value);
    switch (tool) {
        case 'strace':
        case 'ltrace':
            return vals.some((v) => v === '-p' || /^-p\d/.test(v) || v.startsWith('--attach')) ? 'attach' : 'launch';
        case 'gdb':
            return vals.some((v) => v === '-p' || v === '--pid' || v.startsWith('--pid=') || /^-p\d/.test(v)) ? 'attach' : 'launch';
        case 'py-spy':
            return 'attach';
        default:
            return 'launch';
    }
}
function analyzeInstall(file, ws, out) {
    const head = basename(ws[0].value);
    const verb = ws[1]?.value;
    let method;
    let argsFrom = 2;
    if ((head === 'apt-get' || head === 'apt' || head === 'aptitude') && ws.some((w) => w.value === 'install')) {
        method = 'apt';
        argsFrom = ws.findIndex((w) => w.value === 'install') + 1;
    }
    else if (head === 'apk' && verb === 'add')
        method = 'apk';
    else if ((head === 'dnf' || head === 'microdnf' || head === 'yum' || head === 'zypper') && ws.some((w) => w.value === 'install')) {
        method = head === 'yum' ? 'yum' : 'dnf';
        argsFrom = ws.findIndex((w) => w.value === 'install') + 1;
    }
    else if ((head === 'pip' || head === 'pip3' || head === 'pipx' || head === 'uv') && ws.some((w) => w.value === 'install')) {
        method = 'pip';
        argsFrom = ws.findIndex((w) => w.value === 'install') + 1;
    }
    if (method) {
        for (const w of ws.slice(argsFrom)) {
            if (w.value.startsWith('-'))
                continue;
            const name = w.value.replace(/[=<>~].*$/, '').replace(/:.*$/, '');
            const tool = PKG_TOOLS[name];
            if (tool && (method !== 'pip' || tool === 'py-spy')) {
                out.tools.push({ tool, use: 'install', span: wordSpan(file, w), words: ws, install: { method } });
            }
        }
        return true;
    }
    if (head === 'go' && (verb === 'install' || verb === 'get')) {
        for (const w of ws.slice(2)) {
            if (w.value.startsWith('-'))
                continue;
            const m = DLV_MODULE.exec(w.value);
            if (!m)
                continue;
            const at = w.value.indexOf('@');
            const modLen = at >= 0 ? at : w.value.length;
            out.tools.push({
                tool: 'dlv',
                use: 'install',
                span: wordSpan(file, w),
                words: ws,
                install: {
                    method: verb === 'install' ? 'go-install' : 'go-get',
                    module: { value: w.value.slice(0, modLen), span: valueSpan(file, w, 0, modLen) },
                    arg: valued(file, w),
                    ...(at >= 0 ? { version: w.value.slice(at + 1) } : {}),
                    verb: valued(file, ws[1]),
                },
            });
        }
        return true;
    }
    return false;
}
function analyzeGoBuild(file, ws, out, cmdSpan, env) {
    const b = { span: cmdSpan, words: ws, ldflags: [], gcflags: [] };
    const gf = env?.find((w) => w.value.startsWith('GOFLAGS='));
    if (gf)
        b.goflags = { value: gf.value.slice(8), span: valueSpan(file, gf, 8, gf.value.length) };
    for (let i = 2; i < ws.length; i++) {
        const o = flagValue(ws, i, ['-o', '--o']);
        if (o) {
            b.output = { value: o.value, span: valueSpan(file, o.word, o.from, o.word.value.length) };
            i = o.next - 1;
            continue;
        }
        const l = flagValue(ws, i, ['-ldflags', '--ldflags']);
        if (l) {
            b.ldflags.push({ value: l.value, span: valueSpan(file, l.word, l.from, l.word.value.length) });
            i = l.next - 1;
            continue;
        }
        const g = flagValue(ws, i, ['-gcflags', '--gcflags']);
        if (g) {
            b.gcflags.push({ value: g.value, span: valueSpan(file, g.word, g.from, g.word.value.length) });
            i = g.next - 1;
            continue;
        }
    }
    out.builds.push(b);
}
/** Commands that are never a script of the repository (looked up on PATH only for other names). */
const NOT_SCRIPTS = new Set(['echo', 'printf', 'cd', 'set', 'export', 'test', '[', 'true', 'false', 'go', 'make', 'git', 'apt-get', 'apk', 'yum', 'dnf', 'curl', 'wget', 'tar', 'mkdir', 'rm', 'cp', 'mv', 'ln', 'chmod', 'chown', 'cat', 'sleep', 'tail', 'env', 'exec', 'if', 'then', 'fi', 'else', 'for', 'do', 'done', 'case', 'esac', 'while', 'local', 'return', 'exit', 'npm', 'node', 'python', 'python3', 'pip', 'docker', 'kubectl', 'ls', 'grep', 'sed', 'awk', 'find', 'xargs', 'tee', 'touch', 'useradd', 'groupadd', 'adduser', 'install', 'unzip', 'which', 'command', 'type', 'read', 'shift', 'trap', 'wait', 'kill', 'ps', 'id', 'whoami', 'su', 'sudo', 'gosu', 'tini', 'dumb-init']);
/** The script a command runs: `./run.sh`, `/start.sh`, `bash -e scripts/debug.sh`, `. ./env.sh`, a script COPYd onto PATH; undefined for anything else. */
function scriptPath(ws) {
    const head = basename(ws[0].value);
    let p;
    let at = 0;
    if (SHELLS.has(head) || head === 'source' || head === '.') {
        for (let i = 1; i < ws.length; i++) {
            const v = ws[i].value;
            if (v === '--') {
                p = ws[i + 1]?.value;
                at = i + 1;
                break;
            }
            if (v.startsWith('-') || v.startsWith('+')) {
                if (v === '-o' || v === '+o')
                    i++;
                continue;
            }
            p = v;
            at = i;
            break;
        }
    }
    else if (ws[0].value.includes('/') || /\.(sh|bash)$/.test(ws[0].value))
        p = ws[0].value;
    // A bare name: a script the image put on PATH (COPY scripts/install-tool.sh /usr/local/bin/up).
    else if (/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(ws[0].value) && !NOT_SCRIPTS.has(ws[0].value))
        p = ws[0].value;
    if (!p || p.includes('$') || p.includes('`') || p === '-')
        return undefined;
    return { path: p, args: ws.slice(at + 1) };
}
/**
 * A followed script's words with its positional parameters set from the
 * call (`dlv.sh /app/cmd 2345` → `-l 0.0.0.0:$2` is `-l 0.0.0.0:2345`), and
 * `"$@"` (`exec "$@"`, a wrapper's last line) standing for the call's
 * arguments after a `--` (wait-for-it.sh host:port -- cmd…), else all of them.
 * A substituted word points at the script's word.
 */
function withArguments(commands, args) {
    if (args.length === 0)
        return commands;
    const values = args.map((a) => a.value);
    const dd = values.indexOf('--');
    const rest = dd >= 0 ? args.slice(dd + 1) : args;
    return commands.map((c) => {
        if (!c.words.some((w) => w.value.includes('$')))
            return c;
        const words = [];
        for (const w of c.words) {
            if (w.value === '$@' || w.value === '$*' || w.value === '${@}') {
                words.push(...rest);
                continue;
            }
            const v = w.value.replace(/\$\{?([1-9])\}?/g, (m, n) => values[Number(n) - 1] ?? m);
            words.push(v === w.value ? w : { ...w, value: v, map: v.split('').map(() => w.start) });
        }
        return { ...c, words };
    });
}
/** Follow a script the container runs: its lines become the container's commands, at their own places. */
function followScript(ctx, file, ws, path, args, out, depth) {
    const target = ctx.script(path, file);
    if (!target)
        return false;
    const span = { file, start: ws[0].start, end: ws[ws.length - 1].end };
    if (ctx.stack.includes(target.path)) {
        ctx.stop(target, `runs itself (${[...ctx.stack, target.path].join(' → ')}); it was followed no further`, span);
        return true;
    }
    if (ctx.stack.length >= MAX_SCRIPT_HOPS) {
        ctx.stop(target, `is reached through more than ${MAX_SCRIPT_HOPS} scripts (${[...ctx.stack, target.path].join(' → ')}); it was not followed`, span);
        return true;
    }
    ctx.stack.push(target.path);
    try {
        for (const c of withArguments(ctx.commands(target), args))
            analyzeSimple(target, c.words, out, depth + 1, ctx);
    }
    finally {
        ctx.stack.pop();
    }
    return true;
}
/** `make [-f FILE] [-C DIR] TARGET…` in a container: the targets' recipes (and prerequisites') of the Makefile it reads. */
function followMake(ctx, file, ws, out, depth) {
    let makefile;
    let dir;
    const targets = [];
    for (let i = 1; i < ws.length; i++) {
        const v = ctx.expand(ws[i].value);
        if (v === '-f' || v === '--file' || v === '--makefile') {
            makefile = ctx.expand(ws[++i]?.value ?? '');
            continue;
        }
        if (v === '-C' || v === '--directory') {
            dir = ctx.expand(ws[++i]?.value ?? '');
            continue;
        }
        if (v.startsWith('-') || v.includes('='))
            continue;
        if (v.includes('$'))
            return;
        targets.push(v);
    }
    const made = ctx.make(makefile, dir, targets, file);
    if (!made || ctx.stack.includes(made.file.path) || ctx.stack.length >= MAX_SCRIPT_HOPS)
        return;
    ctx.stack.push(made.file.path);
    try {
        for (const c of made.commands)
            analyzeSimple(made.file, c.words, out, depth + 1, ctx);
    }
    finally {
        ctx.stack.pop();
    }
}
/** The value of a flag given as `-name=value`, `--name=value` or `-name value`. */
function optionValue(ws, names) {
    for (let i = 1; i < ws.length; i++) {
        const f = flagValue(ws, i, names);
        if (!f)
            continue;
        if (f.from === 0)
            return f.word;
        const w = f.word;
        return { value: f.value, start: w.start, end: w.end, quoted: w.quoted, map: w.map.slice(f.from) };
    }
    return undefined;
}
/**
 * Hot-reload runners that start the program (often under dlv) themselves:
 * reflex and watchexec (`-- CMD…`), CompileDaemon (`-build=…`, `-command=…`),
 * nodemon (`--exec …`), air (its config file). true when the command was one.
 */
function analyzeRunner(file, ws, head, out, depth, ctx) {
    if (head === 'reflex' || head === 'watchexec' || head === 'guard' || head === 'gow' || head === 'entr') {
        const dd = ws.findIndex((w) => w.value === '--');
        if (dd > 0 && ws[dd + 1])
            analyzeSimple(file, ws.slice(dd + 1), out, depth + 1, ctx);
        else if (head === 'entr') {
            // entr [-acdnprsz] utility [argument …]
            const i = ws.findIndex((w, k) => k > 0 && !w.value.startsWith('-'));
            if (i > 0)
                analyzeSimple(file, ws.slice(i), out, depth + 1, ctx);
        }
        // reflex -c FILE: each line of the config is a reflex command line of its own.
        const c = head === 'reflex' ? optionValue(ws, ['-c', '--config']) : undefined;
        const cfg = c && ctx ? ctx.config(c.value, file) : undefined;
        if (cfg)
            for (const line of (0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .splitShell */ .b2)(cfg.text))
                analyzeRunner(cfg, [{ ...line.words[0], value: 'reflex' }, ...line.words], 'reflex', out, depth + 1, ctx);
        return true;
    }
    if (head === 'CompileDaemon' || head === 'compiledaemon') {
        for (const name of [['-build', '--build'], ['-command', '--command']]) {
            const v = optionValue(ws, name);
            if (v)
                for (const c of (0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .splitWord */ .Nr)(v))
                    analyzeSimple(file, c.words, out, depth + 1, ctx);
        }
        return true;
    }
    if (head === 'nodemon') {
        const v = optionValue(ws, ['--exec', '-x']);
        if (v)
            for (const c of (0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .splitWord */ .Nr)(v))
                analyzeSimple(file, c.words, out, depth + 1, ctx);
        return true;
    }
    if (head === 'air' && ctx) {
        const c = optionValue(ws, ['-c']);
        if (ws.slice(1).some((w) => w.value === 'init' || w.value === 'version' || w.value === '-v'))
            return true;
        for (const step of ctx.air(c?.value, file)) {
            if (step.shell)
                for (const cmd of (0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .splitWord */ .Nr)(step.words[0]))
                    analyzeSimple(step.file, cmd.words, out, depth + 1, ctx);
            else
                analyzeSimple(step.file, step.words, out, depth + 1, ctx);
        }
        return true;
    }
    return false;
}
function analyzeSimple(file, words, out, depth, ctx) {
    const unwrapped = {};
    const ws = unwrap(words, unwrapped);
    if (ws.length === 0 || depth > 12)
        return;
    const head = basename(ws[0].value);
    const cmdSpan = { file, start: ws[0].start, end: ws[ws.length - 1].end };
    // sh -c "…": analyse the script inside.
    if (SHELLS.has(head) && depth < 4) {
        const ci = ws.findIndex((w, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(w.value));
        if (ci > 0 && ws[ci + 1]) {
            for (const c of (0,_parse_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .splitWord */ .Nr)(ws[ci + 1]))
                analyzeSimple(file, c.words, out, depth + 1, ctx);
            return;
        }
    }
    if (analyzeInstall(file, ws, out))
        return;
    if (head === 'go' && ws[1]?.value === 'build') {
        analyzeGoBuild(file, ws, out, cmdSpan, unwrapped.env);
        return;
    }
    if (analyzeRunner(file, ws, head, out, depth, ctx))
        return;
    const tool = TOOLS.find((t) => t === head);
    if (!tool) {
        if (ctx && (head === 'make' || head === 'gmake')) {
            followMake(ctx, file, ws, out, depth);
            return;
        }
        const p = ctx ? scriptPath(ws) : undefined;
        if (p)
            followScript(ctx, file, ws, p.path, p.args, out, depth);
        return;
    }
    // `dlv version`, `strace -V` and friends only print versions.
    const rest = ws.slice(1).map((w) => w.value);
    if (rest.includes('--version') || rest.includes('-V') || rest[0] === 'version' || rest.includes('--help') || rest.includes('-h'))
        return;
    const use = { tool, use: 'run', span: cmdSpan, words: ws, mode: attachMode(tool, ws), ...(unwrapped.asRoot !== undefined ? { asRoot: unwrapped.asRoot } : {}) };
    if (tool === 'dlv') {
        use.dlv = analyzeDlv(file, ws);
        const sub = use.dlv.sub;
        use.mode = sub === 'attach' ? 'attach' : ['debug', 'exec', 'test', 'trace'].includes(sub) ? 'launch' : sub === 'dap' ? 'launch' : 'other';
    }
    out.tools.push(use);
}
function analyzeCommands(file, commands, out = { tools: [], builds: [] }, ctx) {
    for (const c of commands)
        analyzeSimple(file, c.words, out, 0, ctx);
    return out;
}
/** Words of an exec-form command (JSON array) or a shell string, as one simple command. */
function analyzeWords(file, words, out = { tools: [], builds: [] }, ctx) {
    analyzeSimple(file, words, out, 0, ctx);
    return out;
}


/***/ }),

/***/ 4206:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  lb: () => (/* binding */ composeBuildSpecs),
  Au: () => (/* binding */ composeIncludes),
  _y: () => (/* binding */ composeLaunch),
  d3: () => (/* binding */ composeServices),
  zT: () => (/* binding */ markSharedAnchors),
  Rf: () => (/* binding */ mergeSources),
  nX: () => (/* binding */ parseShortPort),
  RJ: () => (/* binding */ splitPortSpec)
});

// UNUSED EXPORTS: composeBuild, yamlCommand

// EXTERNAL MODULE: ./src/parse/yaml-lib.ts
var yaml_lib = __nccwpck_require__(3078);
// EXTERNAL MODULE: ./src/parse/shell.ts
var shell = __nccwpck_require__(1969);
// EXTERNAL MODULE: ./src/parse/yaml.ts
var yaml = __nccwpck_require__(8852);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/model/commands.ts
var commands = __nccwpck_require__(2727);
// EXTERNAL MODULE: ./src/model/caps.ts
var caps = __nccwpck_require__(1064);
// EXTERNAL MODULE: ./src/model/project.ts
var model_project = __nccwpck_require__(1852);
// EXTERNAL MODULE: ./src/model/relevance.ts
var relevance = __nccwpck_require__(1194);
;// CONCATENATED MODULE: ./src/model/env.ts
/**
 * Compose variable interpolation (`${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?err}`, `${VAR:+alt}`, `$VAR`, `$$`) and the `.env` file Compose
 * reads from the project directory (the directory of the first Compose file).
 *
 * What `.env` holds may be secret: its values are used only to read ports,
 * host addresses and image names, never quoted in a message (messages quote
 * the file's own text), and never read into commands (there only defaults
 * written in the file itself are substituted).
 */

/** KEY=VALUE lines of a .env file (`export KEY=…`, quotes, `#` comments), as Compose reads them. */
function parseDotEnv(text) {
    const out = new Map();
    for (const rawLine of text.split(/\r?\n/)) {
        let line = rawLine.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        if (line.startsWith('export '))
            line = line.slice(7).trimStart();
        const eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const key = line.slice(0, eq).trim();
        if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key))
            continue;
        let value = line.slice(eq + 1).trim();
        const q = value[0];
        if ((q === '"' || q === "'") && value.lastIndexOf(q) > 0)
            value = value.slice(1, value.lastIndexOf(q));
        else {
            const hash = value.search(/\s#/);
            if (hash >= 0)
                value = value.slice(0, hash).trimEnd();
        }
        if (!out.has(key))
            out.set(key, value);
    }
    return out;
}
const cache = new WeakMap();
/** The variables of the `.env` beside a Compose file (empty when there is none). */
function composeEnv(project, composePath) {
    let byDir = cache.get(project);
    if (!byDir) {
        byDir = new Map();
        cache.set(project, byDir);
    }
    const dir = external_node_path_.posix.dirname(composePath);
    let env = byDir.get(dir);
    if (!env) {
        const f = project.file(dir === '.' ? '.env' : `${dir}/.env`, 'env', { quiet: true });
        env = f ? parseDotEnv(f.text) : new Map();
        byDir.set(dir, env);
    }
    return env;
}
/**
 * Interpolate like Compose. With `vars`, an unset variable is empty (Compose
 * warns and uses ""); without, only defaults written in the value are used and
 * an unset variable stays as written (so that its spelling is not lost).
 */
function interpolate(value, vars) {
    if (!value.includes('$'))
        return value;
    let out = '';
    for (let i = 0; i < value.length; i++) {
        const c = value[i];
        if (c !== '$') {
            out += c;
            continue;
        }
        const next = value[i + 1];
        if (next === '$') {
            out += '$';
            i++;
            continue;
        }
        if (next === '{') {
            // Find the matching brace (defaults may hold ${…} themselves).
            let depth = 0;
            let j = i + 1;
            for (; j < value.length; j++) {
                if (value[j] === '{')
                    depth++;
                else if (value[j] === '}' && --depth === 0)
                    break;
            }
            if (j >= value.length) {
                out += value.slice(i);
                break;
            }
            const body = value.slice(i + 2, j);
            const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?$/s.exec(body);
            if (!m) {
                out += value.slice(i, j + 1);
                i = j;
                continue;
            }
            const [, name, op, arg = ''] = m;
            const set = vars?.has(name) ?? false;
            const val = vars?.get(name) ?? '';
            const empty = !set || val === '';
            let r;
            switch (op) {
                case ':-':
                    r = empty ? interpolate(arg, vars) : val;
                    break;
                case '-':
                    r = !set ? interpolate(arg, vars) : val;
                    break;
                case ':+':
                    r = !empty ? interpolate(arg, vars) : '';
                    break;
                case '+':
                    r = set ? interpolate(arg, vars) : '';
                    break;
                default: r = vars ? val : set ? val : undefined;
            }
            if (r === undefined && !vars && (op === ':?' || op === '?' || op === undefined))
                r = undefined;
            out += r ?? value.slice(i, j + 1);
            i = j;
            continue;
        }
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(value.slice(i + 1));
        if (!m) {
            out += c;
            continue;
        }
        if (vars)
            out += vars.get(m[0]) ?? '';
        else
            out += value.slice(i, i + 1 + m[0].length);
        i += m[0].length;
    }
    return out;
}

// EXTERNAL MODULE: ./src/model/scripts.ts + 2 modules
var scripts = __nccwpck_require__(1275);
;// CONCATENATED MODULE: ./src/model/compose.ts










const servicesCache = new WeakMap();
/** The services of a Compose file by name, read once per parsed file (every service's `extends` asks). */
function servicesOf(y) {
    let cached = servicesCache.get(y);
    if (!cached)
        servicesCache.set(y, (cached = readServices(y)));
    return cached;
}
function readServices(y) {
    const out = new Map();
    const doc = y.docs[0];
    if (!doc)
        return out;
    const services = (0,yaml/* get */.Jt)(y, doc.contents, 'services');
    for (const p of (0,yaml/* pairs */.AS)(y, services)) {
        const name = (0,yaml/* keyOf */.TN)(p);
        const v = (0,yaml/* deref */.LA)(y, p.value);
        if (name && (0,yaml/* isMapNode */.vz)(v))
            out.set(name, { map: v, keySpan: (0,yaml/* nodeSpan */.Vk)(y.file, p.key) });
    }
    return out;
}
/** Layers for a service including what it `extends`, base first. */
function withExtends(project, y, name, depth = 0) {
    const svc = servicesOf(y).get(name);
    if (!svc)
        return [];
    const own = { y, map: svc.map, keySpan: svc.keySpan };
    if (depth > 8)
        return [own];
    const ext = (0,yaml/* get */.Jt)(y, svc.map, 'extends');
    let baseName;
    let baseFile = y;
    if (ext && (0,yaml_lib/* isScalar */.jn)(ext))
        baseName = (0,yaml/* str */.gx)(ext);
    else if ((0,yaml/* isMapNode */.vz)(ext)) {
        baseName = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, ext, 'service'));
        const f = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, ext, 'file'));
        if (f) {
            const p = (0,model_project/* relativeTo */.Mf)(y.file.path, f);
            const sf = p ? project.file(p, 'compose') : undefined;
            baseFile = sf ? project.yaml(sf) : undefined;
        }
    }
    if (!baseName || !baseFile || (baseFile === y && baseName === name))
        return [own];
    return [...withExtends(project, baseFile, baseName, depth + 1), own];
}
/**
 * The maps a map merges with `<<` (an alias, or a list of them), in the
 * order their keys win, and what those merge in turn (a few levels).
 */
function mergeSources(y, map, depth = 0) {
    const out = [];
    if (depth > 4)
        return out;
    for (const p of map.items) {
        if ((0,yaml/* keyOf */.TN)(p) !== '<<')
            continue;
        const v = (0,yaml/* deref */.LA)(y, p.value);
        const list = v && (0,yaml_lib/* isSeq */.oP)(v) ? v.items.map((i) => (0,yaml/* deref */.LA)(y, i)) : [v];
        for (const m of list) {
            if (!(0,yaml/* isMapNode */.vz)(m) || out.includes(m))
                continue;
            out.push(m, ...mergeSources(y, m, depth + 1).filter((x) => !out.includes(x)));
        }
    }
    return out;
}
/**
 * Mark, on each Compose launch's source, the anchors its service merges and
 * whether every service that merges the same anchor is a debugging container:
 * only then may a fix edit the anchor (fix/editors.ts composeEditor).
 */
function markSharedAnchors(launches, isDebugging) {
    const users = new Map();
    const sources = (l) => (l.source.kind === 'compose' ? l.source : l.source.kind === 'devcontainer' ? l.source.compose : undefined);
    for (const l of launches) {
        const src = sources(l);
        if (!src)
            continue;
        for (const layer of src.service.layers)
            for (const m of mergeSources(layer.y, layer.map))
                users.set(m, [...(users.get(m) ?? []), l]);
    }
    for (const l of launches) {
        const src = sources(l);
        if (!src)
            continue;
        const mine = new Map();
        for (const layer of src.service.layers)
            for (const m of mergeSources(layer.y, layer.map))
                mine.set(m, (users.get(m) ?? []).every(isDebugging));
        if (mine.size > 0)
            src.anchors = mine;
    }
}
/** The services of these Compose files (see Relevance.composeFiles for which are read). */
function composeServices(project, composeFiles) {
    const consumed = new Set();
    const byPath = new Map(composeFiles.map((f) => [f.path, f]));
    const out = [];
    for (const f of composeFiles) {
        if ((0,relevance/* isComposeOverride */.vc)(f.path))
            continue;
        const y = project.yaml(f);
        if (!y)
            continue;
        const ovPath = (0,relevance/* composePartner */.dZ)(f.path);
        const ovFile = ovPath ? byPath.get(ovPath) : undefined;
        const ov = ovFile ? project.yaml(ovFile) : undefined;
        if (ovFile)
            consumed.add(ovFile.path);
        const names = new Set([...servicesOf(y).keys(), ...(ov ? servicesOf(ov).keys() : [])]);
        // A debug variant (compose.debug.yaml) whose service neither builds nor names an image completes the base file's.
        const bases = (0,relevance/* composeVariantBases */.mH)(f.path).map((p) => byPath.get(p)).filter((b) => !!b);
        const base = bases[0] ? project.yaml(bases[0]) : undefined;
        const baseServices = base ? servicesOf(base) : undefined;
        for (const name of names) {
            const own = [...withExtends(project, y, name), ...(ov ? withExtends(project, ov, name) : [])];
            const partial = own.every((l) => !(0,yaml/* getPair */.xf)(l.y, l.map, 'image') && !(0,yaml/* getPair */.xf)(l.y, l.map, 'build'));
            const under = base && baseServices?.has(name) && partial ? withExtends(project, base, name) : [];
            const layers = [...under, ...own];
            if (layers.length === 0)
                continue;
            const ovLayer = ov ? own.find((l) => l.y === ov) : undefined;
            out.push({ name, layers, file: f, ...(ovLayer && own.some((l) => l.y === y) ? { debugLayer: ovLayer } : {}) });
        }
    }
    for (const f of composeFiles) {
        if (!(0,relevance/* isComposeOverride */.vc)(f.path) || consumed.has(f.path))
            continue;
        const y = project.yaml(f);
        if (!y)
            continue;
        for (const name of servicesOf(y).keys())
            out.push({ name, layers: withExtends(project, y, name), file: f });
    }
    return out;
}
/** The last layer's value for a key. */
function scalarOf(svc, key) {
    for (let i = svc.layers.length - 1; i >= 0; i--) {
        const l = svc.layers[i];
        const p = (0,yaml/* getPair */.xf)(l.y, l.map, key);
        if (p)
            return { node: (0,yaml/* deref */.LA)(l.y, p.value), layer: l, pair: p };
    }
    return undefined;
}
/** All layers' sequence items for a key (Compose merges these). */
function seqOf(svc, key) {
    const out = [];
    for (const l of svc.layers) {
        for (const it of (0,yaml/* items */.ld)(l.y, (0,yaml/* get */.Jt)(l.y, l.map, key))) {
            const v = (0,yaml/* str */.gx)(it);
            if (v !== undefined && it)
                out.push({ value: v, span: (0,yaml/* nodeSpan */.Vk)(l.y.file, it), node: it, layer: l });
        }
    }
    return out;
}
/** A Compose command/entrypoint value (string or list) as a command. */
function yamlCommand(y, n) {
    const file = y.file;
    if (!n)
        return undefined;
    if ((0,yaml_lib/* isScalar */.jn)(n)) {
        const w = (0,yaml/* scalarWord */.F4)(file, n);
        if (!w.value)
            return undefined;
        // Compose splits a string command into words (no shell runs it): exec form, appended to an ENTRYPOINT.
        const cmds = (0,shell/* splitShell */.b2)(w.value, { map: w.map });
        return { form: 'exec', words: cmds.flatMap((c) => c.words), span: (0,yaml/* nodeSpan */.Vk)(file, n), facts: (0,commands/* analyzeCommands */.rp)(file, cmds) };
    }
    if ((0,yaml_lib/* isSeq */.oP)(n)) {
        const words = (0,yaml/* items */.ld)(y, n).filter((i) => !!i && (0,yaml_lib/* isScalar */.jn)(i)).map((s) => (0,yaml/* scalarWord */.F4)(file, s));
        if (words.length === 0)
            return undefined;
        return { form: 'exec', words, span: (0,yaml/* nodeSpan */.Vk)(file, n), facts: (0,commands/* analyzeWords */.uu)(file, words) };
    }
    return undefined;
}
/** Split a port spec at its colons, leaving `${VAR:-a:b}` and `[::1]` whole. */
function splitPortSpec(value) {
    const parts = [];
    let cur = '';
    let brace = 0;
    let bracket = 0;
    for (let i = 0; i < value.length; i++) {
        const c = value[i];
        if (c === '$' && value[i + 1] === '{')
            brace++;
        else if (c === '}' && brace > 0)
            brace--;
        else if (c === '[')
            bracket++;
        else if (c === ']' && bracket > 0)
            bracket--;
        if (c === ':' && brace === 0 && bracket === 0) {
            parts.push(cur);
            cur = '';
            continue;
        }
        cur += c;
    }
    parts.push(cur);
    return parts;
}
/**
 * A short port spec (`[IP:][HOST:]CONTAINER[/proto]`, Compose and `docker run -p`).
 * `env` interpolates variables as Compose does (Compose: its `.env`; a
 * variable that is unset is empty, so an unset host IP binds every interface).
 */
function parseShortPort(value, span, env) {
    // Interpolated first: a variable may hold more than one part (${DEBUG:-127.0.0.1:3456}:2345).
    const raw = (env ? env(value) : value).trim();
    let body = raw;
    let proto = 'tcp';
    const slash = body.lastIndexOf('/');
    if (slash > body.lastIndexOf('}') && /^\w+$/.test(body.slice(slash + 1))) {
        proto = body.slice(slash + 1);
        body = body.slice(0, slash);
    }
    const parts = splitPortSpec(body);
    if (parts.length > 3 || parts.length === 0)
        return undefined;
    const x = (v) => v.trim();
    const container = x(parts[parts.length - 1]);
    if (!container || container.includes(':'))
        return undefined;
    const host = parts.length >= 2 ? x(parts[parts.length - 2]) : '';
    const ip = parts.length === 3 ? x(parts[0]).replace(/^\[|\]$/g, '') : '';
    return { hostIp: ip, hostPort: host, containerPort: container, protocol: proto, span, kind: 'publish' };
}
/** The build a service declares (`build:` string or map), with paths resolved from the file that declares it. */
function composeBuild(project, svc) {
    const build = scalarOf(svc, 'build');
    if (!build)
        return undefined;
    const y = build.layer.y;
    let context = '.';
    let dockerfile;
    let target;
    let inline;
    if ((0,yaml_lib/* isScalar */.jn)(build.node))
        context = (0,yaml/* str */.gx)(build.node) ?? '.';
    else if ((0,yaml/* isMapNode */.vz)(build.node)) {
        context = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, build.node, 'context')) ?? '.';
        dockerfile = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, build.node, 'dockerfile'));
        target = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, build.node, 'target'));
        const inl = (0,yaml/* get */.Jt)(y, build.node, 'dockerfile_inline');
        const v = (0,yaml/* str */.gx)(inl);
        if (inl && v !== undefined)
            inline = { value: v, span: (0,yaml/* nodeSpan */.Vk)(y.file, inl) };
    }
    const env = composeEnv(project, y.file.path);
    context = interpolate(context, env);
    if (dockerfile !== undefined)
        dockerfile = interpolate(dockerfile, env);
    if (target !== undefined)
        target = interpolate(target, env);
    const span = (0,yaml/* nodeSpan */.Vk)(y.file, build.node);
    if (/^[a-z]+:\/\//i.test(context) || context.startsWith('git@') || context.includes('$'))
        return { span, file: y.file, ...(target ? { target } : {}) };
    const ctx = (0,model_project/* relativeTo */.Mf)(y.file.path, context);
    if (ctx === undefined)
        return { span, file: y.file };
    const ctxDir = ctx === '.' ? '' : ctx;
    const df = dockerfile === undefined || dockerfile.startsWith('/') || dockerfile.includes('$') ? undefined : (0,model_project/* relativeTo */.Mf)(`${ctxDir || '.'}/x`, dockerfile);
    return { span, file: y.file, context: ctxDir, ...(df !== undefined ? { dockerfile: df } : {}), ...(target ? { target } : {}), ...(inline ? { inline } : {}) };
}
/** The image name of a service, interpolated from the `.env` beside its file. */
function imageOf(project, svc) {
    const image = scalarOf(svc, 'image');
    const v = image ? (0,yaml/* str */.gx)(image.node) : undefined;
    if (!image || !v)
        return undefined;
    return { value: interpolate(v, composeEnv(project, image.layer.y.file.path)), span: (0,yaml/* nodeSpan */.Vk)(image.layer.y.file, image.node) };
}
/** What the Compose services build and name (`image:` beside `build:`): entries of the image index. */
function composeBuildSpecs(project, services) {
    const out = [];
    for (const svc of services) {
        const b = composeBuild(project, svc);
        const image = imageOf(project, svc);
        if (!b || !image)
            continue;
        out.push({ file: b.file, span: b.span, tags: [image], how: 'compose', ...(b.context !== undefined ? { context: b.context } : {}), ...(b.dockerfile !== undefined ? { dockerfile: b.dockerfile } : {}), ...(b.target ? { target: b.target } : {}), ...(b.inline ? { inline: b.inline } : {}) });
    }
    return out;
}
/** Bind mounts of a service's `volumes` (short `./src:/app[:ro]` and long `{type: bind, source, target}`). */
function bindMounts(project, svc) {
    const out = [];
    for (const l of svc.layers) {
        const dir = external_node_path_.posix.dirname(l.y.file.path);
        const base = [dir === '.' ? '' : dir];
        for (const it of (0,yaml/* items */.ld)(l.y, (0,yaml/* get */.Jt)(l.y, l.map, 'volumes'))) {
            if (!it)
                continue;
            let source;
            let target;
            if ((0,yaml_lib/* isScalar */.jn)(it)) {
                const parts = splitPortSpec(String(it.value ?? ''));
                if (parts.length >= 2)
                    [source, target] = [parts[0], parts[1]];
            }
            else if ((0,yaml/* isMapNode */.vz)(it) && ((0,yaml/* str */.gx)((0,yaml/* get */.Jt)(l.y, it, 'type')) ?? 'bind') === 'bind') {
                source = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(l.y, it, 'source'));
                target = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(l.y, it, 'target'));
            }
            if (source === undefined || target === undefined)
                continue;
            const m = (0,scripts/* bindMount */.Dy)(interpolate(source, composeEnv(project, l.y.file.path)), target, base);
            if (m)
                out.push(m);
        }
    }
    // Later layers (overrides) first.
    return out.reverse();
}
/**
 * The launch of a service: its own settings merged across layers, linked to
 * the Dockerfile it builds (`build:`), or, when it only names an image, to the
 * build of that image elsewhere in the repository (the linker's image index).
 * The scripts its command runs are followed through its bind mounts and the
 * image's COPYs. With the linker's relevance filter, a Dockerfile is parsed
 * only when the launch may matter (Relevance.launchMayMatter).
 */
function composeLaunch(project, svc, linker) {
    const main = svc.layers.find((l) => l.y.file === svc.file) ?? svc.layers[svc.layers.length - 1];
    const file = main.y.file;
    const ownFiles = svc.layers.map((l) => l.y.file);
    const image = imageOf(project, svc);
    const build = composeBuild(project, svc);
    let facts;
    let linkNotes;
    if (build)
        facts = build.context !== undefined || build.inline ? linker.build(build, ownFiles) : undefined;
    else if (image) {
        const linked = linker.image(image.value, ownFiles);
        if (linked) {
            facts = linked.facts;
            linkNotes = linked.related;
        }
    }
    const commandV = scalarOf(svc, 'command');
    const entryV = scalarOf(svc, 'entrypoint');
    const command = commandV ? yamlCommand(commandV.layer.y, commandV.node) : undefined;
    const entrypoint = entryV ? yamlCommand(entryV.layer.y, entryV.node) : undefined;
    const wd = scalarOf(svc, 'working_dir');
    const workdir = (wd && (0,yaml/* str */.gx)(wd.node)) || facts?.stage.workdir || '/';
    const follow = (0,scripts/* followContext */.xR)(project, { mounts: [...bindMounts(project, svc), ...(facts?.mounts ?? [])], workdir, ...(facts ? { vars: facts.stage.vars } : {}) });
    // Compose's entrypoint resets the image's CMD.
    const run = (0,model_project/* runFacts */.pI)(entrypoint ?? facts?.stage.entrypoint, command ?? (entrypoint ? undefined : facts?.stage.cmd), follow);
    const userV = scalarOf(svc, 'user');
    const user = userV && (0,yaml/* str */.gx)(userV.node) !== undefined ? { value: (0,yaml/* str */.gx)(userV.node), span: (0,yaml/* nodeSpan */.Vk)(userV.layer.y.file, userV.node) } : facts?.stage.user;
    const privV = scalarOf(svc, 'privileged');
    const privileged = privV && (0,yaml/* bool */.lc)(privV.node) !== undefined ? { value: (0,yaml/* bool */.lc)(privV.node), span: (0,yaml/* nodeSpan */.Vk)(privV.layer.y.file, privV.node) } : undefined;
    const capAdd = seqOf(svc, 'cap_add');
    const capDrop = seqOf(svc, 'cap_drop');
    const securityOpt = seqOf(svc, 'security_opt');
    const ports = [];
    for (const l of svc.layers) {
        const env = composeEnv(project, l.y.file.path);
        const ip = (v) => interpolate(v, env);
        for (const it of (0,yaml/* items */.ld)(l.y, (0,yaml/* get */.Jt)(l.y, l.map, 'ports'))) {
            if (!it)
                continue;
            const sp = (0,yaml/* nodeSpan */.Vk)(l.y.file, it);
            if ((0,yaml_lib/* isScalar */.jn)(it)) {
                const pm = parseShortPort(String(it.value), sp, ip);
                if (pm)
                    ports.push(pm);
            }
            else if ((0,yaml/* isMapNode */.vz)(it)) {
                const target = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(l.y, it, 'target'));
                if (target)
                    ports.push({ hostIp: ip((0,yaml/* str */.gx)((0,yaml/* get */.Jt)(l.y, it, 'host_ip')) ?? ''), hostPort: ip((0,yaml/* str */.gx)((0,yaml/* get */.Jt)(l.y, it, 'published')) ?? ''), containerPort: ip(target), protocol: (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(l.y, it, 'protocol')) ?? 'tcp', span: sp, kind: 'publish' });
            }
        }
    }
    const net = scalarOf(svc, 'network_mode');
    const hostNetwork = net && (0,yaml/* str */.gx)(net.node) === 'host' ? (0,yaml/* nodeSpan */.Vk)(net.layer.y.file, net.node) : undefined;
    const netMode = net ? (0,yaml/* str */.gx)(net.node) : undefined;
    const sharedNetwork = net && netMode && /^(service|container):/.test(netMode) ? { value: netMode, span: (0,yaml/* nodeSpan */.Vk)(net.layer.y.file, net.node) } : undefined;
    const pidV = scalarOf(svc, 'pid');
    const pidMode = pidV ? (0,yaml/* str */.gx)(pidV.node) : undefined;
    const sharedPid = pidV && pidMode && /^(service|container):./.test(pidMode) ? { value: pidMode, span: (0,yaml/* nodeSpan */.Vk)(pidV.layer.y.file, pidV.node) } : undefined;
    const launch = {
        id: `compose:${file.path}#${svc.name}`,
        kind: 'compose',
        name: svc.name,
        anchor: main.keySpan,
        file,
        ...(image ? { image } : facts ? { image: facts.stage.image } : {}),
        ...(facts ? { dockerfile: facts.dockerfile, stage: facts.stage } : {}),
        ...(user ? { user } : {}),
        capAdd,
        capDrop,
        ...(privileged ? { privileged } : {}),
        securityOpt,
        hasPtrace: false,
        tools: [...(0,model_project/* imageTools */.JY)(facts, !!(command || entrypoint), run, follow), ...run.tools],
        builds: [...(facts?.builds ?? []), ...run.builds],
        ports,
        ...(hostNetwork ? { hostNetwork } : {}),
        ...(sharedNetwork ? { sharedNetwork } : {}),
        ...(sharedPid ? { sharedPid } : {}),
        ...(facts?.fileCapPtrace ? { fileCapPtrace: facts.fileCapPtrace } : {}),
        ...(linkNotes ? { linkNotes } : {}),
        source: { kind: 'compose', service: svc, main },
    };
    launch.hasPtrace = (0,caps/* hasCapability */.p0)('SYS_PTRACE', capAdd, capDrop, privileged?.value === true);
    return launch;
}
/**
 * The files a Compose file `include:`s (a path, a list of paths, or maps with
 * `path:`), relative to its directory: read as Compose files wherever they are.
 */
function composeIncludes(project, y) {
    const doc = y.docs[0];
    if (!doc)
        return [];
    const inc = (0,yaml/* get */.Jt)(y, doc.contents, 'include');
    const out = [];
    const take = (n) => {
        const v = (0,yaml/* str */.gx)(n);
        if (v === undefined)
            return;
        const p = (0,model_project/* relativeTo */.Mf)(y.file.path, interpolate(v, composeEnv(project, y.file.path)));
        if (p !== undefined && !p.includes('$'))
            out.push(p);
    };
    if ((0,yaml_lib/* isScalar */.jn)(inc))
        take(inc);
    for (const it of (0,yaml/* items */.ld)(y, inc)) {
        if ((0,yaml/* isMapNode */.vz)(it)) {
            const path = (0,yaml/* get */.Jt)(y, it, 'path');
            if ((0,yaml_lib/* isSeq */.oP)(path))
                for (const x of (0,yaml/* items */.ld)(y, path))
                    take(x);
            else
                take(path);
        }
        else
            take(it);
    }
    return out;
}


/***/ }),

/***/ 3386:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cu: () => (/* binding */ normalizeCap),
/* harmony export */   qV: () => (/* binding */ isDebuggingContainer),
/* harmony export */   sx: () => (/* binding */ attachUses),
/* harmony export */   zr: () => (/* binding */ isPtraceTarget)
/* harmony export */ });
/* unused harmony export ptraceGrant */
/** SYS_PTRACE, sys_ptrace, CAP_SYS_PTRACE → SYS_PTRACE; all → ALL. */
function normalizeCap(cap) {
    const c = cap.trim().toUpperCase().replace(/^["']|["']$/g, '');
    return c.startsWith('CAP_') ? c.slice(4) : c;
}
/** The SYS_PTRACE entry of the launch's own capability grants, if any. */
function ptraceGrant(l) {
    return l.capAdd.find((c) => normalizeCap(c.value) === 'SYS_PTRACE');
}
/**
 * Is the launch a ptrace target? A debugger evidently runs or is installed, it
 * is a Go dev container or has an editor attach configuration, or it shows the
 * intent: it asks for SYS_PTRACE itself, or joins another container's PID
 * namespace (to see its processes, which is only useful to inspect them).
 */
function isPtraceTarget(l) {
    return l.tools.length > 0 || l.goDevcontainer !== undefined || l.editorAttach !== undefined || ptraceGrant(l) !== undefined || l.sharedPid !== undefined || askedInIgnoredRunArgs(l);
}
/** devcontainer.json on Compose whose (ignored) runArgs ask for SYS_PTRACE or its workarounds: the same intent. */
function askedInIgnoredRunArgs(l) {
    return (l.ignoredRunArgs ?? []).some((a) => /SYS_PTRACE|seccomp[=:]unconfined|^--privileged/i.test(a.value));
}
/**
 * A debugging container as far as a workaround next to it is concerned
 * (PTD002, PTD003): a ptrace target, or a pod whose containers share one
 * process namespace (which alone is no reason to report a missing capability:
 * sidecars share it to send signals).
 */
function isDebuggingContainer(l) {
    return isPtraceTarget(l) || l.processNamespaceShared !== undefined;
}
/** Does anything in the launch attach to an already running process? */
function attachUses(l) {
    return l.tools.filter((t) => t.use === 'run' && t.mode === 'attach');
}


/***/ }),

/***/ 1852:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JC: () => (/* binding */ imageFacts),
/* harmony export */   JY: () => (/* binding */ imageTools),
/* harmony export */   MM: () => (/* binding */ Project),
/* harmony export */   Mf: () => (/* binding */ relativeTo),
/* harmony export */   l3: () => (/* binding */ followedRuns),
/* harmony export */   pI: () => (/* binding */ runFacts)
/* harmony export */ });
/* unused harmony export commandFacts */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _discover_index_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1835);
/* harmony import */ var _parse_dockerfile_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6413);
/* harmony import */ var _parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8852);
/* harmony import */ var _parse_lazy_lib_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4083);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(2727);
/* harmony import */ var _scripts_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(1275);
/**
 * The project: discovered files plus lazily parsed documents, with every
 * parse failure and skipped file collected for PTD900.
 */







class Project {
    ws;
    files;
    problems = [];
    yamlCache = new Map();
    dfCache = new Map();
    reported = new Set();
    byPath = new Map();
    constructor(ws, files, skipped) {
        this.ws = ws;
        this.files = files;
        for (const f of files)
            if (!this.byPath.has(f.path))
                this.byPath.set(f.path, f);
        for (const s of skipped)
            this.problem({ path: s.path, reason: s.reason });
    }
    /** Add a file read on demand (a Compose file a dev container names, a seccomp profile) to the project's files. */
    add(f) {
        if (this.byPath.has(f.path))
            return;
        this.byPath.set(f.path, f);
        this.files.push(f);
    }
    problem(p) {
        const key = `${p.path}\0${p.reason}`;
        if (this.reported.has(key))
            return;
        this.reported.add(key);
        this.problems.push(p);
    }
    /**
     * Read (or find among the discovered files) a file by relative path. A file
     * that cannot be read is a PTD900 problem, unless `quiet` (a candidate path
     * tried among others, such as a script a container may run).
     */
    file(path, kind, opts = {}) {
        const found = this.byPath.get(path);
        if (found)
            return found;
        const r = this.ws.read(path, kind);
        if (r.ok)
            return r.file;
        if (r.skip.reason !== 'not found' && !opts.quiet)
            this.problem(r.skip);
        return undefined;
    }
    /** Is there a readable file at this relative path? (Read, within every limit, and cached.) */
    exists(path, kind) {
        return this.byPath.has(path) || this.ws.read(path, kind).ok;
    }
    /** The YAML documents of a file; a parse error is a PTD900 problem, unless `quiet` (a file read on the chance it matters). */
    yaml(file, opts = {}) {
        if (this.yamlCache.has(file.path))
            return this.yamlCache.get(file.path);
        let y;
        try {
            y = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .parseYaml */ .hN)(file);
        }
        catch (e) {
            if (e instanceof _parse_lazy_lib_js__WEBPACK_IMPORTED_MODULE_4__/* .LibraryNotLoaded */ .S)
                throw e;
            const off = e instanceof _parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .ParseError */ .mB ? e.offset : 0;
            if (!opts.quiet)
                this.problem({ path: file.path, reason: `could not be parsed as YAML: ${e.message}`, span: { file, start: off, end: off } });
        }
        this.yamlCache.set(file.path, y);
        return y;
    }
    /**
     * Treat a YAML file as unparsable from now on (its alias budget ran out while
     * the model was built): report it once and hand out no document for it.
     */
    refuseYaml(file, reason, offset) {
        this.yamlCache.set(file.path, undefined);
        this.problem({ path: file.path, reason, span: { file, start: offset, end: offset } });
    }
    dockerfile(path) {
        if (this.dfCache.has(path))
            return this.dfCache.get(path);
        const f = this.file(path, 'dockerfile');
        let d;
        if (f) {
            try {
                d = (0,_parse_dockerfile_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDockerfile */ .Ai)(f);
            }
            catch (e) {
                this.problem({ path, reason: `could not be parsed as a Dockerfile: ${e.message}`, span: { file: f, start: 0, end: 0 } });
            }
        }
        this.dfCache.set(path, d);
        return d;
    }
}
/** Join a path relative to a file's directory; undefined when it leaves the root. */
function relativeTo(fromFile, ...parts) {
    const p = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(fromFile), ...parts));
    if (p.startsWith('../') || p === '..' || p.startsWith('/'))
        return undefined;
    return p;
}
/**
 * A RUN line's facts with the scripts and make targets it runs followed
 * (imageFacts, when the build context is known): what binaries.ts reads to
 * find the build of a debugged binary (`RUN make ${BUILDTARGET}`).
 */
const followedRuns = new WeakMap();
/** `setcap cap_sys_ptrace…` on a file: that program gets the capability whoever runs it. */
function setcapPtrace(chain) {
    for (const s of chain) {
        for (const r of s.runs) {
            const words = r.words.map((w) => w.value.toLowerCase());
            if (words.some((w) => w.endsWith('setcap')) && words.some((w) => w.includes('cap_sys_ptrace')))
                return r.span;
        }
    }
    return undefined;
}
/**
 * What a Dockerfile stage (and the stages it builds on or copies from)
 * installs, runs and builds. With `contexts` (the candidate repository
 * directories of its build context), the scripts its RUN lines run are
 * followed too, and `mounts` says where the COPYs of the context put
 * repository files (for the scripts its CMD/ENTRYPOINT may run).
 */
function imageFacts(doc, target, build) {
    const stage = typeof target === 'object' ? target : (0,_parse_dockerfile_js__WEBPACK_IMPORTED_MODULE_2__/* .targetStage */ .Ae)(doc, target);
    if (!stage)
        return undefined;
    const chain = (0,_parse_dockerfile_js__WEBPACK_IMPORTED_MODULE_2__/* .stageChain */ .ap)(stage);
    const tools = [];
    const builds = [];
    const add = (f) => {
        tools.push(...f.tools);
        builds.push(...f.builds);
    };
    const mounts = build ? (0,_scripts_js__WEBPACK_IMPORTED_MODULE_6__/* .copyMounts */ .og)(stage, build.contexts) : [];
    /** A RUN line's facts, with the scripts and make targets it runs followed (where a COPY of the build context put them). */
    const runFactsOf = (s, r, runMounts) => {
        if (!build || runMounts.length === 0)
            return r.facts;
        let f = followedRuns.get(r);
        if (!f) {
            f = commandFacts(r, (0,_scripts_js__WEBPACK_IMPORTED_MODULE_6__/* .followContext */ .xR)(build.project, { mounts: runMounts, workdir: r.workdir ?? '/', vars: s.vars }));
            followedRuns.set(r, f);
        }
        return f;
    };
    for (const s of [...chain].reverse()) {
        const runMounts = build ? (0,_scripts_js__WEBPACK_IMPORTED_MODULE_6__/* .copyMounts */ .og)(s, build.contexts) : [];
        for (const r of s.runs)
            add(runFactsOf(s, r, runMounts));
    }
    // Builds in any stage matter (binaries are copied across stages).
    for (const s of doc.stages) {
        if (chain.includes(s))
            continue;
        const runMounts = build ? (0,_scripts_js__WEBPACK_IMPORTED_MODULE_6__/* .copyMounts */ .og)(s, build.contexts) : [];
        for (const r of s.runs)
            builds.push(...runFactsOf(s, r, runMounts).builds);
    }
    // Tools copied in from another stage (COPY --from=build /go/bin/dlv /dlv).
    for (const s of chain) {
        for (const c of s.copies) {
            if (!c.from)
                continue;
            for (const src of c.sources) {
                const base = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(src);
                const tool = _commands_js__WEBPACK_IMPORTED_MODULE_5__/* .TOOLS */ .It.find((t) => t === base);
                if (tool)
                    tools.push({ tool, use: 'install', span: c.span, words: [] });
            }
        }
    }
    const fileCap = setcapPtrace(chain);
    return { dockerfile: doc, stage, tools, builds, mounts, contexts: build?.contexts ?? [], ...(fileCap ? { fileCapPtrace: fileCap } : {}) };
}
/** A command's facts, analysed again with ctx (so that the scripts it names are followed) when one is given. */
function commandFacts(c, ctx) {
    if (!ctx)
        return c.facts;
    const file = c.span.file;
    if (c.form === 'shell')
        return c.commands ? (0,_commands_js__WEBPACK_IMPORTED_MODULE_5__/* .analyzeCommands */ .rp)(file, c.commands, undefined, ctx) : c.facts;
    return c.words.length > 0 ? (0,_commands_js__WEBPACK_IMPORTED_MODULE_5__/* .analyzeWords */ .uu)(file, c.words, undefined, ctx) : c.facts;
}
/**
 * What a container runs: an exec-form ENTRYPOINT gets CMD as its arguments
 * (the way Docker combines them; a shell-form ENTRYPOINT ignores CMD). The
 * two may come from different files (the image's `ENTRYPOINT ["/dlv"]`, a
 * Compose `command: exec ./app --headless …`): then the ENTRYPOINT's words
 * stand at the start of CMD's, so that every place found is in CMD's file.
 * A wrapper ENTRYPOINT (tini, an entry script that ends in `exec "$@"`) runs
 * CMD itself, so CMD's own facts count as well.
 */
function runFacts(entrypoint, cmd, ctx) {
    if (entrypoint && entrypoint.form === 'exec' && entrypoint.words.length > 0) {
        if (!cmd || cmd.form !== 'exec' || cmd.words.length === 0)
            return commandFacts(entrypoint, ctx);
        const file = cmd.span.file;
        const at = cmd.words[0].start;
        const entryWords = entrypoint.span.file === file ? entrypoint.words : entrypoint.words.map((w) => ({ ...w, start: at, end: at, map: w.map.map(() => at) }));
        const both = (0,_commands_js__WEBPACK_IMPORTED_MODULE_5__/* .analyzeWords */ .uu)(file, [...entryWords, ...cmd.words], undefined, ctx);
        const alone = commandFacts(cmd, ctx);
        const seen = new Set(both.tools.map((t) => `${t.span.file.path}@${t.span.start}:${t.tool}`));
        return {
            tools: [...both.tools, ...alone.tools.filter((t) => !seen.has(`${t.span.file.path}@${t.span.start}:${t.tool}`))],
            builds: [...both.builds, ...alone.builds.filter((b) => !both.builds.some((x) => x.span.file === b.span.file && x.span.start === b.span.start))],
        };
    }
    if (entrypoint)
        return commandFacts(entrypoint, ctx);
    return cmd ? commandFacts(cmd, ctx) : { tools: [], builds: [] };
}
/**
 * The image's debugger installs as evidence for a container that runs it.
 * A container whose own command replaces the image's, with one that runs no
 * debugger, while the image's own command is what runs the debugger (a debug
 * image's `ENTRYPOINT ["/dlv", …]`, reused by a one-shot `chown` service),
 * does not debug: the debugger in the image is wired to a command it does not run.
 */
function imageTools(facts, overridden, run, ctx) {
    if (!facts)
        return [];
    if (!overridden || run.tools.length > 0)
        return facts.tools;
    const own = runFacts(facts.stage.entrypoint, facts.stage.cmd, ctx);
    return own.tools.some((t) => t.use === 'run') ? [] : facts.tools;
}


/***/ }),

/***/ 1194:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Zh: () => (/* binding */ mayNameDelveModule),
/* harmony export */   dZ: () => (/* binding */ composePartner),
/* harmony export */   mH: () => (/* binding */ composeVariantBases),
/* harmony export */   vc: () => (/* binding */ isComposeOverride),
/* harmony export */   yy: () => (/* binding */ Relevance)
/* harmony export */ });
/* unused harmony exports DEBUGGER_WORDS, BUILD_SOURCE_KINDS, COMMAND_KINDS, isHot, mayBuild, delveInstallsAllPinned */
/**
 * Lower-case words, one of which appears in some file of every launch with
 * debugger evidence: the debuggers, a ptrace capability, a shared PID
 * namespace (`pid: service:x`, `--pid=container:x`, `shareProcessNamespace`),
 * a `kubectl debug`.
 */
const DEBUGGER_WORDS = ['dlv', 'delve', 'strace', 'gdb', 'ltrace', 'py-spy', 'ptrace', 'pid:', '--pid', 'shareprocessnamespace', 'kubectl debug', 'kubectl alpha debug'];
/** Files that only declare image builds (no container runs from them). */
const BUILD_SOURCE_KINDS = new Set(['bake', 'skaffold', 'tiltfile', 'markdown']);
/** The kinds of file whose commands may start containers (`docker run`, `kubectl debug`) or build images. */
const COMMAND_KINDS = new Set(['shell', 'makefile', 'workflow', 'justfile', 'taskfile', 'package-json', 'gitlab-ci']);
const hotCache = new WeakMap();
/** Does the file's text mention a debugger word (in any letter case)? */
function isHot(f) {
    let h = hotCache.get(f);
    if (h === undefined) {
        const t = f.text.toLowerCase();
        h = DEBUGGER_WORDS.some((w) => t.includes(w));
        hotCache.set(f, h);
    }
    return h;
}
function isAncestorOrSelf(dir, of) {
    return dir === '' || dir === of || of.startsWith(dir + '/');
}
/** The names a builder takes in a context when none is given (link.ts defaultNames). */
const DEFAULT_NAMES = new Set(['Dockerfile', 'dockerfile', 'Containerfile']);
function buildTarget(dockerfile) {
    const slash = dockerfile.lastIndexOf('/');
    const dir = slash < 0 ? '' : dockerfile.slice(0, slash);
    const base = dockerfile.slice(slash + 1);
    return { dir, base: DEFAULT_NAMES.has(base) ? 'Dockerfile' : base, needle: !DEFAULT_NAMES.has(base) ? base : dir.slice(dir.lastIndexOf('/') + 1) };
}
function dirOf(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
}
/**
 * Could a `build` in `file` resolve to `dockerfile`? The path it resolves to
 * is a normalised join of literal segments from the text, so its last segment
 * (the file name, or the directory when the name is the default
 * `Dockerfile`) is in the text, unless the directory is the file's own or an
 * ancestor, which `.` and `..` reach without naming it.
 */
function mayBuild(file, dockerfile) {
    const t = typeof dockerfile === 'string' ? buildTarget(dockerfile) : dockerfile;
    if (t.base !== 'Dockerfile')
        return file.text.includes(t.needle);
    return isAncestorOrSelf(t.dir, dirOf(file.path)) || file.text.includes(t.needle);
}
/**
 * Could a shell word in the text have the value …delve/cmd/dlv? The shell
 * builds a word's value from the characters of its text, leaving out quotes,
 * backslashes (keeping the character they escape) and backslash-newline
 * continuations (a backtick-newline one under `# escape=\``); nothing else is
 * taken out (no expansion). So the value's characters appear in that order,
 * adjacent, once those are removed (backticks are removed too: taking out
 * more can only let more files through).
 */
function mayNameDelveModule(text) {
    if (text.includes('delve/cmd/dlv'))
        return true;
    return withoutQuoting(text).includes('delve/cmd/dlv');
}
/** The text without quotes, backslashes and backslash-newline (or backtick-newline) continuations. */
function withoutQuoting(text) {
    return text.replace(/[\\`]\r?\n|["'\\`]/g, '');
}
/**
 * `go install github.com/go-delve/` at the start of a command: at the start of
 * the text or of a line, after a shell operator (; & | and the first of && ||)
 * or an opening parenthesis, or right after RUN (the first word of its command).
 */
const PINNED_INSTALL_BEFORE = /(?:[\n;&|(]|RUN)[ \t]*go[ \t]+install[ \t]+github\.com\/go-delve\/$/;
/**
 * Does every spelling of …delve/cmd/dlv in the text belong to a
 * `go install github.com/go-delve/delve/cmd/dlv@v<digit>…`
 * starting a command? Then no install of delve in it can be reported by
 * PTD011 (which wants `go get` or the old github.com/derekparker path) or
 * PTD012 (which wants no version, or @latest, @master, @main and the like,
 * none of which starts with v and a digit; a `$` version is read from the
 * stage's ARG/ENV defaults, so it is left to the parse).
 *
 * Why the text answers for the shell words (model/commands.ts): an install is
 * a word whose value is github.com/(go-delve|derekparker)/delve/cmd/dlv[@…] in
 * a command whose first word is go; its verb is the second word. As for
 * mayNameDelveModule, the value is in the text once quotes, backslashes and
 * continuations are taken out, and taking them out never adds a character:
 * so the characters around each spelling in that text are the value's own,
 * give or take such characters, and a version that starts with v and a digit
 * (or $) there starts so in the value too (a quote or backslash in between
 * makes it no install or another version, never a moving one). `go` right
 * after a command boundary, then `install`, is the command's first and second
 * word; anything else (flags, `env X=1`, a variable, JSON exec form, a
 * lower-case run) is answered "no", and the file is parsed as before.
 */
function delveInstallsAllPinned(text) {
    const s = withoutQuoting(text);
    for (let i = s.indexOf('delve/cmd/dlv'); i >= 0; i = s.indexOf('delve/cmd/dlv', i + 1)) {
        // Enough text for the longest accepted start; a window that cuts into it answers "no".
        const from = Math.max(0, i - 64);
        const before = (from === 0 ? '\n' : '') + s.slice(from, i);
        if (!PINNED_INSTALL_BEFORE.test(before))
            return false;
        const after = i + 'delve/cmd/dlv'.length;
        if (s[after] !== '@')
            return false;
        const v = s[after + 1];
        // `@$VERSION` is whatever the build argument's default is (ARG DELVE_VERSION=latest): read the file.
        const pinned = v === 'v' && s.charCodeAt(after + 2) >= 48 && s.charCodeAt(after + 2) <= 57;
        if (!pinned)
            return false;
    }
    return true;
}
const OVERRIDE_RE = /\.override(\.ya?ml)$/;
/** Is this Compose file an override (compose.override.yml)? */
function isComposeOverride(path) {
    return OVERRIDE_RE.test(path);
}
const VARIANT_RE = /^(.*?)((?:docker-)?compose)[.-]([A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*?)(\.ya?ml)$/;
/**
 * The base files a debug variant may layer over (compose.debug.yaml,
 * docker-compose.dev.yml, compose-debug.yaml → compose.yaml / .yml), in the
 * order tried; [] for the base files themselves and for overrides.
 */
function composeVariantBases(path) {
    if (isComposeOverride(path))
        return [];
    const m = VARIANT_RE.exec(path);
    if (!m)
        return [];
    const [, dir, stem, , ext] = m;
    const other = ext === '.yml' ? '.yaml' : '.yml';
    return [`${dir}${stem}${ext}`, `${dir}${stem}${other}`];
}
/** Base ↔ override partner path of a Compose file (compose.yml ↔ compose.override.yml). */
function composePartner(path) {
    if (isComposeOverride(path))
        return path.replace(OVERRIDE_RE, '$1');
    const m = /^(.*?)(\.ya?ml)$/.exec(path);
    return m ? `${m[1]}.override${m[2]}` : undefined;
}
class Relevance {
    files;
    everything;
    hotDockerfiles;
    targets;
    /**
     * Names by which a file can lead to a hot one: the file names of hot
     * scripts (a Dockerfile's `CMD ["/start.sh"]`, a Compose `command:
     * ./debug.sh`), `air` when an air config is hot, and the names of images
     * built from hot Dockerfiles (addImageNames).
     */
    needles = [];
    warmCache = new Map();
    /**
     * `files` are the discovered files. With `everything`, every file counts as
     * hot (tests compare both ways).
     */
    constructor(files, everything = false) {
        this.files = files;
        this.everything = everything;
        for (const f of files) {
            if (!isHot(f))
                continue;
            if (f.kind === 'shell')
                this.needles.push(f.path.slice(f.path.lastIndexOf('/') + 1));
            else if (f.kind === 'air' && !this.needles.includes('air'))
                this.needles.push('air');
        }
        // A script that runs a hot script leads to it too (entrypoint.sh → debug.sh → dlv): to a fixed point.
        const scripts = files.filter((f) => f.kind === 'shell' && !isHot(f));
        for (let grew = this.needles.length > 0; grew;) {
            grew = false;
            for (const f of scripts) {
                const name = f.path.slice(f.path.lastIndexOf('/') + 1);
                if (this.needles.includes(name) || !this.needles.some((n) => f.text.includes(n)))
                    continue;
                this.needles.push(name);
                grew = true;
            }
        }
        // A Dockerfile without a debugger word that runs (or copies) a hot script is as good as hot.
        this.hotDockerfiles = files.filter((f) => f.kind === 'dockerfile' && this.hot(f));
        this.targets = this.hotDockerfiles.map((f) => buildTarget(f.path));
    }
    /** A debugger word in the file, or the name of a hot script, air config or debug image. */
    hot(f) {
        if (this.everything || isHot(f))
            return true;
        if (this.needles.length === 0)
            return false;
        let w = this.warmCache.get(f);
        if (w === undefined) {
            w = this.needles.some((n) => f.text.includes(n));
            this.warmCache.set(f, w);
        }
        return w;
    }
    /**
     * Names of images built from hot Dockerfiles (the last part of each
     * repository name): a file that runs one of them (Compose `image:`,
     * Kubernetes `image:`, `docker run`) may matter from now on.
     */
    imageNames = 0;
    addImageNames(names) {
        let added = false;
        for (const n of names) {
            this.imageNames++;
            const last = n.slice(n.lastIndexOf('/') + 1);
            if (last.length >= 2 && !this.needles.includes(last)) {
                this.needles.push(last);
                added = true;
            }
        }
        if (added)
            this.warmCache.clear();
    }
    /** Is this Dockerfile (by path) one that may matter? */
    dockerfileMayMatter(f) {
        return this.hot(f);
    }
    /** The Dockerfiles that may give a launch of their own (a stage nothing runs). */
    dockerfileCandidates() {
        return this.files.filter((f) => f.kind === 'dockerfile' && this.hot(f)).map((f) => f.path);
    }
    /** bake files, Skaffold configs, Tiltfiles and READMEs that may build a hot Dockerfile. */
    buildSourceFiles() {
        return this.files.filter((f) => BUILD_SOURCE_KINDS.has(f.kind) && this.mayMatterByBuild(f));
    }
    /** Hot, or has a `build` that may name a hot Dockerfile (a bake file or Tiltfile builds without saying so). */
    mayMatterByBuild(f) {
        if (this.hot(f))
            return true;
        if (!BUILD_SOURCE_KINDS.has(f.kind) && !f.text.includes('build'))
            return false;
        if (this.targets.length === 0)
            return false;
        return this.targets.some((t) => mayBuild(f, t));
    }
    /** The Compose files to read, in discovery order; `named` are paths dev containers refer to. */
    composeFiles(named) {
        const all = this.files.filter((f) => f.kind === 'compose');
        const chosen = new Set(all.filter((f) => named.has(f.path) || this.mayMatterByBuild(f)));
        const byPath = new Map(all.map((f) => [f.path, f]));
        // Grow to a fixed point: partners of chosen files, and files that may
        // `extends` a chosen one (they name its file).
        let fresh = [...chosen];
        while (fresh.length > 0) {
            const next = [];
            const take = (f) => {
                if (f && !chosen.has(f)) {
                    chosen.add(f);
                    next.push(f);
                }
            };
            for (const c of fresh)
                take(byPath.get(composePartner(c.path) ?? ''));
            // A debug variant's partial services layer over the base file's.
            for (const c of fresh)
                for (const b of composeVariantBases(c.path))
                    take(byPath.get(b));
            const names = fresh.map((c) => c.path.slice(c.path.lastIndexOf('/') + 1));
            for (const f of all)
                if (!chosen.has(f) && f.text.includes('extends') && names.some((n) => f.text.includes(n)))
                    take(f);
            fresh = next;
        }
        return all.filter((f) => chosen.has(f));
    }
    /** Scripts, Makefiles, workflows and other command files whose `docker run` / `kubectl debug` lines or builds may matter. */
    runLineFiles() {
        return this.files.filter((f) => COMMAND_KINDS.has(f.kind) && this.mayMatterByBuild(f));
    }
    /** Kubernetes manifests with a debugger word, or naming a hot script or debug image. */
    hotKubernetesFiles() {
        return this.files.filter((f) => f.kind === 'kubernetes' && this.hot(f));
    }
    /**
     * Helm templates without a debugger word that name their image through the
     * chart's values: they may run a debug image once one is known. Read
     * quietly (a template that is no YAML says nothing: it cannot matter).
     */
    helmTemplates() {
        if (this.imageNames === 0)
            return [];
        return this.files.filter((f) => f.kind === 'kubernetes' && !this.hot(f) && /(^|\/)templates\//.test(f.path) && f.text.includes('.Values'));
    }
    /**
     * Cold Kubernetes manifests that may hold a Service selecting a pod with
     * one of the given label sets.
     */
    coldKubernetesServices(labels) {
        // A selector pair equals one of the pod's label pairs, so its value (or,
        // for an empty value, its key) is in the Service's text.
        const needles = new Set();
        for (const m of labels)
            for (const [k, v] of m)
                needles.add(v !== '' ? v : k);
        if (needles.size === 0)
            return [];
        const list = [...needles];
        return this.files.filter((f) => f.kind === 'kubernetes' && !this.hot(f) && f.text.includes('Service') && list.some((n) => f.text.includes(n)));
    }
    /**
     * Can a launch whose own files are `files` have debugger evidence when it
     * builds a Dockerfile? Only if one of them, or the Dockerfile, is hot: else
     * no rule can report on it (see the top of this file), and the Dockerfile
     * need not be parsed. `dockerfile` is read here (cheap), not parsed.
     */
    launchMayMatter(files, dockerfile) {
        if (this.everything || files.some((f) => this.hot(f)))
            return true;
        const d = dockerfile();
        return d !== undefined && this.hot(d);
    }
    /**
     * The Dockerfiles (with a debugger word) whose `go install`/`go get` of
     * delve may be reported: a shell word naming its module (…/delve/cmd/dlv) is
     * spelled in the text, give or take the quotes, backslashes and line
     * continuations the shell takes out, and not every such spelling is a
     * pinned `go install` of the current module. Each of the others, read by
     * itself, can give no finding (see PTD011, PTD012).
     */
    delveInstallCandidates() {
        return this.hotDockerfiles.filter((f) => this.everything || (mayNameDelveModule(f.text) && !delveInstallsAllPinned(f.text))).map((f) => f.path);
    }
}


/***/ }),

/***/ 1275:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Dy: () => (/* binding */ bindMount),
  og: () => (/* binding */ copyMounts),
  xR: () => (/* binding */ followContext),
  pg: () => (/* binding */ repoJoin)
});

// UNUSED EXPORTS: expandWordVariables

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/parse/shell.ts
var shell = __nccwpck_require__(1969);
// EXTERNAL MODULE: ./src/parse/toml-lib.ts
var toml_lib = __nccwpck_require__(645);
;// CONCATENATED MODULE: ./src/parse/air.ts

function keyName(n) {
    return (n.key?.keys ?? []).map((k) => k.name ?? k.value ?? '').join('.');
}
/** The string value as a word: characters mapped 1:1 when the source holds them unescaped. */
function stringWord(file, n) {
    if (n.type !== 'TOMLValue' || n.kind !== 'string' || typeof n.value !== 'string')
        return undefined;
    const value = n.value;
    const [start, end] = n.range;
    const raw = file.text.slice(start, end);
    const q = raw.startsWith('"""') || raw.startsWith("'''") ? 3 : 1;
    const inner = raw.slice(q, raw.length - q);
    const from = start + q;
    const map = inner === value ? Array.from({ length: value.length }, (_, i) => from + i) : Array.from({ length: value.length }, () => start);
    return { value, start, end, quoted: true, map };
}
/** The build commands of an air config; undefined when it is no TOML (the caller reports that). */
function parseAirConfig(file) {
    const ast = (0,toml_lib/* parseTOML */.M)(file.text);
    const out = { file };
    for (const top of ast.body[0]?.body ?? []) {
        // [build] table, or dotted keys build.cmd = … at the top.
        const entries = [];
        if (top.type === 'TOMLTable' && keyName(top) === 'build')
            for (const kv of top.body ?? [])
                entries.push({ key: keyName(kv), value: kv.value });
        else if (top.type === 'TOMLKeyValue' && keyName(top).startsWith('build.'))
            entries.push({ key: keyName(top).slice(6), value: top.value });
        for (const e of entries) {
            if (e.key === 'args_bin' && e.value) {
                const v = e.value;
                const items = v.type === 'TOMLArray' ? (v.elements ?? []) : [v];
                out.argsBin = items.map((x) => stringWord(file, x)).filter((x) => !!x);
                continue;
            }
            const w = e.value ? stringWord(file, e.value) : undefined;
            if (!w || w.value.trim() === '')
                continue;
            if (e.key === 'cmd')
                out.cmd = w;
            else if (e.key === 'full_bin')
                out.fullBin = w;
            else if (e.key === 'bin')
                out.bin = w;
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/parse/dockerfile.ts
var dockerfile = __nccwpck_require__(6413);
;// CONCATENATED MODULE: ./src/model/maketargets.ts
/**
 * A Makefile's rules by target: the recipe commands of each target and its
 * prerequisites, so that `make debug` run by a container or a Dockerfile RUN
 * line is read through to what it runs (`RUN make ${BUILDTARGET}`). Rule
 * lines are `targets: prerequisites` at the start of a line (not a variable
 * assignment); recipe lines start with a tab, with `@ - +` prefixes and
 * backslash continuations; `$$` is `$` (splitShell's make option).
 */

const cache = new WeakMap();
function makeRules(file) {
    const hit = cache.get(file);
    if (hit)
        return hit;
    const out = new Map();
    const text = file.text;
    let current = [];
    let i = 0;
    while (i < text.length) {
        const nl = text.indexOf('\n', i);
        let end = nl < 0 ? text.length : nl;
        let next = nl < 0 ? text.length : nl + 1;
        if (text[i] === '\t') {
            // A recipe line and its continuations.
            while (text[end - 1] === '\\' || (text[end - 1] === '\r' && text[end - 2] === '\\')) {
                const n2 = text.indexOf('\n', next);
                end = n2 < 0 ? text.length : n2;
                next = n2 < 0 ? text.length : n2 + 1;
                if (next >= text.length)
                    break;
            }
            let s = i + 1;
            while (s < end && (text[s] === '@' || text[s] === '-' || text[s] === '+' || text[s] === ' '))
                s++;
            const cmds = (0,shell/* splitShell */.b2)(text.slice(s, end).replace(/\r$/, ''), { base: s, make: true });
            for (const r of current)
                r.commands.push(...cmds);
            i = next;
            continue;
        }
        const line = text.slice(i, end).replace(/\r$/, '');
        const trimmed = line.trim();
        if (trimmed === '' || trimmed.startsWith('#')) {
            i = next;
            continue;
        }
        // `a b: c d` (a rule), not `A := x`, `A = x`, `A ?= x`, nor `a: B = x` (a target-specific variable).
        const colon = line.indexOf(':');
        const isRule = colon > 0 && line[colon + 1] !== '=' && !/^[^:]*[?+!]?=/.test(line.slice(0, colon + 1)) && !/^\s/.test(line) && !/=/.test(line.slice(colon + 1).split(';')[0].replace(/\$\([^)]*\)/g, ''));
        if (isRule) {
            const targets = line.slice(0, colon).trim().split(/\s+/);
            const rest = line.slice(colon + 1).replace(/^:/, '');
            const [pre, inline] = rest.split(';', 2);
            const rule = { prerequisites: (pre ?? '').trim().split(/\s+/).filter((p) => p && !p.startsWith('|')), commands: inline ? (0,shell/* splitShell */.b2)(inline, { base: i + colon + 1 + (pre?.length ?? 0) + 1, make: true }) : [] };
            current = [];
            for (const t of targets) {
                if (!t || t.startsWith('.'))
                    continue;
                if (!out.has(t))
                    out.set(t, rule);
                current.push(out.get(t));
            }
        }
        else
            current = [];
        i = next;
    }
    cache.set(file, out);
    return out;
}
/** The commands `make TARGETS` runs: each target's prerequisites first (a few levels), then its recipe. */
function commandsOfTargets(file, targets) {
    const rules = makeRules(file);
    const out = [];
    const seen = new Set();
    const visit = (t, depth) => {
        if (seen.has(t) || depth > 6)
            return;
        seen.add(t);
        const r = rules.get(t);
        if (!r)
            return;
        for (const p of r.prerequisites)
            visit(p, depth + 1);
        out.push(...r.commands);
    };
    const wanted = targets.length > 0 ? targets : [[...rules.keys()][0]].filter((x) => !!x);
    for (const t of wanted)
        visit(t, 0);
    return out;
}

// EXTERNAL MODULE: ./src/parse/lazy-lib.ts
var lazy_lib = __nccwpck_require__(4083);
// EXTERNAL MODULE: ./src/model/cmdfiles.ts
var cmdfiles = __nccwpck_require__(7198);
;// CONCATENATED MODULE: ./src/model/scripts.ts
/**
 * What a container sees of the repository, so that the scripts its command
 * names can be read: `CMD ["/start.sh"]` after `COPY start.sh /start.sh`,
 * `command: ./scripts/debug.sh` with `.:/app` mounted and `working_dir: /app`,
 * a devcontainer's `postCreateCommand` in its workspace folder. Paths are
 * mapped back through the build context (COPY/ADD without --from) and bind
 * mounts; a followed script is read only inside the repository (Workspace.read
 * refuses symbolic links out of it, special and large files), and only when it
 * is a script (a .sh/.bash name or a #! line), never a binary.
 */







function norm(p) {
    const n = external_node_path_.posix.normalize(p);
    return n.length > 1 ? n.replace(/\/$/, '') : n;
}
/** A repository-relative path joined and normalised; undefined when it leaves the repository. */
function repoJoin(...parts) {
    const p = external_node_path_.posix.normalize(external_node_path_.posix.join(...parts.filter((x) => x !== '')));
    if (p === '.' || p === './')
        return '';
    if (p.startsWith('../') || p === '..' || p.startsWith('/'))
        return undefined;
    return p.replace(/\/$/, '');
}
/**
 * The mounts a Dockerfile stage's COPY/ADD instructions make from the build
 * context (copies from other stages or images are not the repository's).
 * `contexts` are the candidate repository directories of the build context.
 */
function copyMounts(stage, contexts) {
    const out = [];
    const chain = (0,dockerfile/* stageChain */.ap)(stage).reverse();
    for (const s of chain) {
        for (const c of s.copies) {
            if (c.from)
                continue;
            const dest = c.dest.startsWith('/') ? c.dest : external_node_path_.posix.join(c.workdir ?? '/', c.dest);
            const destDir = c.dest.endsWith('/') || c.sources.length > 1;
            for (const written of c.sources) {
                if (/^[a-z]+:\/\//i.test(written) || written.startsWith('git@'))
                    continue;
                // A COPY source is always inside the context: `COPY /cmd/x.sh /` is <context>/cmd/x.sh.
                const src = written.replace(/^\/+/, '') || '.';
                const cands = (rel) => contexts.map((ctx) => repoJoin(ctx, rel)).filter((p) => p !== undefined);
                if (src.includes('*') || src.includes('?')) {
                    // COPY scripts/*.sh /usr/local/bin/: the directory of the pattern, file by file.
                    const dir = external_node_path_.posix.dirname(src);
                    out.push({ container: norm(destDir ? dest : external_node_path_.posix.dirname(dest)), repo: cands(dir) });
                    continue;
                }
                if (destDir) {
                    // A file lands at dest/<name>; a directory's contents land in dest.
                    out.push({ container: norm(external_node_path_.posix.join(dest, external_node_path_.posix.basename(src))), repo: cands(src), exact: true });
                    out.push({ container: norm(dest), repo: cands(src) });
                }
                else
                    out.push({ container: norm(dest), repo: cands(src) });
            }
        }
    }
    return out.reverse();
}
/**
 * A bind mount `SOURCE:TARGET[:opts]` (Compose short syntax, `docker run -v`)
 * whose source is a path in the repository, relative to `baseDirs` (the
 * Compose file's directory; for a run line its directory, then the root).
 */
function bindMount(source, target, baseDirs) {
    const s = source.trim().replace(/^["']|["']$/g, '');
    const t = target.trim();
    if (!t.startsWith('/'))
        return undefined;
    const cleaned = s.replace(/^(\$\{?PWD\}?|\$\(pwd\)|\$\(CURDIR\)|\$\{CURDIR\}|\$\{localWorkspaceFolder\}|`pwd`)(?=\/|$)/, '.');
    if (!(cleaned === '.' || cleaned.startsWith('./') || cleaned.startsWith('../') || (!cleaned.startsWith('/') && !cleaned.startsWith('~') && cleaned.includes('/'))))
        return undefined;
    if (cleaned.includes('$'))
        return undefined;
    const repo = baseDirs.map((d) => repoJoin(d, cleaned)).filter((p) => p !== undefined);
    return repo.length > 0 ? { container: norm(t), repo } : undefined;
}
/**
 * A script's unquoted `$NAME` / `${NAME}` words whose variable the script
 * sets to a literal (`OPTS="--listen=:2345 --headless"`) are split into the
 * words the shell would run (`exec /dlv ${OPTS} exec /app`). The new words
 * point at the variable's word (their text is not in the line).
 */
function expandWordVariables(commands, vars) {
    if (vars.size === 0)
        return commands;
    return commands.map((c) => {
        if (!c.words.some((w) => !w.quoted && w.value.startsWith('$')))
            return c;
        const words = [];
        for (const w of c.words) {
            const m = !w.quoted ? /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(w.value) : null;
            const v = m ? vars.get((m[1] ?? m[2])) : undefined;
            if (v === undefined || v.includes('$')) {
                words.push(w);
                continue;
            }
            for (const x of (0,shell/* splitShell */.b2)(v))
                for (const nw of x.words)
                    words.push({ value: nw.value, start: w.start, end: w.end, quoted: true, map: nw.value.split('').map(() => w.start) });
        }
        return { ...c, words };
    });
}
/** Where a bare command name is looked up (the PATH of the usual base images). */
const PATH_DIRS = ['/usr/local/bin', '/usr/local/sbin', '/usr/bin', '/bin', '/usr/sbin', '/sbin', '/go/bin'];
function isScriptText(path, text) {
    return /\.(sh|bash)$/.test(path) || text.startsWith('#!');
}
/** The FollowContext of a container: scripts and air configs read through its view of the repository. */
function followContext(project, view, airConfigs) {
    /** Container path of each followed script (to resolve what it names relative to itself). */
    const at = new Map();
    const candidatesOf = (containerPath) => {
        const out = [];
        const p = norm(containerPath);
        for (const m of view.mounts) {
            if (m.exact ? p !== m.container : !(p === m.container || p.startsWith(m.container === '/' ? '/' : m.container + '/')))
                continue;
            const rest = m.exact ? '' : p.slice(m.container === '/' ? 1 : m.container.length + 1);
            for (const r of m.repo) {
                const q = repoJoin(r, rest);
                if (q !== undefined && q !== '' && !out.includes(q))
                    out.push(q);
            }
        }
        return out;
    };
    const readScript = (rel) => {
        const known = project.file(rel, 'shell', { quiet: true });
        if (!known || !isScriptText(known.path, known.text))
            return undefined;
        return known;
    };
    const resolve = (path, from, read = readScript) => {
        const tries = [];
        if (!path.includes('/')) {
            // A bare command name: a script only where the image put one on PATH.
            for (const dir of PATH_DIRS) {
                for (const rel of candidatesOf(`${dir}/${path}`)) {
                    const f = read(rel);
                    if (f)
                        return { file: f, containerPath: `${dir}/${path}` };
                }
            }
            if (!/\.(sh|bash)$/.test(path))
                return undefined;
            tries.push(external_node_path_.posix.join(view.workdir, path));
        }
        else if (path.startsWith('/'))
            tries.push(path);
        else {
            tries.push(external_node_path_.posix.join(view.workdir, path));
            const fromAt = at.get(from.path);
            if (fromAt)
                tries.push(external_node_path_.posix.join(external_node_path_.posix.dirname(fromAt), path));
        }
        for (const cp of tries) {
            for (const rel of candidatesOf(cp)) {
                const f = read(rel);
                if (f)
                    return { file: f, containerPath: norm(cp) };
            }
        }
        // A relative path named by a followed script or a repository file: next to that file.
        if (!path.startsWith('/')) {
            const rel = repoJoin(external_node_path_.posix.dirname(from.path), path);
            const f = rel !== undefined ? read(rel) : undefined;
            if (f)
                return { file: f };
        }
        return undefined;
    };
    const readConfig = (rel) => project.file(rel, 'shell', { quiet: true });
    const commandsCache = new Map();
    return {
        stack: [],
        script(path, from) {
            const r = resolve(path, from);
            if (!r)
                return undefined;
            if (r.containerPath)
                at.set(r.file.path, r.containerPath);
            return r.file;
        },
        config(path, from) {
            return resolve(path, from, readConfig)?.file;
        },
        make(makefile, dir, targets) {
            const base = dir ? (dir.startsWith('/') ? dir : external_node_path_.posix.join(view.workdir, dir)) : view.workdir;
            const names = makefile ? [makefile] : ['GNUmakefile', 'makefile', 'Makefile'];
            for (const n of names) {
                const cp = n.startsWith('/') ? n : external_node_path_.posix.join(base, n);
                for (const rel of candidatesOf(cp)) {
                    const f = project.file(rel, 'makefile', { quiet: true });
                    if (f)
                        return { file: f, commands: commandsOfTargets(f, targets) };
                }
            }
            return undefined;
        },
        expand(value) {
            return view.vars ? (0,dockerfile/* expandVars */.Jf)(value, view.vars) : value;
        },
        commands(file) {
            let c = commandsCache.get(file.path);
            if (!c) {
                c = expandWordVariables((0,shell/* splitShell */.b2)(file.text), (0,cmdfiles/* commandFileOf */.j)(project, file).vars);
                commandsCache.set(file.path, c);
            }
            return c;
        },
        air(configPath, from) {
            const wanted = configPath ?? '.air.toml';
            const paths = wanted.startsWith('/') ? [wanted] : [external_node_path_.posix.join(view.workdir, wanted)];
            const rels = paths.flatMap(candidatesOf);
            // Not mounted where the container looks: the config next to the file that runs air.
            if (!wanted.startsWith('/')) {
                const beside = repoJoin(external_node_path_.posix.dirname(from.path), wanted);
                if (beside !== undefined && !rels.includes(beside))
                    rels.push(beside);
            }
            for (const rel of rels) {
                const cfg = readAir(project, rel, airConfigs);
                if (!cfg)
                    continue;
                // build.cmd builds; build.full_bin runs (through sh -c), else build.bin with build.args_bin.
                const out = [];
                if (cfg.cmd)
                    out.push({ file: cfg.file, words: [cfg.cmd], shell: true });
                if (cfg.fullBin)
                    out.push({ file: cfg.file, words: [cfg.fullBin], shell: true });
                else if (cfg.bin)
                    out.push({ file: cfg.file, words: [cfg.bin, ...(cfg.argsBin ?? [])], shell: false });
                return out;
            }
            return [];
        },
        stop(file, reason, span) {
            project.problem({ path: file.path, reason, span });
        },
    };
}
function readAir(project, rel, cache) {
    if (cache?.has(rel))
        return cache.get(rel);
    const f = project.file(rel, 'air', { quiet: true });
    let cfg;
    if (f) {
        try {
            cfg = parseAirConfig(f);
            project.add(f);
        }
        catch (e) {
            if (e instanceof lazy_lib/* LibraryNotLoaded */.S)
                throw e;
            const off = e.offset ?? 0;
            project.problem({ path: f.path, reason: `could not be parsed as TOML: ${e.message}`, span: { file: f, start: off, end: off } });
        }
    }
    cache?.set(rel, cfg);
    return cfg;
}


/***/ }),

/***/ 6413:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ targetStage),
/* harmony export */   Ai: () => (/* binding */ parseDockerfile),
/* harmony export */   Jf: () => (/* binding */ expandVars),
/* harmony export */   ap: () => (/* binding */ stageChain),
/* harmony export */   hb: () => (/* binding */ parseInlineDockerfile)
/* harmony export */ });
/* harmony import */ var dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8390);
/* harmony import */ var _shell_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1969);
/* harmony import */ var _model_commands_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2727);
/* harmony import */ var _timing_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8117);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4998);
/**
 * Dockerfile → stages with what each stage runs, installs, builds and copies,
 * all with source spans. Built on dockerfile-ast.
 */





function offsetOf(file, p) {
    return (file.lineStarts[p.line] ?? file.text.length) + p.character;
}
function spanOf(file, r) {
    return { file, start: offsetOf(file, r.start), end: offsetOf(file, r.end) };
}
function readArgs(file, ins) {
    const args = ins.getArguments();
    if (args.length === 0)
        return { args, raw: '' };
    const span = { file, start: offsetOf(file, args[0].getRange().start), end: offsetOf(file, args[args.length - 1].getRange().end) };
    return { args, span, raw: file.text.slice(span.start, span.end) };
}
/** Expand $VAR and ${VAR} (and ${VAR:-default}) from vars; unknown ones stay as written. */
function expandVars(value, vars) {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a, def, b) => {
        const name = (a ?? b);
        const v = vars.get(name);
        if (v !== undefined && v !== '')
            return v;
        if (def !== undefined && m.includes(':-'))
            return def;
        return m;
    });
}
function parseKeyValues(raw) {
    // ARG NAME=value / ENV NAME=value NAME2="v" / legacy ENV NAME value
    const out = [];
    const cmds = (0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .splitShell */ .b2)(raw);
    const words = cmds.flatMap((c) => c.words);
    if (words.length === 2 && !words[0].value.includes('=')) {
        out.push([words[0].value, words[1].value]);
        return out;
    }
    for (const w of words) {
        const eq = w.value.indexOf('=');
        if (eq > 0)
            out.push([w.value.slice(0, eq), w.value.slice(eq + 1)]);
        else
            out.push([w.value, '']);
    }
    return out;
}
/** RUN / CMD / ENTRYPOINT as words; span is the instruction's, an object nothing else holds. */
function commandOf(file, ins, a, span) {
    if (!a.span)
        return undefined;
    const argStart = a.span.start;
    const rawArgs = a.raw;
    if (rawArgs.trimStart().startsWith('[')) {
        // JSONInstruction parsed the strings when it was constructed: no rescan.
        const json = ins.getJSONStrings?.() ?? [];
        if (json.length > 0) {
            const words = json.map((j) => {
                const r = j.getRange();
                const s = offsetOf(file, r.start);
                const e = offsetOf(file, r.end);
                // The string as JSON reads it. (dockerfile-ast 0.7.1's getJSONValue() drops the spaces inside the
                // string: "dlv exec --headless" comes back as "dlvexec--headless".)
                let value;
                try {
                    value = JSON.parse(file.text.slice(s, e));
                }
                catch {
                    value = j.getJSONValue();
                }
                // Map characters 1:1 when the JSON string has no escapes.
                const inner = file.text.slice(s + 1, e - 1);
                const map = inner === value ? Array.from({ length: value.length }, (_, k) => s + 1 + k) : Array.from({ length: value.length }, () => s);
                return { value, start: s, end: e, quoted: true, map };
            });
            return { form: 'exec', words, span, facts: (0,_model_commands_js__WEBPACK_IMPORTED_MODULE_2__/* .analyzeWords */ .uu)(file, words) };
        }
    }
    const commands = (0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .splitShell */ .b2)(rawArgs, { base: argStart });
    // Drop leading RUN flags such as --mount=… and --network=… if the parser left them in.
    if (commands[0]) {
        while (commands[0].words[0]?.value.startsWith('--'))
            commands[0].words.shift();
    }
    const words = commands.flatMap((c) => c.words);
    return { form: 'shell', words, commands, span, facts: (0,_model_commands_js__WEBPACK_IMPORTED_MODULE_2__/* .analyzeCommands */ .rp)(file, commands) };
}
function parseDockerfile(file) {
    (0,_timing_js__WEBPACK_IMPORTED_MODULE_3__/* .count */ .U9)('Dockerfile parses');
    (0,_timing_js__WEBPACK_IMPORTED_MODULE_3__/* .parsedFile */ .UI)('dockerfile', file.path);
    const t = (0,_timing_js__WEBPACK_IMPORTED_MODULE_3__/* .clock */ .pm)();
    const df = dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__.DockerfileParser.parse(file.text);
    (0,_timing_js__WEBPACK_IMPORTED_MODULE_3__/* .spent */ .RT)('YAML and Dockerfile parse calls', t);
    const stages = [];
    const globalArgs = new Map();
    let cur;
    for (const ins of df.getInstructions()) {
        const kw = ins.getKeyword().toUpperCase();
        if (!cur && kw !== 'FROM') {
            // Before the first FROM only global ARG defaults matter.
            if (kw === 'ARG')
                for (const [k, v] of parseKeyValues(readArgs(file, ins).raw))
                    globalArgs.set(k, v);
            continue;
        }
        const span = spanOf(file, ins.getRange());
        if (kw === 'FROM') {
            const { args } = readArgs(file, ins);
            // What From.getImageRange(), getImage(), getBuildStageRange() and getBuildStage()
            // (the text of that range, escapes and all) return, each of which rescans the arguments.
            const imgRange = args.length !== 0 ? args[0].getRange() : null;
            const imgSpan = imgRange ? spanOf(file, imgRange) : span;
            const image = expandVars(args.length > 0 ? args[0].getValue() : '', globalArgs);
            const stageRange = args.length > 2 && args[1].getValue().toUpperCase() === 'AS' ? args[2].getRange() : null;
            const stageSpan = stageRange ? spanOf(file, stageRange) : undefined;
            const stageName = stageSpan ? file.text.slice(stageSpan.start, stageSpan.end) : null;
            const parent = stages.find((s) => s.name && s.name.value.toLowerCase() === image.toLowerCase());
            cur = {
                index: stages.length,
                ...(stageName && stageSpan ? { name: { value: stageName, span: stageSpan } } : {}),
                image: { value: image, span: imgSpan },
                ...(parent ? { parent } : {}),
                fromSpan: span,
                span: { ...span },
                runs: [],
                copies: [],
                exposes: [],
                vars: new Map(parent ? parent.vars : []),
                ...(parent?.user ? { user: parent.user } : {}),
                ...(parent?.entrypoint ? { entrypoint: parent.entrypoint } : {}),
                ...(parent?.cmd ? { cmd: parent.cmd } : {}),
                workdir: parent?.workdir ?? '/',
            };
            stages.push(cur);
            continue;
        }
        if (!cur)
            continue;
        cur.span.end = span.end;
        // Instructions not handled here (LABEL, VOLUME, HEALTHCHECK, …) never read their arguments.
        switch (kw) {
            case 'ARG':
                for (const [k, v] of parseKeyValues(readArgs(file, ins).raw)) {
                    if (v !== '' || !cur.vars.has(k))
                        cur.vars.set(k, v !== '' ? v : (globalArgs.get(k) ?? ''));
                }
                break;
            case 'ENV':
                for (const [k, v] of parseKeyValues(readArgs(file, ins).raw))
                    cur.vars.set(k, expandVars(v, cur.vars));
                break;
            case 'USER': {
                const a = readArgs(file, ins);
                if (a.span)
                    cur.user = { value: expandVars(a.raw.trim(), cur.vars), span: a.span };
                break;
            }
            case 'WORKDIR': {
                const dir = expandVars(readArgs(file, ins).raw.trim(), cur.vars);
                if (dir)
                    cur.workdir = posixJoin(cur.workdir ?? '/', dir);
                break;
            }
            case 'RUN': {
                const c = commandOf(file, ins, readArgs(file, ins), span);
                if (c)
                    cur.runs.push({ ...c, workdir: cur.workdir ?? '/' });
                break;
            }
            case 'CMD': {
                const c = commandOf(file, ins, readArgs(file, ins), span);
                if (c)
                    cur.cmd = c;
                break;
            }
            case 'ENTRYPOINT': {
                const c = commandOf(file, ins, readArgs(file, ins), span);
                if (c) {
                    cur.entrypoint = c;
                    delete cur.cmd;
                }
                break;
            }
            case 'EXPOSE':
                for (const a of readArgs(file, ins).args) {
                    cur.exposes.push({ value: a.getValue(), span: spanOf(file, a.getRange()) });
                }
                break;
            case 'COPY':
            case 'ADD': {
                const args = readArgs(file, ins).args.map((a) => a.getValue());
                // dockerfile-ast keeps flags (--from, --chown, --link) out of the arguments (getFlags() is cached by the parser).
                const flags = ins.getFlags?.() ?? [];
                let from = flags.find((f) => f.getName().toLowerCase() === 'from')?.getValue() ?? undefined;
                const rest = [];
                for (const a of args) {
                    if (a.startsWith('--from='))
                        from = a.slice(7);
                    else if (a.startsWith('--'))
                        continue;
                    else
                        rest.push(a);
                }
                if (rest.length >= 2)
                    cur.copies.push({ ...(from ? { from } : {}), sources: rest.slice(0, -1), dest: rest[rest.length - 1], span, workdir: cur.workdir ?? '/' });
                break;
            }
            default:
                break;
        }
    }
    return { file, stages };
}
/** Join a WORKDIR-style path onto a base directory (absolute paths replace it). */
function posixJoin(base, p) {
    const joined = p.startsWith('/') ? p : `${base.replace(/\/$/, '')}/${p}`;
    const parts = [];
    for (const seg of joined.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..')
            parts.pop();
        else
            parts.push(seg);
    }
    return '/' + parts.join('/');
}
/** The stage a build targets: the named one, else the last. */
function targetStage(doc, target) {
    if (target)
        return doc.stages.find((s) => s.name?.value.toLowerCase() === target.toLowerCase());
    return doc.stages[doc.stages.length - 1];
}
/** The stage and every stage it builds on (FROM earlier-stage), nearest first. */
function stageChain(stage) {
    const out = [];
    for (let s = stage; s && out.length < 64; s = s.parent)
        out.push(s);
    return out;
}
/**
 * A Dockerfile written inside another file (Compose `dockerfile_inline: |`):
 * parsed from a copy of that file in which everything but the block's
 * content is blanked (line breaks kept), so that every offset and line of the
 * parsed Dockerfile is the offset and line in the real file. Only literal
 * blocks (`|`, `|-`, `|+`) keep the content's characters where they are;
 * anything else gives undefined.
 */
function parseInlineDockerfile(v) {
    const { file, start, end } = v.span;
    const text = file.text;
    if (text[start] !== '|')
        return undefined;
    const nl = text.indexOf('\n', start);
    if (nl < 0 || nl >= end)
        return undefined;
    let out = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        out += (i > nl && i < end) || c === '\n' || c === '\r' ? c : ' ';
    }
    const virtual = (0,_source_js__WEBPACK_IMPORTED_MODULE_4__/* .makeSourceFile */ .AN)(file.path, file.abs, 'dockerfile', out);
    try {
        return parseDockerfile(virtual);
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 4026:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ mayReadJson),
/* harmony export */   Cx: () => (/* binding */ jsoncComments),
/* harmony export */   JP: () => (/* binding */ modify),
/* harmony export */   KG: () => (/* binding */ loadJsonc),
/* harmony export */   Wc: () => (/* binding */ findNodeAtLocation),
/* harmony export */   _n: () => (/* binding */ printParseErrorCode),
/* harmony export */   cZ: () => (/* binding */ parseTree),
/* harmony export */   ct: () => (/* binding */ applyEdits),
/* harmony export */   pX: () => (/* binding */ parseJsonc),
/* harmony export */   qg: () => (/* binding */ parse),
/* harmony export */   yQ: () => (/* binding */ getNodeValue)
/* harmony export */ });
/* harmony import */ var _lazy_lib_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4083);

const jsonc = (0,_lazy_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .lazyLibrary */ .A)('jsonc-parser', () => __nccwpck_require__.e(/* import() */ 547).then(__nccwpck_require__.t.bind(__nccwpck_require__, 9547, 23)));
/** Whether a scan of files of these kinds may parse JSON. */
function mayReadJson(kinds) {
    for (const k of kinds)
        if (k !== 'dockerfile')
            return true;
    return false;
}
const loadJsonc = jsonc.load;
const j = jsonc.get;
function parseTree(...a) {
    return j().parseTree(...a);
}
function parse(...a) {
    return j().parse(...a);
}
function findNodeAtLocation(...a) {
    return j().findNodeAtLocation(...a);
}
function getNodeValue(...a) {
    return j().getNodeValue(...a);
}
function printParseErrorCode(...a) {
    return j().printParseErrorCode(...a);
}
function modify(...a) {
    return j().modify(...a);
}
function applyEdits(...a) {
    return j().applyEdits(...a);
}
/** The tree of JSON with comments (trailing commas allowed), or undefined when it cannot be built. */
function parseJsonc(text) {
    try {
        return parseTree(text, [], { allowTrailingComma: true }) ?? undefined;
    }
    catch (e) {
        if (e instanceof _lazy_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .LibraryNotLoaded */ .S)
            throw e;
        return undefined;
    }
}
/** SyntaxKind values of jsonc-parser's scanner (a const enum there, so not importable under isolatedModules). */
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const EOF_TOKEN = 17;
/** Source offsets [start, end) of every `//` and `/* … *\/` comment, from jsonc-parser's scanner. */
function jsoncComments(text) {
    const s = j().createScanner(text, false);
    const out = [];
    for (let k = s.scan(); k !== EOF_TOKEN; k = s.scan()) {
        if (k === LINE_COMMENT || k === BLOCK_COMMENT)
            out.push({ start: s.getTokenOffset(), end: s.getTokenOffset() + s.getTokenLength() });
    }
    return out;
}


/***/ }),

/***/ 4083:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ lazyLibrary),
/* harmony export */   S: () => (/* binding */ LibraryNotLoaded)
/* harmony export */ });
/* harmony import */ var _timing_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8117);
/**
 * A library that only some scans need, loaded by an `import()` (in dist/ a
 * chunk beside the bundle, compiled only when loaded) before the model is
 * built: see yaml-lib.ts and jsonc-lib.ts for which scans load which.
 */

/** A library used before it was loaded: a bug, never a property of the scanned files. */
class LibraryNotLoaded extends Error {
    constructor(name) {
        super(`internal error: the ${name} package was used before it was loaded`);
    }
}
/** `importer` must be a literal `() => import('name')` so that the bundler makes it a chunk. */
function lazyLibrary(name, importer) {
    let lib;
    return {
        async load() {
            if (lib)
                return;
            lib = await importer();
            (0,_timing_js__WEBPACK_IMPORTED_MODULE_0__/* .count */ .U9)(`${name} package loaded`);
        },
        get() {
            if (!lib)
                throw new LibraryNotLoaded(name);
            return lib;
        },
    };
}


/***/ }),

/***/ 1969:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Nr: () => (/* binding */ splitWord),
/* harmony export */   b2: () => (/* binding */ splitShell),
/* harmony export */   wh: () => (/* binding */ isAssignment)
/* harmony export */ });
/**
 * A shell-words splitter that keeps source offsets: enough of POSIX sh to find
 * simple commands and their words in Dockerfile RUN lines, scripts, Makefile
 * recipes and workflow `run:` blocks. It does not expand anything.
 */
const OPERATOR_CHARS = new Set([';', '&', '|', '(', ')']);
function splitShell(text, opts = {}) {
    const at = (i) => (opts.map ? (opts.map[i] ?? (opts.map[opts.map.length - 1] ?? 0) + 1) : (opts.base ?? 0) + i);
    const commands = [];
    let words = [];
    let cmdStart = -1;
    let i = 0;
    const n = text.length;
    const endCommand = (sep, pos) => {
        if (words.length > 0) {
            commands.push({ words, start: cmdStart, end: at(Math.max(0, pos - 1)) + 1, sep });
        }
        words = [];
        cmdStart = -1;
    };
    while (i < n) {
        const c = text[i];
        // Line continuation.
        if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
            i += text[i + 1] === '\n' ? 2 : 3;
            continue;
        }
        if (c === ' ' || c === '\t' || c === '\r') {
            i++;
            continue;
        }
        if (c === '\n') {
            endCommand('\n', i);
            i++;
            continue;
        }
        if (c === '#') {
            const from = i;
            while (i < n && text[i] !== '\n')
                i++;
            if (opts.onComment) {
                let to = i;
                while (to > from + 1 && text[to - 1] === '\r')
                    to--;
                opts.onComment(at(from), at(to - 1) + 1);
            }
            continue;
        }
        if (OPERATOR_CHARS.has(c)) {
            const two = text.slice(i, i + 2);
            if (two === '&&' || two === '||' || two === ';;') {
                endCommand(two, i);
                i += 2;
                continue;
            }
            if (c === '&' && text[i + 1] === '>') {
                // &> redirection: part of a word
            }
            else if ((c === '>' || c === '<')) {
                // not reached
            }
            else {
                endCommand(c, i);
                i++;
                continue;
            }
        }
        // A word.
        const start = i;
        let value = '';
        const map = [];
        let quoted = false;
        while (i < n) {
            const ch = text[i];
            if (ch === '\\') {
                const next = text[i + 1];
                if (next === '\n') {
                    i += 2;
                    continue;
                }
                if (next === '\r' && text[i + 2] === '\n') {
                    i += 3;
                    continue;
                }
                if (next !== undefined) {
                    value += next;
                    map.push(at(i + 1));
                    i += 2;
                    quoted = true;
                    continue;
                }
                value += ch;
                map.push(at(i));
                i++;
                continue;
            }
            if (ch === "'") {
                quoted = true;
                i++;
                while (i < n && text[i] !== "'") {
                    value += text[i];
                    map.push(at(i));
                    i++;
                }
                i++;
                continue;
            }
            if (ch === '"') {
                quoted = true;
                i++;
                while (i < n && text[i] !== '"') {
                    if (text[i] === '\\' && i + 1 < n && '"\\$`\n'.includes(text[i + 1])) {
                        if (text[i + 1] !== '\n') {
                            value += text[i + 1];
                            map.push(at(i + 1));
                        }
                        i += 2;
                        continue;
                    }
                    if (opts.make && text[i] === '$' && text[i + 1] === '$') {
                        value += '$';
                        map.push(at(i));
                        i += 2;
                        continue;
                    }
                    value += text[i];
                    map.push(at(i));
                    i++;
                }
                i++;
                continue;
            }
            const makeDollar = opts.make && ch === '$' && text[i + 1] === '$';
            if (makeDollar && text[i + 2] !== '(' && text[i + 2] !== '{') {
                value += '$';
                map.push(at(i));
                i += 2;
                continue;
            }
            if (makeDollar || (ch === '$' && (text[i + 1] === '(' || text[i + 1] === '{'))) {
                // Keep $(...) and ${...} inside the word, balanced (Make writes them $$(...)).
                if (makeDollar) {
                    value += '$';
                    map.push(at(i));
                    i += 2;
                }
                else {
                    value += '$';
                    map.push(at(i));
                    i++;
                }
                const open = text[i];
                const close = open === '(' ? ')' : '}';
                let depth = 0;
                while (i < n) {
                    const cc = text[i];
                    value += cc;
                    map.push(at(i));
                    if (cc === open)
                        depth++;
                    else if (cc === close) {
                        depth--;
                        if (depth === 0) {
                            i++;
                            break;
                        }
                    }
                    i++;
                }
                continue;
            }
            if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === ';' || ch === '|' || ch === '(' || ch === ')')
                break;
            if (ch === '&' && text[i + 1] !== '>') {
                // `2>&1` keeps the & inside the word.
                if (!(value.endsWith('>')))
                    break;
            }
            value += ch;
            map.push(at(i));
            i++;
        }
        if (cmdStart < 0)
            cmdStart = at(start);
        // An unterminated quote leaves i one past the end: the word ends with the text.
        if (i > n)
            i = n;
        words.push({ value, start: at(start), end: at(Math.max(start, i - 1)) + 1, quoted, map });
    }
    endCommand('', n);
    return commands;
}
/** Split the value of a word again (for `sh -c "..."`), keeping source offsets. */
function splitWord(word, make = false) {
    return splitShell(word.value, { map: word.map, make });
}
/** True when the word is a variable assignment such as FOO=bar. */
function isAssignment(w) {
    return /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value);
}


/***/ }),

/***/ 645:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ parseTOML),
/* harmony export */   X: () => (/* binding */ loadToml)
/* harmony export */ });
/* harmony import */ var _lazy_lib_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4083);

const toml = (0,_lazy_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .lazyLibrary */ .A)('toml-eslint-parser', () => __nccwpck_require__.e(/* import() */ 605).then(__nccwpck_require__.bind(__nccwpck_require__, 9605)));
const loadToml = toml.load;
function parseTOML(text) {
    return toml.get().parseTOML(text);
}


/***/ }),

/***/ 3078:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EM: () => (/* binding */ LEADS_TO_YAML),
/* harmony export */   Vj: () => (/* binding */ isAlias),
/* harmony export */   YR: () => (/* binding */ visit),
/* harmony export */   ai: () => (/* binding */ yamlComments),
/* harmony export */   hR: () => (/* binding */ parseAllDocuments),
/* harmony export */   jh: () => (/* binding */ isMap),
/* harmony export */   jn: () => (/* binding */ isScalar),
/* harmony export */   oP: () => (/* binding */ isSeq),
/* harmony export */   tO: () => (/* binding */ isPair),
/* harmony export */   yv: () => (/* binding */ loadYaml)
/* harmony export */ });
/* harmony import */ var _lazy_lib_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4083);

const yaml = (0,_lazy_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .lazyLibrary */ .A)('yaml', () => __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19)));
/** Kinds of file whose presence means the scan may parse YAML. */
const LEADS_TO_YAML = new Set(['compose', 'kubernetes', 'workflow', 'devcontainer', 'taskfile', 'gitlab-ci', 'skaffold']);
const loadYaml = yaml.load;
const y = yaml.get;
function parseAllDocuments(...a) {
    return y().parseAllDocuments(...a);
}
function visit(...a) {
    y().visit(...a);
}
function isAlias(n) {
    return y().isAlias(n);
}
function isMap(n) {
    return y().isMap(n);
}
function isPair(n) {
    return y().isPair(n);
}
function isScalar(n) {
    return y().isScalar(n);
}
function isSeq(n) {
    return y().isSeq(n);
}
/**
 * Source offsets [start, end) of every comment of a YAML text, from the
 * parser's concrete syntax tree (the Document API keeps comments as strings
 * without offsets). Nested deeper than `maxDepth` is not searched.
 */
function yamlComments(text, maxDepth = 256) {
    const out = [];
    const walk = (t, depth) => {
        if (!t || typeof t !== 'object' || depth > maxDepth)
            return;
        if (Array.isArray(t)) {
            for (const x of t)
                walk(x, depth + 1);
            return;
        }
        const o = t;
        if (o.type === 'comment' && typeof o.offset === 'number' && typeof o.source === 'string') {
            out.push({ start: o.offset, end: o.offset + o.source.length });
            return;
        }
        for (const [k, v] of Object.entries(o))
            if (k !== 'source' && v && typeof v === 'object')
                walk(v, depth + 1);
    };
    for (const token of new (y().Parser)().parse(text))
        walk(token, 0);
    return out.sort((a, b) => a.start - b.start);
}


/***/ }),

/***/ 8852:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ pairs),
/* harmony export */   F4: () => (/* binding */ scalarWord),
/* harmony export */   Jt: () => (/* binding */ get),
/* harmony export */   LA: () => (/* binding */ deref),
/* harmony export */   TN: () => (/* binding */ keyOf),
/* harmony export */   Vk: () => (/* binding */ nodeSpan),
/* harmony export */   Yn: () => (/* binding */ getPath),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   hN: () => (/* binding */ parseYaml),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   ld: () => (/* binding */ items),
/* harmony export */   mB: () => (/* binding */ ParseError),
/* harmony export */   sl: () => (/* binding */ untemplate),
/* harmony export */   vz: () => (/* binding */ isMapNode),
/* harmony export */   xf: () => (/* binding */ getPair)
/* harmony export */ });
/* unused harmony exports isSeqNode, isPairNode, pairSpan */
/* harmony import */ var _yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3078);
/* harmony import */ var _timing_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8117);


class ParseError extends Error {
    offset;
    /** The file, when the error is found after parsing (alias budget exhausted while building the model). */
    file;
    constructor(message, offset, file) {
        super(message);
        this.offset = offset;
        if (file)
            this.file = file;
    }
}
const MAX_ALIAS_RESOLUTIONS = 10000;
const DEEP = 'it is nested too deeply (thousands of levels)';
/** A 1 MiB manifest bundle (an operator's install.yaml) holds a few thousand documents; beyond that is not config. */
const MAX_DOCS = 10_000;
/** What stands for a template's `{{` and `}}` in the text that is parsed (as many UTF-16 units: offsets stay). */
const OPEN = '\u27e6\u27e6';
const CLOSE = '\u27e7\u27e7';
/**
 * A Helm (Go) template as YAML with the same offsets: a line that holds only template actions
 * (`{{- if .Values.debug }}`, `{{ include "labels" . | nindent 4 }}`) becomes a comment, and every other
 * `{{ … }}` becomes `⟦⟦ … ⟧⟧`, which YAML reads as plain text (`name: {{ .Release.Name }}-api` is otherwise a
 * flow mapping). Values read back through str() get their braces again. Text without `{{` is returned as is.
 */
function untemplate(text) {
    if (!text.includes('{{') || text.includes('\u27e6') || text.includes('\u27e7'))
        return text;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (!line.includes('{{'))
            continue;
        const lead = line.length - line.trimStart().length;
        if (line.startsWith('{{', lead) && line.replace(/\{\{.*?\}\}/g, '').trim() === '') {
            lines[i] = line.slice(0, lead) + '#' + line.slice(lead + 1);
            continue;
        }
        lines[i] = line.split('{{').join(OPEN).split('}}').join(CLOSE);
    }
    return lines.join('\n');
}
/** A scalar's value with a template's braces given back (see untemplate). */
function retemplate(v) {
    return v.includes('\u27e6') || v.includes('\u27e7') ? v.split(OPEN).join('{{').split(CLOSE).join('}}') : v;
}
/** A chart's template (`<chart>/templates/…`), which is YAML only once its actions are set aside. */
function isTemplatePath(path) {
    return path.startsWith('templates/') || path.includes('/templates/');
}
function parseYaml(file) {
    (0,_timing_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(`YAML parses (${file.kind})`);
    (0,_timing_js__WEBPACK_IMPORTED_MODULE_1__/* .parsedFile */ .UI)('yaml', file.path);
    const t = (0,_timing_js__WEBPACK_IMPORTED_MODULE_1__/* .clock */ .pm)();
    let docs;
    try {
        const text = file.kind === 'kubernetes' && isTemplatePath(file.path) ? untemplate(file.text) : file.text;
        docs = (0,_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text, { prettyErrors: false, uniqueKeys: false, strict: false });
    }
    catch (e) {
        // The parser's composer recurses once per nesting level: thousands of `[` overflow the stack.
        if (e instanceof RangeError)
            throw new ParseError(DEEP, 0);
        throw e;
    }
    finally {
        (0,_timing_js__WEBPACK_IMPORTED_MODULE_1__/* .spent */ .RT)('YAML and Dockerfile parse calls', t);
    }
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.length > MAX_DOCS)
        throw new ParseError(`more than ${MAX_DOCS} YAML documents`, 0);
    for (const d of list) {
        const err = d.errors[0];
        if (err)
            throw new ParseError(/call stack/i.test(err.message) ? DEEP : err.message.split('\n')[0], err.pos[0]);
    }
    return { file, docs: list, budget: { aliases: MAX_ALIAS_RESOLUTIONS } };
}
/**
 * Every alias of the file mapped to the node it names: the last node with that
 * anchor before the alias, in document order (what Alias.resolve finds). Built
 * once per file: Alias.resolve walks the whole document on every call, which
 * makes many aliases in a large file quadratic (minutes for 0.5 MB).
 */
function aliasTargets(y) {
    if (y.aliasTargets)
        return y.aliasTargets;
    const targets = new Map();
    for (const doc of y.docs) {
        const last = new Map();
        (0,_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
            Node: (_key, node) => {
                if ((0,_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node))
                    targets.set(node, last.get(node.source));
                else if (node.anchor)
                    last.set(node.anchor, node);
            },
        });
    }
    y.aliasTargets = targets;
    return targets;
}
function deref(y, node) {
    let n = node;
    for (let hops = 0; n && (0,_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(n) && hops < 32; hops++) {
        if (--y.budget.aliases < 0)
            throw new ParseError('too many YAML alias expansions', n.range?.[0] ?? 0, y.file);
        n = aliasTargets(y).get(n);
    }
    return n && (0,_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(n) ? undefined : n;
}
/** Direct and merged (`<<: *anchor`) pairs of a map, own pairs winning. */
function pairs(y, node) {
    const m = deref(y, node);
    if (!m || !(0,_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(m))
        return [];
    const own = [];
    const merged = [];
    for (const p of m.items) {
        const k = (0,_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) ? String(p.key.value) : undefined;
        if (k === '<<') {
            const v = deref(y, p.value);
            const sources = v && (0,_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(v) ? v.items : [v];
            for (const s of sources)
                merged.push(...pairs(y, s));
        }
        else
            own.push(p);
    }
    const seen = new Set(own.map((p) => keyOf(p)));
    return [...own, ...merged.filter((p) => !seen.has(keyOf(p)))];
}
function keyOf(p) {
    return (0,_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) ? String(p.key.value) : undefined;
}
function getPair(y, node, key) {
    // An own pair wins over merged ones, so merges are followed only when the map has none for the key.
    const m = deref(y, node);
    if (!m || !(0,_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(m))
        return undefined;
    let merges = false;
    for (const p of m.items) {
        const k = keyOf(p);
        if (k === '<<')
            merges = true;
        else if (k === key)
            return p;
    }
    return merges ? pairs(y, m).find((p) => keyOf(p) === key) : undefined;
}
function get(y, node, key) {
    const p = getPair(y, node, key);
    return p ? deref(y, p.value) : undefined;
}
function getPath(y, node, path) {
    let n = node;
    for (const k of path)
        n = get(y, n, k);
    return n;
}
function str(n) {
    if (!n || !(0,_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(n))
        return undefined;
    const v = n.value;
    return v === null || v === undefined ? undefined : retemplate(String(v));
}
function bool(n) {
    if (!n || !(0,_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(n))
        return undefined;
    const v = n.value;
    if (typeof v === 'boolean')
        return v;
    if (typeof v === 'string')
        return /^(true|yes|on)$/i.test(v) ? true : /^(false|no|off)$/i.test(v) ? false : undefined;
    return undefined;
}
function items(y, n) {
    const s = deref(y, n);
    if (!s || !(0,_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(s))
        return [];
    return s.items.map((i) => deref(y, i));
}
function isMapNode(n) {
    return !!n && (0,_yaml_lib_js__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(n);
}
function isSeqNode(n) {
    return !!n && isSeq(n);
}
function isPairNode(n) {
    return isPair(n);
}
function nodeSpan(file, n, fallback = 0) {
    const r = n?.range;
    if (!r)
        return { file, start: fallback, end: fallback };
    return { file, start: r[0], end: r[1] };
}
/** Span of a whole pair: key start to value end. */
function pairSpan(file, p) {
    const k = p.key?.range;
    const v = p.value?.range;
    const start = k ? k[0] : v ? v[0] : 0;
    const end = v ? v[1] : k ? k[1] : start;
    return { file, start, end };
}
/**
 * Source offset of each character of a scalar's value, by aligning the value
 * with its source text (plain, quoted and block styles). Characters that come
 * from folding or escapes map to the nearest source character.
 */
function scalarWordNear(file, n) {
    const value = String(n.value ?? '');
    const [start, end] = n.range ?? [0, 0];
    const src = file.text.slice(start, end);
    const map = [];
    let j = 0;
    // Skip the block header (| or >, with indicators) or the opening quote.
    if (src.startsWith('|') || src.startsWith('>')) {
        const nl = src.indexOf('\n');
        j = nl >= 0 ? nl + 1 : src.length;
    }
    else if (src.startsWith('"') || src.startsWith("'"))
        j = 1;
    for (let i = 0; i < value.length; i++) {
        const c = value[i];
        if (c === ' ' || c === '\n' || c === '\t') {
            // Folding and indentation: consume source whitespace.
            const k = j;
            while (j < src.length && /\s/.test(src[j]) && !(c !== '\n' && src[j] === c && j > k)) {
                if (src[j] === c) {
                    j++;
                    break;
                }
                j++;
            }
            map.push(start + Math.max(k, Math.min(j - 1, src.length - 1)));
            continue;
        }
        // Skip indentation and escapes until the character appears.
        let k = j;
        while (k < src.length && src[k] !== c && k - j < 8)
            k++;
        if (k < src.length && src[k] === c)
            j = k;
        map.push(start + Math.min(j, Math.max(0, src.length - 1)));
        j++;
    }
    return { value, start, end, quoted: n.type !== 'PLAIN', map };
}
/** How many non-blank characters of a word's value do not sit at their mapped source offset. */
function misplaced(text, w) {
    let bad = 0;
    for (let k = 0; k < w.value.length; k++) {
        const c = w.value[k];
        if (c !== ' ' && c !== '\n' && c !== '\t' && text[w.map[k]] !== c)
            bad++;
    }
    return bad;
}
/**
 * Source offset of each character of a scalar's value (see scalarWordNear),
 * realigned when that map misses characters. scalarWordNear looks for each
 * character at most 8 source characters ahead, so a block scalar (or a
 * folded plain one) indented deeper than that — a workflow step's `run: |`
 * body sits at column 10 — maps its characters onto the indentation. Here
 * source blanks are skipped without a bound before each non-blank character
 * (indentation and folding are blanks), and the 8-character window is kept
 * only for escapes. The better of the two maps is used.
 */
function scalarWord(file, n) {
    const w = scalarWordNear(file, n);
    const text = file.text;
    const badBefore = misplaced(text, w);
    if (badBefore === 0)
        return w;
    const end = Math.min(w.end, text.length);
    let j = w.start;
    const src0 = text[j];
    if (src0 === '|' || src0 === '>') {
        const nl = text.indexOf('\n', j);
        j = nl < 0 || nl >= end ? end : nl + 1;
    }
    else if (src0 === '"' || src0 === "'")
        j++;
    const blank = (ch) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
    const map = [];
    const last = Math.max(w.start, end - 1);
    for (let k = 0; k < w.value.length; k++) {
        const c = w.value[k];
        if (c === ' ' || c === '\n' || c === '\t') {
            if (c === '\n' && text[j] === '\r' && text[j + 1] === '\n')
                j++;
            map.push(Math.min(j, last));
            // An escape (\n, \t in double quotes) stands for this character: step over it.
            j += text[j] === '\\' && j + 1 < end ? 2 : 1;
            continue;
        }
        let b = j;
        while (b < end && blank(text[b]))
            b++;
        let m = b;
        while (m < end && text[m] !== c && m - b < 8)
            m++;
        j = m < end && text[m] === c ? m : b;
        map.push(Math.min(j, last));
        j++;
    }
    const aligned = { ...w, map };
    return misplaced(text, aligned) < badBefore ? aligned : w;
}


/***/ }),

/***/ 4069:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ location),
/* harmony export */   LC: () => (/* binding */ fixDiff),
/* harmony export */   kU: () => (/* binding */ atOrAbove),
/* harmony export */   tQ: () => (/* binding */ counts)
/* harmony export */ });
/* harmony import */ var _fix_text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5444);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4998);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8522);
/** Helpers every reporter shares. */



function counts(findings) {
    const c = { error: 0, warning: 0, note: 0, total: findings.length };
    for (const f of findings)
        c[f.severity]++;
    return c;
}
/**
 * The fix of one finding as a unified diff (one block per file it touches);
 * undefined when there is no fix or an edit does not apply. Files come from
 * the fix itself, else from `files`; paths can be mapped for display.
 */
function fixDiff(f, opts = {}) {
    const edits = f.fix?.edits ?? [];
    if (edits.length === 0)
        return undefined;
    let out = '';
    for (const p of [...new Set(edits.map((e) => e.path))]) {
        const file = f.fix?.files?.find((x) => x.path === p) ?? opts.files?.get(p) ?? (p === f.span.file.path ? f.span.file : undefined);
        if (!file)
            return undefined;
        try {
            out += (0,_fix_text_js__WEBPACK_IMPORTED_MODULE_0__/* .unifiedDiff */ .WH)(opts.repoPath ? opts.repoPath(p) : p, file.text, (0,_fix_text_js__WEBPACK_IMPORTED_MODULE_0__/* .applyEdits */ .ct)(file.text, edits.filter((e) => e.path === p)), opts.context);
        }
        catch {
            return undefined;
        }
    }
    return out === '' ? undefined : out;
}
function location(f) {
    return (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .toLocation */ .nc)(f.span);
}
function atOrAbove(s, threshold) {
    return threshold !== 'never' && _types_js__WEBPACK_IMPORTED_MODULE_2__/* .SEVERITY_ORDER */ .B[s] >= _types_js__WEBPACK_IMPORTED_MODULE_2__/* .SEVERITY_ORDER */ .B[threshold];
}


/***/ }),

/***/ 7496:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ safeTerminal)
/* harmony export */ });
/** Text for a terminal from untrusted sources (paths, messages quoting the scanned repository). */
/** Keep control characters from the scanned repository out of the terminal. */
function safeTerminal(s) {
    return s.replace(/[\x00-\x08\x0b-\x1f\x7f\x9b]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}


/***/ }),

/***/ 5679:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Uj: () => (/* binding */ ALL_RULES),
  y0: () => (/* binding */ RULES),
  rj: () => (/* binding */ resolveRule),
  Cg: () => (/* binding */ ruleDocUrl)
});

// UNUSED EXPORTS: DOCS_BASE, ruleMeta

// EXTERNAL MODULE: ./src/parse/yaml-lib.ts
var yaml_lib = __nccwpck_require__(3078);
// EXTERNAL MODULE: ./src/parse/jsonc-lib.ts
var jsonc_lib = __nccwpck_require__(4026);
// EXTERNAL MODULE: ./src/fix/text.ts
var fix_text = __nccwpck_require__(5444);
;// CONCATENATED MODULE: ./src/fix/jsonc-edit.ts

function lineStartAt(text, off) {
    return text.lastIndexOf('\n', off - 1) + 1;
}
function lineEndAfter(text, off) {
    const nl = text.indexOf('\n', off);
    return nl < 0 ? text.length : nl + 1;
}
function indentOf(text, off) {
    const ls = lineStartAt(text, off);
    return /^[ \t]*/.exec(text.slice(ls))[0];
}
function sameLine(text, a, b) {
    return !text.slice(Math.min(a, b), Math.max(a, b)).includes('\n');
}
function eolOf(text) {
    return text.includes('\r\n') ? '\r\n' : '\n';
}
/** Skip whitespace and comments forward. */
function skipTrivia(text, off) {
    let i = off;
    for (;;) {
        while (i < text.length && /\s/.test(text[i]))
            i++;
        if (text.startsWith('//', i)) {
            const nl = text.indexOf('\n', i);
            i = nl < 0 ? text.length : nl;
            continue;
        }
        if (text.startsWith('/*', i)) {
            const e = text.indexOf('*/', i + 2);
            i = e < 0 ? text.length : e + 2;
            continue;
        }
        return i;
    }
}
function fallback(text, path, value, isArrayInsertion = false) {
    return (0,jsonc_lib/* applyEdits */.ct)(text, (0,jsonc_lib/* modify */.JP)(text, path, value, { isArrayInsertion }));
}

/** Remove a child (property or array element) of a container node. */
function removeChild(text, container, child) {
    const kids = container.children ?? [];
    const i = kids.indexOf(child);
    const start = child.offset;
    const end = child.offset + child.length;
    const afterEnd = skipTrivia(text, end);
    const hasComma = text[afterEnd] === ',';
    const restStart = hasComma ? afterEnd + 1 : end;
    const ls = lineStartAt(text, start);
    const ownLine = text.slice(ls, start).trim() === '' && /^[ \t]*(\/\/[^\n]*)?\r?\n/.test(text.slice(restStart) + '\n');
    if (!ownLine) {
        // Inline: take the entry with the separator on one side, nothing else.
        const next = kids[i + 1];
        const prev = kids[i - 1];
        if (next)
            return text.slice(0, start) + text.slice(next.offset);
        if (prev)
            return text.slice(0, prev.offset + prev.length) + text.slice(restStart);
        return text.slice(0, start) + text.slice(restStart);
    }
    let out = text.slice(0, ls) + text.slice(lineEndAfter(text, restStart));
    if (i === kids.length - 1 && i > 0 && !hasComma) {
        // It was the last entry: drop the comma after the one before it.
        const prev = kids[i - 1];
        const c = skipTrivia(out, prev.offset + prev.length);
        if (out[c] === ',')
            out = out.slice(0, c) + out.slice(c + 1);
    }
    return out;
}
function removeAt(text, path) {
    const root = (0,jsonc_lib/* parseJsonc */.pX)(text);
    if (!root)
        return fallback(text, path, undefined);
    const node = (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, path);
    if (!node)
        return text;
    // For a property, remove the property node (key + value).
    const target = node.parent?.type === 'property' ? node.parent : node;
    const container = target.parent;
    if (!container)
        return text;
    return removeChild(text, container, target);
}
/** Add a property at the end of the object at path (root when []). valueJson is serialised JSON. */
function insertProperty(text, objectPath, key, valueJson) {
    const root = (0,jsonc_lib/* parseJsonc */.pX)(text);
    const obj = root ? (objectPath.length === 0 ? root : (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, objectPath)) : undefined;
    const props = obj?.children ?? [];
    const last = props[props.length - 1];
    if (!obj || obj.type !== 'object' || !last || sameLine(text, obj.offset, last.offset))
        return fallback(text, [...objectPath, key], JSON.parse(valueJson));
    const indent = indentOf(text, last.offset);
    return insertAfterEntry(text, last, `${JSON.stringify(key)}: ${valueJson}`, indent);
}
/**
 * Insert a new entry on its own line after `last`: a comma after `last` when it
 * has none, and the entry after a line comment that ends last's line (the
 * comment stays with the entry it describes).
 */
function insertAfterEntry(text, last, entryText, indent) {
    const end = last.offset + last.length;
    const nl = eolOf(text);
    let after = end;
    while (after < text.length && (text[after] === ' ' || text[after] === '\t'))
        after++;
    const hasComma = text[after] === ',';
    const commaEnd = hasComma ? after + 1 : end;
    const le = text.indexOf('\n', commaEnd);
    const lineEnd = le < 0 ? text.length : text[le - 1] === '\r' ? le - 1 : le;
    const rest = text.slice(commaEnd, lineEnd);
    const at = /^\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(rest) ? lineEnd : commaEnd;
    const entry = `${nl}${indent}${entryText}${hasComma ? ',' : ''}`;
    if (hasComma)
        return text.slice(0, at) + entry + text.slice(at);
    return text.slice(0, end) + ',' + text.slice(end, at) + entry + text.slice(at);
}
/** Append an item to the array at path. valueJson is serialised JSON. */
function appendItem(text, arrayPath, valueJson) {
    const root = (0,jsonc_lib/* parseJsonc */.pX)(text);
    const arr = root ? (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, arrayPath) : undefined;
    if (!arr || arr.type !== 'array')
        return fallback(text, [...arrayPath, 0], JSON.parse(valueJson), true);
    const items = arr.children ?? [];
    const last = items[items.length - 1];
    if (!last)
        return text.slice(0, arr.offset + 1) + valueJson + text.slice(arr.offset + arr.length - 1);
    const end = last.offset + last.length;
    const after = skipTrivia(text, end);
    const comma = text[after] === ',';
    if (sameLine(text, arr.offset, last.offset)) {
        return comma ? text.slice(0, after + 1) + ` ${valueJson},` + text.slice(after + 1) : text.slice(0, end) + `, ${valueJson}` + text.slice(end);
    }
    return insertAfterEntry(text, last, valueJson, indentOf(text, last.offset));
}
/** Set a top-level scalar property (replace its value, or add it). */
function setProperty(text, key, valueJson) {
    const root = (0,jsonc_lib/* parseJsonc */.pX)(text);
    const node = root ? (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, [key]) : undefined;
    if (node)
        return text.slice(0, node.offset) + valueJson + text.slice(node.offset + node.length);
    return insertProperty(text, [], key, valueJson);
}

// EXTERNAL MODULE: ./src/source.ts
var source = __nccwpck_require__(4998);
// EXTERNAL MODULE: ./src/parse/yaml.ts
var yaml = __nccwpck_require__(8852);
;// CONCATENATED MODULE: ./src/fix/yaml-edit.ts



function col(file, offset) {
    return (0,source/* positionAt */.t$)(file, offset).column - 1;
}
/** Back up over whitespace to the last meaningful character before offset. */
function lastContent(file, offset) {
    let o = Math.min(offset, file.text.length);
    while (o > 0 && /\s/.test(file.text[o - 1]))
        o--;
    return Math.max(0, o - 1);
}
const seqIndents = new WeakMap();
const mapIndents = new WeakMap();
/** How far a block sequence's dash sits to the right of its key, as the file does it (worked out once per file: every fix asks). */
function seqIndent(y) {
    let n = seqIndents.get(y);
    if (n === undefined)
        seqIndents.set(y, (n = findSeqIndent(y)));
    return n;
}
function findSeqIndent(y) {
    const file = y.file;
    let found;
    const visit = (n, depth) => {
        if (found !== undefined || depth > 50 || !n)
            return;
        if ((0,yaml_lib/* isMap */.jh)(n)) {
            for (const p of n.items) {
                const v = p.value;
                const k = p.key;
                if (v && (0,yaml_lib/* isSeq */.oP)(v) && v.flow !== true && v.items.length > 0 && k?.range) {
                    const first = v.items[0];
                    if (first?.range) {
                        const dash = file.text.lastIndexOf('-', first.range[0]);
                        if (dash >= 0 && (0,source/* positionAt */.t$)(file, dash).line !== (0,source/* positionAt */.t$)(file, k.range[0]).line) {
                            found = col(file, dash) - col(file, k.range[0]);
                            return;
                        }
                    }
                }
                visit(v, depth + 1);
            }
        }
        else if ((0,yaml_lib/* isSeq */.oP)(n)) {
            for (const i of n.items)
                visit(i, depth + 1);
        }
    };
    for (const d of y.docs)
        visit(d.contents, 0);
    return found !== undefined && found >= 0 && found <= 8 ? found : 2;
}
/** Indentation step of block maps in this file (child key column − parent key column), worked out once per file. */
function mapIndent(y) {
    let n = mapIndents.get(y);
    if (n === undefined)
        mapIndents.set(y, (n = findMapIndent(y)));
    return n;
}
function findMapIndent(y) {
    const file = y.file;
    for (const d of y.docs) {
        const c = d.contents;
        if (!c || !(0,yaml_lib/* isMap */.jh)(c))
            continue;
        for (const p of c.items) {
            const v = p.value;
            const k = p.key;
            if (v && (0,yaml_lib/* isMap */.jh)(v) && !v.flow && v.items.length > 0 && k?.range) {
                const ck = v.items[0].key;
                if (ck?.range) {
                    const step = col(file, ck.range[0]) - col(file, k.range[0]);
                    if (step > 0 && step <= 8)
                        return step;
                }
            }
        }
    }
    return 2;
}
function quoteLike(sample, value) {
    // Already quoted by the caller (e.g. "127.0.0.1:2345:2345"): keep as is.
    if (/^(["']).*\1$/.test(value))
        return value;
    if (sample && (0,yaml_lib/* isScalar */.jn)(sample)) {
        const t = sample.type;
        if (t === 'QUOTE_DOUBLE')
            return `"${value}"`;
        if (t === 'QUOTE_SINGLE')
            return `'${value}'`;
    }
    return value;
}
/** Lines for `path[0]: … path[n-1]: [item]` as a new block at the given key column. */
function newBlock(keyCol, step, sIndent, path, item, nl) {
    let out = '';
    let c = keyCol;
    for (let i = 0; i < path.length; i++) {
        out += `${nl}${' '.repeat(c)}${path[i]}:`;
        if (i < path.length - 1)
            c += step;
    }
    out += `${nl}${' '.repeat(c + sIndent)}- ${item}`;
    return out;
}
/**
 * Make sure `item` is in the sequence at `path` under `map`, creating keys as
 * needed. Returns edits on the original text, or undefined when the shape is
 * one we do not edit (flow maps, aliases, odd values).
 */
function ensureSeqItem(y, map, path, item) {
    const file = y.file;
    const nl = (0,source/* eol */.p3)(file);
    const step = mapIndent(y);
    const sIndent = seqIndent(y);
    let node = map;
    for (let i = 0; i < path.length; i++) {
        if (!node || !(0,yaml_lib/* isMap */.jh)(node) || node.flow)
            return undefined;
        const m = node;
        // Only the map's own pairs are edited (never an anchor's, which other places share).
        const pair = m.items.find((p) => (0,yaml/* keyOf */.TN)(p) === path[i]);
        const rest = path.slice(i);
        if (!pair) {
            const last = m.items[m.items.length - 1];
            const firstKey = m.items[0]?.key;
            if (!last || !firstKey?.range)
                return undefined;
            const end = last.value?.range?.[1] ?? last.key?.range?.[1];
            if (end === undefined)
                return undefined;
            const at = (0,source/* lineContentEnd */.p4)(file, lastContent(file, end));
            return [{ path: file.path, start: at, end: at, text: newBlock(col(file, firstKey.range[0]), step, sIndent, rest, item, nl) }];
        }
        const value = pair.value;
        const keyNode = pair.key;
        if (!keyNode?.range)
            return undefined;
        const isNull = !value || ((0,yaml_lib/* isScalar */.jn)(value) && (value.value === null || value.value === ''));
        if (isNull) {
            if (value && (0,yaml_lib/* isScalar */.jn)(value) && value.range && value.range[1] > value.range[0])
                return undefined; // explicit `~` or `null`
            const at = (0,source/* lineContentEnd */.p4)(file, keyNode.range[1]);
            const kc = col(file, keyNode.range[0]);
            const lines = newBlock(kc + step, step, sIndent, rest.slice(1), item, nl);
            if (rest.length === 1)
                return [{ path: file.path, start: at, end: at, text: `${nl}${' '.repeat(kc + sIndent)}- ${item}` }];
            return [{ path: file.path, start: at, end: at, text: lines }];
        }
        if (i < path.length - 1) {
            node = value;
            continue;
        }
        // The sequence itself.
        if (!(0,yaml_lib/* isSeq */.oP)(value))
            return undefined;
        const seq = value;
        const existing = seq.items.map((it) => (0,yaml/* deref */.LA)(y, it));
        if (existing.some((e) => e && (0,yaml_lib/* isScalar */.jn)(e) && String(e.value).toUpperCase().replace(/^CAP_/, '') === item.toUpperCase().replace(/^CAP_/, '')))
            return [];
        const sample = existing[existing.length - 1];
        const text = quoteLike(sample, item);
        if (seq.flow) {
            const r = seq.range;
            if (!r)
                return undefined;
            let close = r[1] - 1;
            while (close > r[0] && file.text[close] !== ']')
                close--;
            if (file.text[close] !== ']')
                return undefined;
            if (existing.length === 0)
                return [{ path: file.path, start: close, end: close, text }];
            const lastItem = seq.items[seq.items.length - 1];
            const after = lastItem?.range?.[1] ?? close;
            return [{ path: file.path, start: after, end: after, text: `, ${text}` }];
        }
        const lastItem = seq.items[seq.items.length - 1];
        if (!lastItem?.range)
            return undefined;
        const ls = (0,source/* lineStart */.PT)(file, (0,source/* positionAt */.t$)(file, lastItem.range[0]).line);
        const prefix = file.text.slice(ls, lastItem.range[0]);
        if (!/^\s*-\s+$/.test(prefix))
            return undefined;
        const at = (0,source/* lineContentEnd */.p4)(file, lastContent(file, lastItem.range[1]));
        return [{ path: file.path, start: at, end: at, text: `${nl}${prefix}${text}` }];
    }
    return undefined;
}
/** Remove a block-map pair, whole lines (its comments above stay). */
function removePair(y, map, pair) {
    const file = y.file;
    if (map.flow)
        return undefined;
    const k = pair.key;
    if (!k?.range)
        return undefined;
    const start = (0,source/* lineStart */.PT)(file, (0,source/* positionAt */.t$)(file, k.range[0]).line);
    if (file.text.slice(start, k.range[0]).trim() !== '' && !/^\s*-\s*$/.test(file.text.slice(start, k.range[0])))
        return undefined;
    const v = pair.value;
    const endOff = lastContent(file, v?.range?.[1] ?? k.range[1]);
    const end = (0,source/* lineEndWithBreak */.zm)(file, endOff);
    return [{ path: file.path, start, end, text: '' }];
}
/** Remove one item of a sequence; when it is the only one, remove the whole key. */
function removeSeqItem(y, map, key, item) {
    const file = y.file;
    const pair = map.items.find((p) => (0,yaml/* keyOf */.TN)(p) === key);
    if (!pair || !(0,yaml_lib/* isSeq */.oP)(pair.value))
        return undefined;
    const seq = pair.value;
    const idx = seq.items.indexOf(item);
    if (idx < 0 || !item.range)
        return undefined;
    if (seq.items.length === 1)
        return removePair(y, map, pair);
    if (seq.flow) {
        // Remove the item and one neighbouring comma.
        const prev = seq.items[idx - 1];
        const next = seq.items[idx + 1];
        if (next?.range)
            return [{ path: file.path, start: item.range[0], end: next.range[0], text: '' }];
        if (prev?.range)
            return [{ path: file.path, start: prev.range[1], end: item.range[1], text: '' }];
        return undefined;
    }
    const start = (0,source/* lineStart */.PT)(file, (0,source/* positionAt */.t$)(file, item.range[0]).line);
    const end = (0,source/* lineEndWithBreak */.zm)(file, lastContent(file, item.range[1]));
    return [{ path: file.path, start, end, text: '' }];
}
/** The pair holding a key in a map's own items (not merged ones). */
function ownPair(map, key) {
    if (!map || !(0,yaml_lib/* isMap */.jh)(map))
        return undefined;
    return map.items.find((p) => (0,yaml/* keyOf */.TN)(p) === key);
}
/** Where a new pair of a block map goes: after its last pair's content, at its keys' column. */
function newPairAt(y, map) {
    const file = y.file;
    if (map.flow)
        return undefined;
    const last = map.items[map.items.length - 1];
    const firstKey = map.items[0]?.key;
    if (!last || !firstKey?.range)
        return undefined;
    const end = last.value?.range?.[1] ?? last.key?.range?.[1];
    if (end === undefined)
        return undefined;
    return { at: (0,source/* lineContentEnd */.p4)(file, lastContent(file, end)), col: col(file, firstKey.range[0]) };
}
/**
 * A new pair `key:` with a block sequence of `items` (`key: []` for none)
 * after the map's last pair: to give a service its own list where it got one
 * through a merge key (`<<: *debug`), which an own key replaces whole.
 */
function addSeqPair(y, map, key, items) {
    const p = newPairAt(y, map);
    if (!p || ownPair(map, key))
        return undefined;
    const nl = (0,source/* eol */.p3)(y.file);
    const pad = ' '.repeat(p.col);
    const body = items.length === 0 ? `${nl}${pad}${key}: []` : `${nl}${pad}${key}:${items.map((i) => `${nl}${pad}${' '.repeat(seqIndent(y))}- ${i}`).join('')}`;
    return [{ path: y.file.path, start: p.at, end: p.at, text: body }];
}
/** A new pair `key: value` (a plain scalar) after the map's last pair. */
function addScalarPair(y, map, key, value) {
    const p = newPairAt(y, map);
    if (!p || ownPair(map, key))
        return undefined;
    return [{ path: y.file.path, start: p.at, end: p.at, text: `${(0,source/* eol */.p3)(y.file)}${' '.repeat(p.col)}${key}: ${value}` }];
}

// EXTERNAL MODULE: ./src/model/compose.ts + 1 modules
var compose = __nccwpck_require__(4206);
// EXTERNAL MODULE: ./src/model/caps.ts
var model_caps = __nccwpck_require__(1064);
;// CONCATENATED MODULE: ./src/fix/editors.ts










const NO_EDITS = {
    addCapability: () => undefined,
    replaceSecurityOpt: () => undefined,
    replacePrivileged: () => undefined,
};
const editors = new WeakMap();
/** The editor of a launch's own file, built from the locations the launch carries. */
function editorFor(l) {
    let e = editors.get(l);
    if (!e) {
        e = buildEditor(l);
        editors.set(l, e);
    }
    return e;
}
function buildEditor(l) {
    const src = l.source;
    switch (src.kind) {
        case 'compose':
            return composeEditor(src.service, src.main, src.anchors);
        case 'kubernetes':
            return kubernetesEditor({ y: src.y, container: src.container, name: src.name });
        case 'run':
            return runLineEditor({ file: src.file, insertAt: src.insertAt, flags: src.flags });
        case 'kubectl-debug':
            return kubectlDebugEditor(src.file, src.insertAt, src.flags);
        case 'devcontainer': {
            const file = src.doc.file;
            const own = devcontainerEditor({ file, root: src.doc.root, grantedWithoutPrivileged: (cap) => l.grantedBy !== undefined || (0,model_caps/* hasCapability */.p0)(cap, l.capAdd, l.capDrop, false) });
            if (!src.compose)
                return own;
            // Settings that live in the Compose file are edited there.
            const composeEd = composeEditor(src.compose.service, src.compose.main, src.compose.anchors);
            return {
                ...own,
                replaceSecurityOpt: (opt, cap) => (opt.span.file === file ? own.replaceSecurityOpt(opt, cap) : composeEd.replaceSecurityOpt(opt, cap)),
                replacePrivileged: (cap) => (l.privileged && l.privileged.span.file !== file ? composeEd.replacePrivileged(cap) : own.replacePrivileged(cap)),
                ...(composeEd.bindPortToLoopback ? { bindPortToLoopback: composeEd.bindPortToLoopback } : {}),
            };
        }
        default:
            return NO_EDITS;
    }
}
/**
 * Apply edits per file and return them as whole-line edits (what a suggestion
 * replaces). The edited files are not re-parsed here: the engine validates
 * each file once with all the fixes of the scan applied (fix/settle.ts), and
 * drops a fix that breaks its file before anything is offered.
 */
function makeFix(description, edits, files) {
    if (!edits || edits.length === 0)
        return undefined;
    const byPath = new Map();
    for (const e of edits) {
        const list = byPath.get(e.path);
        if (list)
            list.push(e);
        else
            byPath.set(e.path, [e]);
    }
    const out = [];
    for (const [path, es] of byPath) {
        const file = files.find((f) => f.path === path);
        if (!file)
            return undefined;
        try {
            out.push(...(0,fix_text/* wholeLineEdits */.d9)(file, es));
        }
        catch {
            return undefined;
        }
    }
    return out.length > 0 ? { description, edits: out, files: files.filter((f) => byPath.has(f.path)), raw: edits } : undefined;
}
/** Replace a whole pair's lines with `key:\n  - item` at the same indentation. */
function replacePairWithSeq(layer, oldKey, newKey, item) {
    const file = layer.y.file;
    const pair = ownPair(layer.map, oldKey);
    const k = pair?.key;
    if (!pair || !k?.range || layer.map.flow)
        return undefined;
    const rm = removePair(layer.y, layer.map, pair);
    if (!rm || rm.length !== 1)
        return undefined;
    const indent = file.text.slice((0,source/* lineStart */.PT)(file, (0,source/* positionAt */.t$)(file, k.range[0]).line), k.range[0]);
    if (indent.trim() !== '')
        return undefined;
    const nl = (0,source/* eol */.p3)(file);
    const text = `${indent}${newKey}:${nl}${indent}${' '.repeat(seqIndent(layer.y))}- ${item}${nl}`;
    return [{ ...rm[0], text }];
}
function keySource(svc, key) {
    for (let i = svc.layers.length - 1; i >= 0; i--) {
        const l = svc.layers[i];
        const own = ownPair(l.map, key);
        if (own)
            return { y: l.y, map: l.map, pair: own, layer: l };
        if (!(0,yaml/* getPair */.xf)(l.y, l.map, key))
            continue;
        for (const m of (0,compose/* mergeSources */.Rf)(l.y, l.map)) {
            const p = ownPair(m, key);
            if (p)
                return { y: l.y, map: m, pair: p, layer: l, anchor: m };
        }
        return undefined;
    }
    return undefined;
}
/** One fix that makes the changes of several (their edits as the editors made them, applied together). */
function combineFixes(description, fixes) {
    const parts = fixes.filter((f) => !!f && !!f.raw);
    if (parts.length === 0)
        return undefined;
    if (parts.length === 1)
        return { ...parts[0], description };
    const files = [...new Map(parts.flatMap((f) => f.files ?? []).map((f) => [f.path, f])).values()];
    return makeFix(description, parts.flatMap((f) => f.raw), files);
}
function scalarItems(y, pair) {
    const v = (0,yaml/* deref */.LA)(y, pair.value);
    return v && (0,yaml_lib/* isSeq */.oP)(v) ? v.items : [];
}
/**
 * The Compose editor. A setting an anchor supplies (`<<: *debug`) is edited
 * in the anchor when every service that merges it is a debugging container
 * (`anchors` says, from the model), else overridden in the service itself:
 * an own key replaces a merged one whole, so the override copies what the
 * anchor gave and changes only what the fix changes.
 */
function composeEditor(svc, main, anchors) {
    const files = () => svc.layers.map((l) => l.y.file);
    const editable = (src) => !src.anchor || anchors?.get(src.anchor) === true;
    const copyOf = (y, pair, drop) => scalarItems(y, pair).filter((n) => n !== drop).map((n) => (n.range ? y.file.text.slice(n.range[0], n.range[1]) : String(n.value)));
    /** Edits that put cap in the service's effective cap_add. */
    // New settings go into the debug override when the base file is one production shares.
    const target = svc.debugLayer ?? main;
    const addEdits = (cap) => {
        const src = keySource(svc, 'cap_add');
        if (!src)
            return ensureSeqItem(target.y, target.map, ['cap_add'], cap);
        if (scalarItems(src.y, src.pair).some((n) => (0,yaml_lib/* isScalar */.jn)(n) && String(n.value).toUpperCase().replace(/^CAP_/, '') === cap))
            return [];
        if (editable(src))
            return ensureSeqItem(src.y, src.map, ['cap_add'], cap);
        // The anchor is shared with services that do not debug: the service gets its own list.
        return addSeqPair(src.layer.y, src.layer.map, 'cap_add', [...copyOf(src.y, src.pair), cap]);
    };
    const hasCapKey = () => svc.layers.some((l) => (0,yaml/* getPair */.xf)(l.y, l.map, 'cap_add'));
    return {
        addCapability(cap) {
            const where = svc.debugLayer && !keySource(svc, 'cap_add') ? ` in ${svc.debugLayer.y.file.path} (the override with the debug settings; ${svc.file.path} is the base file production runs too)` : '';
            return makeFix(`Add ${cap} to cap_add of service "${svc.name}"${where}`, addEdits(cap), files());
        },
        replaceSecurityOpt(opt, cap) {
            const src = keySource(svc, 'security_opt');
            if (!src || src.y.file !== opt.span.file || !(0,yaml_lib/* isSeq */.oP)((0,yaml/* deref */.LA)(src.y, src.pair.value)))
                return undefined;
            const seq = (0,yaml/* deref */.LA)(src.y, src.pair.value);
            const node = seq.items.find((i) => i?.range?.[0] === opt.span.start);
            if (!node)
                return undefined;
            const desc = `Replace "${opt.value}" with cap_add: [${cap}] in service "${svc.name}"`;
            if (!editable(src)) {
                // Shared anchor: the service overrides the list without it, and gets the capability.
                const rest = addSeqPair(src.layer.y, src.layer.map, 'security_opt', copyOf(src.y, src.pair, node));
                const add = addEdits(cap);
                if (!rest || !add)
                    return undefined;
                return makeFix(`${desc} (the anchor is shared with other services, so the service overrides it)`, [...rest, ...add], files());
            }
            const layer = { y: src.y, map: src.map };
            if (seq.items.length === 1 && !hasCapKey())
                return makeFix(desc, replacePairWithSeq(layer, 'security_opt', 'cap_add', cap), files());
            const rm = removeSeqItem(src.y, src.map, 'security_opt', node);
            const add = addEdits(cap);
            if (!rm || !add)
                return undefined;
            return makeFix(desc, [...rm, ...add], files());
        },
        replacePrivileged(cap) {
            const src = keySource(svc, 'privileged');
            if (!src)
                return undefined;
            const desc = `Replace privileged: true with cap_add: [${cap}] in service "${svc.name}"`;
            if (!editable(src)) {
                const off = addScalarPair(src.layer.y, src.layer.map, 'privileged', 'false');
                const add = addEdits(cap);
                if (!off || !add)
                    return undefined;
                return makeFix(`${desc} (the anchor is shared with other services, so the service overrides it)`, [...off, ...add], files());
            }
            const layer = { y: src.y, map: src.map };
            if (!hasCapKey())
                return makeFix(desc, replacePairWithSeq(layer, 'privileged', 'cap_add', cap), files());
            const rm = removePair(src.y, src.map, src.pair);
            const add = addEdits(cap);
            if (!rm || !add)
                return undefined;
            return makeFix(desc, [...rm, ...add], files());
        },
        publishPort(port) {
            const l = [...svc.layers].reverse().find((x) => ownPair(x.map, 'ports')) ?? main;
            return makeFix(`Publish port ${port} on 127.0.0.1 for service "${svc.name}"`, ensureSeqItem(l.y, l.map, ['ports'], `"127.0.0.1:${port}:${port}"`), files());
        },
        bindPortToLoopback(port) {
            const file = port.span.file;
            const raw = file.text.slice(port.span.start, port.span.end);
            const m = /^(["']?)(.*?)(["']?)$/s.exec(raw);
            if (!m || raw.includes('\n'))
                return undefined;
            const hostPort = port.hostPort || port.containerPort;
            let value = `127.0.0.1:${hostPort}:${port.containerPort}${port.protocol !== 'tcp' ? `/${port.protocol}` : ''}`;
            if (m[2].includes('$')) {
                // Written with variables: keep them, only the host address changes (never a value from .env).
                const parts = (0,compose/* splitPortSpec */.RJ)(m[2]);
                if (parts.length === 1)
                    value = `127.0.0.1:${parts[0]}:${parts[0]}`;
                else if (parts.length === 2)
                    value = `127.0.0.1:${parts[0]}:${parts[1]}`;
                else if (parts.length === 3 && parts[0].includes('$'))
                    value = `127.0.0.1:${parts[1]}:${parts[2]}`;
                else
                    return undefined;
            }
            const q = m[1] || '"';
            return makeFix(`Publish port ${port.containerPort} on 127.0.0.1 only`, [{ path: file.path, start: port.span.start, end: port.span.end, text: `${q}${value}${q}` }], files());
        },
    };
}
function kubernetesEditor(ref) {
    const file = ref.y.file;
    const add = (cap) => ensureSeqItem(ref.y, ref.container, ['securityContext', 'capabilities', 'add'], cap);
    const sc = () => {
        const p = ownPair(ref.container, 'securityContext');
        return p && p.value?.items ? p.value : undefined;
    };
    return {
        addCapability(cap) {
            return makeFix(`Add ${cap} to securityContext.capabilities.add of container "${ref.name}"`, add(cap), [file]);
        },
        replaceSecurityOpt(opt, cap) {
            // seccompProfile: {type: Unconfined} → remove the seccompProfile and add the capability.
            const s = sc();
            const p = s ? ownPair(s, 'seccompProfile') : undefined;
            if (!s || !p)
                return undefined;
            const rm = removePair(ref.y, s, p);
            const a = add(cap);
            if (!rm || !a)
                return undefined;
            void opt;
            return makeFix(`Replace seccompProfile Unconfined with the ${cap} capability in container "${ref.name}"`, [...rm, ...a], [file]);
        },
        replacePrivileged(cap) {
            const s = sc();
            const p = s ? ownPair(s, 'privileged') : undefined;
            if (!s || !p)
                return undefined;
            const rm = removePair(ref.y, s, p);
            const a = add(cap);
            if (!rm || !a)
                return undefined;
            // Removing the only key would leave an empty map; removePair then adding keeps it valid.
            return makeFix(`Replace privileged: true with the ${cap} capability in container "${ref.name}"`, [...rm, ...a], [file]);
        },
    };
}
// ---------- devcontainer.json ----------
function formattingOf(text) {
    const m = /\n([ \t]+)"/.exec(text);
    const indent = m?.[1] ?? '\t';
    return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}
/** Remove the entry at path, or add/append a value, keeping the file's layout. */
function jsonModify(text, path, value, isArrayInsertion = false) {
    if (value === undefined)
        return removeAt(text, path);
    const last = path[path.length - 1];
    if (isArrayInsertion && typeof last === 'number')
        return appendItem(text, path.slice(0, -1), JSON.stringify(value));
    if (typeof last === 'string' && path.length === 1)
        return setProperty(text, last, JSON.stringify(value));
    return (0,jsonc_lib/* applyEdits */.ct)(text, (0,jsonc_lib/* modify */.JP)(text, path, value, { formattingOptions: formattingOf(text), isArrayInsertion }));
}
/** Edits for a devcontainer.json, as a new text; undefined when the shape is unexpected. */
function devcontainerAddCap(text, root, cap) {
    const arr = (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, ['capAdd']);
    if (arr) {
        if (arr.type !== 'array')
            return undefined;
        if ((arr.children ?? []).some((c) => typeof c.value === 'string' && c.value.toUpperCase().replace(/^CAP_/, '') === cap))
            return text;
        return jsonModify(text, ['capAdd', arr.children?.length ?? 0], cap, true);
    }
    return jsonModify(text, ['capAdd'], [cap]);
}
function devcontainerEditor(ref) {
    const { file } = ref;
    const fix = (description, after) => {
        if (after === undefined || after === file.text)
            return undefined;
        return makeFix(description, [{ path: file.path, start: 0, end: file.text.length, text: after }], [file]);
    };
    /** Indexes of runArgs entries that make up the option at span (one or two entries). */
    const runArgsIndexes = (span) => {
        const runArgs = (0,jsonc_lib/* findNodeAtLocation */.Wc)(ref.root, ['runArgs']);
        const kids = runArgs?.children ?? [];
        const i = kids.findIndex((c) => c.offset <= span.start && span.start < c.offset + c.length);
        if (i < 0)
            return undefined;
        const v = String(kids[i].value);
        if (/^--(cap-add|security-opt|privileged)/.test(v) && (v.includes('=') || v === '--privileged'))
            return [i];
        if (/^--(cap-add|security-opt)$/.test(v))
            return [i, i + 1];
        const prev = kids[i - 1];
        if (prev && /^--(cap-add|security-opt)$/.test(String(prev.value)))
            return [i - 1, i];
        return [i];
    };
    const removeRunArgs = (text, idx) => {
        let t = text;
        for (const i of [...idx].sort((a, b) => b - a))
            t = jsonModify(t, ['runArgs', i], undefined);
        return t;
    };
    const withCap = (text, cap) => {
        if (ref.grantedWithoutPrivileged?.(cap))
            return text;
        // Re-read the tree after earlier edits.
        const root = (0,jsonc_lib/* parseJsonc */.pX)(text);
        return root ? devcontainerAddCap(text, root, cap) : undefined;
    };
    return {
        addCapability(cap) {
            return fix(`Add "capAdd": ["${cap}"] to ${file.path}`, devcontainerAddCap(file.text, ref.root, cap));
        },
        replaceSecurityOpt(opt, cap) {
            let t = file.text;
            const so = (0,jsonc_lib/* findNodeAtLocation */.Wc)(ref.root, ['securityOpt']);
            const i = (so?.children ?? []).findIndex((c) => c.offset === opt.span.start);
            if (i >= 0)
                t = (so.children.length === 1) ? jsonModify(t, ['securityOpt'], undefined) : jsonModify(t, ['securityOpt', i], undefined);
            else {
                const idx = runArgsIndexes(opt.span);
                if (!idx)
                    return undefined;
                t = removeRunArgs(t, idx);
            }
            return fix(ref.grantedWithoutPrivileged?.(cap) ? `Remove "${opt.value}" (${cap} is already granted)` : `Replace "${opt.value}" with "capAdd": ["${cap}"]`, withCap(t, cap));
        },
        replacePrivileged(cap) {
            let t = file.text;
            if ((0,jsonc_lib/* findNodeAtLocation */.Wc)(ref.root, ['privileged']))
                t = jsonModify(t, ['privileged'], undefined);
            else {
                const runArgs = (0,jsonc_lib/* findNodeAtLocation */.Wc)(ref.root, ['runArgs']);
                const i = (runArgs?.children ?? []).findIndex((c) => c.value === '--privileged' || c.value === '--privileged=true');
                if (i < 0)
                    return undefined;
                t = removeRunArgs(t, [i]);
            }
            return fix(ref.grantedWithoutPrivileged?.(cap) ? `Remove privileged (${cap} is already granted)` : `Replace privileged with "capAdd": ["${cap}"]`, withCap(t, cap));
        },
        publishPort(port) {
            const fp = (0,jsonc_lib/* findNodeAtLocation */.Wc)(ref.root, ['forwardPorts']);
            const n = Number(port);
            const value = Number.isFinite(n) ? n : port;
            const after = fp ? jsonModify(file.text, ['forwardPorts', fp.children?.length ?? 0], value, true) : jsonModify(file.text, ['forwardPorts'], [value]);
            return fix(`Forward port ${port} in ${file.path}`, after);
        },
        bindPortToLoopback(port) {
            // appPort / runArgs entries that are exactly the port spec: rewrite the string.
            if (port.span.file !== file)
                return undefined;
            const raw = file.text.slice(port.span.start, port.span.end);
            let current;
            try {
                current = JSON.parse(raw);
            }
            catch {
                return undefined;
            }
            if (typeof current !== 'string' || !/^[^-]/.test(current))
                return undefined;
            const hostPort = port.hostPort || port.containerPort;
            const value = `127.0.0.1:${hostPort}:${port.containerPort}${port.protocol !== 'tcp' ? `/${port.protocol}` : ''}`;
            return makeFix(`Publish port ${port.containerPort} on 127.0.0.1 only`, [{ path: file.path, start: port.span.start, end: port.span.end, text: JSON.stringify(value) }], [file]);
        },
    };
}
/**
 * Move runArgs entries (ignored when the dev container runs on Compose) into
 * capAdd / securityOpt / privileged, which do apply there.
 */
function devcontainerMoveRunArgs(file, root, moved, caps, secOpts, privileged) {
    const runArgs = (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, ['runArgs']);
    const kids = runArgs?.children ?? [];
    const idx = new Set();
    for (const m of moved) {
        const i = kids.findIndex((c) => c.offset === m.span.start);
        if (i < 0)
            continue;
        idx.add(i);
        const v = String(kids[i].value);
        if (/^--(cap-add|cap-drop|security-opt|user)$/.test(v) || v === '-u')
            idx.add(i + 1);
    }
    let t = file.text;
    if (idx.size >= kids.length)
        t = jsonModify(t, ['runArgs'], undefined);
    else
        for (const i of [...idx].sort((a, b) => b - a))
            t = jsonModify(t, ['runArgs', i], undefined);
    for (const c of caps) {
        const r = (0,jsonc_lib/* parseJsonc */.pX)(t);
        if (!r)
            return undefined;
        t = devcontainerAddCap(t, r, c) ?? t;
    }
    for (const s of secOpts) {
        const r = (0,jsonc_lib/* parseJsonc */.pX)(t);
        const so = r ? (0,jsonc_lib/* findNodeAtLocation */.Wc)(r, ['securityOpt']) : undefined;
        if (so && (so.children ?? []).some((c) => c.value === s))
            continue;
        t = so ? jsonModify(t, ['securityOpt', so.children?.length ?? 0], s, true) : jsonModify(t, ['securityOpt'], [s]);
    }
    if (privileged)
        t = jsonModify(t, ['privileged'], true);
    if (t === file.text)
        return undefined;
    return makeFix('Move these settings out of runArgs into properties that apply with Docker Compose', [{ path: file.path, start: 0, end: file.text.length, text: t }], [file]);
}
function removeRange(file, start, end) {
    // Also remove the whitespace before the flag (keep line continuations intact).
    let s = start;
    while (s > 0 && (file.text[s - 1] === ' ' || file.text[s - 1] === '\t'))
        s--;
    if (s > 0 && file.text[s - 1] === '\n') {
        // The flag starts its own continued line: remove the whole line instead.
        const ls = (0,source/* lineStart */.PT)(file, (0,source/* positionAt */.t$)(file, start).line);
        return { path: file.path, start: ls, end: (0,source/* lineEndWithBreak */.zm)(file, end), text: '' };
    }
    return { path: file.path, start: s, end, text: '' };
}
function runLineEditor(ref) {
    const { file } = ref;
    const addEdit = (cap) => ({ path: file.path, start: ref.insertAt, end: ref.insertAt, text: ` --cap-add=${cap}` });
    const hasCap = (cap) => ref.flags.some((f) => f.name === '--cap-add' && f.value.toUpperCase().replace(/^CAP_/, '') === cap);
    return {
        addCapability(cap) {
            return makeFix(`Add --cap-add=${cap} to the run command`, [addEdit(cap)], [file]);
        },
        replaceSecurityOpt(opt, cap) {
            const f = ref.flags.find((x) => x.name === '--security-opt' && x.start <= opt.span.start && opt.span.start < x.end);
            if (!f)
                return undefined;
            const edits = [removeRange(file, f.start, f.end)];
            if (!hasCap(cap))
                edits.push(addEdit(cap));
            return makeFix(`Replace --security-opt ${opt.value} with --cap-add=${cap}`, edits, [file]);
        },
        replacePrivileged(cap) {
            const f = ref.flags.find((x) => x.name === '--privileged');
            if (!f)
                return undefined;
            const edits = [removeRange(file, f.start, f.end)];
            if (!hasCap(cap))
                edits.push(addEdit(cap));
            return makeFix(`Replace --privileged with --cap-add=${cap}`, edits, [file]);
        },
        publishPort(port) {
            return makeFix(`Publish port ${port} on 127.0.0.1`, [{ path: file.path, start: ref.insertAt, end: ref.insertAt, text: ` -p 127.0.0.1:${port}:${port}` }], [file]);
        },
        bindPortToLoopback(port) {
            const hostPort = port.hostPort || port.containerPort;
            return makeFix(`Publish port ${port.containerPort} on 127.0.0.1 only`, [{ path: file.path, start: port.span.start, end: port.span.end, text: `127.0.0.1:${hostPort}:${port.containerPort}${port.protocol !== 'tcp' ? `/${port.protocol}` : ''}` }], [file]);
        },
    };
}
// ---------- kubectl debug ----------
/** SYS_PTRACE for a `kubectl debug` container is its profile: `--profile=general` (replacing another profile). */
function kubectlDebugEditor(file, insertAt, flags) {
    return {
        addCapability(cap) {
            if (cap !== 'SYS_PTRACE')
                return undefined;
            const profile = flags.find((f) => f.name === '--profile');
            if (profile) {
                const s = profile.valueStart ?? profile.start;
                if (file.text.slice(s, profile.end) !== profile.value)
                    return undefined;
                return makeFix(`Use --profile=general (it adds SYS_PTRACE to the debug container)`, [{ path: file.path, start: s, end: profile.end, text: 'general' }], [file]);
            }
            return makeFix(`Add --profile=general (it adds SYS_PTRACE to the debug container)`, [{ path: file.path, start: insertAt, end: insertAt, text: ' --profile=general' }], [file]);
        },
        replaceSecurityOpt: () => undefined,
        replacePrivileged: () => undefined,
    };
}

// EXTERNAL MODULE: ./src/model/launch.ts
var launch = __nccwpck_require__(3386);
;// CONCATENATED MODULE: ./src/fix/seccomp.ts
/** Edits of a seccomp profile in the repository (PTD013's fix). */



function isAllow(action) {
    return /^SCMP_ACT_(ALLOW|LOG)$/i.test(action);
}
/** Edit the profile so that ptrace is allowed: take it out of a denying rule, and add an allow rule when the default denies. */
function allowPtraceFix(p, deny) {
    const file = p.file;
    let text = file.text;
    if (deny) {
        const idx = deny.names.findIndex((n) => n.value === 'ptrace');
        if (idx < 0 || deny.names.filter((n) => n.value === 'ptrace').length !== 1)
            return undefined;
        // Only `names` lists (the old single `name` form is dropped with its rule).
        const viaNames = file.text.slice(deny.span.start, deny.span.end).includes('"names"');
        if (deny.names.length === 1)
            text = removeAt(text, ['syscalls', deny.index]);
        else if (viaNames)
            text = removeAt(text, ['syscalls', deny.index, 'names', idx]);
        else
            return undefined;
    }
    if (!isAllow(p.defaultAction?.value ?? '')) {
        const entry = '{ "names": ["ptrace"], "action": "SCMP_ACT_ALLOW" }';
        const root = (0,jsonc_lib/* parseTree */.cZ)(text);
        const hasSyscalls = root?.children?.some((c) => c.children?.[0]?.value === 'syscalls' && c.children[1]?.type === 'array');
        text = hasSyscalls ? appendItem(text, ['syscalls'], entry) : insertProperty(text, [], 'syscalls', `[${entry}]`);
    }
    if (text === file.text)
        return undefined;
    return makeFix(`Allow the ptrace system call in ${file.path}`, [{ path: file.path, start: 0, end: file.text.length, text }], [file]);
}

;// CONCATENATED MODULE: ./src/rules/describe.ts
/** Words the rules share, so every message speaks the same plain language. */

function where(s) {
    return `${s.file.path}:${(0,source/* positionAt */.t$)(s.file, s.start).line}`;
}
/** "service "api"", "the dev container "Go"", "container "app" of Deployment/web", "the docker run line". */
function launchName(l) {
    switch (l.kind) {
        case 'compose':
            return `service "${l.name}"`;
        case 'devcontainer':
            return `the dev container "${l.name}"`;
        case 'kubernetes':
            return l.name;
        case 'run':
            return `\`${l.name.replace(/ \(line \d+\)$/, '')}\``;
        case 'dockerfile':
            return `the image of ${l.name}`;
        case 'kubectl-debug':
            return `the debug container of \`${l.name.replace(/ \(line \d+\)$/, '')}\``;
    }
}
/** How to grant a capability in this launch's own syntax. */
function grantPhrase(l, cap = 'SYS_PTRACE') {
    switch (l.kind) {
        case 'compose':
            return `add \`cap_add: [${cap}]\` to the service`;
        case 'devcontainer':
            return `add \`"capAdd": ["${cap}"]\` to devcontainer.json`;
        case 'kubernetes':
            return `add ${cap} to \`securityContext.capabilities.add\` of the container`;
        case 'run':
            return `add \`--cap-add=${cap}\` to the command`;
        case 'dockerfile':
            return `run the image with \`--cap-add=${cap}\` (\`cap_add: [${cap}]\` in Compose, \`securityContext.capabilities.add\` in Kubernetes)`;
        case 'kubectl-debug':
            return cap === 'SYS_PTRACE' ? 'add `--profile=general` to the command (that profile adds SYS_PTRACE to the debug container)' : `give the debug container ${cap} with a \`--custom\` spec`;
    }
}
/** A short quote of the command a tool use runs, e.g. `dlv attach 1`. */
function commandText(t) {
    const words = t.words.map((w) => w.value);
    const text = words.length > 0 ? words.slice(0, 4).join(' ') + (words.length > 4 ? ' …' : '') : t.tool;
    return text.length > 80 ? text.slice(0, 77) + '…' : text;
}
function toolDescription(t) {
    if (t.use === 'install')
        return `installs ${t.tool === 'dlv' ? 'delve (dlv)' : t.tool}`;
    return `runs \`${commandText(t)}\``;
}

;// CONCATENATED MODULE: ./src/rules/ptd013.ts





/** Architectures of the hosts people debug on (Docker's and libseccomp's spellings). */
const COMMON_ARCHES = new Set(['amd64', 'x86_64', 'arm64', 'aarch64', 'scmp_arch_x86_64', 'scmp_arch_aarch64']);
function ptd013_isAllow(action) {
    return /^SCMP_ACT_(ALLOW|LOG)$/i.test(action);
}
function isDeny(action) {
    return /^SCMP_ACT_(ERRNO|KILL|KILL_PROCESS|KILL_THREAD|TRAP|TRACE)$/i.test(action);
}
function archOk(arches, excluded) {
    if (excluded.some((a) => COMMON_ARCHES.has(a.toLowerCase())))
        return false;
    return arches.length === 0 || arches.some((a) => COMMON_ARCHES.has(a.toLowerCase()));
}
/**
 * What the profile does to ptrace for a container with these capabilities.
 * minKernel conditions are taken as met (any kernel of the last years is ≥ 4.8,
 * the condition Docker's own profile uses for ptrace).
 */
function ptraceVerdict(p, hasCap) {
    const rules = p.rules.filter((r) => r.names.some((n) => n.value === 'ptrace') && archOk(r.includes.arches, r.excludes.arches));
    const applies = (r) => r.includes.caps.every((c) => hasCap(c)) && !r.excludes.caps.some((c) => hasCap(c));
    const active = rules.filter(applies);
    if (active.some((r) => ptd013_isAllow(r.action) && !r.hasArgs))
        return { verdict: 'allowed' };
    if (active.some((r) => ptd013_isAllow(r.action) && r.hasArgs))
        return { verdict: 'unknown' };
    const deny = active.find((r) => isDeny(r.action) && !r.hasArgs);
    if (deny)
        return { verdict: 'denied-rule', rule: deny };
    if (active.some((r) => !ptd013_isAllow(r.action) && !isDeny(r.action)))
        return { verdict: 'unknown' };
    const def = p.defaultAction?.value ?? '';
    if (ptd013_isAllow(def))
        return { verdict: 'allowed' };
    if (!isDeny(def))
        return { verdict: 'unknown' };
    const gated = rules.find((r) => ptd013_isAllow(r.action) && !r.hasArgs && r.includes.caps.length > 0 && !r.excludes.caps.some((c) => hasCap(c)));
    if (gated)
        return { verdict: 'needs-caps', rule: gated, caps: gated.includes.caps.filter((c) => !hasCap(c)) };
    return { verdict: 'denied-default', defaultAction: def };
}
function withPtrace(hasCap) {
    return (c) => capName(c) === 'SYS_PTRACE' || hasCap(c);
}
/** Does one of the launch's seccomp profiles deny ptrace only until SYS_PTRACE is granted? (PTD013 reports those.) */
function profileGatesPtraceOnCapability(l) {
    if (l.hasPtrace || !l.seccompProfiles)
        return false;
    return l.seccompProfiles.some(({ profile }) => {
        const hasCap = (c) => (capName(c) === 'SYS_PTRACE' ? false : (0,model_caps/* hasCapability */.p0)(c, l.capAdd, l.capDrop, false));
        const before = ptraceVerdict(profile, hasCap).verdict;
        return before !== 'allowed' && before !== 'unknown' && ptraceVerdict(profile, withPtrace(hasCap)).verdict === 'allowed';
    });
}
function capName(c) {
    return (0,launch/* normalizeCap */.Cu)(c);
}
const ptd013 = {
    meta: {
        id: 'PTD013',
        slug: 'seccomp-profile-blocks-ptrace',
        title: 'A custom seccomp profile blocks the debugger',
        defaultSeverity: 'error',
        fixable: true,
        summary: 'A seccomp profile in the repository, used by a debugging container, denies the ptrace system call that every debugger needs.',
    },
    check(ctx) {
        for (const l of ctx.launches) {
            // privileged turns seccomp off; no debugger, no finding.
            if (!l.seccompProfiles || !(0,launch/* isPtraceTarget */.zr)(l) || l.privileged?.value === true)
                continue;
            for (const { opt, profile } of l.seccompProfiles) {
                const hasCap = (c) => (capName(c) === 'SYS_PTRACE' ? l.hasPtrace : (0,model_caps/* hasCapability */.p0)(c, l.capAdd, l.capDrop, false));
                const v = ptraceVerdict(profile, hasCap);
                if (v.verdict === 'allowed' || v.verdict === 'unknown')
                    continue;
                const who = launchName(l).replace(/^./, (c) => c.toUpperCase());
                const related = [];
                let why = "";
                let fix;
                let fixText = '';
                if (v.verdict === 'needs-caps') {
                    const caps = v.caps.map(capName);
                    why = `it allows ptrace only for containers that have ${caps.join(' and ')} (\`includes.caps\` at ${where(v.rule.span)}), and this container does not`;
                    related.push({ span: v.rule.span, message: `ptrace is allowed here only with ${caps.join(', ')}.` });
                    if (caps.length === 1 && caps[0] === 'SYS_PTRACE') {
                        fix = editorFor(l).addCapability('SYS_PTRACE');
                        fixText = `${grantPhrase(l)} — the profile then allows ptrace by itself (this is how Docker's own profile works)`;
                    }
                    else {
                        fix = allowPtraceFix(profile);
                        fixText = `allow ptrace in ${profile.file.path}, or grant ${caps.join(' and ')}`;
                    }
                }
                else if (v.verdict === 'denied-rule' && !l.hasPtrace && ptraceVerdict(profile, withPtrace(hasCap)).verdict === 'allowed') {
                    // The denying rule stands aside for containers with CAP_SYS_PTRACE (`excludes.caps`).
                    why = `its rule at ${where(v.rule.span)} answers ptrace with ${v.rule.action} for every container that lacks SYS_PTRACE (\`excludes.caps\`), and this container lacks it`;
                    related.push({ span: v.rule.span, message: `ptrace is denied here unless the container has SYS_PTRACE.` });
                    fix = editorFor(l).addCapability('SYS_PTRACE');
                    fixText = `${grantPhrase(l)} — the profile then allows ptrace by itself (this is how Docker's default profile worked before 19.03)`;
                }
                else if (v.verdict === 'denied-rule') {
                    why = `its rule at ${where(v.rule.span)} answers ptrace with ${v.rule.action}`;
                    related.push({ span: v.rule.span, message: `ptrace is denied here (${v.rule.action}).` });
                    fix = allowPtraceFix(profile, v.rule);
                    fixText = `take ptrace out of that rule${ptd013_isAllow(profile.defaultAction?.value ?? '') ? '' : ' and add `{"names": ["ptrace"], "action": "SCMP_ACT_ALLOW"}` to `syscalls`'} (adding a capability does not help: the rule denies ptrace whatever the container's capabilities)`;
                }
                else if (v.verdict === 'denied-default') {
                    why = `its \`defaultAction\` is ${v.defaultAction} and no rule allows ptrace`;
                    if (profile.defaultAction)
                        related.push({ span: profile.defaultAction.span, message: `Every system call not listed is denied (${v.defaultAction}).` });
                    fix = allowPtraceFix(profile);
                    fixText = `add \`{"names": ["ptrace"], "action": "SCMP_ACT_ALLOW"}\` to \`syscalls\` in ${profile.file.path} (adding a capability does not help: no rule of the profile allows ptrace)`;
                }
                ctx.report({
                    message: `${who} runs with the seccomp profile ${profile.file.path} (\`${opt.value}\`), which blocks the ptrace system call: ${why}. ` +
                        `Every debugger is built on ptrace, so \`dlv debug\`, \`dlv exec\` and \`dlv test\` fail with "could not launch process: fork/exec …: operation not permitted", ` +
                        `and \`dlv attach\`, \`strace -p\` and \`gdb -p\` with "operation not permitted". Fix: ${fixText}.`,
                    span: opt.span,
                    related,
                    launch: l,
                    key: profile.file.path,
                    ...(fix ? { fix } : {}),
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/ptd005.ts


/** root / 0 / root:group / 0:0 → true; another user → false; unresolved variables → undefined. */
function isRootUser(user) {
    const u = user.trim().replace(/^["']|["']$/g, '');
    if (u === '' || u.includes('$'))
        return undefined;
    return /^(root|0)(:.*)?$/.test(u);
}
function userWhere(u) {
    return where(u.span);
}
const ptd005 = {
    meta: {
        id: 'PTD005',
        slug: 'cap-ineffective-non-root',
        title: 'SYS_PTRACE does not reach a debugger that runs as a non-root user',
        defaultSeverity: 'warning',
        fixable: false,
        summary: 'The container grants SYS_PTRACE, but the debugger attaches to running processes as a non-root user, and added capabilities only reach processes running as root.',
    },
    check(ctx) {
        for (const l of ctx.launches) {
            if (!l.hasPtrace || l.capsUnknown || !l.user || l.privileged?.value === true)
                continue;
            if (isRootUser(l.user.value) !== false)
                continue;
            const attaches = (0,launch/* attachUses */.sx)(l).filter((t) => t.asRoot !== true);
            const editor = l.editorAttach && l.kind === 'devcontainer' ? l.editorAttach : undefined;
            if (attaches.length === 0 && !editor)
                continue;
            // File capabilities (setcap on the debugger) do reach a non-root user.
            if (l.fileCapPtrace)
                continue;
            const who = launchName(l).replace(/^./, (c) => c.toUpperCase());
            const first = attaches[0];
            const what = first ? `\`${commandText(first)}\` (${where(first.span)})` : `the editor's "attach to process" configuration (${where(editor)})`;
            const launchInstead = first?.tool === 'dlv' || !first
                ? 'start the program under the debugger instead of attaching to it: `dlv exec /path/to/your-binary` (or `dlv debug ./cmd/...`; in the editor, a "launch" configuration) makes the program the debugger\'s own child, which any user may trace without a capability'
                : `start the program under ${first.tool} instead of attaching (\`${first.tool} /path/to/program\` rather than \`${first.tool} -p PID\`), which any user may do without a capability`;
            const related = [{ span: l.user.span, message: `The debugger runs as "${l.user.value}" (not root) because of this.` }];
            const grant = l.capAdd.find((c) => /SYS_PTRACE|^ALL$/i.test(c.value));
            if (grant)
                related.push({ span: grant.span, message: 'SYS_PTRACE is granted here, but only root processes receive it.' });
            else if (l.grantedBy)
                related.push({ span: l.grantedBy.span, message: 'SYS_PTRACE is granted by this, but only root processes receive it.' });
            ctx.report({
                message: `${who} grants the SYS_PTRACE capability, but the debugger runs as user "${l.user.value}" (${userWhere(l.user)}), not root, and attaches to a running process: ${what}. ` +
                    `Docker, Podman and Kubernetes hand added capabilities only to processes running as root (uid 0); a process of any other user starts with no effective capabilities, so SYS_PTRACE does nothing for it. ` +
                    `Attaching to a process of another user (for example a server running as root) then always fails ("could not attach to pid …: operation not permitted" or "current user does not own the process"), ` +
                    `and on hosts with Yama ptrace_scope=1 (Ubuntu, GitHub-hosted runners, most cloud VMs) attaching even to the same user's process fails ("Could not attach to pid …: this could be caused by a kernel security setting"). ` +
                    `It only works for a process of the same user on hosts without that restriction. ` +
                    `Fix: ${launchInstead}; or run the debugger as root (for example \`docker exec -u root …\`, or \`user: root\` for a debugging-only container).`,
                span: first?.span ?? editor,
                related,
                launch: l,
                key: first ? commandText(first) : 'editor-attach',
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/ptd001.ts






/** Evidence lines: what makes this launch a debugging container. */
function evidence(l) {
    const out = [];
    for (const t of l.tools.slice(0, 5))
        out.push({ span: t.span, message: `This ${toolDescription(t)}.` });
    if (l.goDevcontainer)
        out.push({ span: l.goDevcontainer.span, message: 'This makes it a Go dev container: the Go extension starts dlv when you debug.' });
    if (l.editorAttach)
        out.push({ span: l.editorAttach, message: 'This editor configuration attaches the debugger to a running process.' });
    return out;
}
function reportImageAttach(report, l, attach) {
    report({
        severity: 'note',
        message: `The image of ${l.name} runs \`${commandText(attach)}\` (${where(attach.span)}), which attaches a debugger to a process that is already running, ` +
            `and no file in this repository says how the image is run. Attaching needs the SYS_PTRACE capability wherever it runs on a host that restricts attaching ` +
            `(Yama ptrace_scope=1: Ubuntu, GitHub-hosted runners, most cloud VMs), or it fails with "Could not attach to pid …: this could be caused by a kernel security setting". ` +
            `Fix: run the image with \`docker run --cap-add=SYS_PTRACE …\` (Compose: \`cap_add: [SYS_PTRACE]\`; Kubernetes: \`securityContext.capabilities.add: [SYS_PTRACE]\`).`,
        span: attach.span,
        related: evidence(l).filter((r) => r.span !== attach.span),
        launch: l,
        key: `image-attach:${commandText(attach)}`,
    });
}
function reportKubectlDebug(report, l, attach) {
    const fix = editorFor(l).addCapability('SYS_PTRACE');
    const shown = attach ?? l.tools.find((t) => t.use === 'run') ?? l.tools[0];
    const what = shown ? (shown.words.length > 1 ? `runs \`${commandText(shown)}\`` : `runs the debugger image \`${l.image?.value ?? shown.tool}\``) : 'runs a debugger';
    const profile = l.debugProfile;
    const why = profile
        ? `\`--profile=${profile.value}\` gives the debug container no SYS_PTRACE capability (only the \`general\` and \`sysadmin\` profiles add it)`
        : 'without `--profile`, kubectl up to 1.35 uses the `legacy` profile, which gives the debug container no SYS_PTRACE capability (from kubectl 1.36 the default is `general`, which adds it)';
    report({
        severity: attach ? 'error' : 'warning',
        message: `\`${l.name.replace(/ \(line \d+\)$/, '')}\` ${what} in a debug container next to the pod's processes, and ${why}. ` +
            `Attaching to the pod's process then fails with "operation not permitted" (dlv: "Could not attach to pid …"), ` +
            `because the debug container's root user may not trace a process it does not own without the capability, and Yama ptrace_scope=1 (most nodes) forbids attaching to non-descendants. ` +
            `Fix: add \`--profile=general\` to the command (kubectl 1.27 or newer), which adds SYS_PTRACE to the debug container.`,
        span: l.anchor,
        related: [...(profile ? [{ span: profile.span, message: `The ${profile.value} profile is chosen here.` }] : []), ...evidence(l)],
        launch: l,
        ...(fix ? { fix } : {}),
    });
}
const ptd001 = {
    meta: {
        id: 'PTD001',
        slug: 'missing-sys-ptrace',
        title: 'Debugger container lacks SYS_PTRACE',
        defaultSeverity: 'error',
        fixable: true,
        summary: 'A container that runs or ships a debugger (dlv, strace, gdb) does not get the SYS_PTRACE capability.',
    },
    check(ctx) {
        for (const l of ctx.launches) {
            // Capabilities a template renders from values are not known: no finding rather than a guess.
            if (!(0,launch/* isPtraceTarget */.zr)(l) || l.hasPtrace || l.capsUnknown)
                continue;
            // seccomp=unconfined as the workaround is PTD002's finding (its fix adds the capability).
            if (l.securityOpt.some((o) => (0,model_caps/* isSeccompUnconfined */.a1)(o.value)))
                continue;
            // A repository seccomp profile that allows ptrace only with the capability: PTD013's finding (its fix adds it).
            if (profileGatesPtraceOnCapability(l))
                continue;
            // The capability is asked for in runArgs that Compose ignores: PTD004's finding (its fix moves it).
            if (l.ignoredRunArgs?.some((a) => /SYS_PTRACE/i.test(a.value)))
                continue;
            const attaches = (0,launch/* attachUses */.sx)(l);
            const attach = attaches[0];
            if (l.kind === 'dockerfile') {
                // Nothing in the repository runs this image: its capabilities are whoever runs it's to give.
                // Only its own command's attach needs the capability in every runtime: say how to run it.
                if (attach)
                    reportImageAttach(ctx.report, l, attach);
                continue;
            }
            if (l.kind === 'kubectl-debug') {
                reportKubectlDebug(ctx.report, l, attach);
                continue;
            }
            const dropAll = l.capDrop.find((c) => (0,launch/* normalizeCap */.Cu)(c.value) === 'ALL');
            const who = launchName(l);
            const nonRoot = !!l.user && isRootUser(l.user.value) === false && !(attach?.asRoot ?? false);
            let fix = editorFor(l).addCapability('SYS_PTRACE');
            const grant = fix ? fix.description.replace(/^./, (c) => c.toLowerCase()) : grantPhrase(l);
            let message;
            const attaching = !!attach || (!!l.editorAttach && attaches.length === 0);
            if (attaching && nonRoot) {
                // The capability would reach nobody: a non-root debugger gets no added capability. No fix that changes nothing.
                fix = undefined;
                const what = attach ? `runs \`${commandText(attach)}\` (${where(attach.span)})` : 'has an editor configuration that attaches the debugger to a running process';
                message =
                    `${who[0].toUpperCase()}${who.slice(1)} ${what} as user "${l.user.value}" (${where(l.user.span)}), which attaches a debugger to a process that is already running. ` +
                        `Attaching needs the SYS_PTRACE capability on most hosts (Yama ptrace_scope=1: Ubuntu, GitHub-hosted runners, most cloud VMs), and granting it to the container would not help: ` +
                        `Docker, Podman and Kubernetes hand added capabilities only to processes running as root, so the debugger running as "${l.user.value}" would still fail with ` +
                        `"Could not attach to pid …: this could be caused by a kernel security setting" (strace: "Operation not permitted"). ` +
                        `Fix: start the program under the debugger instead of attaching (\`dlv exec /path/to/binary\`, \`dlv debug\`; in the editor a "launch" configuration), which any user may do; ` +
                        `or attach as root with the capability: \`docker exec -u root …\`, or a debug container running as root with SYS_PTRACE that shares the target's PID namespace (\`pid: "service:app"\`, \`kubectl debug --profile=general --target=…\`).`;
            }
            else if (attaching) {
                const what = attach ? `runs \`${commandText(attach)}\` (${where(attach.span)})` : 'has an editor configuration that attaches the debugger to a running process';
                message =
                    `${who[0].toUpperCase()}${who.slice(1)} ${what}, which attaches a debugger to a process that is already running. ` +
                        `That needs the SYS_PTRACE capability, and this container does not have it${dropAll ? ' (`cap_drop: ALL` removed every capability)' : ''}. ` +
                        `On hosts that restrict attaching (Yama ptrace_scope=1: Ubuntu, GitHub-hosted runners, most cloud VMs) it fails with ` +
                        `"Could not attach to pid …: this could be caused by a kernel security setting" (strace: "Operation not permitted"). Fix: ${grant}.`;
            }
            else {
                const shown = l.tools.find((t) => t.use === 'run') ?? l.tools[0];
                const reason = shown ? toolDescription(shown) : l.goDevcontainer ? 'is a Go dev container (the Go extension runs dlv when you debug)' : 'uses a debugger';
                message =
                    `${who[0].toUpperCase()}${who.slice(1)} ${reason}, but the container does not get the SYS_PTRACE capability${dropAll ? ' (`cap_drop: ALL` removed every capability)' : ''}. ` +
                        `Starting a program under the debugger (\`dlv debug\`, \`dlv exec\`, \`dlv test\`) works on current Docker, but fails with ` +
                        `"fork/exec …: operation not permitted" on Docker before 19.03, kernels before 4.8 and seccomp profiles without the ptrace rule, ` +
                        `and the first time anyone attaches to a running process (\`dlv attach\`, \`strace -p\`, an editor's "attach to process") it fails with "operation not permitted". ` +
                        `Fix: ${grant}.`;
            }
            const related = evidence(l);
            if (dropAll)
                related.unshift({ span: dropAll.span, message: 'Every capability is dropped here; SYS_PTRACE must be added back.' });
            ctx.report({
                // Launching under the debugger works on current engines without the capability (docs/truth-table.md): a note, with its fix.
                severity: attach || l.editorAttach ? 'error' : 'note',
                message,
                span: l.anchor,
                related,
                launch: l,
                ...(fix ? { fix } : {}),
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/ptd002.ts





const ptd002 = {
    meta: {
        id: 'PTD002',
        slug: 'seccomp-unconfined',
        title: 'seccomp turned off to make a debugger work',
        defaultSeverity: 'warning',
        fixable: true,
        summary: 'A debugging container runs with seccomp=unconfined, which turns off all system-call filtering, where the SYS_PTRACE capability is the narrow fix.',
    },
    check(ctx) {
        for (const l of ctx.launches) {
            if (!(0,launch/* isDebuggingContainer */.qV)(l))
                continue;
            for (const opt of l.securityOpt.filter((o) => (0,model_caps/* isSeccompUnconfined */.a1)(o.value))) {
                const attaching = (0,launch/* attachUses */.sx)(l).length > 0 || !!l.editorAttach;
                const fix = editorFor(l).replaceSecurityOpt(opt, 'SYS_PTRACE');
                const missing = !l.hasPtrace;
                const message = `${launchName(l).replace(/^./, (c) => c.toUpperCase())} turns off seccomp (\`${opt.value}\`) so that the debugger works. ` +
                    `That removes the kernel's whole system-call filter for everything in the container, not just the debugger. ` +
                    `The narrow fix is the SYS_PTRACE capability: Docker's default seccomp profile allows the debugger's system calls as soon as the capability is granted (since Docker 1.12)` +
                    (missing && attaching ? `, and attaching (\`dlv attach\`, \`strace -p\`) needs the capability anyway: seccomp=unconfined alone still fails with "operation not permitted" on hosts with Yama ptrace_scope=1` : '') +
                    `. The one thing unconfined adds for delve is turning off address-space randomisation, which debugging does not need. ` +
                    `Fix: remove \`${opt.value}\` and ${l.hasPtrace ? 'keep the capability you already grant' : grantPhrase(l)}.`;
                ctx.report({
                    severity: missing && attaching ? 'error' : 'warning',
                    message,
                    span: opt.span,
                    related: evidence(l),
                    launch: l,
                    key: opt.value,
                    ...(fix ? { fix } : {}),
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/ptd003.ts





/** privileged for reasons other than debugging: Docker-in-Docker and friends. */
function privilegedForOtherReasons(l) {
    const img = l.image?.value ?? '';
    if (/(^|\/)docker:.*dind|dind|docker-in-docker|kind-node|k3s|systemd/i.test(img))
        return true;
    return false;
}
/** Replace the ALL of a capability grant with SYS_PTRACE, in place (quotes and list style kept). */
function replaceAllFix(l, item) {
    if (l.capAdd.some((c) => (0,launch/* normalizeCap */.Cu)(c.value) === 'SYS_PTRACE'))
        return undefined;
    const text = (0,source/* spanText */.Cp)(item.span);
    let m = null;
    const re = /(?:CAP_)?ALL(?![A-Za-z0-9_])/gi;
    for (let x = re.exec(text); x; x = re.exec(text))
        m = x;
    if (!m)
        return undefined;
    const start = item.span.start + m.index;
    const upper = m[0] === m[0].toUpperCase();
    return makeFix('Grant SYS_PTRACE instead of every capability', [{ path: item.span.file.path, start, end: start + m[0].length, text: upper ? 'SYS_PTRACE' : 'sys_ptrace' }], [item.span.file, l.file]);
}
const ptd003 = {
    meta: {
        id: 'PTD003',
        slug: 'privileged-for-ptrace',
        title: 'privileged mode used to make a debugger work',
        defaultSeverity: 'warning',
        fixable: true,
        summary: 'A debugging container runs privileged (every capability, every host device) where SYS_PTRACE alone is enough.',
    },
    check(ctx) {
        for (const l of ctx.launches) {
            if (!(0,launch/* isDebuggingContainer */.qV)(l) || privilegedForOtherReasons(l))
                continue;
            // `cap_add: [ALL]` is privileged mode's capabilities under another name.
            for (const all of l.privileged?.value === true ? [] : l.capAdd.filter((c) => (0,launch/* normalizeCap */.Cu)(c.value) === 'ALL')) {
                const fix = replaceAllFix(l, all);
                ctx.report({
                    message: `${launchName(l).replace(/^./, (c) => c.toUpperCase())} is granted every Linux capability (\`${(0,source/* spanText */.Cp)(all.span).trim()}\`) so that the debugger works. ` +
                        `ALL includes SYS_ADMIN, SYS_MODULE and the rest: code in the container can mount the host's file systems, load kernel modules and take over the host, as in privileged mode. ` +
                        `A debugger needs one capability, SYS_PTRACE. Fix: grant SYS_PTRACE instead of ALL.`,
                    span: all.span,
                    related: evidence(l),
                    launch: l,
                    key: 'cap-all',
                    ...(fix ? { fix } : {}),
                });
            }
            if (l.privileged?.value !== true)
                continue;
            const fix = editorFor(l).replacePrivileged('SYS_PTRACE');
            ctx.report({
                message: `${launchName(l).replace(/^./, (c) => c.toUpperCase())} runs privileged so that the debugger works. ` +
                    `Privileged mode gives the container every capability and every host device, and turns off seccomp and AppArmor: ` +
                    `code in it can take over the host. A debugger needs one capability, SYS_PTRACE. ` +
                    `Fix: remove privileged and ${grantPhrase(l)}. (If the container needs privileged mode for something else, such as running Docker inside it, keep it and suppress this finding with a \`ptrace-doctor-ignore PTD003\` comment.)`,
                span: l.privileged.span,
                related: evidence(l),
                launch: l,
                ...(fix ? { fix } : {}),
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/ptd004.ts



const ptd004 = {
    meta: {
        id: 'PTD004',
        slug: 'runargs-ignored',
        title: 'runArgs are ignored when the dev container runs on Docker Compose',
        defaultSeverity: 'error',
        fixable: true,
        summary: 'devcontainer.json with dockerComposeFile sets capabilities, seccomp or privileged in runArgs, which only apply to image- and Dockerfile-based dev containers.',
    },
    check(ctx) {
        for (const l of ctx.launches) {
            if (l.kind !== 'devcontainer' || !l.ignoredRunArgs || l.ignoredRunArgs.length === 0)
                continue;
            const doc = ctx.model.devcontainers.find((d) => d.file === l.file);
            const moved = l.ignoredRunArgs;
            // The options as written (`--security-opt seccomp=unconfined` when the value is the next entry), each with its first entry.
            const options = [];
            const caps = [];
            const secOpts = [];
            let workaround = false;
            for (let i = 0; i < moved.length; i++) {
                const a = moved[i];
                const m = /^--(cap-add|security-opt)(?:=(.*))?$/.exec(a.value);
                if (m) {
                    // The value is the next runArgs entry when not joined with '='.
                    const val = m[2] ?? moved[++i]?.value;
                    if (!val)
                        continue;
                    options.push({ text: m[2] !== undefined ? a.value : `${a.value} ${val}`, first: a });
                    if (m[1] === 'cap-add')
                        caps.push(...val.split(',').map(launch/* normalizeCap */.Cu));
                    else if ((0,model_caps/* isSeccompUnconfined */.a1)(val))
                        workaround = true;
                    else
                        secOpts.push(val);
                }
                else if (a.value.startsWith('--privileged')) {
                    options.push({ text: a.value, first: a });
                    workaround = true;
                }
            }
            // The grant that is moved is the capability: seccomp=unconfined and privileged were the workaround for it (PTD002, PTD003).
            if (workaround && !caps.some((c) => c === 'SYS_PTRACE' || c === 'ALL'))
                caps.push('SYS_PTRACE');
            const fix = doc ? devcontainerMoveRunArgs(l.file, doc.root, moved, [...new Set(caps)], secOpts, false) : undefined;
            const list = options.map((o) => `\`${o.text}\``);
            const listed = list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
            const target = [caps.length > 0 ? `"capAdd": ${JSON.stringify([...new Set(caps)])}` : '', secOpts.length > 0 ? `"securityOpt": ${JSON.stringify(secOpts)}` : ''].filter(Boolean).join(' and ');
            ctx.report({
                message: `This dev container starts from Docker Compose (\`dockerComposeFile\`), and then \`runArgs\` is ignored: ${listed} ${options.length === 1 ? 'never reaches' : 'never reach'} the container, ` +
                    `so the debugger runs without what you meant to give it. ` +
                    (target
                        ? `Fix: use ${target} in devcontainer.json (${caps.length + secOpts.length === 1 ? 'it applies' : 'they apply'} with Compose too)` +
                            (workaround ? `; ${options.some((o) => o.text.startsWith('--privileged')) ? 'privileged mode' : 'seccomp=unconfined'} is left out: SYS_PTRACE is what the debugger needs (PTD002, PTD003 say why)` : '') +
                            `, or put the setting on the service in the Compose file.`
                        : 'Fix: put the setting on the service in the Compose file.'),
                span: options[0]?.first.span ?? moved[0].span,
                related: options.slice(1).map((o) => ({ span: o.first.span, message: `\`${o.text}\` is ignored too.` })),
                launch: l,
                ...(fix ? { fix } : {}),
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/ptd006.ts



/** Split host:port as dlv's --listen takes it (host may be empty or [v6]). */
function parseListen(value) {
    const v = value.trim().replace(/^["']|["']$/g, '');
    const m = /^(\[[^\]]*\]|[^:]*):([^:]*)$/.exec(v);
    if (!m)
        return { host: v };
    const port = /^\d+$/.test(m[2]) ? m[2] : undefined;
    return { host: m[1].replace(/^\[|\]$/g, ''), ...(port ? { port } : {}) };
}
function scopeOf(host) {
    const h = host.toLowerCase();
    if (h === '' || h === '0.0.0.0' || h === '::' || h === '0:0:0:0:0:0:0:0')
        return 'wildcard';
    if (h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === 'ip6-localhost')
        return 'loopback';
    return 'other';
}
/** Every dlv API server a launch runs (deduplicated by command span). */
function dlvServers(l) {
    const out = [];
    const seen = new Set();
    for (const t of l.tools) {
        if (t.tool !== 'dlv' || t.use !== 'run' || !t.dlv)
            continue;
        if (!t.dlv.headless && t.dlv.sub !== 'dap')
            continue;
        if (['version', 'help', 'connect', ''].includes(t.dlv.sub))
            continue;
        const k = `${t.span.file.path}:${t.span.start}`;
        if (seen.has(k))
            continue;
        seen.add(k);
        const lv = t.dlv.listen;
        if (!lv) {
            out.push({ tool: t });
            continue;
        }
        const { host, port } = parseListen(lv.value);
        out.push({ tool: t, listen: { value: lv.value, span: lv.span, host, ...(port ? { port } : {}), scope: scopeOf(host) } });
    }
    return out;
}
/** Does a published container port (a number or a range such as 2345-2350) cover port? */
function portCovers(containerPort, port) {
    const p = Number(port);
    const m = /^(\d+)(?:-(\d+))?$/.exec(containerPort.trim());
    if (!m)
        return false;
    const lo = Number(m[1]);
    const hi = m[2] ? Number(m[2]) : lo;
    return lo <= p && p <= hi;
}
/** Docker-style publications (compose ports, -p, appPort) of a container port. */
function publications(l, port) {
    return l.ports.filter((p) => (p.kind ?? 'publish') === 'publish' && portCovers(p.containerPort, port));
}
/** Is the devcontainer port forwarded by the editor (forwardPorts: N or "host:N")? */
function forwarded(l, port) {
    return (l.forwardPorts ?? []).some((f) => f.value === port || f.value.endsWith(`:${port}`));
}
/** Kubernetes Services that select this container and target port (by number or by the container port's name). */
function servicesTargeting(model, l, port) {
    if (l.kind !== 'kubernetes')
        return [];
    const labels = model.kubernetes.labels.get(l.id);
    if (!labels)
        return [];
    const names = l.ports.filter((p) => p.containerPort === port && p.name).map((p) => p.name);
    const out = [];
    for (const s of model.kubernetes.services) {
        if (s.selector.size === 0)
            continue;
        if (![...s.selector].every(([k, v]) => labels.get(k) === v))
            continue;
        for (const sp of s.ports)
            if (sp.targetPort === port || names.includes(sp.targetPort))
                out.push({ service: s, port: sp });
    }
    return out;
}
/** Replace the --listen value in place, when the source text is exactly the value. */
function listenFix(l, server, value, description) {
    const lv = server.listen;
    if (!lv || (0,source/* spanText */.Cp)(lv.span) !== lv.value)
        return undefined;
    return makeFix(description, [{ path: lv.span.file.path, start: lv.span.start, end: lv.span.end, text: value }], [lv.span.file, l.file]);
}
const ptd006 = {
    meta: {
        id: 'PTD006',
        slug: 'delve-listens-on-loopback',
        title: 'Headless delve listens on 127.0.0.1 inside the container',
        defaultSeverity: 'error',
        fixable: true,
        summary: 'Headless dlv listens on 127.0.0.1/localhost (or on a random loopback port) inside a container, so the debugger cannot be reached through the published port.',
    },
    check(ctx) {
        for (const l of ctx.launches) {
            // With the host's network the container's 127.0.0.1 is the host's: reachable, and the safe choice.
            if (l.hostNetwork || l.kind === 'kubectl-debug')
                continue;
            for (const s of dlvServers(l)) {
                const who = launchName(l).replace(/^./, (c) => c.toUpperCase());
                const cmd = `\`${commandText(s.tool)}\` (${where(s.tool.span)})`;
                if (!s.listen) {
                    // The editor inside a dev container can still read the random port from the log; elsewhere nobody can.
                    if (l.kind === 'devcontainer')
                        continue;
                    ctx.report({
                        message: `${who} runs ${cmd} without \`--listen\`. Headless dlv then listens on a random port of 127.0.0.1 inside the container, ` +
                            `which nothing outside the container can reach: your editor's "connect to server" fails with "connection refused" or times out. ` +
                            `Fix: add \`--listen=:2345\` (all interfaces inside the container) and publish that port on 127.0.0.1 of the host.`,
                        span: s.tool.span,
                        launch: l,
                        key: `${(0,source/* spanText */.Cp)(s.tool.span).slice(0, 120)}#nolisten`,
                    });
                    continue;
                }
                if (s.listen.scope !== 'loopback' || !s.listen.port)
                    continue;
                const port = s.listen.port;
                const pubs = publications(l, port);
                const svcs = servicesTargeting(ctx.model, l, port);
                const hostPorts = l.ports.filter((p) => p.kind === 'hostPort' && portCovers(p.containerPort, port));
                let reached;
                if (l.kind === 'kubernetes') {
                    // kubectl port-forward connects to the pod's own loopback, so 127.0.0.1 works with it; Services and hostPorts do not.
                    if (svcs.length === 0 && hostPorts.length === 0)
                        continue;
                    reached = svcs.length > 0 ? `Service "${svcs[0].service.name}" sends traffic to the pod's IP address on port ${port}` : `the hostPort sends traffic to the pod's IP address on port ${port}`;
                }
                else if (l.kind === 'devcontainer') {
                    // The editor forwards ports from inside the container, where 127.0.0.1 works.
                    if (pubs.length === 0 || forwarded(l, port))
                        continue;
                    reached = `port ${port} is published (${where(pubs[0].span)}), and Docker delivers published traffic to the container's network interface, not to its 127.0.0.1`;
                }
                else {
                    reached = pubs.length > 0
                        ? `port ${port} is published (${where(pubs[0].span)}), but Docker delivers published traffic to the container's network interface, not to its 127.0.0.1`
                        : `nothing outside the container can reach the container's 127.0.0.1`;
                }
                const listen = listenFix(l, s, `:${port}`, `Listen on :${port} (all interfaces inside the container)`);
                // A port nothing publishes yet is published with it (on 127.0.0.1), so the fix leaves nothing for PTD008 to say.
                const publish = listen && pubs.length === 0 && (l.kind === 'compose' || l.kind === 'run') && !l.sharedNetwork && !l.publishAll ? editorFor(l).publishPort?.(port) : undefined;
                const fix = publish ? combineFixes(`Listen on :${port} and publish port ${port} on 127.0.0.1 of the host`, [listen, publish]) : listen;
                ctx.report({
                    message: `${who} runs ${cmd}, which makes delve listen on ${s.listen.value} — the loopback address inside the container. ` +
                        `Each container has its own 127.0.0.1, and ${reached}. Your editor's connection to the debugger fails with "connection refused" ` +
                        `(or "connection reset by peer"), although dlv logs "API server listening at: ${s.listen.value}". ` +
                        `Fix: \`--listen=:${port}\`, which listens on every interface inside the container; keep the host side private by publishing it as 127.0.0.1:${port}:${port}.`,
                    span: s.listen.span,
                    related: [
                        ...pubs.slice(0, 1).map((p) => ({ span: p.span, message: `Port ${port} is published here.` })),
                        ...svcs.slice(0, 1).map((x) => ({ span: x.port.span, message: `This Service targets port ${port}.` })),
                    ],
                    launch: l,
                    key: s.listen.value,
                    ...(fix ? { fix } : {}),
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/ptd007.ts



const WILDCARD_HOST_IPS = new Set(['', '0.0.0.0', '::', '[::]']);
/** The port of delve's own examples (`dlv --listen=:2345`), which debug setups publish. */
const DELVE_PORT = '2345';
const RISK = 'The delve API has no authentication: anyone who can open that port can make the debugged program run code of their choosing ' +
    '(call functions, write memory) and read everything in it.';
const ptd007 = {
    meta: {
        id: 'PTD007',
        slug: 'delve-api-exposed',
        title: 'The delve API is reachable from other machines',
        defaultSeverity: 'error',
        fixable: true,
        summary: 'The headless delve API (no authentication: whoever reaches it runs code) is published on all host interfaces, on the host network, through a hostPort or a NodePort/LoadBalancer Service.',
    },
    check(ctx) {
        for (const l of ctx.launches) {
            const seen = new Set();
            // delve in the image, started by hand (docker exec … dlv attach --headless), on the port its documentation uses.
            if (dlvServers(l).length === 0 && l.tools.some((t) => t.tool === 'dlv')) {
                for (const p of publications(l, DELVE_PORT)) {
                    if (!WILDCARD_HOST_IPS.has(p.hostIp.trim()))
                        continue;
                    const fix = editorFor(l).bindPortToLoopback?.(p);
                    const hostPort = p.hostPort || p.containerPort;
                    ctx.report({
                        severity: 'warning',
                        message: `${launchName(l).replace(/^./, (c) => c.toUpperCase())} has delve in its image and publishes port ${DELVE_PORT} — the port delve's documentation uses for its API server — on every network interface of the host ` +
                            `(\`${p.span.file.text.slice(p.span.start, p.span.end).trim()}\` binds 0.0.0.0; Docker's published ports also bypass host firewalls such as ufw). When dlv is started there headless (\`dlv attach --headless --listen=:${DELVE_PORT}\`), every machine that can reach this host can connect to it. ` +
                            `${RISK} Fix: publish it on the loopback address only, \`127.0.0.1:${hostPort}:${p.containerPort}\`.`,
                        span: p.span,
                        related: l.tools.filter((t) => t.tool === 'dlv').slice(0, 1).map((t) => ({ span: t.span, message: 'delve is installed (or run) here.' })),
                        launch: l,
                        key: `default-port:${p.containerPort}:${p.hostPort}`,
                        ...(fix ? { fix } : {}),
                    });
                }
            }
            for (const s of dlvServers(l)) {
                const port = s.listen?.port;
                if (!port || !s.listen)
                    continue;
                const who = launchName(l).replace(/^./, (c) => c.toUpperCase());
                const cmd = `\`${commandText(s.tool)}\` (${where(s.tool.span)})`;
                const related = [{ span: s.tool.span, message: `delve listens on ${s.listen.value} here.` }];
                // Published on every interface of the host.
                for (const p of publications(l, port)) {
                    if (!WILDCARD_HOST_IPS.has(p.hostIp.trim()) || seen.has(`${p.span.file.path}:${p.span.start}`))
                        continue;
                    seen.add(`${p.span.file.path}:${p.span.start}`);
                    const fix = editorFor(l).bindPortToLoopback?.(p);
                    const hostPort = p.hostPort || p.containerPort;
                    ctx.report({
                        message: `${who} runs the delve debugger server ${cmd} and publishes its port ${port} on every network interface of the host ` +
                            `(\`${p.span.file.text.slice(p.span.start, p.span.end).trim()}\` binds 0.0.0.0; Docker's published ports also bypass host firewalls such as ufw). ` +
                            `${RISK} Fix: publish it on the loopback address only, \`127.0.0.1:${hostPort}:${p.containerPort}\`; your editor on this machine still connects to localhost:${hostPort}, and from another machine use an SSH tunnel.`,
                        span: p.span,
                        related,
                        launch: l,
                        key: `publish:${p.containerPort}:${p.hostPort}`,
                        ...(fix ? { fix } : {}),
                    });
                }
                // The host's own network: a wildcard listen address is every host interface.
                if (l.hostNetwork && s.listen.scope === 'wildcard') {
                    const fix = listenFix(l, s, `127.0.0.1:${port}`, `Listen on 127.0.0.1:${port} (the host's loopback, with the host network)`);
                    ctx.report({
                        message: `${who} uses the host's network and runs ${cmd}, so delve listens on ${s.listen.value} of the host itself: every machine that can reach this host can connect to it. ` +
                            `${RISK} Fix: \`--listen=127.0.0.1:${port}\` — with the host network the container's loopback is the host's, so your editor on this machine still connects to localhost:${port}.`,
                        span: s.listen.span,
                        related: [{ span: l.hostNetwork, message: 'The container shares the host network here.' }],
                        launch: l,
                        key: `hostnet:${port}`,
                        ...(fix ? { fix } : {}),
                    });
                }
                if (l.kind !== 'kubernetes')
                    continue;
                const forward = `kubectl port-forward <pod> ${port}:${port}`;
                // hostPort: every node interface.
                for (const p of l.ports.filter((x) => x.kind === 'hostPort' && portCovers(x.containerPort, port))) {
                    ctx.report({
                        message: `${who} runs the delve debugger server ${cmd} and exposes it with \`hostPort: ${p.hostPort}\`, which opens port ${p.hostPort} on the node's network interfaces. ` +
                            `${RISK} Fix: remove the hostPort and reach the debugger with \`${forward}\`, which tunnels through the Kubernetes API with your own credentials and needs nothing published.`,
                        span: p.span,
                        related,
                        launch: l,
                        key: `hostPort:${p.containerPort}`,
                    });
                }
                // NodePort / LoadBalancer Services that target the debugger port.
                for (const { service, port: sp } of servicesTargeting(ctx.model, l, port)) {
                    if (service.type !== 'NodePort' && service.type !== 'LoadBalancer')
                        continue;
                    ctx.report({
                        message: `Service "${service.name}" (type ${service.type}) sends traffic to port ${port} of ${launchName(l)}, where the delve debugger server runs ${cmd}. ` +
                            `A ${service.type} Service is reachable from outside the cluster${service.type === 'NodePort' ? ' on every node\'s address' : ' through a public load balancer'}. ` +
                            `${RISK} Fix: remove the debugger port from this Service (or make it a ClusterIP Service) and use \`${forward}\`.`,
                        span: sp.span,
                        related: [{ span: service.typeSpan, message: `type: ${service.type}` }, ...related],
                        launch: l,
                        key: `service:${service.name}:${sp.port}`,
                    });
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/ptd008.ts



const ptd008 = {
    meta: {
        id: 'PTD008',
        slug: 'delve-port-unpublished',
        title: 'Headless delve listens on a port that is never published',
        defaultSeverity: 'warning',
        fixable: true,
        summary: 'Headless dlv listens on a port that the container never publishes (no ports, no -p, no forwardPorts, no host network), so the editor cannot connect.',
    },
    check(ctx) {
        for (const l of ctx.launches) {
            // Kubernetes: kubectl port-forward reaches any container port. Host or shared networks publish nothing themselves.
            // A Dockerfile's own launch has no runtime to publish ports; kubectl debug reaches the pod by port-forward.
            if (l.kind === 'kubernetes' || l.kind === 'dockerfile' || l.kind === 'kubectl-debug' || l.hostNetwork || l.sharedNetwork || l.publishAll)
                continue;
            const done = new Set();
            for (const s of dlvServers(l)) {
                const port = s.listen?.port;
                // A loopback listen is PTD006's finding: publishing its port would reach nothing.
                if (!port || !s.listen || done.has(port) || s.listen.scope === 'loopback')
                    continue;
                if (publications(l, port).length > 0 || forwarded(l, port))
                    continue;
                done.add(port);
                const who = launchName(l).replace(/^./, (c) => c.toUpperCase());
                const fix = editorFor(l).publishPort?.(port);
                const how = l.kind === 'devcontainer'
                    ? `add ${port} to \`"forwardPorts"\` in devcontainer.json (the editor then forwards localhost:${port} to it)`
                    : l.kind === 'compose'
                        ? `add \`"127.0.0.1:${port}:${port}"\` to the service's \`ports\``
                        : `add \`-p 127.0.0.1:${port}:${port}\` to the command`;
                ctx.report({
                    message: `${who} runs the delve debugger server \`${commandText(s.tool)}\` (${where(s.tool.span)}) on port ${port}, but the container never publishes that port. ` +
                        `Your editor's "connect to server" on localhost:${port} fails with "connection refused"` +
                        (s.tool.words.some((w) => w.value === '--continue' || w.value === '--continue=true') ? '' : ', and the program waits for a debugger that never comes') +
                        (l.kind === 'devcontainer' ? ' (unless the editor itself runs inside this dev container)' : '') +
                        `. Fix: ${how}. Publishing on 127.0.0.1 keeps the unauthenticated debugger API off your network.`,
                    span: s.listen.span,
                    related: [{ span: l.anchor, message: 'The container is defined here.' }],
                    launch: l,
                    key: `unpublished:${port}`,
                    ...(fix ? { fix } : {}),
                });
            }
        }
    },
};

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/parse/dockerfile.ts
var dockerfile = __nccwpck_require__(6413);
// EXTERNAL MODULE: ./src/model/project.ts
var project = __nccwpck_require__(1852);
;// CONCATENATED MODULE: ./src/model/binaries.ts
/**
 * Which `go build` produced the binary that dlv runs: follows `dlv exec PATH`
 * (or, for `dlv attach`, the image's ENTRYPOINT/CMD program) back through
 * `COPY --from=stage SRC DEST` and `go build -o` across Dockerfile stages.
 * Answers nothing when the path cannot be followed with certainty.
 */



function abs(p, workdir = '/') {
    return external_node_path_.posix.normalize(p.startsWith('/') ? p : external_node_path_.posix.join(workdir, p));
}
/** The path a `go build` writes, when it can be told. */
function buildOutput(b, workdir = '/', vars) {
    const ex = (v) => (vars ? (0,dockerfile/* expandVars */.Jf)(v, vars) : v);
    if (b.output) {
        const o = ex(b.output.value);
        if (o.includes('$'))
            return undefined;
        if (o.endsWith('/')) {
            const pkg = packageArg(b);
            return pkg ? abs(external_node_path_.posix.join(o, pkg), workdir) : undefined;
        }
        return abs(o, workdir);
    }
    const pkg = packageArg(b);
    return pkg ? abs(pkg, workdir) : undefined;
}
/** Does the build write `path` (a file it names, or one of the binaries it writes into a directory)? */
function outputMatches(b, path, workdir, vars) {
    const o = buildOutput(b, workdir, vars);
    if (o === path)
        return true;
    const dir = outputDir(b, workdir, vars);
    return dir !== undefined && external_node_path_.posix.dirname(path) === dir;
}
/**
 * The directory a build writes its binaries into, when -o names one: a
 * trailing slash, or several packages (`./cmd/...`, which go build only
 * accepts with a directory), each binary named after its package.
 */
function outputDir(b, workdir = '/', vars) {
    if (!b.output)
        return undefined;
    const o = vars ? (0,dockerfile/* expandVars */.Jf)(b.output.value, vars) : b.output.value;
    if (o.includes('$'))
        return undefined;
    const pkgs = b.words.slice(2).map((w) => (vars ? (0,dockerfile/* expandVars */.Jf)(w.value, vars) : w.value)).filter((v) => !v.startsWith('-') && v !== o && v !== '');
    if (o.endsWith('/') || pkgs.some((p) => p.includes('...')) || pkgs.length > 1)
        return abs(o, workdir).replace(/\/$/, '') || '/';
    return undefined;
}
/** The last element of the single package argument (./cmd/api → api), if there is one. */
function packageArg(b) {
    const args = [];
    const words = b.words.map((w) => w.value);
    for (let i = 2; i < words.length; i++) {
        const v = words[i];
        if (v.startsWith('-')) {
            // Flags with a separate value.
            if (!v.includes('=') && ['-o', '-ldflags', '-gcflags', '-tags', '-asmflags', '-mod', '-p', '-buildmode', '-trimpath=false', '-pkgdir', '-installsuffix', '-toolexec', '-overlay', '-pgo', '-modfile', '-C'].includes(v))
                i++;
            continue;
        }
        args.push(v);
    }
    if (args.length !== 1)
        return undefined;
    const a = args[0].replace(/\/\.\.\.$/, '');
    if (a.endsWith('.go') || a === '.' || a.includes('...'))
        return undefined;
    const base = external_node_path_.posix.basename(a);
    return base && base !== '.' ? base : undefined;
}
function stageByRef(doc, ref) {
    if (/^\d+$/.test(ref))
        return doc.stages[Number(ref)];
    return doc.stages.find((s) => s.name?.value.toLowerCase() === ref.toLowerCase());
}
/**
 * The path a RUN line's `cp`/`mv`/`install` wrote `path` from: `cp SRC DEST`
 * (DEST the file, or a directory it lands in), `cp -r DIR/* DEST/`, the last
 * writer on the line. Undefined when none of its commands wrote path.
 */
function movedFrom(run, path) {
    const cmds = run.commands ?? [{ words: run.words }];
    for (const c of [...cmds].reverse()) {
        const ws = c.words.map((w) => w.value);
        const head = ws[0] ? external_node_path_.posix.basename(ws[0]) : '';
        if (head !== 'cp' && head !== 'mv' && head !== 'install')
            continue;
        const args = ws.slice(1).filter((v) => !v.startsWith('-'));
        if (args.length < 2)
            continue;
        const wd = run.workdir ?? '/';
        const dest = abs(args[args.length - 1], wd);
        const sources = args.slice(0, -1);
        for (const src of sources) {
            const s = abs(src, wd);
            if (sources.length === 1 && !src.endsWith('/*') && dest === path)
                return s;
            const base = external_node_path_.posix.basename(path);
            if (external_node_path_.posix.dirname(path) === dest.replace(/\/$/, '')) {
                if (src.endsWith('/*'))
                    return external_node_path_.posix.join(s.replace(/\/\*$/, ''), base);
                if (external_node_path_.posix.basename(s) === base)
                    return s;
            }
        }
    }
    return undefined;
}
/** resolveIn, but only over what the stage did before offset `before` (the RUN that moved the binary). */
function resolveBefore(doc, stage, path, before, depth) {
    const trimmed = { ...stage, runs: stage.runs.filter((r) => r.span.start < before), copies: stage.copies.filter((c) => c.span.start < before) };
    return resolveIn(doc, trimmed, path, depth);
}
/** Follow path back from the end of stage (and the stages it builds on) to its go build. */
function resolveIn(doc, stage, path, depth) {
    if (depth > 8)
        return undefined;
    for (const s of (0,dockerfile/* stageChain */.ap)(stage)) {
        // Runs and copies in source order, newest first: the last writer of the path wins.
        const events = [
            ...s.runs.map((r) => ({ at: r.span.start, run: r })),
            ...s.copies.map((c) => ({ at: c.span.start, copy: c })),
        ].sort((a, b) => b.at - a.at);
        for (const e of events) {
            if (e.run) {
                const b = [...(project/* followedRuns */.l3.get(e.run) ?? e.run.facts).builds].reverse().find((x) => outputMatches(x, path, e.run.workdir ?? '/', s.vars));
                if (b)
                    return { build: b, stage: s, route: [s] };
                // `cp`/`mv`/`install` in a RUN line: the binary came from elsewhere in the same stage.
                const moved = movedFrom(e.run, path);
                if (moved !== undefined && depth < 8) {
                    const found = resolveBefore(doc, s, moved, e.at, depth + 1);
                    if (found)
                        return found;
                }
                continue;
            }
            const c = e.copy;
            // Sources and destination are expanded with the copying stage's ARG/ENV values (COPY --from=build /out/${NAME} /usr/bin/).
            const dest = (0,dockerfile/* expandVars */.Jf)(c.dest, s.vars);
            const sources = c.sources.map((x) => (0,dockerfile/* expandVars */.Jf)(x, s.vars));
            const destAbs = abs(dest, c.workdir);
            const destDir = destAbs === '/' ? '/' : destAbs.replace(/\/$/, '');
            const under = destDir === '/' ? '/' : destDir + '/';
            let src;
            if (sources.length === 1 && !dest.endsWith('/') && destAbs === path)
                src = sources[0];
            else if (external_node_path_.posix.dirname(path) === destDir)
                src = sources.find((x) => external_node_path_.posix.basename(x) === external_node_path_.posix.basename(path));
            // A directory copied whole: COPY --from=build /out /app → /app/server came from /out/server.
            if (src === undefined && sources.length === 1 && path.startsWith(under))
                src = sources[0].replace(/\/$/, '') + '/' + path.slice(under.length);
            if (src === undefined)
                continue;
            // Copied from the build context (or an image): built outside the Dockerfile.
            if (!c.from)
                return undefined;
            const from = stageByRef(doc, c.from);
            if (!from)
                return undefined;
            const found = resolveIn(doc, from, abs(src, from.workdir), depth + 1);
            return found ? { ...found, route: [s, ...found.route] } : undefined;
        }
    }
    return undefined;
}
/** The program the image starts (first word of ENTRYPOINT/CMD), when it is a path and not a debugger or shell. */
function imageProgram(stage) {
    const cmd = stage.entrypoint ?? stage.cmd;
    const first = cmd?.words[0]?.value;
    if (!first || first.includes('$'))
        return undefined;
    const base = external_node_path_.posix.basename(first);
    if (['dlv', 'sh', 'bash', 'ash', 'strace', 'gdb', 'tini', 'dumb-init', 'env'].includes(base))
        return undefined;
    if (!first.includes('/'))
        return undefined;
    return abs(first, stage.workdir);
}
/**
 * The -ldflags or -gcflags that GOFLAGS gives the build (`GOFLAGS=-ldflags=-w go build`,
 * `ENV GOFLAGS=-ldflags=-s`): cmd/go reads them when the command line has none. GOFLAGS
 * is a space-separated list whose entries cannot hold spaces.
 */
function goflagsValue(bb, flag) {
    const own = bb.build.goflags;
    const raw = own?.value ?? bb.stage?.vars.get('GOFLAGS');
    if (raw === undefined)
        return undefined;
    const v = bb.stage ? (0,dockerfile/* expandVars */.Jf)(raw.replace(/^["']|["']$/g, ''), bb.stage.vars) : raw.replace(/^["']|["']$/g, '');
    let found;
    for (const t of v.split(/\s+/)) {
        const m = new RegExp(`^--?${flag}=(.*)$`).exec(t);
        if (m)
            found = m[1];
    }
    return found === undefined ? undefined : { value: found, fromCommand: own !== undefined };
}
/** A value of the build's command with the ARG/ENV values of its stage substituted (unknown ones stay as written). */
function expandInStage(bb, value) {
    return bb.stage ? (0,dockerfile/* expandVars */.Jf)(value, bb.stage.vars) : value;
}
/** The go build of each binary that dlv execs or attaches to in this launch. */
function debuggedBinaries(l) {
    const out = [];
    for (const t of l.tools) {
        if (t.tool !== 'dlv' || t.use !== 'run' || !t.dlv)
            continue;
        const sub = t.dlv.sub;
        let path;
        if (sub === 'exec' && t.dlv.target)
            path = t.dlv.target.value;
        else if (sub === 'attach' && l.stage)
            path = imageProgram(l.stage);
        if (!path || path.includes('$'))
            continue;
        // A build in the same command line or script, before dlv (sh -c "go build -o /tmp/app . && dlv exec /tmp/app",
        // a watcher's script that rebuilds before each run): it runs after the image's own builds, so it is the one.
        const cwd = l.stage?.workdir ?? '/';
        const local = l.builds.filter((b) => b.span.file === t.span.file && b.span.file.kind !== 'dockerfile' && b.span.start < t.span.start && outputMatches(b, abs(path, cwd), cwd));
        if (local.length > 0) {
            out.push({ dlv: t, path, build: local[local.length - 1] });
            continue;
        }
        if (l.dockerfile && l.stage) {
            const found = resolveIn(l.dockerfile, l.stage, abs(path, l.stage.workdir), 0);
            if (found) {
                out.push({ dlv: t, path, build: found.build, stage: found.stage, route: found.route });
                continue;
            }
        }
        const sameFile = l.builds.filter((b) => b.span.file === t.span.file && b.span.start < t.span.start && outputMatches(b, abs(path), '/'));
        if (sameFile.length > 0)
            out.push({ dlv: t, path, build: sameFile[sameFile.length - 1] });
    }
    return out;
}
/**
 * Other stages of the Dockerfile that use the build's output (COPY --from its
 * stage, or FROM it) and are not on the way to the debug image: a release
 * image built from the same `go build`. Changing that build changes them too.
 */
function otherConsumers(l, bb) {
    const doc = l.dockerfile;
    const stage = bb.stage;
    if (!doc || !stage || !l.stage)
        return [];
    const mine = new Set([...(0,dockerfile/* stageChain */.ap)(l.stage), ...(bb.route ?? []).flatMap((s) => (0,dockerfile/* stageChain */.ap)(s))]);
    const refs = (c) => !!c.from && stageByRef(doc, c.from) === stage;
    return doc.stages.filter((s) => !mine.has(s) && ((0,dockerfile/* stageChain */.ap)(s).includes(stage) || s.copies.some(refs)));
}

;// CONCATENATED MODULE: ./src/rules/ptd009.ts




const STRIP = /^-(s|w)(=(true|1))?$/;
/** A -ldflags/-gcflags value: optional package pattern (all=…) and its flags. */
function splitFlagValue(value) {
    const v = value.trim();
    const m = /^([^\s=-][^\s=]*)=(.*)$/s.exec(v);
    const body = m ? m[2] : v;
    return { ...(m ? { pattern: m[1] } : {}), tokens: body.split(/\s+/).filter(Boolean) };
}
/** The build's flag values with the stage's ARG/ENV values substituted; undefined when something stays unknown. */
function resolvedFlags(values, bb) {
    const out = [];
    for (const v of values) {
        const x = expandInStage(bb, v.value);
        if (x.includes('$'))
            return undefined;
        out.push(x);
    }
    return out;
}
/** Does this -ldflags value drop the DWARF debug information? */
function stripsDebugInfo(value) {
    const { tokens } = splitFlagValue(value);
    if (tokens.some((t) => /^-w=(0|false)$/.test(t)))
        return false;
    return tokens.some((t) => STRIP.test(t));
}
/** The command word that holds a source offset, with its index. */
function wordAt(bb, offset) {
    return bb.build.words.findIndex((w) => w.start <= offset && offset < w.end);
}
/** Drop -s/-w from the (last) -ldflags value; remove the flag when nothing is left. */
function dropStripFix(l, bb, ld) {
    if (ld.value.includes('$') || (0,source/* spanText */.Cp)(ld.span) !== ld.value)
        return undefined;
    const { pattern, tokens } = splitFlagValue(ld.value);
    const kept = tokens.filter((t) => !STRIP.test(t));
    const file = ld.span.file;
    let edit;
    if (kept.length > 0) {
        edit = { path: file.path, start: ld.span.start, end: ld.span.end, text: `${pattern ? `${pattern}=` : ''}${kept.join(' ')}` };
    }
    else {
        const i = wordAt(bb, ld.span.start);
        if (i < 0)
            return undefined;
        const w = bb.build.words[i];
        const joined = /^--?ldflags=/.test(w.value);
        const first = joined ? w : bb.build.words[i - 1];
        if (!first || (!joined && !/^--?ldflags$/.test(first.value)))
            return undefined;
        let start = first.start;
        // Exec-form JSON (["go", "build", …]): removing array entries is not a text edit we make here.
        const before = file.text.slice(0, start).trimEnd();
        if (before.endsWith(',') || before.endsWith('['))
            return undefined;
        while (start > 0 && (file.text[start - 1] === ' ' || file.text[start - 1] === '\t'))
            start--;
        edit = { path: file.path, start, end: w.end, text: '' };
    }
    return makeFix(`Build the debug binary without -s/-w so it keeps its debug information`, [edit], [file, l.file]);
}
function buildText(bb) {
    const t = (0,source/* spanText */.Cp)(bb.build.span).replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
    return t.length > 100 ? t.slice(0, 97) + '…' : t;
}
/** "; it also builds the `prod` stage, so give the debug image its own build" when the build is shared. */
function sharedNote(l, bb) {
    const others = otherConsumers(l, bb);
    if (others.length === 0)
        return undefined;
    const names = others.map((s) => (s.name ? `\`${s.name.value}\`` : `stage ${s.index}`)).join(', ');
    return `This build also produces the binary of ${names}, so change it only for debugging: add a separate debug build stage (and point the debug image's COPY --from at it) rather than editing this line`;
}
function binaryRelated(bb) {
    return [{ span: bb.dlv.span, message: `dlv ${bb.dlv.dlv?.sub === 'attach' ? 'attaches to' : 'runs'} ${bb.path} here.` }];
}
const ptd009 = {
    meta: {
        id: 'PTD009',
        slug: 'debug-binary-stripped',
        title: 'The binary dlv debugs is built without debug information',
        defaultSeverity: 'error',
        fixable: true,
        summary: 'The binary that dlv runs or attaches to is linked with -ldflags "-s" or "-w", which removes the DWARF debug information delve needs.',
    },
    check(ctx) {
        const seen = new Set();
        for (const l of ctx.launches) {
            for (const bb of debuggedBinaries(l)) {
                const lds = bb.build.ldflags;
                const last = lds[lds.length - 1];
                if (!last) {
                    // No -ldflags on the command line: GOFLAGS may carry them.
                    const g = goflagsValue(bb, 'ldflags');
                    if (!g || g.value.includes('$') || !stripsDebugInfo(g.value))
                        continue;
                    const k = `${bb.build.span.file.path}:${bb.build.span.start}`;
                    if (seen.has(k))
                        continue;
                    seen.add(k);
                    ctx.report({
                        message: `${launchName(l).replace(/^./, (c) => c.toUpperCase())} runs ${bb.path} under the debugger (\`${commandText(bb.dlv)}\`, ${where(bb.dlv.span)}), ` +
                            `and that binary is built by \`${buildText(bb)}\` (${where(bb.build.span)}) with GOFLAGS${g.fromCommand ? ' on the command line' : ' from the image\'s ENV/ARG'} giving \`-ldflags=${g.value}\`. ` +
                            `The linker flags -s and -w remove the DWARF debug information, which delve needs to map machine code to your source: dlv stops with "could not launch process: could not open debug info". ` +
                            `Fix: give the debug build a GOFLAGS without -s and -w (keep them for the release image).`,
                        span: bb.build.goflags?.span ?? bb.build.span,
                        related: binaryRelated(bb),
                        launch: l,
                        key: `${bb.path}:GOFLAGS:${g.value}`,
                    });
                    continue;
                }
                const values = resolvedFlags([last], bb);
                if (!values || !stripsDebugInfo(values[0]))
                    continue;
                const k = `${last.span.file.path}:${last.span.start}`;
                if (seen.has(k))
                    continue;
                seen.add(k);
                const shared = sharedNote(l, bb);
                const fix = shared ? undefined : dropStripFix(l, bb, last);
                const attach = bb.dlv.dlv?.sub === 'attach';
                ctx.report({
                    message: `${launchName(l).replace(/^./, (c) => c.toUpperCase())} ${attach ? 'attaches dlv to' : 'runs'} ${bb.path} under the debugger (\`${commandText(bb.dlv)}\`, ${where(bb.dlv.span)}), ` +
                        `and that binary is built by \`${buildText(bb)}\` (${where(bb.build.span)}) with \`-ldflags "${values[0]}"\`. ` +
                        `The linker flags -s and -w remove the DWARF debug information, which delve needs to map machine code to your source: ` +
                        `dlv stops with "could not launch process: could not open debug info" (or "decoding dwarf section info at offset 0x0: too short"), and breakpoints cannot be set. ` +
                        `Fix: drop -s and -w from the debug build (keep them for the release image)` +
                        (shared ? `. ${shared}.` : fix ? '.' : '; if the flags come from a variable, give the debug build its own value.'),
                    span: last.span,
                    related: binaryRelated(bb),
                    launch: l,
                    key: `${bb.path}:${last.value}`,
                    ...(fix ? { fix } : {}),
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/ptd010.ts





/** Does some -gcflags value turn optimisations and inlining off (-N -l, with or without a package pattern)? */
function disablesOptimizations(values) {
    return values.some((v) => {
        const { tokens } = splitFlagValue(v);
        return tokens.includes('-N') && tokens.some((t) => t === '-l' || t === '-l=1');
    });
}
/** Odd number of unescaped quote characters of kind q in s. */
function insideQuotes(s, q) {
    let n = 0;
    for (let i = 0; i < s.length; i++)
        if (s[i] === q && s[i - 1] !== '\\')
            n++;
    return n % 2 === 1;
}
/** Insert -gcflags="all=-N -l" after `go build`, quoted so that an enclosing sh -c "…" stays intact. */
function addGcflagsFix(l, bb) {
    const file = bb.build.span.file;
    if (!['dockerfile', 'makefile', 'shell'].includes(file.kind))
        return undefined;
    const buildWord = bb.build.words[1];
    if (!buildWord || buildWord.value !== 'build' || file.text.slice(buildWord.start, buildWord.end) !== 'build')
        return undefined;
    const before = file.text.slice(0, bb.build.words[0].start).trimEnd();
    if (before.endsWith(',') || before.endsWith('['))
        return undefined;
    const ls = (0,source/* lineStart */.PT)(file, (0,source/* positionAt */.t$)(file, bb.build.words[0].start).line);
    const prefix = file.text.slice(ls, buildWord.start);
    const value = insideQuotes(prefix, '"') ? `'all=-N -l'` : `"all=-N -l"`;
    return makeFix('Build the debug binary with -gcflags="all=-N -l" (no optimisations, no inlining)', [{ path: file.path, start: buildWord.end, end: buildWord.end, text: ` -gcflags=${value}` }], [file, l.file]);
}
const ptd010 = {
    meta: {
        id: 'PTD010',
        slug: 'debug-binary-optimized',
        title: 'The binary dlv debugs is built with optimisations',
        defaultSeverity: 'note',
        fixable: true,
        summary: 'The binary that dlv execs or attaches to is built without -gcflags="all=-N -l", so variables show as optimised away and stepping jumps around.',
    },
    check(ctx) {
        const seen = new Set();
        for (const l of ctx.launches) {
            for (const bb of debuggedBinaries(l)) {
                // dlv debug / dlv test build with the right flags themselves; only exec and attach get here.
                const own = resolvedFlags(bb.build.gcflags, bb);
                // Without -gcflags on the command line, GOFLAGS may give them.
                const viaGoflags = bb.build.gcflags.length === 0 ? goflagsValue(bb, 'gcflags') : undefined;
                const gc = viaGoflags ? (viaGoflags.value.includes('$') ? undefined : [viaGoflags.value]) : own;
                if (!gc || disablesOptimizations(gc))
                    continue;
                const k = `${bb.build.span.file.path}:${bb.build.span.start}`;
                if (seen.has(k))
                    continue;
                seen.add(k);
                const shared = sharedNote(l, bb);
                const fix = shared ? undefined : addGcflagsFix(l, bb);
                ctx.report({
                    message: `${launchName(l).replace(/^./, (c) => c.toUpperCase())} debugs ${bb.path} (\`${commandText(bb.dlv)}\`, ${where(bb.dlv.span)}), which is built by \`${buildText(bb)}\` (${where(bb.build.span)}) with the compiler's optimisations on. ` +
                        `delve works, but many local variables show as "(optimized away)" or with wrong values, small functions are inlined so breakpoints in them are not hit, and stepping jumps between lines. ` +
                        `Fix: build the debug binary with \`-gcflags="all=-N -l"\` (-N: no optimisations, -l: no inlining, all=: for every package, not only main)` +
                        (shared ? `. ${shared}.` : '.'),
                    span: bb.build.span,
                    related: binaryRelated(bb),
                    launch: l,
                    key: `${bb.path}:${buildText(bb)}`,
                    ...(fix ? { fix } : {}),
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/delve-versions.ts
/**
 * Which delve release to pin for a given Go version — the one table PTD011
 * and PTD012 use, kept here and nowhere else.
 *
 * Source: the project's field notes (../shared/FIELD-NOTES.md, "Delve and Go
 * versions"), built from delve's CHANGELOG.md and the `go` directive of each
 * release's go.mod (https://github.com/go-delve/delve/blob/master/CHANGELOG.md),
 * cross-checked against distribution packages (Debian 12 ships 1.20.2,
 * Ubuntu 24.04 1.22.1, Alpine 3.23 1.25.2, Alpine 3.24 1.26.2).
 *
 * | delve   | debugs Go | needs Go to build |
 * |---------|-----------|-------------------|
 * | v1.20.2 | 1.18–1.20 | 1.16 |
 * | v1.21.2 | 1.19–1.21 | 1.17 |
 * | v1.22.1 | 1.19–1.22 | 1.21 |
 * | v1.24.0 | 1.21–1.24 | 1.21 |
 * | v1.25.2 | 1.22–1.25 | 1.22 |
 * | v1.26.2 | 1.24–1.26 | 1.24 |
 *
 * The field notes also list v1.27.x (debugs 1.25–1.27, needs 1.25); no exact
 * v1.27 release was confirmed when this table was written, so it is not
 * offered as a pin: for Go newer than 1.26 the rules say so instead of
 * guessing a version that may not exist. Update this table (and its test)
 * when a delve release is confirmed.
 */
const DELVE_RELEASES = [
    { version: 'v1.20.2', debugsFrom: 18, debugsTo: 20, buildsWith: 16 },
    { version: 'v1.21.2', debugsFrom: 19, debugsTo: 21, buildsWith: 17 },
    { version: 'v1.22.1', debugsFrom: 19, debugsTo: 22, buildsWith: 21 },
    { version: 'v1.24.0', debugsFrom: 21, debugsTo: 24, buildsWith: 21 },
    { version: 'v1.25.2', debugsFrom: 22, debugsTo: 25, buildsWith: 22 },
    { version: 'v1.26.2', debugsFrom: 24, debugsTo: 26, buildsWith: 24 },
];
const DELVE_VERSIONS_SOURCE = 'https://github.com/go-delve/delve/blob/master/CHANGELOG.md';
/** The delve release for Go 1.<minor>: the newest that builds with it and debugs its programs. */
function delveForGo(minor) {
    const newest = DELVE_RELEASES[DELVE_RELEASES.length - 1];
    const oldest = DELVE_RELEASES[0];
    if (minor === undefined)
        return { release: newest, status: 'unknown-go' };
    const fits = DELVE_RELEASES.filter((r) => r.buildsWith <= minor && r.debugsFrom <= minor && minor <= r.debugsTo);
    if (fits.length > 0)
        return { release: fits[fits.length - 1], status: 'ok', goMinor: minor };
    if (minor > newest.debugsTo)
        return { status: 'go-too-new', goMinor: minor };
    const builds = DELVE_RELEASES.filter((r) => r.buildsWith <= minor);
    if (builds.length > 0)
        return { release: builds[0], status: 'go-too-old-to-debug', goMinor: minor };
    return { release: oldest, status: 'go-too-old-to-build', goMinor: minor };
}
const GO_IMAGES = /^(?:(?:docker\.io\/)?(?:library\/)?golang|mcr\.microsoft\.com\/(?:vscode\/)?devcontainers\/go|(?:[\w.-]+\/)*golang)$/i;
/**
 * The Go minor version an image reference names, e.g. golang:1.22-alpine → 22,
 * golang:1.12 → 12, mcr.microsoft.com/devcontainers/go:1-1.23-bookworm → 23.
 * Undefined for anything else (golang:latest, golang:alpine, other images).
 */
function goMinorFromImage(image) {
    const ref = image.trim().replace(/@sha256:[0-9a-f]+$/i, '');
    const colon = ref.lastIndexOf(':');
    if (colon < 0 || ref.lastIndexOf('/') > colon)
        return undefined;
    const name = ref.slice(0, colon);
    const tag = ref.slice(colon + 1);
    if (!GO_IMAGES.test(name))
        return undefined;
    // The devcontainers image puts its own major version first: 1-1.23-bookworm.
    const m = /^(?:\d+-)?1\.(\d+)(?![\d])/.exec(tag);
    return m ? Number(m[1]) : undefined;
}

;// CONCATENATED MODULE: ./src/rules/ptd011.ts



const DLV_MODULE = 'github.com/go-delve/delve/cmd/dlv';
/** Every `go install`/`go get` of dlv (model/installs.ts), with the Go minor version of the image that builds it. */
function delveInstalls(ctx) {
    return ctx.model.installs.map((site) => {
        let image;
        let goMinor;
        for (const img of site.images) {
            goMinor = goMinorFromImage(img.value);
            if (goMinor !== undefined) {
                image = img;
                break;
            }
        }
        return { tool: site.tool, ...(site.launch ? { launch: site.launch } : {}), ...(image ? { image } : {}), ...(goMinor !== undefined ? { goMinor } : {}), ...(site.version !== undefined ? { version: site.version } : {}) };
    });
}
/** Source text of a word with its own quotes kept around a new value. */
function requote(file, w, value) {
    const raw = file.text.slice(w.start, w.end);
    if (raw === w.value)
        return value;
    const q = raw[0];
    if ((q === '"' || q === "'") && raw === `${q}${w.value}${q}`)
        return `${q}${value}${q}`;
    return undefined;
}
/** "v1.25.2, the newest delve release that builds with and debugs Go 1.22 (golang:1.22 at Dockerfile:1)" and friends. */
function choiceText(c, i) {
    const img = i.image ? ` (\`${i.image.value}\`)` : '';
    const go = c.goMinor !== undefined ? `Go 1.${c.goMinor}` : '';
    switch (c.status) {
        case 'ok':
            return `${c.release.version}, the newest delve release in our table that builds with ${go} and debugs programs built with it — the Go of this image${img}`;
        case 'unknown-go':
            return `${c.release.version} (the newest release in our table; it needs Go ≥ 1.${c.release.buildsWith} to build — the image's Go version could not be read from its tag, so check that it matches: docs/rules/PTD012.md has the table)`;
        case 'go-too-old-to-debug':
            return `${c.release.version}, the only release in our table that ${go}${img} can build — but it cannot debug programs built with ${go} (it supports Go 1.${c.release.debugsFrom}–1.${c.release.debugsTo}): upgrade the image to Go 1.${c.release.debugsFrom} or newer`;
        case 'go-too-old-to-build':
            return `${c.release.version}, the oldest release in our table — but no delve release in it builds with ${go}${img}, and \`go install pkg@version\` itself needs Go 1.16: upgrade the image to Go 1.${c.release.buildsWith} or newer (1.${c.release.debugsFrom} or newer to debug)`;
        case 'go-too-new':
            return `the delve release that supports ${go}${img} (newer than every release in our table: see https://github.com/go-delve/delve/releases)`;
    }
}
/**
 * Does pinning this choice give a working dlv? Not when the image's Go cannot
 * build any release in the table, when the only one it builds cannot debug
 * its programs, or when its Go is newer than the table (no release to pin):
 * then the message says the one change to make, and no fix is offered.
 */
function fixWorks(c) {
    return c.release !== undefined && (c.status === 'ok' || c.status === 'unknown-go');
}
/** The one change to make when no install line alone can work (no fix is offered then). */
function firstChange(c, i) {
    const img = i.image ? ` (\`${i.image.value}\`${i.image ? `, ${where(i.image.span)}` : ''})` : '';
    const r = c.release;
    switch (c.status) {
        case 'go-too-old-to-build':
        case 'go-too-old-to-debug':
            return `upgrade the image's Go${img} to 1.${r.debugsFrom} or newer — no delve release builds with Go 1.${c.goMinor} and debugs its programs — then install \`go install ${DLV_MODULE}@${r.debugsFrom >= r.buildsWith ? r.version : 'vX.Y.Z'}\` (docs/rules/PTD012.md has the table of releases and Go versions).`;
        case 'go-too-new':
            return `install the delve release that supports Go 1.${c.goMinor}${img}, newer than every release in our table (https://github.com/go-delve/delve/releases): \`go install ${DLV_MODULE}@vX.Y.Z\`.`;
        default:
            return `\`go install ${DLV_MODULE}@${r?.version ?? 'vX.Y.Z'}\`.`;
    }
}
/** Rewrite the install as `go install github.com/go-delve/delve/cmd/dlv@VERSION`. */
function installFix(i, version, description) {
    const t = i.tool;
    const inst = t.install;
    if (!inst?.arg)
        return undefined;
    const file = inst.arg.span.file;
    const ws = t.words;
    const argWord = ws.find((w) => w.start === inst.arg.span.start && w.end === inst.arg.span.end);
    if (!argWord)
        return undefined;
    const edits = [];
    const text = requote(file, argWord, `${DLV_MODULE}@${version}`);
    if (text === undefined)
        return undefined;
    edits.push({ path: file.path, start: argWord.start, end: argWord.end, text });
    if (inst.method === 'go-get') {
        const verb = ws[1];
        if (!verb || verb.value !== 'get')
            return undefined;
        const v = requote(file, verb, 'install');
        if (v === undefined)
            return undefined;
        edits.push({ path: file.path, start: verb.start, end: verb.end, text: v });
        // Flags that `go install` does not take.
        for (const w of ws.slice(2)) {
            if (!/^-(u|d|t|insecure|u=patch)$/.test(w.value))
                continue;
            const before = file.text.slice(0, w.start).trimEnd();
            if (before.endsWith(',') || before.endsWith('['))
                return undefined;
            let s = w.start;
            while (s > 0 && (file.text[s - 1] === ' ' || file.text[s - 1] === '\t'))
                s--;
            edits.push({ path: file.path, start: s, end: w.end, text: '' });
        }
    }
    return makeFix(description, edits, [file, ...(i.launch ? [i.launch.file] : [])]);
}
const ptd011 = {
    meta: {
        id: 'PTD011',
        slug: 'delve-install-broken',
        title: 'delve is installed in a way that no longer works',
        defaultSeverity: 'error',
        fixable: true,
        summary: 'dlv is installed with `go get` (which stopped building binaries in Go 1.18) or from the old github.com/derekparker/delve path.',
    },
    check(ctx) {
        for (const i of delveInstalls(ctx)) {
            const inst = i.tool.install;
            const oldPath = inst.module?.value.startsWith('github.com/derekparker/') ?? false;
            const goGet = inst.method === 'go-get';
            if (!oldPath && !goGet)
                continue;
            const choice = delveForGo(i.goMinor);
            const version = choice.release?.version ?? 'latest';
            // Only a fix that works: an install the image's Go can build, of a delve that can debug what it builds.
            const fix = fixWorks(choice) ? installFix(i, version, `Install dlv with \`go install ${DLV_MODULE}@${version}\``) : undefined;
            const problems = [];
            if (goGet) {
                problems.push('`go get` no longer installs programs: since Go 1.18 it only edits go.mod. Outside a module it fails with ' +
                    `"'go get' is no longer supported outside a module"; inside one it changes go.mod and builds nothing, so dlv is missing later ("dlv: not found"); ` +
                    'on the old Go versions where it still builds, it fetches delve\'s newest code, which no longer compiles with that Go');
            }
            if (oldPath) {
                problems.push('github.com/derekparker/delve is delve\'s old address: the module now calls itself github.com/go-delve/delve, and Go refuses the old path with ' +
                    '"module declares its path as: github.com/go-delve/delve but was required as: github.com/derekparker/delve"');
            }
            const shown = i.tool.words.map((w) => w.value).join(' ');
            ctx.report({
                message: `\`${shown.length > 100 ? shown.slice(0, 97) + '…' : shown}\` (${where(i.tool.span)}) does not install the delve debugger: ${problems.join('; and ')}. ` +
                    (fixWorks(choice) ? `Fix: \`go install ${DLV_MODULE}@${version}\` — ${choiceText(choice, i)}.` : `Fix: ${firstChange(choice, i)}`),
                span: i.tool.span,
                related: i.image ? [{ span: i.image.span, message: 'The Go that builds dlv comes from this image.' }] : [],
                ...(i.launch ? { launch: i.launch } : {}),
                key: `${inst.method}:${inst.arg?.value ?? ''}`,
                ...(fix ? { fix } : {}),
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/ptd012.ts





/** Version queries that move: @latest, a branch, or none. */
const MOVING = /^(latest|master|main|HEAD|upgrade|patch)$/;
/** Put @version on the module word: replace what follows @, or append it. */
function pinFix(i, version) {
    const inst = i.tool.install;
    if (!inst?.module || !inst.arg)
        return undefined;
    const file = inst.arg.span.file;
    // The module text must be exactly as written (no escapes) to edit after it.
    if ((0,source/* spanText */.Cp)(inst.module.span) !== inst.module.value)
        return undefined;
    const at = inst.module.span.end;
    const argText = (0,source/* spanText */.Cp)(inst.arg.span);
    const q = argText[0] === '"' || argText[0] === "'" ? 1 : 0;
    const end = inst.arg.span.end - q;
    if (file.text[at] !== undefined && at < end && file.text[at] !== '@')
        return undefined;
    return makeFix(`Pin dlv to ${version}`, [{ path: file.path, start: at, end, text: `@${version}` }], [file, ...(i.launch ? [i.launch.file] : [])]);
}
const ptd012 = {
    meta: {
        id: 'PTD012',
        slug: 'delve-version-unpinned',
        title: 'delve is installed without a fixed version',
        defaultSeverity: 'note',
        fixable: true,
        summary: '`go install github.com/go-delve/delve/cmd/dlv@latest` (or no version) builds whatever delve is newest, and a release that needs a newer Go breaks the build.',
    },
    check(ctx) {
        for (const i of delveInstalls(ctx)) {
            const inst = i.tool.install;
            // go get and the old module path are PTD011's finding (its fix pins a version too).
            if (inst.method !== 'go-install' || inst.module?.value !== DLV_MODULE)
                continue;
            // The version as the build sees it: `@${DELVE_VERSION}` with `ARG DELVE_VERSION=latest` is @latest.
            const v = i.version ?? inst.version;
            if (v !== undefined && (!MOVING.test(v) || v.includes('$')))
                continue;
            const choice = delveForGo(i.goMinor);
            const viaVariable = inst.version !== undefined && inst.version !== v;
            // A version from a build argument is pinned where the argument's default is set, not here.
            const fix = choice.release && fixWorks(choice) && !viaVariable ? pinFix(i, choice.release.version) : undefined;
            const what = v === undefined ? 'without a version' : viaVariable ? `with \`@${inst.version}\`, which is \`@${v}\` unless the build passes another value` : `with \`@${v}\``;
            ctx.report({
                message: `dlv is installed ${what} (${where(i.tool.span)}), so every image build compiles whatever delve release is newest that day` +
                    (v === undefined ? ' (or the version a go.mod in the working directory requires; outside a module `go install` stops with "\'go install\' requires a version when current directory is not in a module")' : '') +
                    `. Each delve release debugs only the newest few Go versions and needs a recent Go to build, so a new release breaks this build without any change on your side ` +
                    `("go: github.com/go-delve/delve@… requires go >= 1.N (running go 1.M; GOTOOLCHAIN=local)") or gives a dlv that refuses your program ("Version of Go is too old for this version of Delve"). ` +
                    (choice.release && choice.status !== 'go-too-new' ? `Fix: pin \`@${choice.release.version}\` — ${choiceText(choice, i)}.` : `Fix: pin ${choiceText(choice, i)}, e.g. \`@vX.Y.Z\`.`),
                span: inst.arg.span,
                related: i.image ? [{ span: i.image.span, message: 'The Go that builds dlv comes from this image.' }] : [],
                ...(i.launch ? { launch: i.launch } : {}),
                key: inst.arg.value,
                ...(fix ? { fix } : {}),
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/ptd900.ts

const ptd900 = {
    meta: {
        id: 'PTD900',
        slug: 'unreadable-config',
        title: 'Container configuration could not be read',
        defaultSeverity: 'note',
        fixable: false,
        summary: 'A file that looks like container configuration was skipped (too large, binary, a symbolic link out of the repository) or could not be parsed, so it was not checked.',
    },
    check(ctx) {
        for (const p of ctx.project.problems) {
            const span = p.span ?? { file: ctx.project.files.find((f) => f.path === p.path) ?? (0,source/* makeSourceFile */.AN)(p.path, '', 'shell', ''), start: 0, end: 0 };
            ctx.report({
                message: `${p.path} was not checked: it ${p.reason}. Debugger settings in it are not covered by this report.`,
                span,
                key: p.reason,
            });
        }
    },
};

// EXTERNAL MODULE: ./src/rules/ptd901.ts
var ptd901 = __nccwpck_require__(9687);
;// CONCATENATED MODULE: ./src/rules/index.ts
/** The rule catalogue. Ids are stable and public (see docs/rules/). */















const ALL_RULES = [ptd001, ptd002, ptd003, ptd004, ptd005, ptd006, ptd007, ptd008, ptd009, ptd010, ptd011, ptd012, ptd013, ptd900, ptd901/* ptd901 */.T];
const RULES = ALL_RULES.map((r) => r.meta);
const DOCS_BASE = 'https://github.com/ptrace-doctor/ptrace-doctor/blob/main/docs/rules/';
function ruleDocUrl(id) {
    return `${DOCS_BASE}${id}.md`;
}
function ruleMeta(id) {
    return RULES.find((r) => r.id === id);
}
/** The rule id of an id (any letter case) or a slug; undefined when it names no rule. */
function resolveRule(name) {
    const n = name.trim();
    const byId = RULES.find((r) => r.id === n.toUpperCase());
    if (byId)
        return byId.id;
    return RULES.find((r) => r.slug === n.toLowerCase())?.id;
}


/***/ }),

/***/ 9687:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ ptd901)
/* harmony export */ });
/**
 * Reported by the engine, not by a check: whether a `ptrace-doctor-ignore`
 * comment suppressed anything is known only once every other rule has run
 * (see src/suppress/ and engine.ts).
 */
const ptd901 = {
    meta: {
        id: 'PTD901',
        slug: 'unused-suppression',
        title: 'Suppression matches nothing',
        defaultSeverity: 'note',
        fixable: true,
        summary: 'A ptrace-doctor-ignore comment or a `suppress` entry of .ptrace-doctor.yaml suppresses no finding (the problem was fixed, or it is not where it applies) or names a rule that does not exist.',
    },
    check() {
        // The engine reports this rule after the others (engine.ts, unusedSuppressions).
    },
};


/***/ }),

/***/ 4998:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AN: () => (/* binding */ makeSourceFile),
/* harmony export */   Cp: () => (/* binding */ spanText),
/* harmony export */   PT: () => (/* binding */ lineStart),
/* harmony export */   nc: () => (/* binding */ toLocation),
/* harmony export */   p3: () => (/* binding */ eol),
/* harmony export */   p4: () => (/* binding */ lineContentEnd),
/* harmony export */   t$: () => (/* binding */ positionAt),
/* harmony export */   zm: () => (/* binding */ lineEndWithBreak)
/* harmony export */ });
/* unused harmony exports lineText, span */
function computeLineStarts(text) {
    const starts = [0];
    // The next \r is looked up once and kept until the scan passes it: searching again from every line would read
    // the rest of the file once per line in a file without one.
    let r = text.indexOf('\r');
    for (let i = text.indexOf('\n');; i = text.indexOf('\n', i + 1)) {
        // Lone \r (old Mac) ends a line too.
        for (; r >= 0 && (i < 0 || r < i); r = text.indexOf('\r', r + 1))
            if (text.charCodeAt(r + 1) !== 10)
                starts.push(r + 1);
        if (i < 0)
            break;
        starts.push(i + 1);
    }
    return starts;
}
/** A file's text with its line index, built the first time a position is asked for (most files never need one). */
class Source {
    path;
    abs;
    kind;
    text;
    starts;
    constructor(path, abs, kind, text) {
        this.path = path;
        this.abs = abs;
        this.kind = kind;
        this.text = text;
    }
    get lineStarts() {
        return (this.starts ??= computeLineStarts(this.text));
    }
}
function makeSourceFile(path, abs, kind, text) {
    return new Source(path, abs, kind, text);
}
/** 1-based line and column of an offset. */
function positionAt(file, offset) {
    const o = Math.max(0, Math.min(offset, file.text.length));
    let lo = 0;
    let hi = file.lineStarts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (file.lineStarts[mid] <= o)
            lo = mid;
        else
            hi = mid - 1;
    }
    return { line: lo + 1, column: o - file.lineStarts[lo] + 1 };
}
/** Offset of the start of a 1-based line. */
function lineStart(file, line) {
    return file.lineStarts[Math.max(0, Math.min(line - 1, file.lineStarts.length - 1))];
}
/** Offset just past the end of the line containing offset, including its line break. */
function lineEndWithBreak(file, offset) {
    const { line } = positionAt(file, offset);
    return line < file.lineStarts.length ? file.lineStarts[line] : file.text.length;
}
/** Offset of the end of the line's content (before \r\n or \n). */
function lineContentEnd(file, offset) {
    let e = lineEndWithBreak(file, offset);
    if (e > 0 && file.text[e - 1] === '\n')
        e--;
    if (e > 0 && file.text[e - 1] === '\r')
        e--;
    return Math.max(e, Math.min(offset, file.text.length));
}
function lineText(file, line) {
    const s = lineStart(file, line);
    return file.text.slice(s, lineContentEnd(file, s));
}
/** The line break style the file uses. */
const eols = new WeakMap();
function eol(file) {
    let e = eols.get(file);
    if (e === undefined)
        eols.set(file, (e = file.text.includes('\r\n') ? '\r\n' : '\n'));
    return e;
}
function span(file, start, end) {
    return { file, start, end: Math.max(start, end) };
}
function toLocation(s) {
    const a = positionAt(s.file, s.start);
    // A span ending just after a newline reports the previous line as its end.
    const endOffset = s.end > s.start && /[\r\n]/.test(s.file.text[s.end - 1] ?? '') ? s.end - 1 : s.end;
    const b = positionAt(s.file, endOffset);
    return { path: s.file.path, startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
}
function spanText(s) {
    return s.file.text.slice(s.start, s.end);
}


/***/ }),

/***/ 8117:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gy: () => (/* binding */ mark),
/* harmony export */   Ig: () => (/* binding */ timingOn),
/* harmony export */   RT: () => (/* binding */ spent),
/* harmony export */   U9: () => (/* binding */ count),
/* harmony export */   UI: () => (/* binding */ parsedFile),
/* harmony export */   XF: () => (/* binding */ timingReport),
/* harmony export */   pm: () => (/* binding */ clock)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Where a scan's time goes, on request: PTRACE_DOCTOR_TIMING=1 makes the CLI
 * print, on stderr, when each phase ended (milliseconds since the process
 * started, so Node's own start-up and loading the bundle show as the first
 * phase) and how many parses each phase did. Off, each call is one test of a
 * constant. The benchmark reads this to show the phases in its report.
 */

const ON = typeof process !== 'undefined' && process.env.PTRACE_DOCTOR_TIMING === '1';
/**
 * With timing on, PTRACE_DOCTOR_TIMING_FILES=PATH also writes there, one per
 * line, "<parser>\t<path>" for each file the scan parsed as YAML or as a
 * Dockerfile (not the fix re-parses): the benchmark's parse floor re-parses
 * exactly these.
 */
const FILES = ON ? process.env.PTRACE_DOCTOR_TIMING_FILES || undefined : undefined;
const parsed = [];
const marks = [];
const counts = new Map();
const times = new Map();
function timingOn() {
    return ON;
}
/** The phase `name` ends now. */
function mark(name) {
    if (ON)
        marks.push([name, performance.now()]);
}
/** One more (or n more) of `what`, e.g. a YAML parse. */
function count(what, n = 1) {
    if (ON)
        counts.set(what, (counts.get(what) ?? 0) + n);
}
/** A start for spent(): now, with timing on; 0 (and no clock read) off. */
function clock() {
    return ON ? performance.now() : 0;
}
/** Add the milliseconds since `start` (from clock()) to the time of `what`, e.g. the parse calls. */
function spent(what, start) {
    if (ON)
        times.set(what, (times.get(what) ?? 0) + (performance.now() - start));
}
/** The scan parsed the file at `path` (relative to the root) with `parser`. */
function parsedFile(parser, path) {
    if (FILES)
        parsed.push(`${parser}\t${path}\n`);
}
/**
 * The report: one line per phase ("phase <name> <ms of the phase> <ms since
 * start>"), then one per counter ("count <what> <n>", in the order first
 * counted), then one per timed activity ("time <what> <ms in all>"). A phase
 * that ran twice (a second discovery pass) is listed twice.
 */
function timingReport() {
    const lines = [];
    let prev = 0;
    for (const [name, at] of marks) {
        lines.push(`phase ${name} ${(at - prev).toFixed(1)} ${at.toFixed(1)}`);
        prev = at;
    }
    for (const [what, n] of counts)
        lines.push(`count ${what} ${n}`);
    for (const [what, ms] of times)
        lines.push(`time ${what} ${ms.toFixed(1)}`);
    if (FILES)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(FILES, parsed.join(''));
    return lines.map((l) => `ptrace-doctor timing: ${l}\n`).join('');
}


/***/ }),

/***/ 8522:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ SEVERITY_ORDER)
/* harmony export */ });
/**
 * Shared types: the contract between discover → parse → model → rules → report/fix.
 * Offsets are UTF-16 code-unit offsets into SourceFile.text; lines and columns are 1-based.
 */
const SEVERITY_ORDER = { error: 3, warning: 2, note: 1 };


/***/ }),

/***/ 181:
/***/ ((module) => {

"use strict";
module.exports = require("buffer");

/***/ }),

/***/ 7598:
/***/ ((module) => {

"use strict";
module.exports = require("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

"use strict";
module.exports = require("node:fs");

/***/ }),

/***/ 6760:
/***/ ((module) => {

"use strict";
module.exports = require("node:path");

/***/ }),

/***/ 932:
/***/ ((module) => {

"use strict";
module.exports = require("process");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it need to be in strict mode.
(() => {
"use strict";

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/builtins.ts + 1 modules
var builtins = __nccwpck_require__(4786);
// EXTERNAL MODULE: ./src/discover/index.ts
var discover = __nccwpck_require__(1835);
// EXTERNAL MODULE: ./src/timing.ts
var timing = __nccwpck_require__(8117);
// EXTERNAL MODULE: ./src/model/project.ts
var model_project = __nccwpck_require__(1852);
// EXTERNAL MODULE: ./src/parse/yaml.ts
var yaml = __nccwpck_require__(8852);
// EXTERNAL MODULE: ./src/parse/yaml-lib.ts
var yaml_lib = __nccwpck_require__(3078);
// EXTERNAL MODULE: ./src/parse/jsonc-lib.ts
var jsonc_lib = __nccwpck_require__(4026);
// EXTERNAL MODULE: ./src/parse/toml-lib.ts
var toml_lib = __nccwpck_require__(645);
// EXTERNAL MODULE: ./src/model/compose.ts + 1 modules
var compose = __nccwpck_require__(4206);
// EXTERNAL MODULE: ./src/model/launch.ts
var launch = __nccwpck_require__(3386);
// EXTERNAL MODULE: ./src/model/commands.ts
var model_commands = __nccwpck_require__(2727);
// EXTERNAL MODULE: ./src/model/scripts.ts + 2 modules
var scripts = __nccwpck_require__(1275);
// EXTERNAL MODULE: ./src/parse/shell.ts
var shell = __nccwpck_require__(1969);
// EXTERNAL MODULE: ./src/model/caps.ts
var caps = __nccwpck_require__(1064);
;// CONCATENATED MODULE: ./src/model/devcontainer.ts








/** Features that add SYS_PTRACE in their own metadata. */
const GRANTING_FEATURES = [/^ghcr\.io\/devcontainers\/features\/go(:|$)/, /\/ptrace-doctor\/delve(:|$)/, /^ghcr\.io\/devcontainers\/features\/rust(:|$)/];
/** Images whose devcontainer.metadata label adds SYS_PTRACE (the devcontainers Go and Rust images). */
const GRANTING_IMAGES = [/^mcr\.microsoft\.com\/(vscode\/)?devcontainers\/(go|rust)(:|$)/];
const GO_FEATURE = /^ghcr\.io\/devcontainers\/features\/go(:|$)/;
const GO_IMAGES = [/^(docker\.io\/)?(library\/)?golang(:|@|$)/, /^mcr\.microsoft\.com\/(vscode\/)?devcontainers\/go(:|$)/];
function strAt(root, file, path) {
    const n = (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, path);
    if (!n || n.type !== 'string')
        return undefined;
    return { value: String(n.value), span: { file, start: n.offset, end: n.offset + n.length } };
}
function strings(root, file, path) {
    const n = (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, path);
    if (!n)
        return [];
    if (n.type === 'string')
        return [{ value: String(n.value), span: { file, start: n.offset, end: n.offset + n.length } }];
    if (n.type !== 'array')
        return [];
    return (n.children ?? []).filter((c) => c.type === 'string').map((c) => ({ value: String(c.value), span: { file, start: c.offset, end: c.offset + c.length } }));
}
function parseDevcontainer(project, file) {
    const errors = [];
    const root = (0,jsonc_lib/* parseTree */.cZ)(file.text, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length > 0 || !root || root.type !== 'object') {
        const off = errors[0]?.offset ?? 0;
        project.problem({ path: file.path, reason: errors.length > 0 ? `could not be parsed as JSON with comments (${(0,jsonc_lib/* printParseErrorCode */._n)(errors[0].error)})` : 'is not a JSON object', span: { file, start: off, end: off } });
        return undefined;
    }
    return { file, root };
}
/** Repository paths of the Compose files a dev container names (`dockerComposeFile`). */
function composeFilesOf(doc) {
    return strings(doc.root, doc.file, ['dockerComposeFile']).map((c) => (0,model_project/* relativeTo */.Mf)(doc.file.path, c.value)).filter((p) => !!p);
}
/** runArgs entries that set capabilities, seccomp or privileged (joined `--flag value` pairs). */
function runArgOptions(args) {
    const capAdd = [];
    const capDrop = [];
    const securityOpt = [];
    const all = [];
    let privileged;
    let user;
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        const m = /^(--cap-add|--cap-drop|--security-opt|--user|-u)(?:=(.*))?$/.exec(a.value);
        if (m) {
            const val = m[2] !== undefined ? { value: m[2], span: a.span } : args[i + 1];
            if (m[2] === undefined)
                i++;
            if (!val)
                continue;
            // Only what PTD004 can move into devcontainer.json properties.
            if (m[1] === '--cap-add' || m[1] === '--security-opt') {
                all.push(a);
                if (m[2] === undefined)
                    all.push(val);
            }
            if (m[1] === '--cap-add')
                capAdd.push(...val.value.split(',').map((v) => ({ value: v, span: val.span })));
            else if (m[1] === '--cap-drop')
                capDrop.push(...val.value.split(',').map((v) => ({ value: v, span: val.span })));
            else if (m[1] === '--security-opt')
                securityOpt.push(val);
            else
                user = val;
            continue;
        }
        if (a.value === '--privileged' || a.value === '--privileged=true') {
            privileged = { value: true, span: a.span };
            all.push(a);
        }
    }
    return { capAdd, capDrop, securityOpt, ...(privileged ? { privileged } : {}), ...(user ? { user } : {}), all };
}
/** A Dockerfile stage chain that copies Go in from a golang image or stage (`COPY --from=golang:1.22 /usr/local/go …`). */
function copiesGo(stage) {
    for (let s = stage; s; s = s.parent) {
        for (const c of s.copies) {
            if (c.from && /(^|\/)golang(:|@|$)/.test(c.from) && c.sources.some((x) => /(^|\/)go(\/|$)|\/usr\/local\/go/.test(x)))
                return { value: c.from, span: c.span };
        }
    }
    return undefined;
}
/** The string commands of a lifecycle property (a string, an exec-form array, or an object of named commands). */
function lifecycleCommands(root, file, key) {
    const n = (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, [key]);
    if (!n)
        return [];
    const values = n.type === 'object' ? (n.children ?? []).map((p) => p.children?.[1]).filter((x) => !!x) : [n];
    const out = [];
    for (const v of values) {
        if (v.type === 'string')
            out.push({ shell: { value: String(v.value), span: { file, start: v.offset, end: v.offset + v.length } } });
        else if (v.type === 'array') {
            const words = (v.children ?? []).filter((c) => c.type === 'string').map((c) => ({ value: String(c.value), start: c.offset, end: c.offset + c.length, quoted: true, map: jsonMap(file, c) }));
            if (words.length > 0)
                out.push({ words });
        }
    }
    return out;
}
/** Source offsets of a JSON string's characters: 1:1 without escapes, else its start. */
function jsonMap(file, n) {
    const value = String(n.value);
    const raw = file.text.slice(n.offset + 1, n.offset + n.length - 1);
    return raw === value ? Array.from({ length: value.length }, (_, k) => n.offset + 1 + k) : Array.from({ length: value.length }, () => n.offset);
}
function devcontainerLaunch(project, doc, services, claimed, linker) {
    const { file, root } = doc;
    const name = strAt(root, file, ['name'])?.value ?? file.path;
    const image = strAt(root, file, ['image']);
    const dockerfileRef = strAt(root, file, ['build', 'dockerfile']) ?? strAt(root, file, ['dockerFile']);
    const context = strAt(root, file, ['build', 'context'])?.value ?? strAt(root, file, ['context'])?.value ?? '.';
    const target = strAt(root, file, ['build', 'target'])?.value;
    const composeFiles = strings(root, file, ['dockerComposeFile']);
    const serviceName = strAt(root, file, ['service']);
    const runArgs = strings(root, file, ['runArgs']);
    const ra = runArgOptions(runArgs);
    let facts;
    let base;
    let linkNotes;
    if (composeFiles.length > 0 && serviceName) {
        const paths = composeFilesOf(doc);
        const svc = services.find((s) => s.name === serviceName.value && s.layers.some((l) => paths.includes(l.y.file.path)));
        // buildModel has read the Compose files the dev container names, discovered or not.
        if (svc) {
            claimed.add(svc);
            base = (0,compose/* composeLaunch */._y)(project, svc, linker);
        }
    }
    else if (dockerfileRef) {
        const p = dockerfileRef.value.startsWith('/') ? undefined : (0,model_project/* relativeTo */.Mf)(file.path, dockerfileRef.value);
        const ctx = (0,model_project/* relativeTo */.Mf)(file.path, context);
        // Always read: its image (FROM golang, Go copied in) is what makes a Go dev container.
        if (p)
            facts = linker.build({ dockerfile: p, ...(ctx !== undefined ? { context: ctx === '.' ? '' : ctx } : {}), ...(target ? { target } : {}) }, [file], { always: true });
    }
    else if (image) {
        const linked = linker.image(image.value, [file]);
        if (linked) {
            facts = linked.facts;
            linkNotes = linked.related;
        }
    }
    const features = (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, ['features']);
    let grantedBy;
    let goFeature;
    for (const prop of features?.type === 'object' ? (features.children ?? []) : []) {
        const key = prop.children?.[0];
        if (!key)
            continue;
        const id = String(key.value);
        const v = { value: id, span: { file, start: key.offset, end: key.offset + key.length } };
        if (GRANTING_FEATURES.some((r) => r.test(id)))
            grantedBy ??= v;
        if (GO_FEATURE.test(id))
            goFeature = v;
    }
    const imageRef = image ?? facts?.stage.image ?? base?.image;
    if (!grantedBy && imageRef && GRANTING_IMAGES.some((r) => r.test(imageRef.value)))
        grantedBy = imageRef;
    // Also the base image of a Dockerfile stage chain.
    if (!grantedBy && facts) {
        for (let s = facts.stage; s; s = s.parent) {
            if (GRANTING_IMAGES.some((r) => r.test(s.image.value))) {
                grantedBy = s.image;
                break;
            }
        }
    }
    const extensions = strings(root, file, ['customizations', 'vscode', 'extensions']);
    const goExt = extensions.find((e) => e.value.toLowerCase() === 'golang.go');
    let goDevcontainer = goFeature ?? goExt;
    if (!goDevcontainer) {
        const imgs = [];
        if (imageRef)
            imgs.push(imageRef);
        if (facts)
            for (let s = facts.stage; s; s = s.parent)
                imgs.push(s.image);
        goDevcontainer = imgs.find((i) => GO_IMAGES.some((r) => r.test(i.value))) ?? copiesGo(facts?.stage ?? base?.stage);
    }
    // Commands the devcontainer runs.
    const tools = [...(base?.tools ?? facts?.tools ?? [])];
    const builds = [...(base?.builds ?? facts?.builds ?? [])];
    // They run in the workspace folder, where the repository is mounted; the scripts they name are followed.
    const wsFolder = strAt(root, file, ['workspaceFolder'])?.value ?? '/workspaces/project';
    const dcDir = external_node_path_.posix.dirname(file.path);
    // devcontainer.json is in .devcontainer/ (or at the root, as .devcontainer.json): the repository root is the workspace.
    const repoRoot = dcDir === '.devcontainer' || dcDir === '.' ? '' : dcDir.endsWith('/.devcontainer') ? dcDir.slice(0, -'/.devcontainer'.length) : '';
    const follow = (0,scripts/* followContext */.xR)(project, { mounts: [{ container: wsFolder.replace(/\/$/, '') || '/', repo: [repoRoot] }, ...(facts?.mounts ?? [])], workdir: wsFolder });
    for (const key of ['onCreateCommand', 'updateContentCommand', 'postCreateCommand', 'postStartCommand', 'postAttachCommand']) {
        for (const c of lifecycleCommands(root, file, key)) {
            let f;
            if ('words' in c)
                f = (0,model_commands/* analyzeWords */.uu)(file, c.words, undefined, follow);
            else {
                // JSON string offsets are 1:1 when there are no escapes.
                const raw = file.text.slice(c.shell.span.start + 1, c.shell.span.end - 1);
                if (raw !== c.shell.value)
                    continue;
                f = (0,model_commands/* analyzeCommands */.rp)(file, (0,shell/* splitShell */.b2)(c.shell.value, { base: c.shell.span.start + 1 }), undefined, follow);
            }
            tools.push(...f.tools);
            builds.push(...f.builds);
        }
    }
    const capAdd = [...(base?.capAdd ?? []), ...strings(root, file, ['capAdd'])];
    const capDrop = [...(base?.capDrop ?? [])];
    const securityOpt = [...(base?.securityOpt ?? []), ...strings(root, file, ['securityOpt'])];
    const privNode = (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, ['privileged']);
    let privileged = base?.privileged;
    if (privNode && privNode.type === 'boolean')
        privileged = { value: (0,jsonc_lib/* getNodeValue */.yQ)(privNode) === true, span: { file, start: privNode.offset, end: privNode.offset + privNode.length } };
    const onCompose = composeFiles.length > 0;
    if (!onCompose) {
        capAdd.push(...ra.capAdd);
        capDrop.push(...ra.capDrop);
        securityOpt.push(...ra.securityOpt);
        if (ra.privileged && !privileged)
            privileged = ra.privileged;
    }
    // appPort: numbers are published as 127.0.0.1:N:N by the devcontainer CLI, strings as written (docker run -p).
    const appPorts = [];
    const forwardPorts = [];
    const portNodes = (key) => {
        const n = (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, [key]);
        if (!n)
            return [];
        return n.type === 'array' ? (n.children ?? []) : [n];
    };
    for (const n of portNodes('appPort')) {
        const span = { file, start: n.offset, end: n.offset + n.length };
        if (n.type === 'number')
            appPorts.push({ hostIp: '127.0.0.1', hostPort: String(n.value), containerPort: String(n.value), protocol: 'tcp', span, kind: 'publish' });
        else if (n.type === 'string') {
            const pm = (0,compose/* parseShortPort */.nX)(String(n.value), span);
            if (pm)
                appPorts.push(pm);
        }
    }
    // runArgs -p/--publish (image- and Dockerfile-based dev containers only).
    for (let i = 0; i < runArgs.length; i++) {
        const a = runArgs[i];
        const m = /^(-p|--publish)(?:=(.*))?$/.exec(a.value);
        if (!m)
            continue;
        const val = m[2] !== undefined ? { value: m[2], span: a.span } : runArgs[++i];
        const pm = val ? (0,compose/* parseShortPort */.nX)(val.value, val.span) : undefined;
        if (pm)
            appPorts.push(pm);
    }
    for (const n of portNodes('forwardPorts')) {
        if (n.type === 'number' || n.type === 'string')
            forwardPorts.push({ value: String(n.value), span: { file, start: n.offset, end: n.offset + n.length } });
    }
    const user = strAt(root, file, ['remoteUser']) ?? strAt(root, file, ['containerUser']) ?? (!onCompose ? ra.user : undefined) ?? base?.user ?? facts?.stage.user;
    const nameNode = (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, ['name']);
    const anchor = nameNode ? { file, start: nameNode.parent?.offset ?? nameNode.offset, end: nameNode.offset + nameNode.length } : { file, start: root.offset, end: root.offset + 1 };
    const launch = {
        id: `devcontainer:${file.path}`,
        kind: 'devcontainer',
        name,
        anchor,
        file,
        ...(imageRef ? { image: imageRef } : {}),
        ...(facts ? { dockerfile: facts.dockerfile, stage: facts.stage } : base?.dockerfile ? { dockerfile: base.dockerfile, ...(base.stage ? { stage: base.stage } : {}) } : {}),
        ...(user ? { user } : {}),
        capAdd,
        capDrop,
        ...(privileged ? { privileged } : {}),
        securityOpt,
        ...(grantedBy ? { grantedBy } : {}),
        hasPtrace: false,
        tools,
        builds,
        ports: [...(base?.ports ?? []), ...(onCompose ? [] : appPorts)],
        ...(forwardPorts.length > 0 ? { forwardPorts } : {}),
        ...(base?.sharedNetwork ? { sharedNetwork: base.sharedNetwork } : {}),
        ...(base?.hostNetwork ? { hostNetwork: base.hostNetwork } : {}),
        ...(goDevcontainer ? { goDevcontainer } : {}),
        ...(onCompose && ra.all.length > 0 ? { ignoredRunArgs: ra.all } : {}),
        ...(linkNotes ?? base?.linkNotes ? { linkNotes: linkNotes ?? base.linkNotes } : {}),
        ...(base?.sharedPid ? { sharedPid: base.sharedPid } : {}),
        ...((facts ?? base)?.fileCapPtrace ? { fileCapPtrace: (facts ?? base).fileCapPtrace } : {}),
        source: { kind: 'devcontainer', doc, ...(base?.source.kind === 'compose' ? { compose: base.source } : {}) },
    };
    launch.hasPtrace = grantedBy !== undefined || (0,caps/* hasCapability */.p0)('SYS_PTRACE', capAdd, capDrop, privileged?.value === true);
    return launch;
}

// EXTERNAL MODULE: ./src/model/relevance.ts
var model_relevance = __nccwpck_require__(1194);
;// CONCATENATED MODULE: ./src/model/helm.ts
/**
 * The image a Helm chart's template names, read from the chart's values:
 * `image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"`
 * in `<chart>/templates/*.yaml` (a template that is valid YAML) becomes the
 * repository and tag of `<chart>/values.yaml` (and `appVersion` of
 * Chart.yaml). Only `.Values.a.b`, `.Chart.AppVersion`/`.Chart.Name` and
 * `| default X` are resolved; anything else leaves the reference unresolved.
 */


const chartCache = new WeakMap();
function chartOf(project, templatePath) {
    let cache = chartCache.get(project);
    if (!cache)
        chartCache.set(project, (cache = new Map()));
    // <chart>/templates/x.yaml (or a sub-directory of templates/).
    const parts = templatePath.split('/');
    const t = parts.lastIndexOf('templates');
    if (t < 0)
        return undefined;
    const root = parts.slice(0, t).join('/');
    if (cache.has(root))
        return cache.get(root);
    const at = (n) => (root ? `${root}/${n}` : n);
    const chartFile = project.file(at('Chart.yaml'), 'kubernetes', { quiet: true });
    const valuesFile = chartFile ? project.file(at('values.yaml'), 'kubernetes', { quiet: true }) : undefined;
    const cy = chartFile ? project.yaml(chartFile) : undefined;
    const y = valuesFile ? project.yaml(valuesFile) : undefined;
    const out = chartFile ? { values: y?.docs[0]?.contents, chart: cy?.docs[0]?.contents, y, cy } : undefined;
    cache.set(root, out);
    return out;
}
/** The image reference with the chart's values substituted; undefined when something stays a template. */
function helmImage(project, templatePath, raw) {
    if (!raw.includes('{{'))
        return raw;
    const chart = chartOf(project, external_node_path_.posix.normalize(templatePath));
    if (!chart)
        return undefined;
    const lookup = (expr) => {
        const e = expr.trim();
        let m = /^\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)$/.exec(e);
        if (m && chart.y) {
            let n = chart.values;
            for (const k of m[1].slice(1).split('.'))
                n = (0,yaml/* get */.Jt)(chart.y, n, k);
            return (0,yaml/* str */.gx)(n);
        }
        m = /^\.Chart\.(AppVersion|Name|Version)$/.exec(e);
        if (m && chart.cy)
            return (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(chart.cy, chart.chart, m[1] === 'AppVersion' ? 'appVersion' : m[1].toLowerCase()));
        m = /^"([^"]*)"$/.exec(e);
        if (m)
            return m[1];
        return undefined;
    };
    let unresolved = false;
    const out = raw.replace(/\{\{-?\s*(.*?)\s*-?\}\}/g, (_, body) => {
        const pipes = body.split('|').map((p) => p.trim());
        let v = lookup(pipes[0]);
        for (const p of pipes.slice(1)) {
            const d = /^default\s+(.+)$/.exec(p);
            if (d && (v === undefined || v === ''))
                v = lookup(d[1]);
            else if (!d) {
                unresolved = true;
                return '';
            }
        }
        if (v === undefined || v === '') {
            unresolved = true;
            return '';
        }
        return v;
    });
    return unresolved ? undefined : out;
}
/** Keys under which rendered content can grant a capability. */
const CAP_KEYS = new Set(['securityContext', 'capabilities', 'add']);
/**
 * Whether a Helm template renders, into the container that spans start..end (offsets of the file as written),
 * content that can set its capabilities and that the model cannot see: a line of its own that renders values
 * or named templates (`{{- toYaml . | nindent 12 }}`, `{{ include "chart.container" . }}`) at the container's
 * own level or under `securityContext`/`capabilities`, or such a key whose value is one
 * (`securityContext: {{- toYaml .Values.securityContext | nindent 12 }}`). Rendered `resources`, labels or env
 * cannot, and `{{- if … }}`/`{{- end }}` only choose among lines that are there.
 */
function rendersHiddenCaps(text, start, end) {
    if (!text.includes('{{'))
        return false;
    const first = text.lastIndexOf('\n', start) + 1;
    const lines = [];
    for (let at = first; at < end;) {
        const nl = text.indexOf('\n', at);
        lines.push({ at, line: text.slice(at, nl < 0 ? text.length : nl) });
        if (nl < 0)
            break;
        at = nl + 1;
    }
    const indent = (l) => l.length - l.trimStart().length;
    const keyOf = (l) => l.trim().replace(/^-\s+/, '').split(':')[0].trim();
    const RENDERS = /\{\{-?\s*(toYaml|include|tpl|template)\b/;
    for (let k = 0; k < lines.length; k++) {
        const { line } = lines[k];
        const i = line.indexOf('{{');
        if (i < 0 || !RENDERS.test(line.slice(i)))
            continue;
        const before = line.slice(0, i).trim();
        if (before.endsWith(':')) {
            if (CAP_KEYS.has(keyOf(before)))
                return true;
            continue;
        }
        if (before !== '')
            continue;
        // The key this line renders under: the nearest line above it that is less indented and is YAML.
        let parent;
        let parentIsContainer = false;
        for (let j = k - 1; j >= 0; j--) {
            const up = lines[j].line;
            const t = up.trim();
            if (t === '' || t.startsWith('{{') || t.startsWith('#') || indent(up) >= indent(line))
                continue;
            parent = keyOf(up);
            parentIsContainer = j === 0;
            break;
        }
        if (parent === undefined || parentIsContainer || CAP_KEYS.has(parent))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/model/kubernetes.ts







const POD_PATHS = {
    Pod: ['spec'],
    Deployment: ['spec', 'template', 'spec'],
    StatefulSet: ['spec', 'template', 'spec'],
    DaemonSet: ['spec', 'template', 'spec'],
    ReplicaSet: ['spec', 'template', 'spec'],
    ReplicationController: ['spec', 'template', 'spec'],
    Job: ['spec', 'template', 'spec'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
function labelsOf(y, n) {
    const out = new Map();
    const m = (0,yaml/* deref */.LA)(y, n);
    if ((0,yaml/* isMapNode */.vz)(m))
        for (const p of m.items) {
            const k = (0,yaml/* str */.gx)(p.key);
            const v = (0,yaml/* str */.gx)((0,yaml/* deref */.LA)(y, p.value));
            if (k && v !== undefined)
                out.set(k, v);
        }
    return out;
}
function seqStrings(y, n) {
    return (0,yaml/* items */.ld)(y, n).filter((i) => !!i && (0,yaml_lib/* isScalar */.jn)(i)).map((i) => ({ value: String(i.value), span: (0,yaml/* nodeSpan */.Vk)(y.file, i) }));
}
/** Add the workloads and Services of these manifests to the model (a new one by default). */
function kubernetesLaunches(project, files, linker, model = { launches: [], services: [], labels: new Map() }, opts = {}) {
    for (const file of files) {
        const y = project.yaml(file, opts);
        if (!y)
            continue;
        for (const doc of y.docs) {
            const root = doc.contents;
            const kind = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, root, 'kind'));
            const metaName = (0,yaml/* str */.gx)((0,yaml/* getPath */.Yn)(y, root, ['metadata', 'name'])) ?? '';
            const namespace = (0,yaml/* str */.gx)((0,yaml/* getPath */.Yn)(y, root, ['metadata', 'namespace'])) ?? 'default';
            if (kind === 'Service') {
                const typeNode = (0,yaml/* getPath */.Yn)(y, root, ['spec', 'type']);
                model.services.push({
                    name: metaName,
                    type: (0,yaml/* str */.gx)(typeNode) ?? 'ClusterIP',
                    typeSpan: typeNode ? (0,yaml/* nodeSpan */.Vk)(file, typeNode) : (0,yaml/* nodeSpan */.Vk)(file, (0,yaml/* get */.Jt)(y, root, 'kind')),
                    ports: (0,yaml/* items */.ld)(y, (0,yaml/* getPath */.Yn)(y, root, ['spec', 'ports'])).filter(yaml/* isMapNode */.vz).map((p) => ({
                        port: (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, p, 'port')) ?? '',
                        targetPort: (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, p, 'targetPort')) ?? (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, p, 'port')) ?? '',
                        span: (0,yaml/* nodeSpan */.Vk)(file, p),
                    })),
                    selector: labelsOf(y, (0,yaml/* getPath */.Yn)(y, root, ['spec', 'selector'])),
                    namespace,
                });
                continue;
            }
            const podPath = kind ? POD_PATHS[kind] : undefined;
            if (!podPath)
                continue;
            const pod = (0,yaml/* getPath */.Yn)(y, root, podPath);
            if (!(0,yaml/* isMapNode */.vz)(pod))
                continue;
            const tmplLabels = labelsOf(y, kind === 'Pod' ? (0,yaml/* getPath */.Yn)(y, root, ['metadata', 'labels']) : (0,yaml/* getPath */.Yn)(y, root, [...podPath.slice(0, -1), 'metadata', 'labels']));
            const podSec = (0,yaml/* get */.Jt)(y, pod, 'securityContext');
            const hostNet = (0,yaml/* get */.Jt)(y, pod, 'hostNetwork');
            const shareNs = (0,yaml/* get */.Jt)(y, pod, 'shareProcessNamespace');
            for (const listKey of ['containers', 'initContainers', 'ephemeralContainers']) {
                for (const c of (0,yaml/* items */.ld)(y, (0,yaml/* get */.Jt)(y, pod, listKey))) {
                    if (!(0,yaml/* isMapNode */.vz)(c))
                        continue;
                    const cname = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, c, 'name')) ?? '?';
                    const sc = (0,yaml/* get */.Jt)(y, c, 'securityContext');
                    const capAdd = seqStrings(y, (0,yaml/* getPath */.Yn)(y, sc, ['capabilities', 'add']));
                    const capDrop = seqStrings(y, (0,yaml/* getPath */.Yn)(y, sc, ['capabilities', 'drop']));
                    const privNode = (0,yaml/* get */.Jt)(y, sc, 'privileged');
                    const privileged = privNode && (0,yaml/* bool */.lc)(privNode) !== undefined ? { value: (0,yaml/* bool */.lc)(privNode), span: (0,yaml/* nodeSpan */.Vk)(file, privNode) } : undefined;
                    const securityOpt = [];
                    for (const s of [sc, podSec]) {
                        const t = (0,yaml/* getPath */.Yn)(y, s, ['seccompProfile', 'type']);
                        if ((0,yaml/* str */.gx)(t) === 'Unconfined') {
                            securityOpt.push({ value: 'seccomp=unconfined', span: (0,yaml/* nodeSpan */.Vk)(file, t) });
                            break;
                        }
                        if (t)
                            break;
                    }
                    const runAs = (0,yaml/* get */.Jt)(y, sc, 'runAsUser') ?? (0,yaml/* get */.Jt)(y, podSec, 'runAsUser');
                    // runAsNonRoot without a runAsUser: some non-root user (the image's USER, which must not be 0).
                    const nonRootNode = [(0,yaml/* get */.Jt)(y, sc, 'runAsNonRoot'), (0,yaml/* get */.Jt)(y, podSec, 'runAsNonRoot')].find((n) => (0,yaml/* bool */.lc)(n) === true);
                    const image = (0,yaml/* get */.Jt)(y, c, 'image');
                    // A Helm template's image comes from the chart's values.
                    const written = (0,yaml/* str */.gx)(image);
                    const imageName = written !== undefined ? helmImage(project, file.path, written) : undefined;
                    // The image's Dockerfile, when the repository builds it (images.ts).
                    const linked = imageName ? linker.image(imageName, [file]) : undefined;
                    const img = linked?.facts;
                    const wordsOf = (key) => (0,yaml/* items */.ld)(y, (0,yaml/* get */.Jt)(y, c, key)).filter((i) => !!i && (0,yaml_lib/* isScalar */.jn)(i)).map((s) => (0,yaml/* scalarWord */.F4)(file, s));
                    const command = wordsOf('command');
                    const args = wordsOf('args');
                    const wd = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, c, 'workingDir'));
                    const follow = (0,scripts/* followContext */.xR)(project, { mounts: img?.mounts ?? [], workdir: wd ?? img?.stage.workdir ?? '/' });
                    // command replaces the image's ENTRYPOINT (and drops its CMD); args replace CMD.
                    let facts;
                    if (command.length > 0)
                        facts = (0,model_commands/* analyzeWords */.uu)(file, [...command, ...args], undefined, follow);
                    else if (args.length > 0) {
                        const entry = img?.stage.entrypoint;
                        facts = entry && entry.form === 'exec' ? (0,model_project/* runFacts */.pI)(entry, { form: 'exec', words: args, span: (0,yaml/* nodeSpan */.Vk)(file, (0,yaml/* get */.Jt)(y, c, 'args')), facts: (0,model_commands/* analyzeWords */.uu)(file, args) }, follow) : (0,model_commands/* analyzeWords */.uu)(file, args, undefined, follow);
                    }
                    else
                        facts = img ? (linked?.entrypoint ? (0,model_project/* runFacts */.pI)(linked.entrypoint, undefined, follow) : (0,model_project/* runFacts */.pI)(img.stage.entrypoint, img.stage.cmd, follow)) : { tools: [], builds: [] };
                    if (img)
                        facts = { tools: [...(0,model_project/* imageTools */.JY)(img, command.length > 0 || args.length > 0, facts, follow), ...facts.tools], builds: [...img.builds, ...facts.builds] };
                    const ports = [];
                    for (const p of (0,yaml/* items */.ld)(y, (0,yaml/* get */.Jt)(y, c, 'ports'))) {
                        if (!(0,yaml/* isMapNode */.vz)(p))
                            continue;
                        const hp = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, p, 'hostPort'));
                        const cp = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, p, 'containerPort')) ?? '';
                        const pname = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, p, 'name'));
                        ports.push({ hostIp: (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, p, 'hostIP')) ?? '', hostPort: hp ?? '', containerPort: cp, protocol: ((0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, p, 'protocol')) ?? 'TCP').toLowerCase(), span: (0,yaml/* nodeSpan */.Vk)(file, p), kind: hp ? 'hostPort' : 'service', ...(pname ? { name: pname } : {}) });
                    }
                    const nameNode = (0,yaml/* get */.Jt)(y, c, 'name');
                    const id = `kubernetes:${file.path}#${kind}/${metaName}/${cname}`;
                    const launch = {
                        id,
                        kind: 'kubernetes',
                        name: `${kind}/${metaName} container ${cname}`,
                        anchor: (0,yaml/* nodeSpan */.Vk)(file, nameNode ?? c),
                        file,
                        ...(image && (0,yaml/* str */.gx)(image) ? { image: { value: (0,yaml/* str */.gx)(image), span: (0,yaml/* nodeSpan */.Vk)(file, image) } } : {}),
                        ...(runAs && (0,yaml/* str */.gx)(runAs) !== undefined ? { user: { value: (0,yaml/* str */.gx)(runAs), span: (0,yaml/* nodeSpan */.Vk)(file, runAs) } } : nonRootNode ? { user: { value: 'non-root (runAsNonRoot)', span: (0,yaml/* nodeSpan */.Vk)(file, nonRootNode) } } : img?.stage.user ? { user: img.stage.user } : {}),
                        capAdd,
                        capDrop,
                        ...(privileged ? { privileged } : {}),
                        securityOpt,
                        hasPtrace: (0,caps/* hasCapability */.p0)('SYS_PTRACE', capAdd, capDrop, privileged?.value === true),
                        ...(c.range && rendersHiddenCaps(file.text, c.range[0], c.range[2]) ? { capsUnknown: true } : {}),
                        tools: facts.tools,
                        builds: facts.builds,
                        ports,
                        ...((0,yaml/* bool */.lc)(hostNet) ? { hostNetwork: (0,yaml/* nodeSpan */.Vk)(file, hostNet) } : {}),
                        ...((0,yaml/* bool */.lc)(shareNs) ? { processNamespaceShared: (0,yaml/* nodeSpan */.Vk)(file, shareNs) } : {}),
                        ...(img ? { dockerfile: img.dockerfile, stage: img.stage } : {}),
                        ...(img?.fileCapPtrace ? { fileCapPtrace: img.fileCapPtrace } : {}),
                        ...(linked ? { linkNotes: linked.related } : {}),
                        ...(listKey === 'ephemeralContainers' && (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, c, 'targetContainerName')) ? { sharedPid: { value: `container:${(0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, c, 'targetContainerName'))}`, span: (0,yaml/* nodeSpan */.Vk)(file, (0,yaml/* get */.Jt)(y, c, 'targetContainerName')) } } : {}),
                        source: { kind: 'kubernetes', y, container: c, name: cname },
                    };
                    model.launches.push(launch);
                    model.labels.set(id, tmplLabels);
                }
            }
        }
    }
    return model;
}

// EXTERNAL MODULE: ./src/source.ts
var source = __nccwpck_require__(4998);
// EXTERNAL MODULE: ./src/model/cmdfiles.ts
var cmdfiles = __nccwpck_require__(7198);
// EXTERNAL MODULE: ./src/parse/dockerfile.ts
var dockerfile = __nccwpck_require__(6413);
;// CONCATENATED MODULE: ./src/model/link.ts
/**
 * Linking a container to the Dockerfile behind it: a build it declares (a
 * Compose `build:`, a devcontainer's `build`), or an image name it runs that
 * the repository builds somewhere else (images.ts). Every Dockerfile stage a
 * runtime links is remembered, so that a Dockerfile's own launch (one with an
 * unknown runtime, dockerfiles.ts) is made only for stages nothing runs.
 */






/** File names a builder tries in a context when no Dockerfile is named (facts: /work/research, docs/linking.md). */
function defaultNames(flavor = 'docker') {
    // docker build, buildx and BuildKit: Dockerfile, then lowercase dockerfile; podman/buildah: Containerfile, then Dockerfile.
    return flavor === 'podman' ? ['Containerfile', 'Dockerfile'] : ['Dockerfile', 'dockerfile'];
}
class Linker {
    project;
    index;
    relevance;
    /** `<dockerfile path>#<stage index>` of every stage a runtime links. */
    used = new Set();
    inlineDocs = new Map();
    constructor(project, index, relevance) {
        this.project = project;
        this.index = index;
        this.relevance = relevance;
    }
    /** The Dockerfile a build uses: the named one, else the first default name that exists in the context. */
    dockerfilePath(b) {
        if (b.dockerfile !== undefined)
            return b.dockerfile;
        if (b.context === undefined)
            return undefined;
        const names = defaultNames(b.flavor);
        for (const n of names) {
            const p = (0,scripts/* repoJoin */.pg)(b.context, n);
            if (p !== undefined && this.project.exists(p, 'dockerfile'))
                return p;
        }
        return (0,scripts/* repoJoin */.pg)(b.context, names[0]);
    }
    /**
     * The facts of a build. `files` are the runtime's own files: with the
     * relevance filter, the Dockerfile is parsed only when the launch may
     * matter (it or they mention a debugger, or link to what does).
     */
    build(b, files, opts = {}) {
        let doc;
        let dfPath;
        if (b.inline) {
            const key = `${b.inline.span.file.path}@${b.inline.span.start}`;
            if (!this.inlineDocs.has(key))
                this.inlineDocs.set(key, (0,dockerfile/* parseInlineDockerfile */.hb)(b.inline));
            doc = this.inlineDocs.get(key);
            dfPath = key;
        }
        else {
            dfPath = this.dockerfilePath(b);
            if (dfPath === undefined)
                return undefined;
            const p = dfPath;
            if (!opts.always && this.relevance && !this.relevance.launchMayMatter(files, () => this.project.file(p, 'dockerfile')))
                return undefined;
            doc = this.project.dockerfile(dfPath);
        }
        if (!doc)
            return undefined;
        const contexts = b.context !== undefined ? [b.context] : [external_node_path_.posix.dirname(dfPath) === '.' ? '' : external_node_path_.posix.dirname(dfPath), ''].filter((c, i, a) => a.indexOf(c) === i);
        const facts = (0,model_project/* imageFacts */.JC)(doc, b.target, { project: this.project, contexts });
        if (facts)
            this.markUsed(doc, b.target);
        return facts;
    }
    markUsed(doc, target) {
        const st = (0,dockerfile/* targetStage */.Ae)(doc, target);
        if (st)
            this.used.add(`${doc.file.path}#${st.index}`);
    }
    /** The build behind an image name a runtime runs, with where it is built. */
    image(raw, files) {
        const link = this.index.lookup(raw, files[0]?.path);
        if (!link)
            return undefined;
        const spec = link.build.spec;
        const facts = this.build({ ...(spec.context !== undefined ? { context: spec.context } : {}), ...(spec.dockerfile !== undefined ? { dockerfile: spec.dockerfile } : {}), ...(spec.target !== undefined ? { target: spec.target } : {}), ...(spec.inline ? { inline: spec.inline } : {}), flavor: spec.flavor ?? 'docker' }, [...files, spec.file]);
        if (!facts)
            return undefined;
        const span = link.build.tag.span;
        const related = [{ span, message: link.note ?? `The image \`${raw.trim()}\` is built here (${facts.dockerfile.file.path}${spec.target ? `, stage ${spec.target}` : ''}).` }];
        const ep = spec.entrypoint;
        let entrypoint;
        if (ep?.form === 'exec')
            entrypoint = { form: 'exec', words: ep.words, span: ep.span, facts: (0,model_commands/* analyzeWords */.uu)(ep.span.file, ep.words) };
        else if (ep) {
            const cmds = (0,shell/* splitWord */.Nr)(ep.words[0]);
            entrypoint = { form: 'shell', words: cmds.flatMap((c) => c.words), commands: cmds, span: ep.span, facts: (0,model_commands/* analyzeCommands */.rp)(ep.span.file, cmds) };
        }
        if (entrypoint)
            related.push({ span: ep.span, message: "The container runs this instead of the image's ENTRYPOINT." });
        return { facts, related, ...(entrypoint ? { entrypoint } : {}) };
    }
}

;// CONCATENATED MODULE: ./src/model/runlines.ts
/**
 * `docker run`, `docker container run`, `podman run` and `nerdctl run` lines
 * in shell scripts, Makefile recipes, workflow `run:` blocks and the other
 * command files (cmdfiles.ts); and the image builds those files declare.
 */









const VALUE_FLAGS = new Set([
    '-a', '--attach', '--add-host', '--annotation', '--blkio-weight', '--blkio-weight-device', '--cap-add', '--cap-drop', '--cgroup-parent', '--cgroupns', '--cidfile',
    '--cpu-period', '--cpu-quota', '--cpu-rt-period', '--cpu-rt-runtime', '-c', '--cpu-shares', '--cpus', '--cpuset-cpus', '--cpuset-mems', '--device', '--device-cgroup-rule',
    '--device-read-bps', '--device-read-iops', '--device-write-bps', '--device-write-iops', '--dns', '--dns-option', '--dns-search', '--domainname', '--entrypoint', '-e', '--env',
    '--env-file', '--expose', '--gpus', '--group-add', '--health-cmd', '--health-interval', '--health-retries', '--health-start-period', '--health-timeout', '-h', '--hostname',
    '--ip', '--ip6', '--ipc', '--isolation', '--kernel-memory', '-l', '--label', '--label-file', '--link', '--link-local-ip', '--log-driver', '--log-opt', '--mac-address',
    '-m', '--memory', '--memory-reservation', '--memory-swap', '--memory-swappiness', '--mount', '--name', '--network', '--net', '--network-alias', '--net-alias', '--oom-score-adj',
    '--pid', '--pids-limit', '--platform', '-p', '--publish', '--pull', '--restart', '--runtime', '--security-opt', '--shm-size', '--stop-signal', '--stop-timeout',
    '--storage-opt', '--sysctl', '--tmpfs', '--ulimit', '-u', '--user', '--userns', '--uts', '-v', '--volume', '--volume-driver', '--volumes-from', '-w', '--workdir',
    '--arch', '--os', '--variant', '--pod', '--secret', '--cgroup-conf', '--hooks-dir',
]);
const SHORT_VALUE = new Set(['a', 'c', 'e', 'h', 'l', 'm', 'p', 'u', 'v', 'w']);
function basename(v) {
    return v.slice(v.lastIndexOf('/') + 1);
}
/** Index of the word after `docker run` / `docker container run` / `podman run`, or -1. */
function runIndex(words) {
    let k = 0;
    while (k < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k].value) || words[k].value === 'sudo' || words[k].value === 'exec'))
        k++;
    const head = basename(words[k]?.value ?? '');
    if (!['docker', 'podman', 'nerdctl'].includes(head))
        return -1;
    let j = k + 1;
    // Global flags such as --context x or -H host.
    while (j < words.length && words[j].value.startsWith('-'))
        j += /^(--context|-c|-H|--host|--config|--log-level|--url|--connection)$/.test(words[j].value) ? 2 : 1;
    if (words[j]?.value === 'run')
        return j + 1;
    if (words[j]?.value === 'container' && words[j + 1]?.value === 'run')
        return j + 2;
    return -1;
}
/** Builder commands: docker/podman/nerdctl build, docker buildx build, docker image build, buildah bud/build. */
function buildIndex(words) {
    const w = words.map((x) => x.value);
    const k = w.findIndex((v) => ['docker', 'podman', 'nerdctl', 'buildah'].includes(basename(v)));
    if (k < 0)
        return undefined;
    const tool = basename(w[k]);
    const flavor = tool === 'podman' || tool === 'buildah' ? 'podman' : 'docker';
    let j = k + 1;
    while (j < w.length && w[j].startsWith('-'))
        j += /^(--context|-c|-H|--host|--config|--log-level|--url|--connection)$/.test(w[j]) ? 2 : 1;
    const r0 = w[j];
    const r1 = w[j + 1];
    if (tool === 'buildah')
        return r0 === 'bud' || r0 === 'build' ? { at: j + 1, flavor } : undefined;
    if (r0 === 'build')
        return { at: j + 1, flavor };
    if ((r0 === 'buildx' || r0 === 'image' || r0 === 'builder') && r1 === 'build')
        return { at: j + 2, flavor };
    return undefined;
}
/**
 * Variables that commands of the file set for the command they start
 * (`COMPONENT=tempo $(MAKE) docker-component-debug`, `IMAGE=app ./build.sh`),
 * each with the one literal value the file gives it; a name given two
 * values is left out (which one applies depends on how the file is run).
 */
function prefixAssignments(commands) {
    const out = new Map();
    const conflicting = new Set();
    for (const c of commands) {
        for (const w of c.words) {
            const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value);
            if (!m)
                break;
            const [, name, value] = m;
            if (value.includes('$') || value === '')
                continue;
            if (out.has(name) && out.get(name) !== value)
                conflicting.add(name);
            else
                out.set(name, value);
        }
    }
    for (const n of conflicting)
        out.delete(n);
    return out;
}
/** $(NAME), ${NAME} and $NAME replaced from vars; others left as written. */
function substitute(value, vars) {
    if (vars.size === 0 || !value.includes('$'))
        return value;
    return value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a, b, c) => vars.get((a ?? b ?? c)) ?? m);
}
/**
 * The image builds of a file's commands (`docker build -t NAME [-f FILE] CONTEXT`):
 * entries of the image index. `-f` and the context are relative to the
 * directory the command runs in, which a file does not say: the file's own
 * directory is tried first (a Makefile's), then the repository root (a script
 * run from the root), and the first where the Dockerfile exists is taken.
 */
function commandBuildSpecs(project, file, commands, expandOwn = (v) => v) {
    const out = [];
    const prefix = prefixAssignments(commands);
    const expand = (v) => substitute(expandOwn(v), prefix);
    const fileDir = external_node_path_.posix.dirname(file.path) === '.' ? '' : external_node_path_.posix.dirname(file.path);
    for (const c of commands) {
        const bi = buildIndex(c.words);
        if (!bi)
            continue;
        const rest = c.words.slice(bi.at);
        const tags = [];
        let dockerfile;
        let target;
        let context;
        for (let i = 0; i < rest.length; i++) {
            const w = rest[i];
            const v = w.value;
            const take = () => rest[++i];
            const tag = (word, from = 0) => {
                if (word)
                    tags.push({ value: expand(word.value.slice(from)), span: (0,model_commands/* wordSpan */.BW)(file, word) });
            };
            if (v === '-t' || v === '--tag')
                tag(take());
            else if (v.startsWith('--tag='))
                tag(w, 6);
            else if (v.startsWith('-t') && v.length > 2 && !v.startsWith('--'))
                tag(w, v[2] === '=' ? 3 : 2);
            else if (v === '-f' || v === '--file')
                dockerfile = expand(take()?.value ?? '');
            else if (v.startsWith('--file='))
                dockerfile = expand(v.slice(7));
            else if (v === '--target')
                target = expand(take()?.value ?? '');
            else if (v.startsWith('--target='))
                target = expand(v.slice(9));
            else if (/^--(build-arg|label|platform|cache-from|cache-to|secret|ssh|network|output|progress|add-host|iidfile|builder|build-context|annotation|attest|metadata-file|shm-size|ulimit|cgroup-parent|isolation|memory|memory-swap|cpu-shares|cpuset-cpus|format|layers|squash-all|jobs|arch|os|variant)$/.test(v) || v === '-o')
                take();
            else if (!v.startsWith('-'))
                context = expand(v);
        }
        if (tags.length === 0)
            continue;
        const ctxRaw = context ?? '.';
        if (/^[a-z]+:\/\//i.test(ctxRaw) || ctxRaw === '-' || ctxRaw.includes('$') || dockerfile === '-' || (dockerfile ?? '').includes('$'))
            continue;
        let chosen;
        for (const cwd of [fileDir, '']) {
            const ctx = (0,scripts/* repoJoin */.pg)(cwd, ctxRaw);
            if (ctx === undefined)
                continue;
            const df = dockerfile !== undefined ? (0,scripts/* repoJoin */.pg)(cwd, dockerfile) : undefined;
            if (dockerfile !== undefined && df === undefined)
                continue;
            const cand = { context: ctx, ...(df !== undefined ? { dockerfile: df } : {}) };
            const exists = df !== undefined ? project.exists(df, 'dockerfile') : defaultNames(bi.flavor).some((n) => project.exists((0,scripts/* repoJoin */.pg)(ctx, n) ?? '', 'dockerfile'));
            if (exists) {
                chosen = cand;
                break;
            }
            chosen ??= cand;
            if (fileDir === '')
                break;
        }
        if (!chosen)
            continue;
        out.push({ file, span: { file, start: c.words[0].start, end: c.words[c.words.length - 1].end }, tags, how: 'command', flavor: bi.flavor, ...chosen, ...(target ? { target } : {}) });
    }
    return out;
}
/** The bind mounts of `-v SRC:DST[:opts]` / `--volume` / `--mount type=bind,source=…,target=…` flags. */
function runMounts(flags, expand, baseDirs) {
    const out = [];
    for (const f of flags) {
        let source;
        let target;
        if (f.name === '-v' || f.name === '--volume') {
            const parts = (0,compose/* splitPortSpec */.RJ)(expand(f.value));
            if (parts.length >= 2)
                [source, target] = [parts[0], parts[1]];
        }
        else if (f.name === '--mount') {
            const kv = new Map(expand(f.value).split(',').map((p) => { const i = p.indexOf('='); return [i < 0 ? p : p.slice(0, i), i < 0 ? '' : p.slice(i + 1)]; }));
            if ((kv.get('type') ?? 'volume') !== 'bind')
                continue;
            source = kv.get('source') ?? kv.get('src');
            target = kv.get('target') ?? kv.get('dst') ?? kv.get('destination');
        }
        if (source === undefined || target === undefined)
            continue;
        const m = (0,scripts/* bindMount */.Dy)(source, target, baseDirs);
        if (m)
            out.push(m);
    }
    return out.reverse();
}
/**
 * The `docker run` (podman, nerdctl) lines of these scripts, Makefiles,
 * workflows and other command files. The image a line runs is linked to its
 * build anywhere in the repository (the linker's image index); the scripts
 * its command runs are followed through its -v mounts and the image's COPYs.
 */
function runLineLaunches(project, files, linker) {
    const out = [];
    for (const file of files) {
        const cf = (0,cmdfiles/* commandFileOf */.j)(project, file);
        const commands = cf.commands;
        const fileDir = external_node_path_.posix.dirname(file.path) === '.' ? '' : external_node_path_.posix.dirname(file.path);
        for (const c of commands) {
            const words = c.words;
            const ri = runIndex(words);
            if (ri < 0)
                continue;
            const flags = [];
            let i = ri;
            for (; i < words.length; i++) {
                const w = words[i];
                const v = w.value;
                if (v === '--') {
                    i++;
                    break;
                }
                if (!v.startsWith('-') || v === '-')
                    break;
                const eq = v.indexOf('=');
                if (v.startsWith('--') && eq > 0) {
                    flags.push({ name: v.slice(0, eq), value: v.slice(eq + 1), start: w.start, end: w.end, valueWord: w, valueFrom: eq + 1 });
                    continue;
                }
                const takesValue = VALUE_FLAGS.has(v) || (!v.startsWith('--') && v.length > 2 && SHORT_VALUE.has(v[v.length - 1]));
                if (takesValue && words[i + 1]) {
                    const vw = words[i + 1];
                    const name = !v.startsWith('--') && v.length > 2 ? `-${v[v.length - 1]}` : v;
                    flags.push({ name, value: vw.value, start: w.start, end: vw.end, valueWord: vw, valueFrom: 0 });
                    i++;
                    continue;
                }
                flags.push({ name: v, value: '', start: w.start, end: w.end, valueFrom: 0 });
            }
            const imageWord = words[i];
            if (!imageWord)
                continue;
            const cmdWords = words.slice(i + 1);
            const val = (f) => ({ value: f.value, span: f.valueWord ? { file, start: f.valueWord.map[f.valueFrom] ?? f.valueWord.start, end: f.valueWord.end } : { file, start: f.start, end: f.end } });
            const capAdd = flags.filter((f) => f.name === '--cap-add').flatMap((f) => f.value.split(',').map((v) => ({ value: v, span: val(f).span })));
            const capDrop = flags.filter((f) => f.name === '--cap-drop').flatMap((f) => f.value.split(',').map((v) => ({ value: v, span: val(f).span })));
            const securityOpt = flags.filter((f) => f.name === '--security-opt').map(val);
            const privFlag = flags.find((f) => f.name === '--privileged' && f.value !== 'false');
            const privileged = privFlag ? { value: true, span: { file, start: privFlag.start, end: privFlag.end } } : undefined;
            const userFlag = flags.find((f) => f.name === '-u' || f.name === '--user');
            const netFlag = flags.find((f) => (f.name === '--network' || f.name === '--net') && f.value === 'host');
            const sharedNet = flags.find((f) => (f.name === '--network' || f.name === '--net') && /^container:/.test(f.value));
            const pidFlag = flags.find((f) => f.name === '--pid' && /^container:./.test(f.value));
            const publishAll = flags.find((f) => f.name === '-P' || f.name === '--publish-all' || (!f.name.startsWith('--') && /^-[a-zA-Z]*P[a-zA-Z]*$/.test(f.name)));
            const ports = flags.filter((f) => f.name === '-p' || f.name === '--publish').map((f) => (0,compose/* parseShortPort */.nX)(f.value, val(f).span, cf.expand)).filter((p) => !!p);
            const entry = flags.find((f) => f.name === '--entrypoint');
            const workdirFlag = flags.find((f) => f.name === '-w' || f.name === '--workdir');
            // The build of the image it runs, anywhere in the repository.
            const linked = linker.image(cf.expand(imageWord.value), [file]);
            const facts = linked?.facts;
            const follow = (0,scripts/* followContext */.xR)(project, { mounts: [...runMounts(flags, cf.expand, [fileDir, '']), ...(facts?.mounts ?? [])], workdir: (workdirFlag && cf.expand(workdirFlag.value)) || facts?.stage.workdir || '/' });
            // --entrypoint replaces the image's ENTRYPOINT and drops its CMD; the words after the image replace CMD.
            const entryCmd = entry?.valueWord ? { form: 'exec', words: [entry.valueWord], span: val(entry).span, facts: { tools: [], builds: [] } } : undefined;
            const argsCmd = cmdWords.length > 0 ? { form: 'exec', words: cmdWords, span: { file, start: cmdWords[0].start, end: cmdWords[cmdWords.length - 1].end }, facts: { tools: [], builds: [] } } : undefined;
            const run = entryCmd ?? argsCmd
                ? (0,model_project/* runFacts */.pI)(entryCmd ?? facts?.stage.entrypoint, argsCmd ?? (entryCmd ? undefined : facts?.stage.cmd), follow)
                : facts ? (0,model_project/* runFacts */.pI)(facts.stage.entrypoint, facts.stage.cmd, follow) : { tools: [], builds: [] };
            const runWord = words[ri - 1];
            const line = (0,source/* positionAt */.t$)(file, runWord.start).line;
            const launch = {
                id: `run:${file.path}:${line}`,
                kind: 'run',
                name: `${basename(words.find((w) => ['docker', 'podman', 'nerdctl'].includes(basename(w.value))).value)} run ${imageWord.value} (line ${line})`,
                anchor: { file, start: words[0].start, end: imageWord.end },
                file,
                image: { value: imageWord.value, span: (0,model_commands/* wordSpan */.BW)(file, imageWord) },
                ...(facts ? { dockerfile: facts.dockerfile, stage: facts.stage } : {}),
                ...(userFlag ? { user: val(userFlag) } : facts?.stage.user ? { user: facts.stage.user } : {}),
                capAdd,
                capDrop,
                ...(privileged ? { privileged } : {}),
                securityOpt,
                hasPtrace: (0,caps/* hasCapability */.p0)('SYS_PTRACE', capAdd, capDrop, !!privileged),
                tools: [...(0,model_project/* imageTools */.JY)(facts, !!(entryCmd ?? argsCmd), run, follow), ...run.tools],
                builds: [...(facts?.builds ?? []), ...run.builds],
                ports,
                ...(netFlag ? { hostNetwork: { file, start: netFlag.start, end: netFlag.end } } : {}),
                ...(sharedNet ? { sharedNetwork: val(sharedNet) } : {}),
                ...(pidFlag ? { sharedPid: val(pidFlag) } : {}),
                ...(linked ? { linkNotes: linked.related } : {}),
                ...(facts?.fileCapPtrace ? { fileCapPtrace: facts.fileCapPtrace } : {}),
                ...(publishAll ? { publishAll: { file, start: publishAll.start, end: publishAll.end } } : {}),
                source: { kind: 'run', file, insertAt: runWord.end, flags: flags.map((f) => ({ name: f.name, value: f.value, start: f.start, end: f.end })) },
            };
            out.push(launch);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/parse/hcl.ts
/**
 * HCL2 native syntax, the subset `docker buildx bake` files use, parsed by a
 * tokenizer and a recursive-descent parser written from the hclsyntax
 * specification (github.com/hashicorp/hcl, hclsyntax/spec.md). Every node
 * keeps its source range: `start`/`end` are UTF-16 offsets into the text,
 * `end` exclusive, so `text.slice(node.start, node.end)` is the node's source.
 *
 * What is modelled: bodies of attributes (`name = expr`) and blocks
 * (`type "label" ident { body }`, one-line blocks too); expressions: quoted
 * templates (literal parts unescaped, interpolations and directives kept as
 * raw text), heredocs (`<<EOF`, `<<-EOF`), numbers, `true`/`false`/`null`,
 * tuples, objects, traversals (`var.x`, `target.foo.tags`, `a[0]`) and
 * function calls. Operations, conditionals, `for` expressions and splats are
 * parsed (so that a file using them parses) and kept as opaque expressions
 * with their raw text.
 *
 * Hostile input: the tokenizer and the parser are linear in the text; nesting
 * (blocks, brackets, parentheses, conditionals, interpolations inside
 * strings inside interpolations) deeper than MAX_DEPTH levels is an error,
 * never a stack overflow.
 *
 * Where this is laxer than the specification: identifiers may start with `_`
 * (as hclsyntax's scanner allows); a lone CR is whitespace; the closing
 * heredoc marker may be indented for `<<` as well as `<<-`.
 */
class HclError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
        this.name = 'HclError';
    }
}
/** Nesting deeper than this is refused with an HclError. */
const MAX_DEPTH = 64;
// ---------------------------------------------------------------------------
// Characters
const C_TAB = 9;
const C_LF = 10;
const C_CR = 13;
const C_SPACE = 32;
const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}-]/u;
function isDigit(c) {
    return c >= 48 && c <= 57;
}
/** Length (1 or 2 UTF-16 units) of an identifier character at i, 0 when there is none. */
function identChar(text, i, first) {
    const c = text.charCodeAt(i);
    if (c < 128) {
        if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)
            return 1;
        if (!first && (isDigit(c) || c === 45))
            return 1;
        return 0;
    }
    if (Number.isNaN(c))
        return 0;
    const cp = text.codePointAt(i);
    const ch = String.fromCodePoint(cp);
    return (first ? ID_START : ID_CONTINUE).test(ch) ? ch.length : 0;
}
function identEnd(text, i) {
    let n = identChar(text, i, true);
    if (n === 0)
        return i;
    let j = i + n;
    while ((n = identChar(text, j, false)) > 0)
        j += n;
    return j;
}
function describe(text, i) {
    if (i >= text.length)
        return 'end of file';
    const cp = text.codePointAt(i);
    const ch = String.fromCodePoint(cp);
    return cp < 32 || cp === 127 ? `character U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `"${ch}"`;
}
/**
 * The offset of the `}` that closes the interpolation or directive whose body
 * starts at `from`, skipping nested braces, strings, interpolations inside
 * them and comments. Iterative, with an explicit stack bounded by MAX_DEPTH.
 */
function sequenceEnd(text, from, limit, opener, seqStart) {
    const unclosed = opener === 36 ? 'an interpolation ${ is not closed' : 'a template directive %{ is not closed';
    // Stack entries: 0 = a `{` in expression code, 1 = a quoted string, 2 = an interpolation inside such a string.
    const stack = [];
    let j = from;
    while (j < limit) {
        const c = text.charCodeAt(j);
        const top = stack.length > 0 ? stack[stack.length - 1] : -1;
        if (top === 1) {
            if (c === 92 /* \ */) {
                j += 2;
                continue;
            }
            if (c === 34 /* " */) {
                stack.pop();
                j++;
                continue;
            }
            if (c === C_LF)
                throw new HclError(`${unclosed} (a string inside it runs past its line)`, seqStart);
            if ((c === 36 /* $ */ || c === 37) /* % */ && text.charCodeAt(j + 1) === c && text.charCodeAt(j + 2) === 123) {
                j += 3;
                continue;
            }
            if ((c === 36 || c === 37) && text.charCodeAt(j + 1) === 123 /* { */) {
                stack.push(2);
                if (stack.length > MAX_DEPTH)
                    throw new HclError(`templates nested more than ${MAX_DEPTH} levels deep`, j);
                j += 2;
                continue;
            }
            j++;
            continue;
        }
        // Expression code.
        if (c === 34) {
            stack.push(1);
            if (stack.length > MAX_DEPTH)
                throw new HclError(`templates nested more than ${MAX_DEPTH} levels deep`, j);
            j++;
        }
        else if (c === 123) {
            stack.push(0);
            if (stack.length > MAX_DEPTH)
                throw new HclError(`braces nested more than ${MAX_DEPTH} levels deep`, j);
            j++;
        }
        else if (c === 125 /* } */) {
            if (stack.length === 0)
                return j;
            stack.pop();
            j++;
        }
        else if (c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(j + 1) === 47)) {
            while (j < limit && text.charCodeAt(j) !== C_LF)
                j++;
        }
        else if (c === 47 && text.charCodeAt(j + 1) === 42 /* * */) {
            const e = text.indexOf('*/', j + 2);
            if (e < 0 || e + 2 > limit)
                throw new HclError('a /* comment is not closed', j);
            j = e + 2;
        }
        else
            j++;
    }
    throw new HclError(unclosed, seqStart);
}
function hexEscape(text, i, digits, at) {
    const hex = text.slice(i, i + digits);
    if (hex.length !== digits || !/^[0-9A-Fa-f]+$/.test(hex))
        throw new HclError(`an escape sequence needs ${digits} hexadecimal digits`, at);
    const cp = parseInt(hex, 16);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        throw new HclError('an escape sequence names no Unicode character', at);
    return String.fromCodePoint(cp);
}
/**
 * The parts of a template from `from`: for a quoted template up to its
 * closing quote (returned end is just past it), else up to `limit`.
 */
function scanTemplate(text, from, limit, mode) {
    const parts = [];
    const strips = [];
    let lit = '';
    let litStart = from;
    let i = from;
    const flush = (end) => {
        if (end > litStart || lit !== '')
            parts.push({ kind: 'literal', value: lit, start: litStart, end });
        lit = '';
    };
    for (;;) {
        if (i >= limit) {
            if (mode === 'quoted')
                throw new HclError('a quoted string is not closed', from - 1);
            flush(i);
            return { parts, end: i, strips };
        }
        const c = text.charCodeAt(i);
        if (mode === 'quoted' && c === 34) {
            flush(i);
            return { parts, end: i + 1, strips };
        }
        if (mode === 'quoted' && (c === C_LF || (c === C_CR && text.charCodeAt(i + 1) === C_LF)))
            throw new HclError('a quoted string is not closed on its line', from - 1);
        if (mode === 'quoted' && c === 92) {
            const e = text.charCodeAt(i + 1);
            switch (e) {
                case 110 /* n */:
                    lit += '\n';
                    i += 2;
                    break;
                case 114 /* r */:
                    lit += '\r';
                    i += 2;
                    break;
                case 116 /* t */:
                    lit += '\t';
                    i += 2;
                    break;
                case 34:
                    lit += '"';
                    i += 2;
                    break;
                case 92:
                    lit += '\\';
                    i += 2;
                    break;
                case 117 /* u */:
                    lit += hexEscape(text, i + 2, 4, i);
                    i += 6;
                    break;
                case 85 /* U */:
                    lit += hexEscape(text, i + 2, 8, i);
                    i += 10;
                    break;
                default:
                    throw new HclError(`invalid escape sequence \\${i + 1 < text.length ? text[i + 1] : ''}`, i);
            }
            continue;
        }
        if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
            // $${ and %%{ are the literal ${ and %{.
            lit += c === 36 ? '${' : '%{';
            i += 3;
            continue;
        }
        if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
            flush(i);
            const start = i;
            let exprStart = i + 2;
            const left = text.charCodeAt(exprStart) === 126; /* ~ */
            if (left)
                exprStart++;
            const close = sequenceEnd(text, exprStart, limit, c, start);
            const right = close > exprStart && text.charCodeAt(close - 1) === 126;
            const exprEnd = right ? close - 1 : close;
            const raw = text.slice(start, close + 1);
            if (c === 36)
                parts.push({ kind: 'interpolation', raw, expr: text.slice(exprStart, exprEnd), exprStart, exprEnd, start, end: close + 1 });
            else
                parts.push({ kind: 'directive', raw, start, end: close + 1 });
            strips[parts.length - 1] = { left, right };
            i = close + 1;
            litStart = i;
            continue;
        }
        lit += text[i];
        i++;
    }
}
/** Strip markers (`${~ x ~}`) remove the spaces of the literal next to them. */
function applyStrips(parts, strips) {
    for (let k = 0; k < parts.length; k++) {
        const s = strips[k];
        if (!s)
            continue;
        const prev = parts[k - 1];
        const next = parts[k + 1];
        if (s.left && prev?.kind === 'literal')
            prev.value = prev.value.replace(/\s+$/u, '');
        if (s.right && next?.kind === 'literal')
            next.value = next.value.replace(/^\s+/u, '');
    }
}
/**
 * `<<-`: the fewest leading spaces of the lines that begin with literal text
 * (blank lines aside) are removed from each of those lines.
 */
function stripIndent(text, parts, contentStart) {
    let min = Infinity;
    // Where the lines that begin with literal text begin, as indexes into each literal's value.
    const lineStarts = (p) => {
        const out = [];
        if (p.start === contentStart || text.charCodeAt(p.start - 1) === C_LF)
            out.push(0);
        for (let k = p.value.indexOf('\n'); k >= 0 && k + 1 < p.value.length; k = p.value.indexOf('\n', k + 1))
            out.push(k + 1);
        return out;
    };
    const starts = new Map();
    for (const p of parts) {
        if (p.kind !== 'literal')
            continue;
        const ls = lineStarts(p);
        starts.set(p, ls);
        for (const s of ls) {
            let n = 0;
            while (p.value.charCodeAt(s + n) === C_SPACE)
                n++;
            const after = p.value.charCodeAt(s + n);
            const blank = after === C_LF || (after === C_CR && p.value.charCodeAt(s + n + 1) === C_LF);
            if (!blank && n < min)
                min = n;
        }
    }
    if (min === Infinity || min === 0)
        return;
    for (const [p, ls] of starts) {
        if (ls.length === 0)
            continue;
        let out = '';
        let prev = 0;
        for (const s of ls) {
            out += p.value.slice(prev, s);
            let n = 0;
            while (n < min && p.value.charCodeAt(s + n) === C_SPACE)
                n++;
            prev = s + n;
        }
        p.value = out + p.value.slice(prev);
    }
}
/**
 * A standalone template (the HCL JSON profile reads JSON strings this way):
 * no escapes but `$${` and `%%{`, newlines allowed. Offsets are into `text`.
 */
function parseTemplate(text, start = 0, end = text.length) {
    const { parts, strips } = scanTemplate(text, start, end, 'standalone');
    applyStrips(parts, strips);
    return parts;
}
/** The value of a template made of literal text only; undefined when it interpolates or has directives. */
function templateLiteral(t) {
    let s = '';
    for (const p of t.parts) {
        if (p.kind !== 'literal')
            return undefined;
        s += p.value;
    }
    return s;
}
const PUNCT3 = new Set(['...']);
const PUNCT2 = new Set(['&&', '||', '==', '!=', '<=', '>=', '=>']);
const PUNCT1 = new Set(['+', '-', '*', '/', '%', '!', '<', '>', '=', ':', '?', '.', ',', '{', '}', '[', ']', '(', ')']);
function tokenize(text) {
    const toks = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === C_SPACE || c === C_TAB || (c === C_CR && text.charCodeAt(i + 1) !== C_LF)) {
            i++;
            continue;
        }
        if (c === C_LF || c === C_CR) {
            const len = c === C_CR ? 2 : 1;
            toks.push({ t: 'nl', start: i, end: i + len, v: '' });
            i += len;
            continue;
        }
        if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) {
            // A line comment ends before its newline, which is then a newline token.
            while (i < n && text.charCodeAt(i) !== C_LF && !(text.charCodeAt(i) === C_CR && text.charCodeAt(i + 1) === C_LF))
                i++;
            continue;
        }
        if (c === 47 && text.charCodeAt(i + 1) === 42) {
            const e = text.indexOf('*/', i + 2);
            if (e < 0)
                throw new HclError('a /* comment is not closed', i);
            i = e + 2;
            continue;
        }
        if (isDigit(c)) {
            let j = i;
            while (isDigit(text.charCodeAt(j)))
                j++;
            if (text.charCodeAt(j) === 46 /* . */ && isDigit(text.charCodeAt(j + 1))) {
                j++;
                while (isDigit(text.charCodeAt(j)))
                    j++;
            }
            const e = text.charCodeAt(j);
            if (e === 101 || e === 69) {
                let k = j + 1;
                const s = text.charCodeAt(k);
                if (s === 43 || s === 45)
                    k++;
                if (isDigit(text.charCodeAt(k))) {
                    while (isDigit(text.charCodeAt(k)))
                        k++;
                    j = k;
                }
            }
            toks.push({ t: 'number', start: i, end: j, v: text.slice(i, j) });
            i = j;
            continue;
        }
        const idEnd = identEnd(text, i);
        if (idEnd > i) {
            toks.push({ t: 'ident', start: i, end: idEnd, v: text.slice(i, idEnd) });
            i = idEnd;
            continue;
        }
        if (c === 34) {
            const { parts, end, strips } = scanTemplate(text, i + 1, n, 'quoted');
            applyStrips(parts, strips);
            toks.push({ t: 'string', start: i, end, v: '', parts });
            i = end;
            continue;
        }
        if (c === 60 /* < */ && text.charCodeAt(i + 1) === 60) {
            i = heredoc(text, i, toks);
            continue;
        }
        if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123)
            throw new HclError(`${text.slice(i, i + 2)} is only allowed inside a string`, i);
        const three = text.slice(i, i + 3);
        const two = text.slice(i, i + 2);
        const one = text[i];
        const p = PUNCT3.has(three) ? three : PUNCT2.has(two) ? two : PUNCT1.has(one) ? one : undefined;
        if (!p)
            throw new HclError(`unexpected ${describe(text, i)}`, i);
        toks.push({ t: 'punct', start: i, end: i + p.length, v: p });
        i += p.length;
    }
    toks.push({ t: 'eof', start: n, end: n, v: '' });
    return toks;
}
/** A heredoc starting at `<<`: pushes its token, returns the offset after its closing marker. */
function heredoc(text, at, toks) {
    let j = at + 2;
    const indent = text.charCodeAt(j) === 45;
    if (indent)
        j++;
    const mEnd = identEnd(text, j);
    if (mEnd === j)
        throw new HclError('a heredoc needs a marker name after <<', at);
    const marker = text.slice(j, mEnd);
    let contentStart;
    if (text.charCodeAt(mEnd) === C_LF)
        contentStart = mEnd + 1;
    else if (text.charCodeAt(mEnd) === C_CR && text.charCodeAt(mEnd + 1) === C_LF)
        contentStart = mEnd + 2;
    else
        throw new HclError(`a heredoc marker <<${indent ? '-' : ''}${marker} must end its line`, at);
    // The content runs until a line holding only the marker (spaces or tabs before it allowed).
    let line = contentStart;
    const n = text.length;
    while (line <= n) {
        let k = line;
        while (text.charCodeAt(k) === C_SPACE || text.charCodeAt(k) === C_TAB)
            k++;
        if (text.startsWith(marker, k)) {
            const after = k + marker.length;
            const a = text.charCodeAt(after);
            if (after >= n || a === C_LF || (a === C_CR && text.charCodeAt(after + 1) === C_LF)) {
                const { parts, strips } = scanTemplate(text, contentStart, line, 'heredoc');
                applyStrips(parts, strips);
                if (indent)
                    stripIndent(text, parts, contentStart);
                toks.push({ t: 'heredoc', start: at, end: after, v: '', parts, heredoc: { marker, indent } });
                return after;
            }
        }
        const nl = text.indexOf('\n', line);
        if (nl < 0)
            break;
        line = nl + 1;
    }
    throw new HclError(`the heredoc <<${indent ? '-' : ''}${marker} is not closed by a line holding ${marker}`, at);
}
// ---------------------------------------------------------------------------
// Parser
const BINARY = new Set(['+', '-', '*', '/', '%', '&&', '||', '==', '!=', '<', '>', '<=', '>=']);
class Parser {
    text;
    toks;
    p = 0;
    depth = 0;
    /** true: newlines are whitespace here (inside parentheses, brackets, call arguments). */
    ignoreNl = [false];
    constructor(text, toks) {
        this.text = text;
        this.toks = toks;
    }
    peek() {
        if (this.ignoreNl[this.ignoreNl.length - 1])
            while (this.toks[this.p].t === 'nl')
                this.p++;
        return this.toks[this.p];
    }
    next() {
        const t = this.peek();
        if (t.t !== 'eof')
            this.p++;
        return t;
    }
    isPunct(t, v) {
        return t.t === 'punct' && t.v === v;
    }
    tokText(t) {
        if (t.t === 'eof')
            return 'end of file';
        if (t.t === 'nl')
            return 'newline';
        return `"${this.text.slice(t.start, Math.min(t.end, t.start + 20))}"`;
    }
    expect(v, what) {
        const t = this.peek();
        if (!this.isPunct(t, v))
            throw new HclError(`expected ${what}, found ${this.tokText(t)}`, t.start);
        this.p++;
        return t;
    }
    enter(at) {
        if (++this.depth > MAX_DEPTH)
            throw new HclError(`nested more than ${MAX_DEPTH} levels deep`, at);
    }
    leave() {
        this.depth--;
    }
    skipNl() {
        while (this.toks[this.p].t === 'nl')
            this.p++;
    }
    raw(start, end) {
        return this.text.slice(start, end);
    }
    parseFile() {
        const body = this.parseBody(undefined);
        const t = this.toks[this.p];
        if (t.t !== 'eof')
            throw new HclError(`unexpected ${this.tokText(t)}`, t.start);
        return body;
    }
    /** A body, up to end of file or (inside a block) up to its `}`, which is left for the caller. */
    parseBody(open) {
        this.ignoreNl.push(false);
        const items = [];
        const names = new Map();
        const start = open ? open.end : 0;
        let end;
        for (;;) {
            this.skipNl();
            const t = this.toks[this.p];
            if (t.t === 'eof') {
                if (open)
                    throw new HclError('a block is not closed: expected }', open.start);
                end = t.start;
                break;
            }
            if (open && this.isPunct(t, '}')) {
                end = t.start;
                break;
            }
            if (t.t !== 'ident')
                throw new HclError(`expected an attribute or block name, found ${this.tokText(t)}`, t.start);
            this.p++;
            const after = this.toks[this.p];
            let item;
            if (this.isPunct(after, '=')) {
                this.p++;
                const expr = this.parseExpression();
                const prev = names.get(t.v);
                if (prev !== undefined)
                    throw new HclError(`the attribute "${t.v}" is defined twice in one body (first at offset ${prev})`, t.start);
                names.set(t.v, t.start);
                item = { type: 'attribute', name: t.v, nameStart: t.start, nameEnd: t.end, expr, start: t.start, end: expr.end };
            }
            else {
                item = this.parseBlock(t);
            }
            items.push(item);
            const term = this.toks[this.p];
            if (!(term.t === 'nl' || term.t === 'eof' || (open && this.isPunct(term, '}')))) {
                throw new HclError(`expected a newline after ${item.type === 'attribute' ? `the value of "${item.name}"` : `the block "${item.blockType}"`}, found ${this.tokText(term)}`, term.start);
            }
        }
        this.ignoreNl.pop();
        return { type: 'body', items, start, end };
    }
    parseBlock(typeTok) {
        const labels = [];
        for (;;) {
            const t = this.toks[this.p];
            if (t.t === 'ident') {
                labels.push({ value: t.v, quoted: false, start: t.start, end: t.end });
                this.p++;
            }
            else if (t.t === 'string') {
                const v = templateLiteral({ parts: t.parts });
                if (v === undefined)
                    throw new HclError('a block label cannot contain an interpolation or a directive', t.start);
                labels.push({ value: v, quoted: true, start: t.start, end: t.end });
                this.p++;
            }
            else
                break;
        }
        const open = this.toks[this.p];
        if (!this.isPunct(open, '{'))
            throw new HclError(`expected = or a block's labels and {, found ${this.tokText(open)}`, open.start);
        this.p++;
        this.enter(open.start);
        const body = this.parseBody(open);
        const close = this.toks[this.p]; // parseBody stops only at `}` inside a block
        this.p++;
        this.leave();
        return { type: 'block', blockType: typeTok.v, typeStart: typeTok.start, typeEnd: typeTok.end, labels, body, start: typeTok.start, end: close.end };
    }
    parseExpression() {
        const first = this.peek();
        this.enter(first.start);
        const cond = this.parseBinary();
        let out = cond;
        if (this.isPunct(this.peek(), '?')) {
            this.p++;
            this.parseExpression();
            this.expect(':', 'the ":" of a conditional');
            const no = this.parseExpression();
            out = { type: 'opaque', what: 'conditional', raw: this.raw(cond.start, no.end), start: cond.start, end: no.end };
        }
        this.leave();
        return out;
    }
    parseBinary() {
        const first = this.parseUnary();
        let last = first;
        while (true) {
            const t = this.peek();
            if (t.t !== 'punct' || !BINARY.has(t.v))
                break;
            this.p++;
            last = this.parseUnary();
        }
        if (last === first)
            return first;
        return { type: 'opaque', what: 'operation', raw: this.raw(first.start, last.end), start: first.start, end: last.end };
    }
    parseUnary() {
        let t = this.peek();
        const start = t.start;
        let ops = 0;
        while (this.isPunct(t, '-') || this.isPunct(t, '!')) {
            this.p++;
            ops++;
            t = this.peek();
        }
        const term = this.parseTerm();
        if (ops === 0)
            return term;
        return { type: 'opaque', what: 'operation', raw: this.raw(start, term.end), start, end: term.end };
    }
    parseTerm() {
        const t = this.peek();
        let base;
        switch (t.t) {
            case 'number':
                this.p++;
                base = { type: 'number', value: Number(t.v), raw: t.v, start: t.start, end: t.end };
                break;
            case 'string':
            case 'heredoc':
                this.p++;
                base = { type: 'template', raw: this.raw(t.start, t.end), parts: t.parts, start: t.start, end: t.end, ...(t.heredoc ? { heredoc: t.heredoc } : {}) };
                break;
            case 'ident': {
                this.p++;
                const after = this.toks[this.p];
                if (this.isPunct(after, '('))
                    base = this.parseCall(t);
                else if (t.v === 'true' || t.v === 'false')
                    base = { type: 'bool', value: t.v === 'true', start: t.start, end: t.end };
                else if (t.v === 'null')
                    base = { type: 'null', start: t.start, end: t.end };
                else
                    base = { type: 'traversal', root: t.v, steps: [], start: t.start, end: t.end };
                break;
            }
            case 'punct':
                if (t.v === '[')
                    base = this.parseTuple();
                else if (t.v === '{')
                    base = this.parseObject();
                else if (t.v === '(') {
                    this.p++;
                    this.ignoreNl.push(true);
                    const inner = this.parseExpression();
                    const close = this.expect(')', 'a closing )');
                    this.ignoreNl.pop();
                    base = { type: 'parens', expr: inner, start: t.start, end: close.end };
                }
                else
                    throw new HclError(`expected an expression, found ${this.tokText(t)}`, t.start);
                break;
            default:
                throw new HclError(`expected an expression, found ${this.tokText(t)}`, t.start);
        }
        return this.parsePostfix(base);
    }
    /** Attribute access, index and splat operators after a term. */
    parsePostfix(base) {
        const steps = base.type === 'traversal' ? base.steps : [];
        let constant = base.type === 'traversal';
        let what = 'index';
        let end = base.end;
        for (;;) {
            const t = this.peek();
            if (this.isPunct(t, '.')) {
                const n = this.toks[this.p + 1];
                if (n.t === 'ident') {
                    steps.push({ kind: 'attr', name: n.v, start: t.start, end: n.end });
                    this.p += 2;
                    end = n.end;
                }
                else if (n.t === 'number') {
                    // The legacy index `a.0`.
                    steps.push({ kind: 'index', key: { type: 'number', value: Number(n.v), raw: n.v, start: n.start, end: n.end }, start: t.start, end: n.end });
                    this.p += 2;
                    end = n.end;
                }
                else if (this.isPunct(n, '*')) {
                    this.p += 2;
                    end = n.end;
                    constant = false;
                    what = 'splat';
                }
                else
                    throw new HclError(`expected an attribute name after ".", found ${this.tokText(n)}`, n.start);
            }
            else if (this.isPunct(t, '[')) {
                this.p++;
                this.ignoreNl.push(true);
                const s = this.peek();
                if (this.isPunct(s, '*')) {
                    this.p++;
                    const close = this.expect(']', 'the ] of a splat');
                    this.ignoreNl.pop();
                    end = close.end;
                    constant = false;
                    what = 'splat';
                    continue;
                }
                const key = this.parseExpression();
                const close = this.expect(']', 'a closing ] of an index');
                this.ignoreNl.pop();
                if (key.type !== 'number' && !(key.type === 'template' && templateLiteral(key) !== undefined))
                    constant = false;
                steps.push({ kind: 'index', key, start: t.start, end: close.end });
                end = close.end;
            }
            else
                break;
        }
        if (end === base.end)
            return base;
        if (base.type === 'traversal' && constant)
            return { ...base, steps, end };
        return { type: 'opaque', what, raw: this.raw(base.start, end), start: base.start, end };
    }
    parseCall(name) {
        this.p++; // (
        this.ignoreNl.push(true);
        const args = [];
        let expandFinal = false;
        for (;;) {
            const t = this.peek();
            if (this.isPunct(t, ')'))
                break;
            args.push(this.parseExpression());
            const sep = this.peek();
            if (this.isPunct(sep, ','))
                this.p++;
            else if (this.isPunct(sep, '...')) {
                this.p++;
                expandFinal = true;
                if (!this.isPunct(this.peek(), ')'))
                    throw new HclError('"..." must follow the last argument', sep.start);
            }
            else if (!this.isPunct(sep, ')'))
                throw new HclError(`expected , or ) in the arguments of ${name.v}(), found ${this.tokText(sep)}`, sep.start);
        }
        const close = this.expect(')', 'a closing )');
        this.ignoreNl.pop();
        return { type: 'call', name: name.v, args, expandFinal, start: name.start, end: close.end };
    }
    isFor() {
        const t = this.peek();
        return t.t === 'ident' && t.v === 'for' && this.toks[this.p + 1].t === 'ident';
    }
    /** `for k, v in coll :` — the introduction of a for expression. */
    parseForIntro() {
        this.p++; // for
        this.next(); // identifier
        if (this.isPunct(this.peek(), ',')) {
            this.p++;
            const id = this.next();
            if (id.t !== 'ident')
                throw new HclError(`expected a name after ",", found ${this.tokText(id)}`, id.start);
        }
        const kw = this.next();
        if (kw.t !== 'ident' || kw.v !== 'in')
            throw new HclError(`expected "in" in a for expression, found ${this.tokText(kw)}`, kw.start);
        this.parseExpression();
        this.expect(':', 'the ":" of a for expression');
    }
    parseForCond() {
        const t = this.peek();
        if (t.t === 'ident' && t.v === 'if') {
            this.p++;
            this.parseExpression();
        }
    }
    parseTuple() {
        const open = this.next();
        this.ignoreNl.push(true);
        if (this.isFor()) {
            this.parseForIntro();
            this.parseExpression();
            this.parseForCond();
            const close = this.expect(']', 'the ] closing a for expression');
            this.ignoreNl.pop();
            return { type: 'opaque', what: 'for', raw: this.raw(open.start, close.end), start: open.start, end: close.end };
        }
        const items = [];
        for (;;) {
            if (this.isPunct(this.peek(), ']'))
                break;
            items.push(this.parseExpression());
            const sep = this.peek();
            if (this.isPunct(sep, ','))
                this.p++;
            else if (!this.isPunct(sep, ']'))
                throw new HclError(`expected , or ] in a list, found ${this.tokText(sep)}`, sep.start);
        }
        const close = this.expect(']', 'a closing ]');
        this.ignoreNl.pop();
        return { type: 'tuple', items, start: open.start, end: close.end };
    }
    parseObject() {
        const open = this.next();
        this.skipNl();
        if (this.isFor()) {
            this.ignoreNl.push(true);
            this.parseForIntro();
            this.parseExpression();
            this.expect('=>', 'the => of a for expression');
            this.parseExpression();
            if (this.isPunct(this.peek(), '...'))
                this.p++;
            this.parseForCond();
            const close = this.expect('}', 'the } closing a for expression');
            this.ignoreNl.pop();
            return { type: 'opaque', what: 'for', raw: this.raw(open.start, close.end), start: open.start, end: close.end };
        }
        // Elements are separated by commas or newlines.
        this.ignoreNl.push(false);
        const items = [];
        for (;;) {
            this.skipNl();
            const t = this.toks[this.p];
            if (this.isPunct(t, '}'))
                break;
            let key;
            const n = this.toks[this.p + 1];
            if (t.t === 'ident' && (this.isPunct(n, '=') || this.isPunct(n, ':'))) {
                this.p++;
                key = { name: t.v, start: t.start, end: t.end };
            }
            else {
                const e = this.parseExpression();
                const lit = e.type === 'template' ? templateLiteral(e) : undefined;
                key = { expr: e, start: e.start, end: e.end, ...(lit !== undefined ? { name: lit } : {}) };
            }
            const eq = this.toks[this.p];
            if (!this.isPunct(eq, '=') && !this.isPunct(eq, ':'))
                throw new HclError(`expected = or : after an object key, found ${this.tokText(eq)}`, eq.start);
            this.p++;
            const value = this.parseExpression();
            items.push({ key, value, start: key.start, end: value.end });
            const sep = this.toks[this.p];
            if (this.isPunct(sep, ','))
                this.p++;
            else if (sep.t !== 'nl' && !this.isPunct(sep, '}'))
                throw new HclError(`expected a comma, a newline or } after an object element, found ${this.tokText(sep)}`, sep.start);
        }
        const close = this.toks[this.p];
        this.p++;
        this.ignoreNl.pop();
        return { type: 'object', items, start: open.start, end: close.end };
    }
}
/** Parse a whole HCL file. Throws HclError (message and offset) on a syntax error. */
function parseHcl(text) {
    return new Parser(text, tokenize(text)).parseFile();
}
// ---------------------------------------------------------------------------
// Helpers for readers of the tree
/** The body's attributes by name (an HCL body defines each at most once). */
function hclAttributes(body) {
    const out = new Map();
    for (const it of body.items)
        if (it.type === 'attribute')
            out.set(it.name, it);
    return out;
}
/** The body's blocks of one type, in order. */
function hclBlocks(body, type) {
    return body.items.filter((it) => it.type === 'block' && it.blockType === type);
}
/** A parenthesised expression's inside (any depth of parentheses). */
function unparen(e) {
    let x = e;
    while (x.type === 'parens')
        x = x.expr;
    return x;
}

;// CONCATENATED MODULE: ./src/model/bake.ts
/**
 * `docker buildx bake` files as image builds: each `target` block (HCL) or
 * `target` object (JSON) is one ImageBuildSpec with its tags, Dockerfile,
 * context and stage, `inherits` and `${VAR}` interpolation resolved.
 *
 * How bake resolves these, read in docker/buildx at 461836b (bake/bake.go,
 * bake/hclparser, docs/bake-reference.md), and where this model differs:
 * - Files: with no `-f`, bake reads every one of compose.yaml…, then
 *   docker-bake.json, docker-bake.hcl, docker-bake.override.json,
 *   docker-bake.override.hcl found in the working directory and merges them
 *   in that order (bake.go defaultFilenames): a later file's target
 *   attributes override an earlier one's, variables are shared. So the bake
 *   files of one directory are read together here: the first of them present
 *   produces the specs of the merged set, the others none (an override file
 *   alone would otherwise yield a target with the default context and
 *   Dockerfile that bake never builds). Compose files in that set are left to
 *   the Compose model. A file with another name is read alone (a `-f` file).
 * - `context` is relative to the working directory bake runs in, not to the
 *   bake file (docs/bake-reference.md, target.context; relative to the file
 *   only with BUILDX_BAKE_FILE_RELATIVE_PATHS=1). The default file names are
 *   only found in the working directory, so for them the two agree; here it
 *   is always the file's directory. `cwd://` is stripped (the same directory).
 * - `dockerfile` is relative to the context (bake.go toBuildOpt joins it onto
 *   the context path) unless it starts with `cwd://` (then relative to the
 *   working directory) or is absolute; an empty one is `Dockerfile`
 *   (ResolveTarget). A remote context (a URL, git@…) builds nothing from the
 *   repository: both are left undefined.
 * - `dockerfile-inline` wins over `dockerfile` when both are set (the build
 *   reads the inline text); the spec then has `inline` and no dockerfile.
 * - `inherits`: the inherited targets are merged in order, then the target's
 *   own attributes (bake.go `target`); `tags` replace, never append (Merge).
 *   A cycle is cut where it closes (bake's visited map does the same).
 * - Variables: `variable "X" { default = … }` and top-level attributes
 *   (`X = "…"`, which override a variable's default: hcl_test.go
 *   TestHCLMultiFileAttrs). Bake lets the environment override both; a scan
 *   cannot know the environment, so defaults are used. A variable declared
 *   without a default is "" in bake unless the environment sets it; here it is
 *   unknown and `${X}` is left as written (the environment is what usually
 *   sets it, and "" would invent an image name). A tag or target with an
 *   unknown `${…}` keeps it as written; a context or Dockerfile path with one
 *   is undefined (no such path exists in the repository).
 * - Not modelled: matrix targets and `name` (their tags interpolate matrix
 *   values, left as written), user `function` blocks and calls (a tag that is
 *   not a string template is skipped), `--set` overrides, groups.
 */





/** The default bake files of a directory, in the order bake merges them (bake.go defaultFilenames, after the Compose names). */
const BAKE_FILE_NAMES = ['docker-bake.json', 'docker-bake.hcl', 'docker-bake.override.json', 'docker-bake.override.hcl'];
const NAME_RE = /^\s*([\p{ID_Start}_][\p{ID_Continue}-]*)\s*$/u;
const MAX_EXPANSION = 4096;
const MAX_VAR_DEPTH = 16;
const MAX_INHERIT_DEPTH = 64;
function segsOf(parts, source) {
    return parts.map((p) => {
        if (p.kind === 'literal')
            return { text: p.value };
        const raw = source.slice(p.start, p.end);
        const m = p.kind === 'interpolation' ? NAME_RE.exec(p.expr) : null;
        return m ? { name: m[1], raw } : { raw };
    });
}
// ---------------------------------------------------------------------------
// HCL
function hclStr(file, e) {
    const x = unparen(e);
    const span = { file, start: e.start, end: e.end };
    switch (x.type) {
        case 'template':
            return { segs: segsOf(x.parts, file.text), span };
        case 'number':
            return { segs: [{ text: x.raw }], span };
        case 'bool':
            return { segs: [{ text: String(x.value) }], span };
        case 'null':
            return undefined; // an attribute set to null is unset
        case 'traversal':
            return x.steps.length === 0 ? { segs: [{ name: x.root, raw: '${' + x.root + '}' }], span } : { span };
        default:
            return { span };
    }
}
function hclAttrs(file, body) {
    const a = hclAttributes(body);
    const out = {};
    const one = (key) => {
        const at = a.get(key);
        return at ? hclStr(file, at.expr) : undefined;
    };
    const context = one('context');
    const dockerfile = one('dockerfile');
    const inline = one('dockerfile-inline');
    const target = one('target');
    if (context)
        out.context = context;
    if (dockerfile)
        out.dockerfile = dockerfile;
    if (inline)
        out.inline = inline;
    if (target)
        out.target = target;
    const tags = a.get('tags');
    if (tags && unparen(tags.expr).type !== 'null') {
        const t = unparen(tags.expr);
        out.tags = { items: t.type === 'tuple' ? t.items.map((i) => hclStr(file, i)).filter((s) => s !== undefined) : [] };
    }
    const inh = a.get('inherits');
    if (inh) {
        const t = unparen(inh.expr);
        out.inherits = t.type === 'tuple' ? t.items.map((i) => hclStr(file, i)).filter((s) => s !== undefined) : [];
    }
    return out;
}
function readHcl(file, defs) {
    const body = parseHcl(file.text);
    for (const it of body.items) {
        if (it.type === 'attribute') {
            const s = hclStr(file, it.expr);
            if (s)
                defs.attrs.set(it.name, s);
        }
    }
    for (const b of hclBlocks(body, 'variable')) {
        const name = b.labels[0]?.value;
        if (name === undefined)
            continue;
        // A later declaration without a default keeps an earlier one's.
        const d = hclAttributes(b.body).get('default');
        if (d || !defs.vars.has(name))
            defs.vars.set(name, d ? hclStr(file, d.expr) : undefined);
    }
    for (const b of hclBlocks(body, 'target')) {
        const label = b.labels[0];
        if (!label)
            continue;
        addTarget(defs, label.value, { file, start: label.start, end: label.end }, hclAttrs(file, b.body));
    }
}
function addTarget(defs, name, label, attrs) {
    const t = defs.targets.get(name);
    if (t)
        t.layers.push(attrs);
    else
        defs.targets.set(name, { name, label, layers: [attrs] });
}
// ---------------------------------------------------------------------------
// JSON (the HCL JSON profile: strings are templates)
function jsonSpan(file, n) {
    return { file, start: n.offset, end: n.offset + n.length };
}
function jsonStr(file, n) {
    if (!n || n.type === 'null')
        return undefined;
    const span = jsonSpan(file, n);
    if (n.type === 'string') {
        const v = String(n.value);
        let parts;
        try {
            parts = parseTemplate(v);
        }
        catch (e) {
            // The offset is into the string's value; the string itself is where to look.
            if (e instanceof HclError)
                throw new HclError(`${e.message} (in a JSON string)`, n.offset);
            throw e;
        }
        return { segs: segsOf(parts, v), span };
    }
    if (n.type === 'number' || n.type === 'boolean')
        return { segs: [{ text: String(n.value) }], span };
    return { span };
}
function jsonProps(n) {
    if (!n || n.type !== 'object')
        return [];
    const out = [];
    for (const p of n.children ?? []) {
        const [key, value] = p.children ?? [];
        if (key && value)
            out.push({ key, value });
    }
    return out;
}
function jsonGet(n, key) {
    let found;
    for (const p of jsonProps(n))
        if (p.key.value === key)
            found = p.value; // the last one wins, as in JSON.parse
    return found;
}
/** A block in the JSON profile: an object, or an array of objects (one per block). */
function jsonBlocks(n) {
    if (n.type === 'object')
        return [n];
    if (n.type === 'array')
        return (n.children ?? []).filter((c) => c.type === 'object');
    return [];
}
function jsonAttrs(file, o) {
    const out = {};
    const context = jsonStr(file, jsonGet(o, 'context'));
    const dockerfile = jsonStr(file, jsonGet(o, 'dockerfile'));
    const inline = jsonStr(file, jsonGet(o, 'dockerfile-inline'));
    const target = jsonStr(file, jsonGet(o, 'target'));
    if (context)
        out.context = context;
    if (dockerfile)
        out.dockerfile = dockerfile;
    if (inline)
        out.inline = inline;
    if (target)
        out.target = target;
    const tags = jsonGet(o, 'tags');
    if (tags && tags.type !== 'null')
        out.tags = { items: tags.type === 'array' ? (tags.children ?? []).map((c) => jsonStr(file, c)).filter((s) => s !== undefined) : [] };
    const inh = jsonGet(o, 'inherits');
    if (inh)
        out.inherits = inh.type === 'array' ? (inh.children ?? []).map((c) => jsonStr(file, c)).filter((s) => s !== undefined) : [];
    return out;
}
const JSON_BLOCK_TYPES = new Set(['target', 'group', 'variable', 'function']);
function readJson(project, file, defs) {
    if ((0,discover/* jsonDepth */.QV)(file.text, discover/* MAX_JSON_DEPTH */.KX) > discover/* MAX_JSON_DEPTH */.KX) {
        project.problem({ path: file.path, reason: `is nested more than ${discover/* MAX_JSON_DEPTH */.KX} levels deep`, span: { file, start: 0, end: 0 } });
        return false;
    }
    const errors = [];
    const root = (0,jsonc_lib/* parseTree */.cZ)(file.text, errors, { allowTrailingComma: true });
    const err = errors[0];
    if (err || !root) {
        const off = err?.offset ?? 0;
        project.problem({ path: file.path, reason: `could not be parsed as JSON: ${err ? (0,jsonc_lib/* printParseErrorCode */._n)(err.error) : 'no value'}`, span: { file, start: off, end: off } });
        return false;
    }
    for (const { key, value } of jsonProps(root)) {
        const k = String(key.value);
        if (!JSON_BLOCK_TYPES.has(k)) {
            const s = jsonStr(file, value);
            if (s)
                defs.attrs.set(k, s);
        }
    }
    const vars = jsonGet(root, 'variable');
    for (const { key, value } of jsonProps(vars)) {
        for (const b of jsonBlocks(value)) {
            const d = jsonGet(b, 'default');
            const name = String(key.value);
            if (d || !defs.vars.has(name))
                defs.vars.set(name, d ? jsonStr(file, d) : undefined);
        }
    }
    for (const { key, value } of jsonProps(jsonGet(root, 'target'))) {
        for (const b of jsonBlocks(value))
            addTarget(defs, String(key.value), jsonSpan(file, key), jsonAttrs(file, b));
    }
    return true;
}
class Vars {
    defs;
    memo = new Map();
    constructor(defs) {
        this.defs = defs;
    }
    /** A variable's value, or undefined when unknown (undeclared, no default, a cycle, too deep or too long). */
    value(name, depth) {
        const m = this.memo.get(name);
        if (m !== undefined)
            return m ?? undefined;
        if (depth > MAX_VAR_DEPTH)
            return undefined;
        const src = this.defs.attrs.get(name) ?? this.defs.vars.get(name);
        if (!src?.segs)
            return undefined;
        this.memo.set(name, null); // in progress: a reference back to it is unknown
        const v = this.expandSegs(src.segs, depth + 1);
        const out = v.value.length > MAX_EXPANSION ? undefined : v;
        this.memo.set(name, out ?? null);
        return out;
    }
    expandSegs(segs, depth) {
        let value = '';
        let complete = true;
        for (const s of segs) {
            if ('text' in s)
                value += s.text;
            else if ('name' in s) {
                const v = this.value(s.name, depth);
                if (v) {
                    value += v.value;
                    complete &&= v.complete;
                }
                else {
                    value += s.raw;
                    complete = false;
                }
            }
            else {
                value += s.raw;
                complete = false;
            }
            if (value.length > MAX_EXPANSION)
                return { value: value.slice(0, MAX_EXPANSION), complete: false };
        }
        return { value, complete };
    }
    expand(s) {
        return s.segs ? this.expandSegs(s.segs, 0) : undefined;
    }
}
function mergeAttrs(into, from) {
    if (from.context)
        into.context = from.context;
    if (from.dockerfile)
        into.dockerfile = from.dockerfile;
    if (from.inline)
        into.inline = from.inline;
    if (from.target)
        into.target = from.target;
    if (from.tags)
        into.tags = from.tags;
}
/** A target's attributes with what it inherits merged in first. */
function resolveTarget(defs, vars, name, visiting, memo) {
    const hit = memo.get(name);
    if (hit)
        return hit;
    const def = defs.targets.get(name);
    if (!def || visiting.has(name) || visiting.size >= MAX_INHERIT_DEPTH)
        return {};
    visiting.add(name);
    // The target's layers first, so that its (merged) inherits list is known.
    const own = {};
    let inherits = [];
    for (const l of def.layers) {
        mergeAttrs(own, l);
        if (l.inherits)
            inherits = l.inherits;
    }
    const out = {};
    for (const i of inherits) {
        const parent = vars.expand(i);
        if (parent?.complete)
            mergeAttrs(out, resolveTarget(defs, vars, parent.value, visiting, memo));
    }
    mergeAttrs(out, own);
    visiting.delete(name);
    memo.set(name, out);
    return out;
}
const REMOTE_RE = /^[A-Za-z][A-Za-z0-9+.-]+:|^git@|^github\.com\//;
/** Repository-relative context and Dockerfile paths of a target (see the notes at the top). */
function buildPaths(file, vars, a) {
    const ctx = a.context ? vars.expand(a.context) : { value: '.', complete: true };
    if (!ctx?.complete)
        return {};
    let local = ctx.value.startsWith('cwd://') ? ctx.value.slice('cwd://'.length) : ctx.value;
    if (local === '')
        local = '.';
    if (REMOTE_RE.test(local) || local.startsWith('/'))
        return {};
    const context = (0,model_project/* relativeTo */.Mf)(file.path, local);
    if (context === undefined)
        return {};
    if (a.inline)
        return { context };
    const df = a.dockerfile ? vars.expand(a.dockerfile) : { value: 'Dockerfile', complete: true };
    if (!df?.complete)
        return {};
    const d = df.value === '' ? 'Dockerfile' : df.value;
    let dockerfile;
    if (d.startsWith('cwd://'))
        dockerfile = (0,model_project/* relativeTo */.Mf)(file.path, d.slice('cwd://'.length));
    else if (!d.startsWith('/') && !REMOTE_RE.test(d))
        dockerfile = (0,model_project/* relativeTo */.Mf)(file.path, local, d);
    // Without its Dockerfile the context says nothing a consumer could use (and must not be taken for `<context>/Dockerfile`).
    return dockerfile === undefined ? {} : { context, dockerfile };
}
function specs(defs) {
    const vars = new Vars(defs);
    const memo = new Map();
    const out = [];
    for (const def of defs.targets.values()) {
        const a = resolveTarget(defs, vars, def.name, new Set(), memo);
        const file = def.label.file;
        const tags = [];
        for (const t of a.tags?.items ?? []) {
            const v = vars.expand(t);
            if (v && v.value !== '')
                tags.push({ value: v.value, span: t.span });
        }
        const target = a.target ? vars.expand(a.target) : undefined;
        const inline = a.inline ? vars.expand(a.inline) : undefined;
        const paths = buildPaths(file, vars, a);
        out.push({
            file,
            span: def.label,
            tags,
            ...(paths.dockerfile !== undefined ? { dockerfile: paths.dockerfile } : {}),
            ...(paths.context !== undefined ? { context: paths.context } : {}),
            ...(target && target.value !== '' ? { target: target.value } : {}),
            ...(inline && a.inline ? { inline: { value: inline.value, span: a.inline.span } } : {}),
            how: 'bake',
        });
    }
    return out;
}
/** The bake files read with this one (see the notes at the top): itself alone, or the default set of its directory; [] when another file of the set produces them. */
function bakeSet(project, file) {
    const base = external_node_path_.posix.basename(file.path);
    if (!BAKE_FILE_NAMES.includes(base))
        return [file];
    const dir = external_node_path_.posix.dirname(file.path);
    const set = [];
    for (const name of BAKE_FILE_NAMES) {
        const p = dir === '.' ? name : `${dir}/${name}`;
        if (p === file.path)
            set.push(file);
        else {
            const f = project.file(p, file.kind);
            if (f)
                set.push(f);
        }
    }
    return set[0] === file ? set : undefined;
}
/**
 * The image builds a bake file declares, one per target. For a default-named
 * file the whole default set of its directory is merged, and only its first
 * file returns them (the others return []). A file that does not parse is a
 * problem (PTD900), and then no build of the set is returned: bake refuses
 * to run.
 */
function bakeBuilds(project, file) {
    const set = bakeSet(project, file);
    if (!set)
        return [];
    const defs = { vars: new Map(), attrs: new Map(), targets: new Map() };
    for (const f of set) {
        try {
            if (f.path.toLowerCase().endsWith('.json')) {
                if (!readJson(project, f, defs))
                    return [];
            }
            else
                readHcl(f, defs);
        }
        catch (e) {
            if (!(e instanceof HclError))
                throw e;
            project.problem({ path: f.path, reason: `could not be parsed as HCL: ${e.message}`, span: { file: f, start: e.offset, end: e.offset } });
            return [];
        }
    }
    return specs(defs);
}

;// CONCATENATED MODULE: ./src/model/kustomize.ts
/**
 * The manifests a kustomization renders: its `resources` (files, or
 * directories with a kustomization of their own), the old `bases`, and the
 * patch files (`patchesStrategicMerge`, `patches[].path`). Read so that a
 * Skaffold config's deploy step (kustomize paths) says which manifests run
 * the images it builds. Bounded: 8 levels, every directory once, inside the
 * repository (remote resources are left out).
 */


const NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
function kustomizeManifests(project, dir, out = new Set(), seen = new Set(), depth = 0) {
    if (depth > 8 || seen.has(dir))
        return out;
    seen.add(dir);
    for (const n of NAMES) {
        const p = (0,scripts/* repoJoin */.pg)(dir, n);
        const f = p !== undefined ? project.file(p, 'kubernetes', { quiet: true }) : undefined;
        if (!f)
            continue;
        const y = project.yaml(f);
        const root = y?.docs[0]?.contents;
        if (!y || !root)
            return out;
        const refs = [];
        for (const key of ['resources', 'bases', 'patchesStrategicMerge', 'components'])
            for (const it of (0,yaml/* items */.ld)(y, (0,yaml/* get */.Jt)(y, root, key))) {
                const v = (0,yaml/* str */.gx)(it);
                if (v)
                    refs.push(v);
            }
        for (const it of (0,yaml/* items */.ld)(y, (0,yaml/* get */.Jt)(y, root, 'patches'))) {
            const v = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, it, 'path'));
            if (v)
                refs.push(v);
        }
        for (const r of refs) {
            if (/^[a-z]+:\/\//i.test(r) || r.startsWith('git@') || r.startsWith('/'))
                continue;
            const q = (0,scripts/* repoJoin */.pg)(dir, r);
            if (q === undefined)
                continue;
            if (/\.ya?ml$/i.test(q) && project.exists(q, 'kubernetes'))
                out.add(q);
            else
                kustomizeManifests(project, q, out, seen, depth + 1);
        }
        return out;
    }
    return out;
}
/** A glob of Skaffold's `manifests` (`k8s/*.yaml`, `deploy/**`) as a test on repository paths. */
function globTest(glob) {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*') {
            if (glob[i + 1] === '*') {
                re += '.*';
                i++;
                if (glob[i + 1] === '/')
                    i++;
            }
            else
                re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else
            re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    const rx = new RegExp(`^${re}$`);
    return (p) => rx.test(p);
}
/** Repository paths of the files a list of Skaffold manifest globs names, relative to the config's directory. */
function globbedManifests(project, baseDir, globs) {
    const out = new Set();
    for (const g of globs) {
        const full = (0,scripts/* repoJoin */.pg)(baseDir, g);
        if (full === undefined)
            continue;
        if (!/[*?]/.test(full)) {
            out.add(full);
            continue;
        }
        const t = globTest(full);
        for (const f of project.files)
            if (f.kind === 'kubernetes' && t(f.path))
                out.add(f.path);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/model/skaffold.ts





const OTHER_BUILDERS = ['bazel', 'ko', 'jib', 'buildpacks', 'custom'];
const skaffold_REMOTE_RE = /^[A-Za-z][A-Za-z0-9+.-]+:|^git@/;
function artifactSpec(y, a, deploys) {
    const file = y.file;
    if (!(0,yaml/* isMapNode */.vz)(a))
        return undefined;
    const imageNode = (0,yaml/* get */.Jt)(y, a, 'image');
    const image = (0,yaml/* str */.gx)(imageNode);
    if (!image || !imageNode)
        return undefined;
    if (OTHER_BUILDERS.some((b) => (0,yaml/* getPair */.xf)(y, a, b) !== undefined))
        return undefined;
    const builder = (0,yaml/* get */.Jt)(y, a, 'docker') ?? (0,yaml/* get */.Jt)(y, a, 'kaniko');
    const ctx = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, a, 'context')) || '.';
    const df = ((0,yaml/* isMapNode */.vz)(builder) ? (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, builder, 'dockerfile')) : undefined) || 'Dockerfile';
    const target = (0,yaml/* isMapNode */.vz)(builder) ? (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, builder, 'target')) : undefined;
    let context;
    let dockerfile;
    if (!ctx.startsWith('/') && !skaffold_REMOTE_RE.test(ctx) && !df.startsWith('/')) {
        context = (0,model_project/* relativeTo */.Mf)(file.path, ctx);
        dockerfile = context === undefined ? undefined : (0,model_project/* relativeTo */.Mf)(file.path, ctx, df);
        // A context without its Dockerfile must not be read as `<context>/Dockerfile`.
        if (dockerfile === undefined)
            context = undefined;
    }
    return {
        file,
        span: (0,yaml/* nodeSpan */.Vk)(file, imageNode),
        tags: [{ value: image, span: (0,yaml/* nodeSpan */.Vk)(file, imageNode) }],
        ...(dockerfile !== undefined ? { dockerfile } : {}),
        ...(context !== undefined ? { context } : {}),
        ...(target ? { target } : {}),
        ...(deploys ? { deploys } : {}),
        how: 'skaffold',
    };
}
/**
 * The manifests a pipeline (or profile) deploys: `deploy.kubectl.manifests`
 * and `manifests.rawYaml` globs, `deploy.kustomize.paths` and
 * `manifests.kustomize.paths` kustomizations. Undefined when it says none
 * (Helm charts and the like are not read).
 */
function deployedManifests(project, y, root, dir) {
    const globs = [];
    const kustomize = [];
    const strs = (n) => (0,yaml/* items */.ld)(y, n).map((i) => (0,yaml/* str */.gx)(i)).filter((v) => !!v);
    globs.push(...strs((0,yaml/* getPath */.Yn)(y, root, ['deploy', 'kubectl', 'manifests'])), ...strs((0,yaml/* getPath */.Yn)(y, root, ['manifests', 'rawYaml'])));
    kustomize.push(...strs((0,yaml/* getPath */.Yn)(y, root, ['deploy', 'kustomize', 'paths'])), ...strs((0,yaml/* getPath */.Yn)(y, root, ['manifests', 'kustomize', 'paths'])));
    if ((0,yaml/* getPath */.Yn)(y, root, ['deploy', 'kustomize']) && kustomize.length === 0)
        kustomize.push('.');
    if (globs.length === 0 && kustomize.length === 0)
        return undefined;
    const out = globbedManifests(project, dir, globs);
    for (const k of kustomize) {
        const d = (0,scripts/* repoJoin */.pg)(dir, k);
        if (d !== undefined)
            kustomizeManifests(project, d, out);
    }
    return out;
}
/** The Dockerfile builds of a skaffold.yaml: the main pipeline's and every profile's artifacts, in document order. */
function skaffoldBuilds(project, file) {
    const y = project.yaml(file);
    if (!y)
        return [];
    const out = [];
    const add = (build, deploys) => {
        for (const a of (0,yaml/* items */.ld)(y, (0,yaml/* get */.Jt)(y, build, 'artifacts'))) {
            const s = artifactSpec(y, a, deploys);
            if (s)
                out.push(s);
        }
    };
    const dir = external_node_path_.posix.dirname(file.path) === '.' ? '' : external_node_path_.posix.dirname(file.path);
    for (const doc of y.docs) {
        const root = doc.contents;
        if (!(0,yaml/* isMapNode */.vz)(root))
            continue;
        const api = (0,yaml/* str */.gx)((0,yaml/* get */.Jt)(y, root, 'apiVersion'));
        if (api !== undefined && !api.startsWith('skaffold/'))
            continue;
        // A profile that changes only the deploy step deploys the main artifacts elsewhere too.
        let main = deployedManifests(project, y, root, dir);
        const profiles = (0,yaml/* items */.ld)(y, (0,yaml/* get */.Jt)(y, root, 'profiles'));
        for (const p of profiles) {
            if ((0,yaml/* get */.Jt)(y, p, 'build'))
                continue;
            const d = deployedManifests(project, y, p, dir);
            if (d && main)
                main = new Set([...main, ...d]);
        }
        add((0,yaml/* get */.Jt)(y, root, 'build'), main);
        for (const p of profiles)
            if ((0,yaml/* get */.Jt)(y, p, 'build'))
                add((0,yaml/* get */.Jt)(y, p, 'build'), deployedManifests(project, y, p, dir) ?? main);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/parse/starlark.ts
/**
 * A Tiltfile's image builds: the calls `docker_build(ref, context, …)` of its
 * Starlark, with their positional and keyword arguments where those are
 * string literals (or names bound to one at the top level: `IMG = 'app'`).
 * A tokenizer of Starlark's lexical grammar (strings with their prefixes and
 * triple quotes, comments, brackets) and a walk of the call's arguments; no
 * evaluation. Everything else of the file is skipped.
 */
function starlark_tokenize(text) {
    const out = [];
    let i = 0;
    const n = text.length;
    while (i < n) {
        const c = text[i];
        if (c === '#') {
            while (i < n && text[i] !== '\n')
                i++;
            continue;
        }
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\\') {
            i++;
            continue;
        }
        const pm = /^[rRbB]{0,2}(?=["'])/.exec(text.slice(i, i + 3));
        if (c === '"' || c === "'" || (pm && pm[0].length > 0)) {
            const s = i;
            const prefix = pm ? pm[0] : '';
            const raw = /r/i.test(prefix);
            i += prefix.length;
            const q = text[i];
            const triple = text.startsWith(q.repeat(3), i);
            const close = triple ? q.repeat(3) : q;
            i += close.length;
            let v = '';
            while (i < n && !text.startsWith(close, i)) {
                if (!triple && text[i] === '\n')
                    break;
                if (text[i] === '\\' && i + 1 < n) {
                    const x = text[i + 1];
                    if (raw) {
                        v += '\\' + x;
                        i += 2;
                        continue;
                    }
                    v += x === 'n' ? '\n' : x === 't' ? '\t' : x === '\n' ? '' : x;
                    i += 2;
                    continue;
                }
                v += text[i];
                i++;
            }
            i = Math.min(n, i + close.length);
            out.push({ t: 'str', v, s, e: i });
            continue;
        }
        if (/[A-Za-z_]/.test(c)) {
            const s = i;
            while (i < n && /[A-Za-z0-9_]/.test(text[i]))
                i++;
            out.push({ t: 'id', v: text.slice(s, i), s, e: i });
            continue;
        }
        if (/[0-9]/.test(c)) {
            while (i < n && /[0-9A-Za-z_.]/.test(text[i]))
                i++;
            continue;
        }
        const two = text.slice(i, i + 2);
        if (['==', '!=', '<=', '>=', '**', '//', '+=', '-=', '*=', '->'].includes(two)) {
            out.push({ t: 'op', v: two, s: i, e: i + 2 });
            i += 2;
            continue;
        }
        out.push({ t: 'op', v: c, s: i, e: i + 1 });
        i++;
    }
    return out;
}
const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
/** The calls of the named functions, with literal string arguments (others undefined). */
function starlarkCalls(text, names) {
    const toks = starlark_tokenize(text);
    // Top-level `NAME = 'literal'` bindings (at bracket depth 0, a name first on its statement).
    const bound = new Map();
    let depth = 0;
    for (let k = 0; k < toks.length; k++) {
        const t = toks[k];
        if (t.t === 'op' && OPEN.has(t.v))
            depth++;
        else if (t.t === 'op' && CLOSE.has(t.v))
            depth = Math.max(0, depth - 1);
        else if (depth === 0 && t.t === 'id' && toks[k + 1]?.v === '=' && toks[k + 2]?.t === 'str' && !(toks[k + 3]?.t === 'op' && toks[k + 3].v === '+')) {
            const v = toks[k + 2];
            if (!bound.has(t.v))
                bound.set(t.v, { value: v.v, start: v.s, end: v.e });
        }
    }
    const out = [];
    for (let k = 0; k < toks.length; k++) {
        const t = toks[k];
        if (t.t !== 'id' || !names.has(t.v) || toks[k + 1]?.v !== '(' || toks[k - 1]?.v === '.' || toks[k - 1]?.v === 'def')
            continue;
        const call = { name: t.v, start: t.s, args: [], kwargs: new Map() };
        let d = 0;
        let m = k + 1;
        // One argument: the tokens between commas at depth 1.
        let arg = [];
        const flush = () => {
            if (arg.length === 0)
                return;
            let key;
            let val = arg;
            if (arg[0].t === 'id' && arg[1]?.v === '=') {
                key = arg[0].v;
                val = arg.slice(2);
            }
            let v;
            const lit = (t) => ({ value: t.v, start: t.s, end: t.e, raw: text.slice(t.s, t.e) });
            if (val.length === 1 && val[0].t === 'str')
                v = lit(val[0]);
            else if (val.length === 1 && val[0].t === 'id')
                v = bound.get(val[0].v);
            else if (val.length >= 2 && (val[0].v === '[' || val[0].v === '(') && (val[val.length - 1].v === ']' || val[val.length - 1].v === ')')) {
                // ['a', 'b', …]: only string items and commas.
                const inner = val.slice(1, -1);
                const strs = inner.filter((t) => t.t === 'str');
                if (inner.every((t) => t.t === 'str' || t.v === ','))
                    v = { value: '', start: val[0].s, end: val[val.length - 1].e, items: strs.map(lit) };
            }
            if (key !== undefined)
                call.kwargs.set(key, v);
            else
                call.args.push(v);
            arg = [];
        };
        for (; m < toks.length; m++) {
            const x = toks[m];
            if (x.t === 'op' && OPEN.has(x.v)) {
                d++;
                if (d === 1)
                    continue;
            }
            else if (x.t === 'op' && CLOSE.has(x.v)) {
                d--;
                if (d === 0)
                    break;
            }
            if (d === 1 && x.t === 'op' && x.v === ',') {
                flush();
                continue;
            }
            if (d >= 1)
                arg.push(x);
        }
        flush();
        out.push(call);
        // k8s_yaml(helm('chart')): the calls inside a deploy are read too.
        if (call.name !== 'k8s_yaml')
            k = m;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/model/tilt.ts
/**
 * A Tiltfile's `docker_build(ref, context, dockerfile=…, target=…)` calls as
 * image builds (Tilt's API: the context is relative to the Tiltfile's
 * directory, the Dockerfile defaults to `<context>/Dockerfile` and is
 * relative to the Tiltfile too), scoped to the manifests its `k8s_yaml(…)`
 * calls deploy (a path or a list of paths, as literals; Tilt injects its images only there, so a
 * manifest it does not name is not linked, also when it renders others with local()); `k8s_yaml(helm('CHART'))`
 * names the chart's templates.
 */



const tilt_NAMES = new Set(['docker_build', 'docker_build_with_restart', 'k8s_yaml', 'helm']);
/** A string literal as a word, characters mapped 1:1 when the literal has no escapes. */
function word(v) {
    const raw = v.raw ?? '';
    const open = /^[rRbB]*("""|'''|"|')/.exec(raw);
    const prefix = open ? open[0].length : 0;
    const close = open ? open[1].length : 0;
    const inner = raw.slice(prefix, raw.length - close);
    const from = v.start + prefix;
    const map = inner === v.value ? Array.from({ length: v.value.length }, (_, i) => from + i) : Array.from({ length: v.value.length }, () => v.start);
    return { value: v.value, start: v.start, end: v.end, quoted: true, map };
}
function tiltBuilds(project, file) {
    const dir = external_node_path_.posix.dirname(file.path) === '.' ? '' : external_node_path_.posix.dirname(file.path);
    const calls = starlarkCalls(file.text, tilt_NAMES);
    const deploys = new Set();
    for (const c of calls) {
        if (c.name !== 'k8s_yaml')
            continue;
        const first = c.args[0];
        if (first) {
            const p = (0,scripts/* repoJoin */.pg)(dir, first.value);
            if (p !== undefined && project.exists(p, 'kubernetes'))
                deploys.add(p);
        }
    }
    // k8s_yaml(helm('charts/api', …)): the chart's templates are what Tilt deploys (helm() is only of use to k8s_yaml).
    for (const c of calls) {
        if (c.name !== 'helm')
            continue;
        const chart = c.args[0] ?? c.kwargs.get('paths');
        const root = chart?.value ? (0,scripts/* repoJoin */.pg)(dir, chart.value) : undefined;
        if (root === undefined)
            continue;
        const prefix = root === '' ? 'templates/' : `${root.replace(/\/+$/, '')}/templates/`;
        for (const f of project.files)
            if (f.kind === 'kubernetes' && f.path.startsWith(prefix))
                deploys.add(f.path);
    }
    const out = [];
    for (const c of calls) {
        if (c.name !== 'docker_build' && c.name !== 'docker_build_with_restart')
            continue;
        const ref = c.args[0] ?? c.kwargs.get('ref');
        if (!ref)
            continue;
        const ctx = c.args[1] ?? c.kwargs.get('context');
        const context = (0,scripts/* repoJoin */.pg)(dir, ctx?.value ?? '.');
        const df = c.kwargs.get('dockerfile');
        const dockerfile = df ? (0,scripts/* repoJoin */.pg)(dir, df.value) : undefined;
        const target = c.kwargs.get('target')?.value;
        // docker_build(entrypoint=…) and docker_build_with_restart(…, entrypoint, …): what the container runs instead.
        const ep = c.kwargs.get('entrypoint') ?? (c.name === 'docker_build_with_restart' ? c.args[2] : undefined);
        const entrypoint = ep?.items ? { form: 'exec', words: ep.items.map(word), span: { file, start: ep.start, end: ep.end } } : ep && ep.value ? { form: 'shell', words: [word(ep)], span: { file, start: ep.start, end: ep.end } } : undefined;
        if (context === undefined || (df && dockerfile === undefined))
            continue;
        out.push({
            file,
            span: { file, start: ref.start, end: ref.end },
            tags: [{ value: ref.value, span: { file, start: ref.start, end: ref.end } }],
            context,
            ...(dockerfile !== undefined ? { dockerfile } : {}),
            ...(target ? { target } : {}),
            // Tilt puts the images it builds only into what it deploys: a manifest it does not name (a plain
            // kubernetes.yaml next to a Helm chart it renders) never runs this build.
            deploys,
            ...(entrypoint ? { entrypoint } : {}),
            how: 'command',
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/parse/markdown.ts
/**
 * The shell commands of a Markdown file's code blocks (a README's "build the
 * debug image" lines), with source offsets: fenced blocks (``` or ~~~, up to
 * three spaces of indentation) whose info string is empty or a shell
 * (bash, sh, shell, zsh, console, shell-session, terminal). In console blocks
 * only the lines after a `$ ` prompt (and their `\` continuations) are
 * commands; the rest is output. CommonMark's fence rules, no HTML, no
 * indented code blocks.
 */

const SHELL_INFO = new Set(['', 'bash', 'sh', 'shell', 'zsh', 'console', 'shell-session', 'shellsession', 'terminal', 'sh-session', 'bash-session']);
const CONSOLE = new Set(['console', 'shell-session', 'shellsession', 'terminal', 'sh-session', 'bash-session']);
function lines(text) {
    const out = [];
    let i = 0;
    while (i <= text.length) {
        const nl = text.indexOf('\n', i);
        const end = nl < 0 ? text.length : nl;
        const contentEnd = end > i && text[end - 1] === '\r' ? end - 1 : end;
        out.push({ start: i, end: contentEnd, text: text.slice(i, contentEnd) });
        if (nl < 0)
            break;
        i = nl + 1;
    }
    return out;
}
function markdownCommands(text) {
    const out = [];
    const ls = lines(text);
    for (let i = 0; i < ls.length; i++) {
        const open = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)/.exec(ls[i].text);
        if (!open)
            continue;
        const fence = open[2];
        const info = open[3].toLowerCase().replace(/^\{?\.?/, '').replace(/\}$/, '');
        // The block runs to a closing fence of the same character, at least as long.
        let j = i + 1;
        const closeRe = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
        while (j < ls.length && !closeRe.test(ls[j].text))
            j++;
        if (SHELL_INFO.has(info)) {
            const body = ls.slice(i + 1, j);
            if (CONSOLE.has(info) || (info === '' && body.some((l) => /^\s*\$ /.test(l.text)))) {
                for (let k = 0; k < body.length; k++) {
                    const m = /^(\s*\$ )/.exec(body[k].text);
                    if (!m)
                        continue;
                    const start = body[k].start + m[1].length;
                    let e = k;
                    while (body[e].text.endsWith('\\') && e + 1 < body.length)
                        e++;
                    out.push(...(0,shell/* splitShell */.b2)(text.slice(start, body[e].end), { base: start }));
                    k = e;
                }
            }
            else if (body.length > 0) {
                const start = body[0].start;
                out.push(...(0,shell/* splitShell */.b2)(text.slice(start, body[body.length - 1].end), { base: start }));
            }
        }
        i = j;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/model/images.ts
const VARIABLE = /\$|\{\{|%\{/;
/**
 * `acme/app` → docker.io/acme/app; `app` → docker.io/library/app;
 * `localhost:5000/app:dev` → localhost:5000 + app, tag dev. The first
 * component is a registry when it has a `.` or a `:` or is `localhost`.
 * Undefined for what is no image reference at all (empty, spaces).
 */
function parseImageRef(raw) {
    let s = raw.trim().replace(/^["']|["']$/g, '');
    if (s === '' || /\s/.test(s))
        return undefined;
    let digest;
    const at = s.indexOf('@');
    if (at >= 0) {
        digest = s.slice(at + 1);
        s = s.slice(0, at);
    }
    let tag;
    // The tag separator: the last colon after the last slash, outside `${…}`.
    let colon = -1;
    for (let i = 0, depth = 0; i < s.length; i++) {
        const c = s[i];
        if (c === '$' && s[i + 1] === '{') {
            depth++;
            i++;
            continue;
        }
        if (c === '}' && depth > 0) {
            depth--;
            continue;
        }
        if (depth > 0)
            continue;
        if (c === '/')
            colon = -1;
        else if (c === ':')
            colon = i;
    }
    if (colon >= 0) {
        tag = s.slice(colon + 1);
        s = s.slice(0, colon);
    }
    let domain = 'docker.io';
    let path = s;
    const slash = s.indexOf('/');
    if (slash > 0) {
        const first = s.slice(0, slash);
        if (first.includes('.') || first.includes(':') || first === 'localhost') {
            domain = first === 'index.docker.io' ? 'docker.io' : first;
            path = s.slice(slash + 1);
        }
    }
    if (domain === 'docker.io' && !path.includes('/'))
        path = `library/${path}`;
    if (path === '' || path.endsWith('/'))
        return undefined;
    return {
        raw,
        domain: domain.toLowerCase(),
        path,
        ...(tag !== undefined ? { tag } : {}),
        ...(digest !== undefined ? { digest } : {}),
        variableName: VARIABLE.test(domain) || VARIABLE.test(path),
        variableTag: tag !== undefined && VARIABLE.test(tag),
    };
}
/** The index key of a reference: domain and path, as the engines compare them. */
function imageKey(r) {
    return `${r.domain}/${r.path}`;
}
/** Every image the repository builds, by repository name: one lookup per runtime reference. */
class ImageIndex {
    byKey = new Map();
    add(spec) {
        for (const tag of spec.tags) {
            const ref = parseImageRef(tag.value);
            if (!ref || ref.variableName)
                continue;
            const k = imageKey(ref);
            const list = this.byKey.get(k);
            const b = { spec, tag, ref };
            if (list)
                list.push(b);
            else
                this.byKey.set(k, [b]);
        }
    }
    get size() {
        return this.byKey.size;
    }
    /** The repository names built from a Dockerfile `mayMatter` accepts (or an inline one): the relevance filter's needles. */
    builtFrom(mayMatter) {
        const out = [];
        for (const list of this.byKey.values()) {
            if (list.some((b) => b.spec.inline !== undefined || b.spec.entrypoint !== undefined || (b.spec.dockerfile !== undefined ? mayMatter(b.spec.dockerfile) : b.spec.context !== undefined && (mayMatter(`${b.spec.context ? b.spec.context + '/' : ''}Dockerfile`) || mayMatter(`${b.spec.context ? b.spec.context + '/' : ''}Containerfile`)))))
                out.push(list[0].ref.path);
        }
        return out;
    }
    /**
     * The build behind an image reference. An exact tag wins (no tag = latest);
     * otherwise, when every build of that name builds the same Dockerfile and
     * stage, that one, with a note that only the name matched; when the builds
     * of that name differ, none (ambiguous: no guess).
     */
    lookup(raw, runtimePath) {
        const ref = parseImageRef(raw);
        if (!ref || ref.variableName)
            return undefined;
        let list = this.byKey.get(imageKey(ref));
        if (!list || list.length === 0)
            return undefined;
        if (runtimePath !== undefined && list.some((b) => b.spec.deploys)) {
            // The build whose deploy step renders this manifest; else the builds that say nothing of where they run.
            // None: every build of the name says where it runs, and it is not this file.
            const claimed = list.filter((b) => b.spec.deploys?.has(runtimePath));
            list = claimed.length > 0 ? claimed : list.filter((b) => !b.spec.deploys);
            if (list.length === 0)
                return undefined;
        }
        const tagOf = (r) => r.tag ?? 'latest';
        const same = (a, b) => a.spec.dockerfile === b.spec.dockerfile && a.spec.target === b.spec.target && a.spec.context === b.spec.context && a.spec.inline === b.spec.inline;
        if (!ref.variableTag) {
            const exact = list.filter((b) => !b.ref.variableTag && tagOf(b.ref) === tagOf(ref));
            if (exact.length > 0 && exact.every((b) => same(b, exact[0])))
                return { build: exact[0] };
            if (exact.length > 0)
                return undefined;
        }
        if (!list.every((b) => same(b, list[0])))
            return undefined;
        const b = list[0];
        const written = ref.tag ?? '(no tag: latest)';
        const built = b.ref.tag ?? '(no tag: latest)';
        return { build: b, note: `The image is linked to this build by its name only: it is run as \`${raw.trim()}\` (tag ${written}) and built as \`${b.tag.value}\` (tag ${built}).` };
    }
}

;// CONCATENATED MODULE: ./src/model/kubectl.ts
/**
 * `kubectl debug` commands in scripts, Makefiles, justfiles and the other
 * command files: an ephemeral debug container (or a `--copy-to` copy of the
 * pod) that runs `dlv attach`, `strace -p`, `gdb -p` or a debugger image.
 *
 * Whether that container gets SYS_PTRACE is the `--profile` (kubectl
 * pkg/cmd/debug, profiles.go; checked in kubectl's source, see
 * docs/linking.md): `general` and `sysadmin` add it (sysadmin: privileged);
 * `legacy` leaves the security context unset, `baseline` and `restricted`
 * and `netadmin` give no SYS_PTRACE. Without `--profile`, kubectl up to 1.35
 * uses `legacy` (1.32–1.35 print a deprecation warning); from 1.36 the default
 * is `general`. A `--custom` spec in the repository that adds the capability
 * (or privileged) grants it too.
 */





/** Profiles whose debug container gets CAP_SYS_PTRACE. */
const PTRACE_PROFILES = new Set(['general', 'sysadmin']);
const kubectl_VALUE_FLAGS = new Set(['--image', '--target', '--copy-to', '--profile', '--custom', '--container', '-c', '--env', '--image-pull-policy', '-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--set-image', '--attach', '-f', '--filename', '--arguments-only', '--keep-annotations', '--keep-init-containers', '--keep-labels', '--keep-liveness', '--keep-readiness', '--keep-startup', '-l', '--selector']);
const DEBUGGER_IMAGE = /(^|[/_.-])(delve|dlv|strace|gdb|ltrace|py-spy)([/_.:@-]|$)/i;
function kubectl_basename(v) {
    return v.slice(v.lastIndexOf('/') + 1);
}
/** SYS_PTRACE (or privileged) in a `--custom` partial container spec of the repository (JSON; YAML from kubectl 1.31). */
function customGrants(project, file, path, yamlText) {
    for (const base of [external_node_path_.posix.dirname(file.path) === '.' ? '' : external_node_path_.posix.dirname(file.path), '']) {
        const rel = (0,scripts/* repoJoin */.pg)(base, path);
        if (rel === undefined)
            continue;
        const f = project.file(rel, 'kubernetes', { quiet: true });
        if (!f)
            continue;
        const root = f.text.trimStart().startsWith('{') ? (0,jsonc_lib/* parseJsonc */.pX)(f.text) : undefined;
        if (root) {
            const add = (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, ['securityContext', 'capabilities', 'add']);
            const priv = (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, ['securityContext', 'privileged']);
            if (priv?.value === true)
                return true;
            return (add?.children ?? []).some((c) => /^(CAP_)?SYS_PTRACE$|^ALL$/i.test(String(c.value)));
        }
        const spec = yamlText(f);
        const sc = spec?.securityContext;
        if (sc?.privileged === true)
            return true;
        return (sc?.capabilities?.add ?? []).some((c) => /^(CAP_)?SYS_PTRACE$|^ALL$/i.test(String(c)));
    }
    return false;
}
/** The `kubectl debug` commands of a file's commands, as launches of their debug containers. */
function kubectlDebugLaunches(project, file, commands, expand, yamlValue) {
    const out = [];
    for (const c of commands) {
        const words = c.words;
        let k = 0;
        while (k < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k].value) || words[k].value === 'sudo' || words[k].value === 'exec'))
            k++;
        const head = kubectl_basename(words[k]?.value ?? '');
        if (head !== 'kubectl' && head !== 'oc' && head !== 'kubectl.exe')
            continue;
        // Global flags before the verb (-n ns, --context x).
        let j = k + 1;
        while (j < words.length && words[j].value.startsWith('-'))
            j += kubectl_VALUE_FLAGS.has(words[j].value) ? 2 : 1;
        // `kubectl alpha debug` before kubectl 1.20.
        if (words[j]?.value === 'alpha' && words[j + 1]?.value === 'debug')
            j++;
        if (words[j]?.value !== 'debug')
            continue;
        const debugWord = words[j];
        const flags = [];
        let target;
        let i = j + 1;
        for (; i < words.length; i++) {
            const w = words[i];
            const v = w.value;
            if (v === '--') {
                i++;
                break;
            }
            if (v.startsWith('-')) {
                const eq = v.indexOf('=');
                if (eq > 0) {
                    flags.push({ name: v.slice(0, eq), value: v.slice(eq + 1), start: w.start, end: w.end, valueStart: w.map[eq + 1] ?? w.start, word: w, valueWord: w });
                    continue;
                }
                if (kubectl_VALUE_FLAGS.has(v) && words[i + 1]) {
                    const vw = words[i + 1];
                    flags.push({ name: v, value: vw.value, start: w.start, end: vw.end, valueStart: vw.start, word: w, valueWord: vw });
                    i++;
                    continue;
                }
                flags.push({ name: v, value: '', start: w.start, end: w.end, word: w });
                continue;
            }
            target ??= w;
        }
        if (!target || /^node\//.test(target.value) || target.value === 'node')
            continue;
        const cmdWords = words.slice(i);
        const image = flags.find((f) => f.name === '--image');
        const profile = flags.find((f) => f.name === '--profile');
        const custom = flags.find((f) => f.name === '--custom');
        const attachesTarget = flags.some((f) => f.name === '--target' || f.name === '--copy-to' || f.name === '--share-processes');
        const facts = cmdWords.length > 0 ? (0,model_commands/* analyzeWords */.uu)(file, cmdWords) : { tools: [], builds: [] };
        const tools = [...facts.tools];
        if (image && DEBUGGER_IMAGE.test(expand(image.value)) && tools.length === 0) {
            const m = DEBUGGER_IMAGE.exec(expand(image.value));
            const tool = (m[2].toLowerCase() === 'delve' ? 'dlv' : m[2].toLowerCase());
            // A debugger image next to the pod's processes (--target, --copy-to): it is there to attach.
            tools.push(attachesTarget ? { tool, use: 'run', mode: 'attach', span: (0,model_commands/* wordSpan */.BW)(file, image.valueWord ?? image.word), words: [image.valueWord ?? image.word] } : { tool, use: 'install', span: (0,model_commands/* wordSpan */.BW)(file, image.valueWord ?? image.word), words: [] });
        }
        const profileValue = profile ? expand(profile.value) : undefined;
        const granted = (profileValue !== undefined && PTRACE_PROFILES.has(profileValue)) || (custom ? customGrants(project, file, expand(custom.value), yamlValue) : false);
        const line = (0,source/* positionAt */.t$)(file, words[k].start).line;
        const profileSpan = profile ? { file, start: profile.valueStart ?? profile.start, end: profile.end } : undefined;
        const capAdd = granted ? [{ value: 'SYS_PTRACE', span: profileSpan ?? (0,model_commands/* wordSpan */.BW)(file, custom.word) }] : [];
        out.push({
            id: `kubectl-debug:${file.path}:${line}`,
            kind: 'kubectl-debug',
            name: `kubectl debug ${target.value} (line ${line})`,
            anchor: { file, start: words[k].start, end: target.end },
            file,
            ...(image ? { image: { value: expand(image.value), span: (0,model_commands/* wordSpan */.BW)(file, image.valueWord ?? image.word) } } : {}),
            capAdd,
            capDrop: [],
            ...(profileValue === 'sysadmin' && profileSpan ? { privileged: { value: true, span: profileSpan } } : {}),
            securityOpt: [],
            hasPtrace: granted,
            tools,
            builds: facts.builds,
            ports: [],
            ...(attachesTarget ? { sharedPid: { value: 'target', span: (0,model_commands/* wordSpan */.BW)(file, (flags.find((f) => f.name === '--target' || f.name === '--copy-to' || f.name === '--share-processes')).word) } } : {}),
            ...(profileValue !== undefined && profileSpan ? { debugProfile: { value: profileValue, span: profileSpan } } : {}),
            source: { kind: 'kubectl-debug', file, insertAt: debugWord.end, flags: flags.map((f) => ({ name: f.name, value: f.value, start: f.start, end: f.end, ...(f.valueStart !== undefined ? { valueStart: f.valueStart } : {}) })) },
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/model/dockerfiles.ts
/**
 * A Dockerfile on its own is a container: many repositories have only a
 * `Dockerfile.debug`, run from a README line, an IDE or CI. Each stage that
 * ends the file or has a CMD/ENTRYPOINT of its own, and that no runtime file
 * of the repository runs (Linker.used), is a launch of kind `dockerfile`
 * whose runtime is unknown: the rules that do not depend on the runtime
 * (where delve listens, how the debugged binary is built) read it; those that
 * do stay quiet, or say how to run it (an attach in the image's own command).
 * A stage a runtime runs is that runtime's launch instead, never both.
 */



function ownCommand(s) {
    const c = s.entrypoint ?? s.cmd;
    return !!c && c.span.start >= s.span.start && c.span.end <= s.span.end;
}
function spanKey(sp) {
    return `${sp.file.path}@${sp.start}`;
}
function dockerfileLaunches(project, paths, linker, others) {
    const out = [];
    // Command spans runtimes already run: an inheriting stage adds nothing new.
    const seen = new Set();
    for (const l of others) {
        const c = l.stage?.entrypoint ?? l.stage?.cmd;
        if (c)
            seen.add(spanKey(c.span));
    }
    for (const path of paths) {
        const doc = project.dockerfile(path);
        if (!doc)
            continue;
        const last = doc.stages[doc.stages.length - 1];
        const dir = external_node_path_.posix.dirname(path) === '.' ? '' : external_node_path_.posix.dirname(path);
        const contexts = [...new Set([dir, ''])];
        for (const stage of doc.stages) {
            if (stage !== last && !ownCommand(stage))
                continue;
            if (linker.used.has(`${path}#${stage.index}`))
                continue;
            const cmd = stage.entrypoint ?? stage.cmd;
            if (cmd && seen.has(spanKey(cmd.span)))
                continue;
            const facts = (0,model_project/* imageFacts */.JC)(doc, stage, { project, contexts });
            if (!facts)
                continue;
            const follow = (0,scripts/* followContext */.xR)(project, { mounts: facts.mounts, workdir: stage.workdir ?? '/', vars: stage.vars });
            const run = (0,model_project/* runFacts */.pI)(stage.entrypoint, stage.cmd, follow);
            const tools = [...facts.tools, ...run.tools];
            if (tools.length === 0)
                continue;
            if (cmd)
                seen.add(spanKey(cmd.span));
            const label = stage.name ? `${path} (stage ${stage.name.value})` : doc.stages.length > 1 ? `${path} (stage ${stage.index})` : path;
            out.push({
                id: `dockerfile:${path}#${stage.name?.value ?? stage.index}`,
                kind: 'dockerfile',
                name: label,
                anchor: cmd?.span ?? stage.fromSpan,
                file: doc.file,
                image: stage.image,
                dockerfile: doc,
                stage,
                ...(stage.user ? { user: stage.user } : {}),
                capAdd: [],
                capDrop: [],
                securityOpt: [],
                hasPtrace: false,
                tools,
                builds: [...facts.builds, ...run.builds],
                ports: [],
                ...(facts.fileCapPtrace ? { fileCapPtrace: facts.fileCapPtrace } : {}),
                source: { kind: 'dockerfile' },
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/model/seccomp.ts



function nodeSpan(file, n) {
    return { file, start: n.offset, end: n.offset + n.length };
}
function prop(obj, key) {
    if (!obj || obj.type !== 'object')
        return undefined;
    for (const p of obj.children ?? []) {
        if (p.children?.[0]?.value === key)
            return p.children[1];
    }
    return undefined;
}
function seccomp_strings(n) {
    if (!n || n.type !== 'array')
        return [];
    return (n.children ?? []).filter((c) => c.type === 'string').map((c) => String(c.value));
}
function conditions(n) {
    const minKernel = prop(n, 'minKernel');
    return {
        caps: seccomp_strings(prop(n, 'caps')),
        arches: seccomp_strings(prop(n, 'arches')),
        ...(minKernel?.type === 'string' ? { minKernel: String(minKernel.value) } : {}),
    };
}
/** Parse a profile; undefined (with a PTD900 problem) when it is not a JSON object. */
function parseSeccompProfile(project, file) {
    const errors = [];
    const root = (0,jsonc_lib/* parseTree */.cZ)(file.text, errors, { allowTrailingComma: false, disallowComments: true });
    if (errors.length > 0 || !root || root.type !== 'object') {
        const off = errors[0]?.offset ?? 0;
        project.problem({ path: file.path, reason: errors.length > 0 ? `could not be parsed as a seccomp profile (JSON error code ${errors[0].error} at offset ${off})` : 'is not a seccomp profile (not a JSON object)', span: { file, start: off, end: off } });
        return undefined;
    }
    const da = prop(root, 'defaultAction');
    const syscalls = prop(root, 'syscalls');
    const rules = [];
    (syscalls?.type === 'array' ? (syscalls.children ?? []) : []).forEach((r, index) => {
        if (r.type !== 'object')
            return;
        const names = [];
        const list = prop(r, 'names');
        for (const c of list?.type === 'array' ? (list.children ?? []) : [])
            if (c.type === 'string')
                names.push({ value: String(c.value), span: nodeSpan(file, c) });
        const single = prop(r, 'name');
        if (single?.type === 'string')
            names.push({ value: String(single.value), span: nodeSpan(file, single) });
        const action = prop(r, 'action');
        const args = prop(r, 'args');
        rules.push({
            index,
            names,
            action: action?.type === 'string' ? String(action.value) : '',
            hasArgs: args?.type === 'array' && (args.children ?? []).length > 0,
            includes: conditions(prop(r, 'includes')),
            excludes: conditions(prop(r, 'excludes')),
            span: nodeSpan(file, r),
        });
    });
    return {
        file,
        root,
        ...(da?.type === 'string' ? { defaultAction: { value: String(da.value), span: nodeSpan(file, da) } } : {}),
        rules,
        ...(syscalls ? { syscallsSpan: nodeSpan(file, syscalls) } : {}),
    };
}
/**
 * Where a profile path points, relative to the file that names it (Compose
 * resolves it against the project directory, which is where the file is),
 * else relative to the repository root (scripts run from the root).
 */
function candidates(fromFile, p) {
    const cleaned = p.replace(/^\$\{(localWorkspaceFolder|PWD|CURDIR|PROJECT_DIR)\}\/?/, '').replace(/^\$\((CURDIR|PWD|shell pwd)\)\/?/, '').replace(/^["']|["']$/g, '');
    if (cleaned.startsWith('/') || cleaned.includes('$') || cleaned === '')
        return [];
    const out = [];
    const rel = (0,model_project/* relativeTo */.Mf)(fromFile, cleaned);
    if (rel)
        out.push(rel);
    const fromRoot = (0,model_project/* relativeTo */.Mf)('x', cleaned);
    if (fromRoot && !out.includes(fromRoot))
        out.push(fromRoot);
    return out;
}
/** The custom seccomp profiles a launch's security options name, read from the repository. */
function loadSeccompProfiles(project, securityOpt, cache) {
    const out = [];
    for (const opt of securityOpt) {
        const p = (0,caps/* seccompProfilePath */.Hl)(opt.value);
        if (!p)
            continue;
        for (const path of candidates(opt.span.file.path, p)) {
            if (!cache.has(path)) {
                const f = project.file(path, 'seccomp');
                if (!f)
                    continue;
                project.add(f);
                cache.set(path, parseSeccompProfile(project, f));
            }
            const profile = cache.get(path);
            if (profile)
                out.push({ opt, profile });
            // Found (parsed or reported as unreadable): stop looking.
            break;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/model/installs.ts
/**
 * Every `go install` / `go get` of delve the repository runs: in each
 * Dockerfile that may hold one (with the images of its stage chain, whose Go
 * builds it), and in the commands launches run (with the launch's image).
 */




function stageAt(stages, offset) {
    return stages.find((s) => s.span.start <= offset && offset <= s.span.end);
}
function isGoInstall(t) {
    return t.tool === 'dlv' && t.use === 'install' && (t.install?.method === 'go-install' || t.install?.method === 'go-get');
}
function delveInstallSites(project, relevance, launches, commandFiles = []) {
    const out = [];
    const seen = new Set();
    const add = (i) => {
        const k = `${i.tool.span.file.path}:${i.tool.span.start}`;
        if (seen.has(k))
            return;
        seen.add(k);
        out.push(i);
    };
    // A Dockerfile that installs delve with go names its module, and one whose installs are all pinned
    // `go install`s of the current module gives no finding: the others are not parsed here.
    const byTool = new Map();
    for (const l of launches)
        for (const t of l.tools)
            if (isGoInstall(t) && !byTool.has(t))
                byTool.set(t, l);
    for (const path of relevance.delveInstallCandidates()) {
        const doc = project.dockerfile(path);
        if (!doc)
            continue;
        for (const stage of doc.stages) {
            for (const r of stage.runs) {
                for (const t of r.facts.tools.filter(isGoInstall)) {
                    const s = stageAt(doc.stages, t.span.start) ?? stage;
                    const launch = byTool.get(t);
                    const v = t.install?.version;
                    add({ tool: t, ...(launch ? { launch } : {}), images: (0,dockerfile/* stageChain */.ap)(s).map((st) => st.image), ...(v !== undefined ? { version: (0,dockerfile/* expandVars */.Jf)(v, s.vars) } : {}) });
                }
            }
        }
    }
    for (const l of launches) {
        for (const t of l.tools.filter(isGoInstall)) {
            add({ tool: t, launch: l, images: l.image ? [l.image] : [] });
        }
    }
    // Installs on the developer's machine or CI runner (a Makefile's `go get …delve…`): the same breakage.
    for (const f of commandFiles) {
        const cf = (0,cmdfiles/* commandFileOf */.j)(project, f);
        if (!(0,model_relevance/* mayNameDelveModule */.Zh)(f.text))
            continue;
        for (const t of (0,model_commands/* analyzeCommands */.rp)(f, cf.commands).tools.filter(isGoInstall)) {
            const v = t.install?.version;
            add({ tool: t, images: [], ...(v !== undefined ? { version: cf.expandFor(cf.commands.find((c) => c.start <= t.span.start && t.span.start <= c.end) ?? cf.commands[0], v) } : {}) });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/model/index.ts


















/** `.vscode/launch.json` configurations that attach to a local process. */
function editorAttachConfigs(project) {
    const out = [];
    for (const f of project.files.filter((x) => x.kind === 'vscode-launch')) {
        const root = (0,jsonc_lib/* parseJsonc */.pX)(f.text);
        const configs = root ? (0,jsonc_lib/* findNodeAtLocation */.Wc)(root, ['configurations']) : undefined;
        for (const c of configs?.children ?? []) {
            const req = (0,jsonc_lib/* findNodeAtLocation */.Wc)(c, ['request']);
            const type = (0,jsonc_lib/* findNodeAtLocation */.Wc)(c, ['type']);
            const mode = (0,jsonc_lib/* findNodeAtLocation */.Wc)(c, ['mode']);
            const pid = (0,jsonc_lib/* findNodeAtLocation */.Wc)(c, ['processId']);
            if (req?.value === 'attach' && (type?.value === 'go' || type?.value === 'cppdbg' || type?.value === 'lldb') && (mode?.value !== 'remote') && (pid || mode?.value === 'local' || type?.value !== 'go')) {
                out.push({ file: f, start: c.offset, end: c.offset + Math.min(c.length, 1) });
            }
        }
    }
    return out;
}
function buildModel(project, opts = {}) {
    const relevance = new model_relevance/* Relevance */.yy(project.files, opts.readEverything);
    const index = new ImageIndex();
    const linker = new Linker(project, index, relevance);
    // Dev containers first: the Compose files they name are read whatever their content.
    const devcontainers = [];
    const named = new Set();
    for (const f of project.files.filter((x) => x.kind === 'devcontainer')) {
        const doc = parseDevcontainer(project, f);
        if (!doc)
            continue;
        devcontainers.push(doc);
        for (const p of composeFilesOf(doc))
            named.add(p);
    }
    // Read them wherever they are: a scan of some sub-paths (a dev container's
    // directory, a pre-commit hook's changed files) or a name that discovery does
    // not take for Compose leaves them undiscovered, and the dev container's
    // launch is built from their services.
    for (const p of named) {
        const f = project.file(p, 'compose');
        if (f)
            project.add(f);
    }
    // The images the repository builds, so that a runtime that only names one is linked to its Dockerfile.
    const commandFiles = relevance.runLineFiles();
    const readCompose = () => {
        const files = relevance.composeFiles(named);
        // Files they `include:` are part of the same project, whatever their name.
        const includedBy = new Map();
        const chain = (p) => {
            const out = [p];
            for (let q = includedBy.get(p); q !== undefined && out.length < 16; q = includedBy.get(q))
                out.push(q);
            return out;
        };
        for (let round = 0, fresh = files; fresh.length > 0; round++) {
            const next = [];
            for (const f of fresh) {
                const y = project.yaml(f);
                if (!y)
                    continue;
                for (const p of (0,compose/* composeIncludes */.Au)(project, y)) {
                    if (chain(f.path).includes(p)) {
                        project.problem({ path: f.path, reason: `includes ${p}, which includes it back (${[...chain(f.path)].reverse().join(' → ')} → ${p}); each file was read once` });
                        continue;
                    }
                    if (files.some((x) => x.path === p))
                        continue;
                    if (round >= 4) {
                        project.problem({ path: f.path, reason: `includes ${p} more than 4 levels down; it was not read` });
                        continue;
                    }
                    const inc = project.file(p, 'compose');
                    if (!inc)
                        continue;
                    project.add(inc);
                    files.push(inc);
                    next.push(inc);
                    includedBy.set(p, f.path);
                }
            }
            fresh = next;
        }
        return (0,compose/* composeServices */.d3)(project, files);
    };
    let services = readCompose();
    for (const spec of (0,compose/* composeBuildSpecs */.lb)(project, services))
        index.add(spec);
    for (const f of commandFiles) {
        const cf = (0,cmdfiles/* commandFileOf */.j)(project, f);
        for (const spec of commandBuildSpecs(project, f, cf.commands, cf.expand))
            index.add(spec);
    }
    for (const f of relevance.buildSourceFiles()) {
        const specs = f.kind === 'bake' ? bakeBuilds(project, f) : f.kind === 'skaffold' ? skaffoldBuilds(project, f) : f.kind === 'tiltfile' ? tiltBuilds(project, f) : commandBuildSpecs(project, f, markdownCommands(f.text));
        for (const spec of specs)
            index.add(spec);
    }
    // Files that run an image built from a Dockerfile that may matter may matter too.
    const hotImages = [];
    for (const name of index.builtFrom((path) => {
        const f = project.file(path, 'dockerfile', { quiet: true });
        return f !== undefined && relevance.dockerfileMayMatter(f);
    }))
        hotImages.push(name);
    if (hotImages.length > 0) {
        relevance.addImageNames(hotImages);
        services = readCompose();
    }
    const claimed = new Set();
    const dcLaunches = devcontainers.map((doc) => devcontainerLaunch(project, doc, services, claimed, linker));
    const composeAll = services.filter((s) => !claimed.has(s)).map((s) => (0,compose/* composeLaunch */._y)(project, s, linker));
    const attach = editorAttachConfigs(project);
    if (attach.length > 0)
        for (const l of dcLaunches)
            l.editorAttach = attach[0];
    const kubernetes = kubernetesLaunches(project, relevance.hotKubernetesFiles(), linker);
    kubernetesLaunches(project, relevance.helmTemplates(), linker, kubernetes, { quiet: true });
    kubernetesLaunches(project, relevance.coldKubernetesServices(kubernetes.labels.values()), linker, kubernetes);
    const runFiles = hotImages.length > 0 ? relevance.runLineFiles() : commandFiles;
    const runLaunches = runLineLaunches(project, runFiles, linker);
    const kubectl = runFiles.flatMap((f) => {
        const cf = (0,cmdfiles/* commandFileOf */.j)(project, f);
        return kubectlDebugLaunches(project, f, cf.commands, cf.expand, (x) => project.yaml(x)?.docs[0]?.toJS({ maxAliasCount: 100 }));
    });
    const runtimes = [...composeAll, ...dcLaunches, ...kubernetes.launches, ...runLaunches, ...kubectl];
    (0,compose/* markSharedAnchors */.zT)([...composeAll, ...dcLaunches], launch/* isDebuggingContainer */.qV);
    // A Dockerfile stage that no runtime runs is a launch of its own.
    const own = dockerfileLaunches(project, relevance.dockerfileCandidates(), linker, runtimes);
    const launches = [...runtimes, ...own];
    const profiles = new Map();
    for (const l of launches) {
        const refs = loadSeccompProfiles(project, l.securityOpt, profiles);
        if (refs.length > 0)
            l.seccompProfiles = refs;
    }
    return { launches, devcontainers, kubernetes, relevance, installs: delveInstallSites(project, relevance, launches, runFiles) };
}

// EXTERNAL MODULE: ./src/rules/index.ts + 21 modules
var rules = __nccwpck_require__(5679);
// EXTERNAL MODULE: ./src/rules/ptd901.ts
var ptd901 = __nccwpck_require__(9687);
// EXTERNAL MODULE: ./src/fix/text.ts
var fix_text = __nccwpck_require__(5444);
// EXTERNAL MODULE: ./src/fix/validate.ts
var validate = __nccwpck_require__(5729);
;// CONCATENATED MODULE: ./src/fix/settle.ts
/**
 * Settling the fixes of a scan so that the preview is the result: every fix
 * that is offered (the text diff, JSON `fix.edits`, SARIF `fixes`, a PR
 * suggestion) is exactly what `--fix` writes, and they can all be applied
 * together. Fixes are whole-line edits against the files as scanned; a fix
 * whose lines overlap an earlier finding's (in report order) is not offered
 * this time (the next scan offers what is still to do). Each edited file is
 * validated once with all its fixes applied; only when that fails are its
 * fixes tried one by one, and those that break the file are dropped.
 * Cost: one re-parse per edited file, whatever the number of findings.
 */


/** At most this many fixes of one file are tried one at a time (a whole-file parse each). */
const ONE_BY_ONE = 32;
/** Do two edits of one file touch the same text (then the order of the result would be a guess)? */
function overlaps(a, b) {
    const ia = a.start === a.end;
    const ib = b.start === b.end;
    if (ia && ib)
        return a.start === b.start;
    if (ia)
        return b.start < a.start && a.start < b.end;
    if (ib)
        return a.start < b.start && b.start < a.end;
    return a.start < b.end && b.start < a.end;
}
/**
 * The accepted edits of one file, sorted, for the question "which of them does this edit overlap?" in
 * logarithmic time: a scan of a file with thousands of fixes must not compare each with all the others.
 * Accepted edits never overlap each other, so sorted by start their ends are sorted too.
 */
class EditIndex {
    list = [];
    /** Index of the first edit whose end is at or after `offset`. */
    lower(offset) {
        let lo = 0;
        let hi = this.list.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.list[mid].end < offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
    overlapping(x) {
        const out = [];
        for (let i = this.lower(x.start); i < this.list.length && this.list[i].start <= x.end; i++)
            if (overlaps(x, this.list[i]))
                out.push(this.list[i]);
        return out;
    }
    add(x) {
        let i = this.lower(x.start);
        while (i < this.list.length && (this.list[i].start < x.start || (this.list[i].start === x.start && this.list[i].end <= x.end)))
            i++;
        this.list.splice(i, 0, x);
    }
    remove(drop) {
        this.list = this.list.filter((x) => !drop(x));
    }
    all() {
        return this.list;
    }
}
/**
 * Give host's fix the edits of e's too, when both edit one file and their own
 * (not line-widened) edits do not overlap: the whole-line edits of both
 * changes together. e's finding keeps no fix of its own, and is fixed by host's.
 */
function mergeInto(host, e) {
    const hf = host.finding.fix;
    const ef = e.finding.fix;
    const [p] = [...host.byPath.keys()];
    if (!hf.raw || !ef.raw || !e.byPath.has(p))
        return undefined;
    const hr = hf.raw.filter((x) => x.path === p);
    const er = ef.raw.filter((x) => x.path === p);
    // Insertions at one offset: the same text once; another text after the host's only when it starts with a
    // separator (` --cap-add=…` after ` -p …`), else the two would run together (`[SYS_PTRACENET_RAW]`).
    const dup = (x) => hr.some((y) => y.start === y.end && x.start === x.end && y.start === x.start && y.text === x.text);
    const erKept = er.filter((x) => !dup(x));
    if (erKept.some((x) => hr.some((y) => overlaps(x, y) && !(x.start === x.end && y.start === y.end && /^[\s,;]/.test(x.text)))))
        return undefined;
    const file = hf.files?.find((f) => f.path === p);
    if (!file)
        return undefined;
    let edits;
    try {
        edits = (0,fix_text/* wholeLineEdits */.d9)(file, [...hr, ...erKept]);
    }
    catch {
        return undefined;
    }
    hf.edits = edits;
    hf.raw = [...hr, ...erKept];
    hf.description = `${hf.description}; and ${ef.description.replace(/^./, (c) => c.toLowerCase())} (${e.finding.ruleId})`;
    (host.together ??= []).push(e);
    delete e.finding.fix;
    e.finding.related = [...e.finding.related, { span: host.finding.span, message: `Fixed together with ${host.finding.ruleId} (its fix makes this change too, on the same line).` }];
    return edits;
}
/**
 * When a file does not parse with all its fixes applied (two fixes that each add `cap_add:` to one service make
 * a duplicate key), find the fixes that broke it from where the parser reports the problems — each problem is
 * blamed on the edit at or nearest to it in the edited text — and drop those, a few rounds at most: a parse per
 * round, where trying fix after fix would parse the whole file once per fix (minutes for a file of thousands).
 * `fixed` edits are applied too and never blamed. Returns the fixes kept, in order, with the text they give (which
 * parses) and those dropped (a blamed fix may have been innocent: the caller tries them again); undefined when
 * the problems cannot be placed, or no round gets the file to parse.
 */
function withoutBreakers(file, p, fixed, entries, known) {
    let live = entries;
    const dropped = [];
    for (let round = 0; round < 8; round++) {
        // With every fix dropped the text is that of `fixed`, which the caller knows: nothing left to learn.
        if (live.length === 0)
            return undefined;
        const owned = fixed.map((edit) => ({ edit }));
        for (const e of live)
            for (const x of e.byPath.get(p))
                owned.push({ edit: x, entry: e });
        owned.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end);
        let text;
        try {
            text = (0,fix_text/* applyEdits */.ct)(file.text, owned.map((o) => o.edit));
        }
        catch {
            return undefined;
        }
        const found = round === 0 && known?.text === text ? known.problems : (0,validate/* findProblems */.o6)(file.kind, text);
        if (found.length === 0)
            return { live, dropped, text };
        // Where each candidate edit's text is in the edited file (the fixed edits shift it, and are never blamed).
        const at = [];
        const who = [];
        let shift = 0;
        for (const o of owned) {
            if (o.entry) {
                at.push(o.edit.start + shift);
                who.push({ edit: o.edit, entry: o.entry });
            }
            shift += o.edit.text.length - (o.edit.end - o.edit.start);
        }
        const dist = (i, offset) => {
            if (i < 0 || i >= at.length)
                return Infinity;
            const end = at[i] + who[i].edit.text.length;
            return offset < at[i] ? at[i] - offset : offset > end ? offset - end : 0;
        };
        const blamed = new Set();
        for (const { offset } of found) {
            // The last edit that starts at or before the problem, and the one after it: the nearer is to blame.
            let lo = 0;
            let hi = at.length;
            while (lo < hi) {
                const mid = (lo + hi) >> 1;
                if (at[mid] <= offset)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            const pick = dist(lo - 1, offset) <= dist(lo, offset) ? lo - 1 : lo;
            if (pick >= 0 && pick < who.length)
                blamed.add(who[pick].entry);
        }
        if (blamed.size === 0)
            return undefined;
        dropped.push(...live.filter((e) => blamed.has(e)));
        live = live.filter((e) => !blamed.has(e));
    }
    return undefined;
}
function settleFixes(findings) {
    const entries = [];
    const files = new Map();
    for (const f of findings) {
        if (!f.fix)
            continue;
        const byPath = new Map();
        for (const e of f.fix.edits) {
            const list = byPath.get(e.path);
            if (list)
                list.push(e);
            else
                byPath.set(e.path, [e]);
        }
        let ok = true;
        for (const p of byPath.keys()) {
            const file = f.fix.files?.find((x) => x.path === p) ?? (f.span.file.path === p ? f.span.file : undefined);
            if (!file) {
                ok = false;
                break;
            }
            files.set(p, files.get(p) ?? file);
        }
        if (ok)
            entries.push({ finding: f, byPath });
        else
            delete f.fix;
    }
    // Fixes whose whole-line edits touch the same lines of one file (two fixes on one line: drop -s -w and add
    // -gcflags) are one fix when their own edits do not overlap: the first finding's fix carries both, and the
    // other findings say so. Else, in report order, a fix that overlaps an accepted one waits for the next scan.
    const index = new Map();
    const indexOf = (p) => {
        let i = index.get(p);
        if (!i)
            index.set(p, (i = new EditIndex()));
        return i;
    };
    let kept = [];
    const owner = new Map();
    for (const e of entries) {
        const clashes = new Set();
        for (const [p, edits] of e.byPath)
            for (const x of edits)
                for (const y of index.get(p)?.overlapping(x) ?? [])
                    clashes.add(owner.get(y));
        if (clashes.size === 0) {
            for (const [p, edits] of e.byPath) {
                const ix = indexOf(p);
                for (const x of edits) {
                    ix.add(x);
                    owner.set(x, e);
                }
            }
            kept.push(e);
            continue;
        }
        const host = [...clashes][0];
        const merged = clashes.size === 1 && e.byPath.size === 1 && host.byPath.size === 1 ? mergeInto(host, e) : undefined;
        if (!merged) {
            delete e.finding.fix;
            continue;
        }
        const [p] = [...host.byPath.keys()];
        const ix = indexOf(p);
        ix.remove((x) => owner.get(x) === host);
        for (const x of merged) {
            ix.add(x);
            owner.set(x, host);
        }
        host.byPath.set(p, merged);
    }
    const accepted = new Map([...index].map(([p, ix]) => [p, ix.all()]));
    // One validation per file; the fixes of a file that fails are tried one by one (and dropped everywhere if they break it).
    const results = new Map();
    for (let round = 0; round < 8; round++) {
        let dropped = false;
        for (const [p, edits] of accepted) {
            if (results.has(p))
                continue;
            const file = files.get(p);
            let after;
            try {
                after = (0,fix_text/* applyEdits */.ct)(file.text, edits);
            }
            catch {
                after = undefined;
            }
            const first = after === undefined ? undefined : (0,validate/* findProblems */.o6)(file.kind, after);
            if (after !== undefined && first.length === 0) {
                results.set(p, { file, after });
                continue;
            }
            const mine = kept.filter((x) => x.byPath.has(p));
            const rejected = new Set();
            const reject = (e) => {
                delete e.finding.fix;
                rejected.add(e);
                // The findings it would have fixed with it keep no fix either.
                // Its edits of other files go too: those files are settled again.
                for (const q of e.byPath.keys()) {
                    if (q === p)
                        continue;
                    accepted.set(q, (accepted.get(q) ?? []).filter((x) => !e.byPath.get(q).includes(x)));
                    results.delete(q);
                    dropped = true;
                }
            };
            // Guided by where the parser places the problems: a parse per pass, the dropped fixes tried again together
            // on top of those kept, until a pass keeps none of them. What is left is tried one fix at a time only when
            // few (a parse each); else those fixes wait for the next round of the fold (foldHeldBack).
            let good = [];
            let text = file.text;
            let pending = mine;
            for (let pass = 0; pass < 4 && pending.length > 0 && after !== undefined; pass++) {
                const g = withoutBreakers(file, p, good, pending, pass === 0 && after !== undefined ? { text: after, problems: first } : undefined);
                if (!g)
                    break;
                good = [...good, ...g.live.flatMap((e) => e.byPath.get(p))].sort((x, y) => x.start - y.start || x.end - y.end);
                text = g.text;
                const progress = g.live.length > 0;
                pending = g.dropped;
                if (!progress)
                    break;
            }
            const oneByOne = pending.length <= ONE_BY_ONE;
            for (const e of pending) {
                if (!oneByOne) {
                    reject(e);
                    continue;
                }
                const trial = [...good, ...e.byPath.get(p)].sort((x, y) => x.start - y.start || x.end - y.end);
                let t;
                try {
                    t = (0,fix_text/* applyEdits */.ct)(file.text, trial);
                }
                catch {
                    t = undefined;
                }
                if (t !== undefined && (0,validate/* validate */.tf)(file.kind, t) === undefined) {
                    good = trial;
                    text = t;
                    continue;
                }
                reject(e);
            }
            if (rejected.size > 0)
                kept = kept.filter((x) => !rejected.has(x));
            accepted.set(p, good);
            results.set(p, { file, after: text });
        }
        if (!dropped)
            break;
    }
    for (const [p, r] of results)
        if (r.after === r.file.text)
            results.delete(p);
    return { accepted: kept.flatMap((e) => [e.finding, ...(e.together ?? []).map((t) => t.finding)]), results };
}
/**
 * The fixes a first settling had to hold back (they overlap another's, such
 * as `privileged` and `seccomp=unconfined` on one service, each replaced with
 * a `cap_add`) are computed again on the fixed text, a few rounds at most,
 * and folded into what is offered: the final text of each file is the one
 * fixed point, and its changes are given to the findings whose edits they
 * touch (the others are fixed together with them), so that the previewed
 * edits, applied together to the files as scanned, are that fixed point.
 * `rescan` scans with the given files' texts in place of the disk's.
 */
async function foldHeldBack(first, offered, settled, rescan, rounds = 3) {
    const accepted = new Set(settled.accepted);
    const held = first.filter((f) => offered.has(f) && !accepted.has(f));
    if (held.length === 0)
        return settled;
    // Every finding that was offered a fix: one still fixable on the fixed text is not done (held back, or
    // fixed together with another that did not make its change after all).
    const byPrint = new Map(first.filter((f) => offered.has(f)).map((f) => [f.fingerprint, f]));
    // A print already folded can come back: of two duplicate findings (`[seccomp:unconfined, seccomp:unconfined]`)
    // the one left after the first is fixed is numbered as the first was. It is still to do, under any offered print.
    const prints = new Set(byPrint.keys());
    const texts = new Map(settled.results);
    // How each round moved the text of each file (the first settling's, then each fold round's), to carry the
    // edits of a fold round back to the file as scanned.
    const steps = [new Map([...settled.results].map(([p, r]) => [p, new Shift((0,fix_text/* lineEdits */.AL)(p, r.file.text, r.after))]))];
    const folded = [];
    const foldedSet = new Set();
    /** A folded finding's edits (or those of a change under a print already folded), in the text of its round. */
    const placed = [];
    let moved = false;
    for (let round = 0; round < rounds; round++) {
        const overlay = new Map([...texts].map(([p, r]) => [p, r.after]));
        const again = await rescan(overlay);
        const next = again.filter((f) => f.fix && prints.has(f.fingerprint));
        if (next.length === 0)
            break;
        const s = settleFixes(next);
        if (s.results.size === 0)
            break;
        moved = true;
        const step = new Map();
        for (const [p, r] of s.results) {
            step.set(p, new Shift((0,fix_text/* lineEdits */.AL)(p, r.file.text, r.after)));
            const original = texts.get(p)?.file ?? first.find((f) => f.fix?.files?.some((x) => x.path === p))?.fix?.files?.find((x) => x.path === p) ?? r.file;
            texts.set(p, { file: original.path === p && original.text !== r.file.text ? original : texts.get(p)?.file ?? r.file, after: r.after });
        }
        steps.push(step);
        for (const f of s.accepted) {
            const orig = byPrint.get(f.fingerprint);
            const edits = f.fix?.edits ?? [];
            if (!orig) {
                if (edits.length > 0)
                    placed.push({ round: steps.length - 1, edits });
                continue;
            }
            byPrint.delete(f.fingerprint);
            if (accepted.has(orig) && orig.fix)
                continue;
            folded.push(orig);
            foldedSet.add(orig);
            placed.push({ finding: orig, round: steps.length - 1, edits });
            orig.related = orig.related.filter((r) => !/^Fixed together with /.test(r.message));
            orig.fix = { description: f.fix?.description ?? 'Fixed with the other fixes of this file', edits: [], ...(f.fix?.files ? { files: [] } : {}) };
        }
    }
    if (!moved)
        return settled;
    // Each fold round's edits, carried back to the file as scanned: where its change lands among the final hunks.
    const back = (round, e) => {
        let start = e.start;
        let end = e.end;
        for (let j = round - 1; j >= 0; j--) {
            const sh = steps[j].get(e.path);
            if (!sh)
                continue;
            start = sh.back(start, false);
            end = sh.back(end, true);
        }
        return { start, end };
    };
    const marks = new Map();
    const marksOf = (p) => {
        let m = marks.get(p);
        if (!m)
            marks.set(p, (m = new Marks()));
        return m;
    };
    for (const f of settled.accepted)
        for (const e of f.fix?.edits ?? [])
            marksOf(e.path).add(e.start, e.end, f, 0);
    const orphans = [];
    for (const x of placed) {
        for (const e of x.edits) {
            const at = back(x.round, e);
            if (x.finding)
                marksOf(e.path).add(at.start, at.end, x.finding, 1);
            else
                orphans.push({ path: e.path, ...at });
        }
    }
    // A held-back finding whose change came about in a later round under another's print (duplicates renumber)
    // is fixed with the change that now covers its place; one whose place no change covers stays to do.
    const orphanMarks = new Map();
    for (const o of orphans) {
        let m = orphanMarks.get(o.path);
        if (!m)
            orphanMarks.set(o.path, (m = new Marks()));
        m.add(o.start, o.end, undefined, 0);
    }
    const finalHunks = new Map([...texts].map(([p, r]) => [p, (0,fix_text/* lineEdits */.AL)(p, r.file.text, r.after)]));
    const hunkMarks = new Map();
    for (const [p, hs] of finalHunks) {
        const m = new Marks();
        for (const h of hs)
            m.add(h.start, h.end, undefined, 0);
        hunkMarks.set(p, m);
    }
    for (const f of held) {
        if (foldedSet.has(f))
            continue;
        const p = f.span.file.path;
        if (!texts.has(p))
            continue;
        const orphan = orphanMarks.get(p)?.touching(f.span.start, f.span.end);
        if (orphan || hunkMarks.get(p)?.touching(f.span.start, f.span.end)) {
            folded.push(f);
            foldedSet.add(f);
            f.fix = { description: 'Fixed with the other fixes of this file', edits: [] };
            if (orphan)
                marksOf(p).add(orphan.start, orphan.end, f, 1);
        }
    }
    for (const f of folded)
        marksOf(f.span.file.path).add(f.span.start, f.span.end, f, 2);
    // Give each change of the final text (against the file as scanned) to one finding: the one whose edit it is
    // (the first settling's, then a fold round's), else a folded finding whose place it covers, else the nearest.
    const owners = [...settled.accepted, ...folded];
    const nearest = new Map();
    for (const f of owners) {
        const list = nearest.get(f.span.file.path);
        if (list)
            list.push(f);
        else
            nearest.set(f.span.file.path, [f]);
    }
    for (const list of nearest.values())
        list.sort((a, b) => a.span.start - b.span.start);
    const notDone = new Set();
    for (const [p, r] of texts) {
        const hunks = finalHunks.get(p);
        const taken = new Map();
        const byHunk = new Marks();
        const here = marks.get(p);
        const nearHere = nearest.get(p) ?? [];
        for (const h of hunks) {
            const owner = here?.touching(h.start, h.end)?.finding ?? closest(nearHere, h.start) ?? owners[0];
            taken.set(owner, [...(taken.get(owner) ?? []), h]);
            byHunk.add(h.start, h.end, owner, 0);
        }
        for (const f of owners) {
            if (!f.fix)
                continue;
            const others = f.fix.edits.filter((e) => e.path !== p);
            const mine = taken.get(f) ?? [];
            const hadHere = f.fix.edits.some((e) => e.path === p) || taken.has(f) || (foldedSet.has(f) && f.span.file.path === p);
            if (!hadHere)
                continue;
            if (mine.length === 0 && others.length === 0) {
                // The finding whose change (in this file) covers this one's place; none: it is not done, and says nothing.
                const place = f.fix.edits.find((e) => e.path === p) ?? (f.span.file.path === p ? { start: f.span.start, end: f.span.end } : undefined);
                const by = place ? byHunk.touching(place.start, place.end, f)?.finding : undefined;
                delete f.fix;
                if (by)
                    f.related = [...f.related, { span: by.span, message: `Fixed together with ${by.ruleId} (one change of ${p} makes both).` }];
                else
                    notDone.add(f);
                continue;
            }
            f.fix.edits = [...others, ...mine];
            f.fix.files = [...new Map([...(f.fix.files ?? []), r.file].map((x) => [x.path, x])).values()];
        }
    }
    const results = new Map([...texts].filter(([, r]) => r.after !== r.file.text));
    return { accepted: owners.filter((f) => !notDone.has(f)), results };
}
/** The finding of `sorted` (by span start) whose start is nearest `offset`. */
function closest(sorted, offset) {
    if (sorted.length === 0)
        return undefined;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid].span.start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    const a = sorted[lo - 1];
    const b = sorted[lo];
    if (!a)
        return b;
    if (!b)
        return a;
    return Math.abs(a.span.start - offset) <= Math.abs(b.span.start - offset) ? a : b;
}
/**
 * How one round's whole-line edits moved a file's text: carries an offset of the text after them back to
 * the text before (an offset inside an edited stretch goes to that stretch's start, or its end for `end`).
 */
class Shift {
    edits;
    /** Per edit, sorted: where it starts and ends in the text after. */
    afterStart = [];
    afterEnd = [];
    constructor(edits) {
        this.edits = edits;
        let delta = 0;
        for (const e of edits) {
            this.afterStart.push(e.start + delta);
            this.afterEnd.push(e.start + delta + e.text.length);
            delta += e.text.length - (e.end - e.start);
        }
    }
    back(offset, end) {
        // The last edit that starts at or before offset in the text after.
        let lo = 0;
        let hi = this.afterStart.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.afterStart[mid] <= offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        const i = lo - 1;
        if (i < 0)
            return offset;
        const e = this.edits[i];
        if (offset < this.afterEnd[i] || (offset === this.afterEnd[i] && this.afterEnd[i] > this.afterStart[i] && !end))
            return end ? e.end : e.start;
        return e.end + (offset - this.afterEnd[i]);
    }
}
/**
 * Ranges of one file with what they belong to, for "which range touches this one?" in logarithmic time (plus
 * the ranges that do): of those that touch, the one of the lowest rank, then the earliest added.
 */
class Marks {
    list = [];
    sorted = true;
    maxEnd = [];
    add(start, end, finding, rank) {
        this.list.push({ start, end, finding, rank, n: this.list.length });
        this.sorted = false;
    }
    touching(start, end, not) {
        if (!this.sorted) {
            this.list.sort((a, b) => a.start - b.start || a.n - b.n);
            this.maxEnd = [];
            let m = -Infinity;
            for (const x of this.list)
                this.maxEnd.push((m = Math.max(m, x.end)));
            this.sorted = true;
        }
        let lo = 0;
        let hi = this.list.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.list[mid].start <= end)
                lo = mid + 1;
            else
                hi = mid;
        }
        let best;
        for (let i = lo - 1; i >= 0 && this.maxEnd[i] >= start; i--) {
            const x = this.list[i];
            if (x.end < start || (not && x.finding === not))
                continue;
            if (!best || x.rank < best.rank || (x.rank === best.rank && x.n < best.n))
                best = x;
        }
        return best;
    }
}

;// CONCATENATED MODULE: ./src/config/types.ts
const EMPTY_CONFIG = { rules: new Map(), suppress: [] };

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __nccwpck_require__(8390);
;// CONCATENATED MODULE: ./src/suppress/structure.ts
/**
 * Where a file's comments are and which block each line starts, read from
 * the file's own structure: YAML through the `yaml` parser (comments from its
 * concrete syntax tree, blocks from the Document's node ranges), JSON with
 * comments through jsonc-parser, Dockerfiles through dockerfile-ast (a FROM
 * starts a stage that runs to the next FROM), shell through the project's
 * shell splitter, Makefiles and justfiles by their line grammar (a target or
 * recipe header and the recipe lines under it).
 *
 * The suppression engine (directives.ts) uses it: a comment on the line above
 * a block covers the whole block.
 */





/** justfile, .justfile, Justfile, *.just: just's own names for its files. */
function isJustfile(path) {
    const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    return base === 'justfile' || base === '.justfile' || base.endsWith('.just');
}
/** The structure of a file as its format defines it; `yamlDocs` are the project's parse of a YAML file (parsed here when absent). */
function structureOf(file, yamlDocs) {
    if (file.kind === 'justfile' || isJustfile(file.path))
        return justfileStructure(file);
    switch (file.kind) {
        case 'compose':
        case 'kubernetes':
        case 'workflow':
        case 'taskfile':
        case 'gitlab-ci':
        case 'skaffold':
            return yamlStructure(file, yamlDocs);
        case 'devcontainer':
        case 'vscode-launch':
        case 'seccomp':
        case 'package-json':
            return jsoncStructure(file);
        case 'markdown':
            // Markdown is read only for the build commands in its code blocks; a `#` line is a heading, not a comment.
            return { comments: [], blockEnd: () => undefined };
        case 'dockerfile':
            return dockerfileStructure(file);
        case 'makefile':
            return makefileStructure(file);
        case 'shell':
            return shellStructure(file);
        default:
            return byExtension(file);
    }
}
/**
 * A kind of file this module does not know yet (the model learns new ones):
 * YAML and JSON by their extension, anything else as `#`-comment lines, each
 * covering the line below (no blocks). Add the kind above to give it blocks.
 */
function byExtension(file) {
    const lower = file.path.toLowerCase();
    if (lower.endsWith('.yml') || lower.endsWith('.yaml'))
        return yamlStructure(file, undefined);
    if (lower.endsWith('.json'))
        return jsoncStructure(file);
    const comments = [];
    const total = lineCount(file);
    for (let l = 1; l <= total; l++) {
        const ln = lineAt(file, l);
        const at = ln.text.search(/\S/);
        if (at >= 0 && ln.text[at] === '#')
            comments.push({ start: ln.start + at, end: ln.end });
    }
    return { comments, blockEnd: () => undefined };
}
/** Per line, the furthest end of a block that starts on it. */
class LineBlocks {
    file;
    ends = new Map();
    constructor(file) {
        this.file = file;
    }
    add(start, end) {
        if (!(end > start))
            return;
        const line = (0,source/* positionAt */.t$)(this.file, start).line;
        if ((this.ends.get(line) ?? -1) < end)
            this.ends.set(line, end);
    }
    get(line) {
        return this.ends.get(line);
    }
}
// ---------------------------------------------------------------------------
// YAML: a key covers its value, a list item the whole item.
function yamlStructure(file, docs) {
    const comments = (0,yaml_lib/* yamlComments */.ai)(file.text);
    let blocks;
    const build = () => {
        const b = new LineBlocks(file);
        for (const doc of docs ?? []) {
            (0,yaml_lib/* visit */.YR)(doc, {
                Pair: (_k, pair) => {
                    if (!(0,yaml_lib/* isPair */.tO)(pair))
                        return;
                    const k = pair.key?.range;
                    const v = pair.value?.range;
                    const start = k?.[0] ?? v?.[0];
                    const end = v?.[1] ?? k?.[1];
                    if (start !== undefined && end !== undefined)
                        b.add(start, end);
                },
                Seq: (_k, seq) => {
                    if (!(0,yaml_lib/* isSeq */.oP)(seq))
                        return;
                    for (const item of seq.items) {
                        const r = item?.range;
                        if (r)
                            b.add(r[0], r[1]);
                    }
                },
            });
        }
        return b;
    };
    return { comments, blockEnd: (line) => (blocks ??= build()).get(line) };
}
function jsoncStructure(file) {
    const comments = (0,jsonc_lib/* jsoncComments */.Cx)(file.text);
    let blocks;
    const build = () => {
        const b = new LineBlocks(file);
        const root = (0,jsonc_lib/* parseTree */.cZ)(file.text, [], { allowTrailingComma: true, disallowComments: false });
        const stack = root ? [{ n: root, depth: 0 }] : [];
        while (stack.length > 0) {
            const { n, depth, parent } = stack.pop();
            if (depth > 256)
                continue;
            if (n.type === 'property' || parent === 'array')
                b.add(n.offset, n.offset + n.length);
            for (const c of n.children ?? [])
                stack.push({ n: c, depth: depth + 1, parent: n.type });
        }
        return b;
    };
    return { comments, blockEnd: (line) => (blocks ??= build()).get(line) };
}
function dockerfileStructure(file) {
    const df = main.DockerfileParser.parse(file.text);
    const off = (p) => (file.lineStarts[p.line] ?? file.text.length) + p.character;
    const seen = new Set();
    const comments = [];
    const push = (r) => {
        if (seen.has(r.start))
            return;
        seen.add(r.start);
        comments.push(r);
    };
    for (const c of df.getComments()) {
        const r = c.getRange();
        push({ start: off(r.start), end: off(r.end) });
    }
    const instructions = df.getInstructions().map((ins) => {
        const r = ins.getRange();
        return { keyword: ins.getKeyword().toUpperCase(), start: off(r.start), end: off(r.end), argsAt: ins.getArgumentsRange() ? off(ins.getArgumentsRange().start) : off(r.end) };
    });
    // A shell comment after a shell-form command (`RUN go install …@latest # why`) is a comment too.
    for (const ins of instructions) {
        if (!['RUN', 'CMD', 'ENTRYPOINT'].includes(ins.keyword) || file.text[ins.argsAt] === '[')
            continue;
        (0,shell/* splitShell */.b2)(file.text.slice(ins.argsAt, ins.end), { base: ins.argsAt, onComment: (start, end) => push({ start, end }) });
    }
    comments.sort((a, b) => a.start - b.start);
    const b = new LineBlocks(file);
    const froms = instructions.filter((i) => i.keyword === 'FROM');
    for (const ins of instructions) {
        if (ins.keyword === 'FROM') {
            const next = froms.find((f) => f.start > ins.start);
            const stageEnd = next ? lastContentBefore(file, next.start) : file.text.length;
            b.add(ins.start, Math.max(ins.end, stageEnd));
        }
        else
            b.add(ins.start, ins.end);
    }
    return { comments, blockEnd: (line) => b.get(line) };
}
/** The end of the content before `offset`, skipping back over blank lines and comment lines. */
function lastContentBefore(file, offset) {
    let line = (0,source/* positionAt */.t$)(file, offset).line - 1;
    while (line >= 1) {
        const t = lineAt(file, line);
        if (t.text.trim() !== '' && !t.text.trimStart().startsWith('#'))
            return t.end;
        line--;
    }
    return 0;
}
function lineAt(file, line) {
    const start = file.lineStarts[line - 1] ?? file.text.length;
    let end = file.lineStarts[line] ?? file.text.length;
    while (end > start && (file.text[end - 1] === '\n' || file.text[end - 1] === '\r'))
        end--;
    return { start, end, text: file.text.slice(start, end) };
}
function lineCount(file) {
    const n = file.lineStarts.length;
    return n > 1 && file.lineStarts[n - 1] === file.text.length ? n - 1 : n;
}
// ---------------------------------------------------------------------------
// Shell scripts: a command covers its continuation lines.
function shellStructure(file) {
    const comments = [];
    const b = new LineBlocks(file);
    for (const c of (0,shell/* splitShell */.b2)(file.text, { onComment: (start, end) => comments.push({ start, end }) }))
        b.add(c.start, c.end);
    return { comments, blockEnd: (line) => b.get(line) };
}
// ---------------------------------------------------------------------------
// Makefiles: a target covers its recipe; a recipe line its continuations.
const MAKE_DIRECTIVES = new Set(['ifeq', 'ifneq', 'ifdef', 'ifndef', 'else', 'endif', 'define', 'endef', 'include', '-include', 'sinclude', 'override', 'export', 'unexport', 'vpath', 'undefine', 'private']);
/** Logical lines: physical lines joined by a trailing backslash. */
function logicalLines(file) {
    const out = [];
    const total = lineCount(file);
    for (let l = 1; l <= total; l++) {
        const first = l;
        let cur = lineAt(file, l);
        const start = cur.start;
        while (cur.text.endsWith('\\') && l < total)
            cur = lineAt(file, ++l);
        out.push({ first, last: l, start, end: cur.end, text: file.text.slice(start, cur.end) });
    }
    return out;
}
/** Is this (non-recipe) logical line a rule header `targets: prerequisites`? */
function isMakeRule(text) {
    const t = text.trimStart();
    if (t === '' || t.startsWith('#'))
        return false;
    const first = /^[^\s:=]+/.exec(t)?.[0] ?? '';
    if (MAKE_DIRECTIVES.has(first))
        return false;
    let depth = 0;
    for (let i = 0; i < t.length; i++) {
        const c = t[i];
        if (c === '\\') {
            i++;
            continue;
        }
        if (c === '#')
            return false;
        if (c === '$' && (t[i + 1] === '(' || t[i + 1] === '{')) {
            depth++;
            i++;
            continue;
        }
        if (depth > 0) {
            if (c === ')' || c === '}')
                depth--;
            continue;
        }
        if (c === '=')
            return false; // A = b:c, A ?= …, A += …
        if (c === ':')
            return !(t[i + 1] === '=' || (t[i + 1] === ':' && t[i + 2] === '='));
    }
    return false;
}
/** Offset of a make comment (`#` not escaped with a backslash) in a line that is not a recipe line. */
function makeCommentAt(text) {
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\\') {
            i++;
            continue;
        }
        if (text[i] === '#')
            return i;
    }
    return -1;
}
function makefileStructure(file) {
    const comments = [];
    const b = new LineBlocks(file);
    let rule;
    const close = () => {
        if (rule)
            b.add(rule.start, rule.end);
        rule = undefined;
    };
    for (const ll of logicalLines(file)) {
        if (ll.text.startsWith('\t') && rule) {
            (0,shell/* splitShell */.b2)(ll.text.slice(1), { base: ll.start + 1, make: true, onComment: (start, end) => comments.push({ start, end }) });
            b.add(ll.start, ll.end);
            rule.end = ll.end;
            continue;
        }
        const blank = ll.text.trim() === '';
        const at = makeCommentAt(ll.text);
        if (at >= 0)
            comments.push({ start: ll.start + at, end: ll.end });
        // Blank lines and comment lines do not end a recipe.
        if (blank || (at >= 0 && ll.text.slice(0, at).trim() === ''))
            continue;
        close();
        if (isMakeRule(ll.text))
            rule = { start: ll.start, end: ll.end };
        else
            b.add(ll.start, ll.end);
    }
    close();
    return { comments, blockEnd: (line) => b.get(line) };
}
// ---------------------------------------------------------------------------
// justfiles: a recipe header (after its [attribute] lines) covers the
// indented body under it.
const JUST_STATEMENTS = /^(set|alias|export|import|mod)(\s|$|\?)/;
/** Is this unindented line a recipe header `name params: dependencies`? */
function isJustRecipe(text) {
    if (text === '' || /^\s/.test(text) || text.startsWith('#') || text.startsWith('[') || JUST_STATEMENTS.test(text))
        return false;
    let quote = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            if (c === quote)
                quote = '';
            continue;
        }
        if (c === '"' || c === "'" || c === '`')
            quote = c;
        else if (c === '#')
            return false;
        else if (c === ':')
            return text[i + 1] !== '=';
    }
    return false;
}
function justfileStructure(file) {
    const comments = [];
    const b = new LineBlocks(file);
    const total = lineCount(file);
    const attrStart = [];
    for (let l = 1; l <= total; l++) {
        const ln = lineAt(file, l);
        const t = ln.text;
        if (t.trim() === '')
            continue;
        if (/^\s/.test(t)) {
            // A body line outside a recipe (stray indentation): its shell comment is still a comment.
            (0,shell/* splitShell */.b2)(t, { base: ln.start, onComment: (start, end) => comments.push({ start, end }) });
            continue;
        }
        if (t.startsWith('#')) {
            comments.push({ start: ln.start, end: ln.end });
            continue;
        }
        if (t.startsWith('[')) {
            attrStart.push(ln.start);
            continue;
        }
        if (isJustRecipe(t)) {
            let end = ln.end;
            let k = l + 1;
            for (; k <= total; k++) {
                const body = lineAt(file, k);
                if (body.text.trim() === '')
                    continue;
                if (!/^\s/.test(body.text))
                    break;
                (0,shell/* splitShell */.b2)(body.text, { base: body.start, onComment: (start, e) => comments.push({ start, end: e }) });
                end = body.end;
            }
            b.add(ln.start, end);
            // The attribute lines above the header belong to the recipe: a comment above them covers it.
            for (const a of attrStart)
                b.add(a, end);
            attrStart.length = 0;
            l = k - 1;
            continue;
        }
        attrStart.length = 0;
        // A trailing comment on a setting or assignment.
        const hash = hashOutsideQuotes(t);
        if (hash >= 0)
            comments.push({ start: ln.start + hash, end: ln.end });
        b.add(ln.start, ln.end);
    }
    comments.sort((x, y) => x.start - y.start);
    return { comments, blockEnd: (line) => b.get(line) };
}
function hashOutsideQuotes(t) {
    let quote = '';
    for (let i = 0; i < t.length; i++) {
        const c = t[i];
        if (quote) {
            if (c === quote)
                quote = '';
        }
        else if (c === '"' || c === "'" || c === '`')
            quote = c;
        else if (c === '#')
            return i;
    }
    return -1;
}

;// CONCATENATED MODULE: ./src/suppress/directives.ts
/**
 * `ptrace-doctor-ignore` comments: where they are, what they name, what
 * they cover, and which of them suppressed nothing.
 *
 * Syntax (the comment marker of the file's format — `#`, `//` or `/* *\/` —
 * then, at the start of the comment):
 *
 *   ptrace-doctor-ignore [RULE[, RULE…]] [-- reason]
 *
 * RULE is an id (PTD003) or a slug (privileged-for-ptrace); none means every
 * rule. Text after `--` (or after the first word that is not a rule name) is
 * the reason, shown as the suppression's justification.
 *
 * Where it applies: a comment at the end of a line covers that line and the
 * block that starts on it; a comment on a line of its own covers the next
 * line that is not a comment (a run of comment lines — several directives —
 * stacks) and the block that starts there. Blocks come from the file's
 * structure (structure.ts): a YAML key and its value, a YAML list item, a
 * JSON property, a Dockerfile stage from its FROM to the next FROM, any other
 * Dockerfile instruction or shell command with its continuation lines, a
 * Makefile target with its recipe, a justfile recipe with its body.
 */


const KEYWORD = 'ptrace-doctor-ignore';
const MARKER = /ptrace-doctor-ignore/i;
/** A name that looks like a rule: an id (PTD123) or a slug (two or more words joined by hyphens). */
function ruleLike(w) {
    return /^ptd\d+$/i.test(w) || /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(w);
}
/**
 * The directive in a comment's text (without its marker), or undefined when
 * the comment does not start with the keyword.
 */
function parseDirectiveText(body) {
    const t = body.replace(/^\s+/, '');
    if (t.slice(0, KEYWORD.length).toLowerCase() !== KEYWORD)
        return undefined;
    const rest = t.slice(KEYWORD.length);
    // ptrace-doctor-ignored, ptrace-doctor-ignore-next-line: not ours.
    if (rest !== '' && !/^[\s,]/.test(rest) && !rest.startsWith('--'))
        return undefined;
    const names = [];
    let i = 0;
    while (i < rest.length) {
        while (i < rest.length && /[\s,]/.test(rest[i]))
            i++;
        if (i >= rest.length)
            break;
        let j = i;
        while (j < rest.length && !/[\s,]/.test(rest[j]))
            j++;
        const word = rest.slice(i, j);
        if (word.startsWith('--')) {
            const reason = rest.slice(i + 2).trim();
            return { names, ...(reason ? { reason } : {}) };
        }
        if (!ruleLike(word)) {
            const reason = rest.slice(i).trim();
            return { names, ...(reason ? { reason } : {}) };
        }
        names.push(word);
        i = j;
    }
    return { names };
}
/** The text of a comment without its marker (`#`, `//`, `/*` … `*\/`). */
function commentBody(file, c) {
    let s = file.text.slice(c.start, c.end);
    if (s.startsWith('#'))
        s = s.slice(1);
    else if (s.startsWith('//'))
        s = s.slice(2);
    else if (s.startsWith('/*'))
        s = s.slice(2).replace(/\*\/\s*$/, '');
    return s.replace(/\r$/, '');
}
/** Does the text hold the keyword at all? (The cheap test made on every file.) */
function mayHoldDirectives(text) {
    return MARKER.test(text);
}
function directives_lineCount(file) {
    const n = file.lineStarts.length;
    return n > 1 && file.lineStarts[n - 1] === file.text.length ? n - 1 : n;
}
function contentEnd(file, line) {
    const s = (0,source/* lineStart */.PT)(file, line);
    let e = line < file.lineStarts.length ? file.lineStarts[line] : file.text.length;
    while (e > s && (file.text[e - 1] === '\n' || file.text[e - 1] === '\r'))
        e--;
    return e;
}
/** Every directive of a file (none without the keyword: the file is not even tokenised then). */
function directivesOf(file, opts) {
    if (!mayHoldDirectives(file.text))
        return [];
    let st;
    try {
        st = structureOf(file, opts.yamlDocs);
    }
    catch {
        return []; // A file its parser rejects: PTD900 reports it, and no comment of it is read.
    }
    const total = directives_lineCount(file);
    const commentOnly = new Set();
    const parsed = [];
    for (const c of st.comments) {
        const line = (0,source/* positionAt */.t$)(file, c.start).line;
        // Alone on its line(s): nothing before it on its first line, nothing after it on its last.
        const lastLine = (0,source/* positionAt */.t$)(file, c.end).line;
        const ownLine = file.text.slice((0,source/* lineStart */.PT)(file, line), c.start).trim() === '' && file.text.slice(c.end, contentEnd(file, lastLine)).trim() === '';
        if (ownLine)
            for (let l = line; l <= lastLine; l++)
                commentOnly.add(l);
        const text = parseDirectiveText(commentBody(file, c));
        if (text)
            parsed.push({ c, line, ownLine, text });
    }
    return parsed.map(({ c, line, ownLine, text }) => {
        let target = line;
        if (ownLine) {
            target = (0,source/* positionAt */.t$)(file, c.end).line + 1;
            // A run of comment lines (other directives, explanations) sits between a directive and what it covers.
            while (target <= total && commentOnly.has(target))
                target++;
        }
        const covers = [];
        if (target <= total) {
            const s = (0,source/* lineStart */.PT)(file, target);
            covers.push({ start: s, end: contentEnd(file, target) });
            const end = st.blockEnd(target);
            if (end !== undefined)
                covers.push({ start: s, end });
        }
        const ids = [];
        const unknown = [];
        for (const n of text.names) {
            const id = opts.resolve(n);
            if (id)
                ids.push(id);
            else
                unknown.push(n);
        }
        return {
            file,
            comment: c,
            ownLine,
            ...(text.names.length > 0 ? { rules: [...new Set(ids)] } : {}),
            unknown,
            names: text.names,
            ...(text.reason ? { reason: text.reason } : {}),
            covers,
            used: new Set(),
        };
    });
}
function covers(d, offset) {
    return d.covers.some((r) => offset >= r.start && offset <= r.end);
}
function applies(d, ruleId) {
    return d.rules === undefined || d.rules.includes(ruleId);
}
/** The comment as written, for messages: `ptrace-doctor-ignore PTD003 -- why`. */
function directiveText(d) {
    return commentBody(d.file, d.comment).trim().replace(/\s+/g, ' ').slice(0, 120);
}
/** A fix that removes the comment: its whole line when it is alone there, else the comment and the blanks before it. */
function removalFix(d) {
    const f = d.file;
    let start = d.comment.start;
    let end = d.comment.end;
    if (d.ownLine) {
        start = (0,source/* lineStart */.PT)(f, (0,source/* positionAt */.t$)(f, d.comment.start).line);
        const last = (0,source/* positionAt */.t$)(f, d.comment.end).line;
        end = last < f.lineStarts.length ? f.lineStarts[last] : f.text.length;
    }
    else {
        while (start > 0 && (f.text[start - 1] === ' ' || f.text[start - 1] === '\t'))
            start--;
    }
    return { description: 'Remove the suppression comment that matches nothing', edits: [{ path: f.path, start, end, text: '' }], files: [f] };
}

;// CONCATENATED MODULE: ./src/engine.ts
/**
 * The engine: files → parse → model (launches) → rules → findings.
 * The engine, not the rules, handles suppression, severity, ordering and fingerprints.
 */















/** The names a config file's `services:` can use for a launch: Compose service, dev container, Kubernetes container and workload. */
function launchNames(l) {
    const tail = l.id.slice(l.id.indexOf('#') + 1);
    switch (l.kind) {
        case 'compose':
        case 'devcontainer':
            return [l.name];
        case 'kubernetes': {
            // kubernetes:<path>#<Kind>/<name>/<container>
            const parts = tail.split('/');
            const container = parts.at(-1) ?? '';
            const workload = parts.slice(0, -1).join('/');
            return [container, workload, tail].filter(Boolean);
        }
        default:
            return [];
    }
}
function fingerprint(ruleId, r) {
    const h = (0,builtins/* nodeCrypto */.S)().createHash('sha256');
    h.update(ruleId);
    h.update('\0' + r.span.file.path);
    h.update('\0' + (r.launch?.id.replace(/:\d+$/, '') ?? ''));
    h.update('\0' + (r.key ?? (0,source/* spanText */.Cp)(r.span).trim().slice(0, 200)));
    return h.digest('hex').slice(0, 16);
}
/** Kinds whose files are YAML: their directives cover the YAML block under them. */
const YAML_KINDS = new Set(['compose', 'kubernetes', 'workflow', 'taskfile', 'gitlab-ci', 'skaffold']);
/**
 * The ptrace-doctor-ignore comments of a file, from its own structure, read
 * once per file: the scanned files up front (for PTD901), any other file a
 * finding lands in (a Dockerfile read through a link) when it does.
 */
class Directives {
    project;
    byFile = new Map();
    constructor(project) {
        this.project = project;
        for (const f of project.files)
            this.of(f);
    }
    of(file) {
        let ds = this.byFile.get(file);
        if (ds === undefined) {
            ds = [];
            if (mayHoldDirectives(file.text)) {
                const yamlDocs = YAML_KINDS.has(file.kind) ? this.project.yaml(file)?.docs : undefined;
                ds = directivesOf(file, { resolve: rules/* resolveRule */.rj, ...(yamlDocs ? { yamlDocs } : {}) });
            }
            this.byFile.set(file, ds);
        }
        return ds;
    }
}
function runRules(project, model, opts = {}) {
    const findings = [];
    const suppressed = [];
    const config = opts.config ?? EMPTY_CONFIG;
    const skip = new Set((opts.ignore ?? []).map((i) => (0,rules/* resolveRule */.rj)(i) ?? i.trim().toUpperCase()).filter(Boolean));
    for (const [id, setting] of config.rules)
        if (setting === 'off')
            skip.add(id);
    const seen = new Set();
    const directives = new Directives(project);
    const inSource = (ruleId, spans) => {
        let hit;
        for (const s of spans) {
            for (const d of directives.of(s.file)) {
                if (!applies(d, ruleId) || !covers(d, s.start))
                    continue;
                d.used.add(d.rules === undefined ? '*' : ruleId);
                hit ??= d;
            }
        }
        return hit;
    };
    const usedEntries = new Set();
    const external = (ruleId, r) => config.suppress.find((e) => {
        if (e.rules && !e.rules.includes(ruleId))
            return false;
        if (e.paths && ![r.span.file.path, r.launch?.file.path].some((p) => p !== undefined && e.paths(p)))
            return false;
        if (e.services && !(r.launch && launchNames(r.launch).some((n) => e.services.includes(n))))
            return false;
        return true;
    });
    const report = (meta, r, commentsApply) => {
        if (config.exclude && config.exclude(r.span.file.path))
            return;
        let fp = fingerprint(meta.id, r);
        // Two findings of one rule on identical text in one file get distinct prints.
        for (let n = 2; seen.has(fp); n++)
            fp = fingerprint(meta.id, { ...r, key: `${r.key ?? ''}#${n}` });
        seen.add(fp);
        const setting = config.rules.get(meta.id);
        const finding = {
            ruleId: meta.id,
            severity: setting && setting !== 'off' ? setting : (r.severity ?? meta.defaultSeverity),
            title: meta.title,
            message: r.message,
            span: r.span,
            // Where the launch's image is built, when it was found by name (model/images.ts).
            related: [...(r.related ?? []), ...(r.launch?.linkNotes ?? []).filter((n) => !(r.related ?? []).some((x) => x.span.file === n.span.file && x.span.start === n.span.start))],
            ...(r.launch ? { launch: r.launch.id } : {}),
            ...(r.fix ? { fix: r.fix } : {}),
            fingerprint: fp,
        };
        const d = commentsApply ? inSource(meta.id, r.launch ? [r.span, r.launch.anchor] : [r.span]) : undefined;
        if (d) {
            suppressed.push({ ...finding, suppression: { kind: 'inSource', span: { file: d.file, start: d.comment.start, end: d.comment.end }, ...(d.reason ? { justification: d.reason } : {}) } });
            return;
        }
        const e = external(meta.id, r);
        if (e) {
            usedEntries.add(e);
            suppressed.push({ ...finding, suppression: { kind: 'external', justification: e.reason, where: e.where } });
            return;
        }
        findings.push(finding);
    };
    for (const rule of rules/* ALL_RULES */.Uj) {
        if (skip.has(rule.meta.id))
            continue;
        rule.check({ project, model, launches: model.launches, report: (r) => report(rule.meta, r, true) });
    }
    if (!skip.has(ptd901/* ptd901 */.T.meta.id)) {
        for (const r of unusedSuppressions(project, directives.byFile, skip))
            report(ptd901/* ptd901 */.T.meta, r, false);
        for (const r of unusedConfigEntries(config.suppress, usedEntries, skip))
            report(ptd901/* ptd901 */.T.meta, r, false);
    }
    return { findings: sortFindings(findings), suppressed: sortFindings(suppressed) };
}
/**
 * PTD901: directives that name no rule, or that suppressed nothing. A rule
 * that did not run (turned off, --ignore) cannot tell, nor can a file that
 * could not be parsed: those are not reported. Paths on the command line do
 * not change the answer: the whole repository is modelled (scan()).
 */
function unusedSuppressions(project, directives, skipped) {
    const out = [];
    const unparsed = new Set(project.problems.map((p) => p.path));
    for (const [file, ds] of directives) {
        const path = file.path;
        for (const d of ds) {
            const span = { file: d.file, start: d.comment.start, end: d.comment.end };
            const quoted = `\`${directiveText(d)}\``;
            if (d.unknown.length > 0) {
                out.push({
                    span,
                    key: `unknown ${d.unknown.join(',')}`,
                    message: `${quoted} names ${d.unknown.length === 1 ? 'no rule' : 'no rules'}: ${d.unknown.join(', ')} ${d.unknown.length === 1 ? 'is' : 'are'} neither a rule id nor a slug, so ${d.unknown.length === 1 ? 'it suppresses' : 'they suppress'} nothing. \`ptrace-doctor --list-rules\` lists them all.`,
                });
            }
            if (unparsed.has(path))
                continue;
            const named = d.rules ?? ['*'];
            const idle = named.filter((id) => !skipped.has(id) && !d.used.has(id));
            if (idle.length === 0 || (d.rules !== undefined && d.rules.length === 0))
                continue;
            const all = idle.length === named.length && d.unknown.length === 0;
            out.push({
                span,
                key: `unused ${idle.join(',')}`,
                message: d.rules === undefined
                    ? `${quoted} suppresses nothing: no finding is on the line it applies to or in the block that line starts. Remove it, or move it onto the line above the finding it is meant for.`
                    : `${quoted} suppresses nothing for ${idle.join(', ')}: no ${idle.length === 1 ? 'such finding is' : 'findings of these rules are'} on the line it applies to or in the block that line starts. ${all ? 'Remove the comment' : `Remove ${idle.join(', ')} from it`}, or move it onto the line above the finding it is meant for.`,
                ...(all ? { fix: removalFix(d) } : {}),
            });
        }
    }
    return out;
}
/**
 * PTD901 for the configuration file's `suppress` entries that matched no
 * finding (an entry naming only rules that did not run cannot tell). No fix: removing a list item is left to the user, who may have
 * moved the service rather than fixed it.
 */
function unusedConfigEntries(entries, used, skipped) {
    const out = [];
    for (const e of entries) {
        if (used.has(e) || !e.span)
            continue;
        if (e.rules && e.rules.every((id) => skipped.has(id)))
            continue;
        const what = [
            e.rules ? `${e.rules.join(', ')}` : 'any rule',
            e.paths ? 'in the paths it names' : '',
            e.services ? `for ${e.services.map((s) => `\`${s}\``).join(', ')}` : '',
        ].filter(Boolean).join(' ');
        out.push({
            span: e.span,
            key: `config ${e.rules?.join(',') ?? '*'} ${e.services?.join(',') ?? '*'} ${e.reason}`,
            message: `The exception at ${e.where} ("${e.reason}") suppresses nothing: no finding of ${what} was reported. Remove it from the configuration, or correct its paths or services if they moved.`,
        });
    }
    return out;
}
function sortFindings(f) {
    return f.sort((a, b) => (a.span.file.path < b.span.file.path ? -1 : a.span.file.path > b.span.file.path ? 1 : a.span.start - b.span.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
}
/**
 * Build the model; a YAML file whose alias budget runs out part-way (an alias
 * or merge-key bomb) is dropped with a PTD900 note and the model is rebuilt
 * without it, instead of failing the whole scan.
 */
function buildModelGuarded(project, opts) {
    const refused = new Set();
    for (;;) {
        try {
            return buildModel(project, opts);
        }
        catch (e) {
            if (!(e instanceof yaml/* ParseError */.mB) || !e.file || refused.has(e.file.path))
                throw e;
            refused.add(e.file.path);
            project.refuseYaml(e.file, `could not be parsed as YAML: ${e.message}`, e.offset);
        }
    }
}
async function scan(opts) {
    const ws = new discover/* Workspace */.aR(opts.root, opts.overlay);
    // Paths on the command line (a pre-commit hook's staged files, a sub-directory) narrow what is reported, not
    // what is read: a finding in a named file can depend on any file of the repository (the override that grants
    // the capability, the Compose file that runs the Dockerfile, the script a CMD starts), so the whole repository
    // is modelled and the findings in the named paths are kept. The answer for a named file is the full scan's.
    const named = ws.prefixesOf(opts.paths);
    const inNamed = named && ((path) => named.some((p) => path === p || path.startsWith(p + '/')));
    return (0,discover/* discoverThen */.PN)(ws, undefined, async ({ files, skipped }) => {
        if (files.some((f) => yaml_lib/* LEADS_TO_YAML */.EM.has(f.kind)))
            await (0,yaml_lib/* loadYaml */.yv)();
        if ((0,jsonc_lib/* mayReadJson */.Cs)(files.map((f) => f.kind)))
            await (0,jsonc_lib/* loadJsonc */.KG)();
        // air's config is read when a container runs `air`: its default names are discovered as 'air'; another name is `air -c FILE`.
        if (files.some((f) => f.kind === 'air' || f.text.includes('air -c')))
            await (0,toml_lib/* loadToml */.X)();
        const project = new model_project/* Project */.MM(ws, files, skipped);
        const model = buildModelGuarded(project, { readEverything: opts.readEverything === true });
        (0,timing/* mark */.Gy)('model');
        const all = runRules(project, model, { ...(opts.ignore ? { ignore: opts.ignore } : {}), ...(opts.config ? { config: opts.config } : {}) });
        const findings = inNamed ? all.findings.filter((f) => inNamed(f.span.file.path)) : all.findings;
        const suppressed = inNamed ? all.suppressed.filter((f) => inNamed(f.span.file.path)) : all.suppressed;
        (0,timing/* mark */.Gy)('rules');
        // The fixes offered are the ones that can all be applied together, each file validated once;
        // those held back by another (rare) are computed again on the fixed text and folded in.
        const offered = new Set(findings.filter((f) => f.fix));
        let settled = settleFixes(findings);
        if (!opts.noFold && settled.accepted.length < offered.size) {
            settled = await foldHeldBack(findings, offered, settled, async (overlay) => (await scan({ ...opts, overlay: new Map([...(opts.overlay ?? []), ...overlay]), noFold: true })).findings);
        }
        (0,timing/* mark */.Gy)('fixes');
        return { root: ws.root, files: project.files, launches: model.launches, model, findings, suppressed, settled };
    }, opts.config?.exclude, named);
}

;// CONCATENATED MODULE: ./src/fix/apply.ts
/**
 * --fix: apply fixes until none is left, in memory first; then write each
 * changed file atomically, keeping its mode. A file that failed to parse,
 * changed on disk during the run, or is a symbolic link is never written.
 */






/**
 * --fix writes what the scan offered: every settled fix (fix/settle.ts)
 * applied together, one pass, so the files written are byte for byte the
 * previewed edits applied to the files as scanned, and "Fixed N findings"
 * counts the findings whose fix was offered. What a fix leaves for later (a
 * fix that overlapped another's lines, or a new finding the fixed file now
 * shows) is in `after`, the scan of the fixed files, and a second --fix.
 */
async function applyFixes(opts) {
    const before = await scan(opts);
    const skipped = [];
    const changed = [...before.settled.results].map(([path, r]) => ({ path, before: r.file.text, after: r.after }));
    const fixed = before.settled.accepted;
    if (opts.write) {
        for (const c of changed) {
            const reason = writeAtomic((0,external_node_path_.join)(before.root, c.path), c.before, c.after);
            if (reason)
                skipped.push({ path: c.path, reason });
        }
    }
    const notWritten = new Set(skipped.map((s) => s.path));
    const written = changed.filter((c) => !notWritten.has(c.path));
    const patch = written.map((c) => (0,fix_text/* unifiedDiff */.WH)(c.path, c.before, c.after)).join('');
    // What is left to do is what the fixed files (in memory, or on disk) show.
    const overlay = new Map(opts.overlay ?? []);
    for (const c of written)
        overlay.set(c.path, c.after);
    const after = written.length > 0 ? await scan({ ...opts, overlay }) : before;
    return { changed: written, patch, skipped, after, fixed: fixed.filter((f) => !f.fix?.edits.some((e) => notWritten.has(e.path))) };
}
/** Write a file atomically (temp file + rename in the same directory); undefined on success, else why not. */
function writeAtomic(abs, expectedBefore, after) {
    let st;
    try {
        st = (0,external_node_fs_.lstatSync)(abs);
    }
    catch (e) {
        return `could not be read before writing (${e.code})`;
    }
    if (st.isSymbolicLink())
        return 'is a symbolic link; not written';
    if (!st.isFile())
        return 'is not a regular file; not written';
    const raw = (0,external_node_fs_.readFileSync)(abs);
    let current = raw.toString('utf8');
    // Invalid UTF-8 was decoded to U+FFFD: writing the text back would change bytes the fix never touched.
    if (!Buffer.from(current, 'utf8').equals(raw))
        return 'is not valid UTF-8; not written (the fix would change bytes outside its lines)';
    const hadBom = current.charCodeAt(0) === 0xfeff;
    if (hadBom)
        current = current.slice(1);
    if (current !== expectedBefore)
        return 'changed on disk while ptrace-doctor ran; not written';
    const tmp = (0,external_node_path_.join)((0,external_node_path_.dirname)(abs), `.${(0,external_node_path_.basename)(abs)}.ptrace-doctor-${(0,builtins/* nodeCrypto */.S)().randomBytes(4).toString('hex')}`);
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(tmp, 'wx', st.mode & 0o7777);
        (0,external_node_fs_.writeSync)(fd, (hadBom ? '\ufeff' : '') + after);
        (0,external_node_fs_.fsyncSync)(fd);
        (0,external_node_fs_.closeSync)(fd);
        fd = undefined;
        (0,external_node_fs_.chmodSync)(tmp, st.mode & 0o7777);
        (0,external_node_fs_.renameSync)(tmp, abs);
        return undefined;
    }
    catch (e) {
        if (fd !== undefined)
            try {
                (0,external_node_fs_.closeSync)(fd);
            }
            catch { /* already closed */ }
        try {
            (0,external_node_fs_.unlinkSync)(tmp);
        }
        catch { /* not created */ }
        return `could not be written (${e.code ?? e.message}); the original is unchanged`;
    }
}

// EXTERNAL MODULE: ./src/report/common.ts
var common = __nccwpck_require__(4069);
// EXTERNAL MODULE: ./src/report/terminal.ts
var terminal = __nccwpck_require__(7496);
;// CONCATENATED MODULE: ./src/report/text.ts
/** Human output: findings grouped by file, each with its fix as a diff. */




const C = { red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', dim: '\x1b[2m', bold: '\x1b[1m', green: '\x1b[32m', reset: '\x1b[0m' };

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
        out += `${col('bold', (0,terminal/* safeTerminal */.C)(path))}\n`;
        for (const f of fs) {
            const loc = (0,common/* location */.C5)(f);
            out += `  ${loc.startLine}:${loc.startColumn}  ${col(sevColor[f.severity], f.severity.padEnd(7))} ${col('bold', f.ruleId)} ${f.title}\n`;
            out += (0,terminal/* safeTerminal */.C)(wrap(f.message, 96, '      ')) + '\n';
            for (const r of f.related) {
                const rl = (0,source/* toLocation */.nc)(r.span);
                out += col('dim', `      ↳ ${(0,terminal/* safeTerminal */.C)(rl.path)}:${rl.startLine}: ${(0,terminal/* safeTerminal */.C)(r.message)}`) + '\n';
            }
            const diff = (0,common/* fixDiff */.LC)(f) ?? '';
            if (f.fix && diff) {
                out += `      ${col('green', 'Fix')}: ${(0,terminal/* safeTerminal */.C)(f.fix.description)}\n`;
                for (const line of diff.trimEnd().split('\n')) {
                    const c = line.startsWith('+') && !line.startsWith('+++') ? 'green' : line.startsWith('-') && !line.startsWith('---') ? 'red' : 'dim';
                    out += `      ${col(c, (0,terminal/* safeTerminal */.C)(line))}\n`;
                }
            }
            out += col('dim', `      ${(0,rules/* ruleDocUrl */.Cg)(f.ruleId)}`) + '\n\n';
        }
    }
    const c = (0,common/* counts */.tQ)(findings);
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

;// CONCATENATED MODULE: ./src/report/compact.ts
/**
 * compact: one line per finding, `path:line:col: severity RULE title`, the
 * shape editors' problem matchers and `grep` read (as gcc, eslint -f unix).
 */


function formatCompact(findings) {
    return findings
        .map((f) => {
        const l = (0,source/* toLocation */.nc)(f.span);
        // A path with a line break would split the line: paths come from the scanned repository.
        return `${(0,terminal/* safeTerminal */.C)(l.path).replace(/\n/g, '\\n')}:${l.startLine}:${l.startColumn}: ${f.severity} ${f.ruleId} ${f.title}\n`;
    })
        .join('');
}

;// CONCATENATED MODULE: ./src/report/workflow-commands.ts
/**
 * github: GitHub Actions workflow commands (`::error file=…,line=…,col=…::`),
 * one annotation per finding, for a workflow that runs the CLI itself.
 * Columns are given only for a finding on one line: GitHub ignores them for
 * annotations that span several lines.
 */


/** Escape a value for a GitHub workflow command (::error file=…::message). */
function ghEscapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function ghEscapeProp(s) {
    return ghEscapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function formatGithub(findings) {
    const cmd = { error: 'error', warning: 'warning', note: 'notice' };
    return findings
        .map((f) => {
        const l = (0,source/* toLocation */.nc)(f.span);
        const where = l.startLine === l.endLine ? `line=${l.startLine},endLine=${l.endLine},col=${l.startColumn},endColumn=${Math.max(l.startColumn, l.endColumn)}` : `line=${l.startLine},endLine=${l.endLine}`;
        return `::${cmd[f.severity]} file=${ghEscapeProp(l.path)},${where},title=${ghEscapeProp(`${f.ruleId} ${f.title}`)}::${ghEscapeData(`${f.message}\n\n${(0,rules/* ruleDocUrl */.Cg)(f.ruleId)}`)}\n`;
    })
        .join('');
}

;// CONCATENATED MODULE: ./src/report/sarif.ts
/** SARIF 2.1.0: one run, rules with help, results with locations, fingerprints and fixes. */


const VERSION = '0.1.0';
const LEVEL = { error: 'error', warning: 'warning', note: 'note' };
function uri(path) {
    return path.split('/').map(encodeURIComponent).join('/');
}
function region(l) {
    return { startLine: l.startLine, startColumn: l.startColumn, endLine: l.endLine, endColumn: l.endColumn };
}
function physical(l) {
    return { artifactLocation: { uri: uri(l.path), uriBaseId: '%SRCROOT%' }, region: region(l) };
}
function rawRegion(file, start, end) {
    const a = (0,source/* positionAt */.t$)(file, start);
    const b = (0,source/* positionAt */.t$)(file, end);
    return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
}
/**
 * GitHub code scanning's alert severity (properties["security-severity"], a
 * CVSS-like score: ≥ 9.0 critical, ≥ 7.0 high, ≥ 4.0 medium, else low), for
 * the rules about a security risk; see docs/formats.md for the reasoning. Rules
 * about debuggability carry none, so code scanning shows them by level
 * (error, warning, note) instead of as low-severity security alerts.
 */
const SECURITY_SEVERITY = {
    // Unauthenticated remote code execution: the delve API on a reachable port.
    PTD007: '8.8',
    // privileged: every capability and device, the container boundary gone for whoever runs code in it.
    PTD003: '6.5',
    // seccomp=unconfined: every syscall filter off (the kernel's attack surface), capabilities still apply.
    PTD002: '5.3',
};
/** SARIF's suppression object: kind, the reason as justification, the comment as its location. */
function suppressionOf(f) {
    const s = f.suppression;
    if (!s)
        return [];
    return [
        {
            kind: s.kind,
            ...(s.justification ? { justification: s.justification } : {}),
            ...(s.span ? { location: { physicalLocation: physical((0,source/* toLocation */.nc)(s.span)) } } : {}),
            ...(s.where ? { properties: { configEntry: s.where } } : {}),
        },
    ];
}
function toSarif(findings, opts = {}) {
    const ruleIndex = new Map(rules/* RULES */.y0.map((r, i) => [r.id, i]));
    const anySuppressed = (opts.suppressed ?? []).length > 0;
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'ptrace-doctor',
                        version: opts.version ?? VERSION,
                        informationUri: 'https://github.com/ptrace-doctor/ptrace-doctor',
                        rules: rules/* RULES */.y0.map((r) => ({
                            id: r.id,
                            name: r.slug,
                            shortDescription: { text: r.title },
                            fullDescription: { text: r.summary },
                            helpUri: (0,rules/* ruleDocUrl */.Cg)(r.id),
                            help: opts.help?.get(r.id) ?? { text: `${r.summary} See ${(0,rules/* ruleDocUrl */.Cg)(r.id)}`, markdown: `${r.summary}\n\n[${r.id} documentation](${(0,rules/* ruleDocUrl */.Cg)(r.id)})` },
                            defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
                            properties: {
                                tags: ['containers', 'debugging', ...(SECURITY_SEVERITY[r.id] ? ['security'] : []), r.slug],
                                ...(SECURITY_SEVERITY[r.id] ? { 'security-severity': SECURITY_SEVERITY[r.id] } : {}),
                            },
                        })),
                    },
                },
                originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The scanned directory.' } } },
                results: [...findings, ...(opts.suppressed ?? [])].map((f) => {
                    const files = new Map([[f.span.file.path, f.span.file], ...f.related.map((r) => [r.span.file.path, r.span.file]), ...(f.fix?.files ?? []).map((x) => [x.path, x])]);
                    const fixFiles = f.fix ? [...new Set(f.fix.edits.map((e) => e.path))] : [];
                    const fixable = f.fix && fixFiles.every((p) => files.has(p));
                    return {
                        ruleId: f.ruleId,
                        ruleIndex: ruleIndex.get(f.ruleId) ?? 0,
                        level: LEVEL[f.severity],
                        message: { text: f.message },
                        locations: [{ physicalLocation: physical((0,source/* toLocation */.nc)(f.span)) }],
                        ...(f.related.length > 0
                            ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, physicalLocation: physical((0,source/* toLocation */.nc)(r.span)), message: { text: r.message } })) }
                            : {}),
                        partialFingerprints: { 'ptraceDoctorFingerprint/v1': f.fingerprint },
                        ...(opts.inBaseline ? { baselineState: opts.inBaseline(f) ? 'unchanged' : 'new' } : {}),
                        ...(anySuppressed ? { suppressions: suppressionOf(f) } : {}),
                        ...(fixable
                            ? {
                                fixes: [
                                    {
                                        description: { text: f.fix.description },
                                        artifactChanges: fixFiles.map((p) => ({
                                            artifactLocation: { uri: uri(p), uriBaseId: '%SRCROOT%' },
                                            replacements: f.fix.edits.filter((e) => e.path === p).map((e) => ({
                                                deletedRegion: rawRegion(files.get(p), e.start, e.end),
                                                ...(e.text ? { insertedContent: { text: e.text } } : {}),
                                            })),
                                        })),
                                    },
                                ],
                            }
                            : {}),
                    };
                }),
            },
        ],
    };
}

;// CONCATENATED MODULE: ./src/report/codeclimate.ts
/**
 * codeclimate: GitLab's Code Quality report (a subset of the Code Climate
 * engine spec), for `artifacts: reports: codequality:`. GitLab needs
 * description, check_name, fingerprint (unique per issue), severity (info,
 * minor, major, critical, blocker) and location.path with location.lines.begin.
 */



const BASE = { error: 'major', warning: 'minor', note: 'info' };
/** The finding's level, one step up (critical) for an error that is a high security risk (security-severity ≥ 7, PTD007). */
function codeClimateSeverity(f) {
    const sec = Number(SECURITY_SEVERITY[f.ruleId] ?? 0);
    if (f.severity === 'error' && sec >= 9)
        return 'blocker';
    if (f.severity === 'error' && sec >= 7)
        return 'critical';
    return BASE[f.severity];
}
function toCodeClimate(findings) {
    return findings.map((f) => {
        const l = (0,source/* toLocation */.nc)(f.span);
        return {
            type: 'issue',
            check_name: f.ruleId,
            description: `${f.title}: ${f.message}`,
            content: { body: `${f.message}${f.fix ? `\n\nFix: ${f.fix.description}.` : ''}\n\n${(0,rules/* ruleDocUrl */.Cg)(f.ruleId)}` },
            categories: [SECURITY_SEVERITY[f.ruleId] ? 'Security' : 'Bug Risk'],
            severity: codeClimateSeverity(f),
            fingerprint: f.fingerprint,
            location: { path: l.path, lines: { begin: l.startLine, end: Math.max(l.startLine, l.endLine) } },
        };
    });
}

;// CONCATENATED MODULE: ./src/report/json.ts
/** Machine output: stable JSON. */



function one(f) {
    const sup = f.suppression;
    return {
        ruleId: f.ruleId,
        severity: f.severity,
        title: f.title,
        message: f.message,
        location: (0,common/* location */.C5)(f),
        related: f.related.map((r) => ({ location: (0,source/* toLocation */.nc)(r.span), message: r.message })),
        ...(f.launch ? { launch: f.launch } : {}),
        ...(f.fix ? { fix: { description: f.fix.description, edits: f.fix.edits } } : {}),
        fingerprint: f.fingerprint,
        helpUri: (0,rules/* ruleDocUrl */.Cg)(f.ruleId),
        ...(sup
            ? {
                suppression: {
                    kind: sup.kind,
                    ...(sup.justification ? { justification: sup.justification } : {}),
                    ...(sup.span ? { location: (0,source/* toLocation */.nc)(sup.span) } : {}),
                    ...(sup.where ? { where: sup.where } : {}),
                },
            }
            : {}),
    };
}
function toJson(findings, version, opts = {}) {
    return {
        tool: { name: 'ptrace-doctor', version },
        counts: { ...(0,common/* counts */.tQ)(findings), suppressed: opts.suppressed?.length ?? 0, ...(opts.baseline !== undefined ? { baseline: opts.baseline } : {}) },
        findings: findings.map(one),
        suppressed: (opts.suppressed ?? []).map(one),
    };
}

;// CONCATENATED MODULE: ./src/report/baseline.ts
/**
 * Baselines: the findings a repository already has, so that a team adopting
 * ptrace-doctor (or a new rule) sees only what a change introduces.
 *
 * A baseline is JSON with one entry per finding; entries are matched by rule
 * and fingerprint, which do not depend on line numbers (see engine.ts), so
 * moving a service down a file does not bring its findings back. Path, line
 * and message are kept for the people who read the file in review.
 */


const BASELINE_VERSION = 1;
/** A baseline is repository content too (an Action input names it): capped like the files scanned, generously. */
const MAX_BASELINE_BYTES = 16 * 1024 * 1024;
class BaselineError extends Error {
}
const key = (ruleId, fingerprint) => `${ruleId}\0${fingerprint}`;
/** The baseline of these findings, as stable text (sorted, two-space JSON, final newline). */
function baselineText(findings) {
    const entries = findings
        .map((f) => ({ ruleId: f.ruleId, fingerprint: f.fingerprint, path: f.span.file.path, line: (0,source/* toLocation */.nc)(f.span).startLine, message: f.message }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.fingerprint < b.fingerprint ? -1 : 1)));
    const b = { version: BASELINE_VERSION, tool: 'ptrace-doctor', findings: entries };
    return JSON.stringify(b, null, 2) + '\n';
}
/** Parse and check a baseline file's text; a BaselineError says what is wrong with it. */
function parseBaseline(text, name) {
    if (text.length > MAX_BASELINE_BYTES)
        throw new BaselineError(`${name} is larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MiB`);
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        throw new BaselineError(`${name} is not JSON: ${e.message}`);
    }
    const o = data;
    if (!o || typeof o !== 'object' || Array.isArray(o))
        throw new BaselineError(`${name} is not a ptrace-doctor baseline (write one with --write-baseline)`);
    if (o.tool !== 'ptrace-doctor')
        throw new BaselineError(`${name} is not a ptrace-doctor baseline: "tool" is not "ptrace-doctor"`);
    if (o.version !== BASELINE_VERSION)
        throw new BaselineError(`${name} has baseline version ${JSON.stringify(o.version)}; this ptrace-doctor reads version ${BASELINE_VERSION}`);
    if (!Array.isArray(o.findings))
        throw new BaselineError(`${name}: "findings" must be a list`);
    o.findings.forEach((e, i) => {
        const entry = e;
        if (!entry || typeof entry !== 'object' || typeof entry.ruleId !== 'string' || typeof entry.fingerprint !== 'string') {
            throw new BaselineError(`${name}: findings[${i}] needs "ruleId" and "fingerprint" strings`);
        }
    });
    return o;
}
function partition(findings, baseline) {
    if (!baseline)
        return { fresh: findings, known: [] };
    const known = new Set(baseline.findings.map((e) => key(e.ruleId, e.fingerprint)));
    const out = { fresh: [], known: [] };
    for (const f of findings)
        (known.has(key(f.ruleId, f.fingerprint)) ? out.known : out.fresh).push(f);
    return out;
}
/** Read a baseline file: a regular file within the size cap. */
function readBaseline(path, name = path) {
    let st;
    try {
        st = (0,external_node_fs_.statSync)(path);
    }
    catch {
        throw new BaselineError(`${name}: no such file (write one with --write-baseline ${name})`);
    }
    if (!st.isFile())
        throw new BaselineError(`${name} is not a regular file`);
    if (st.size > MAX_BASELINE_BYTES)
        throw new BaselineError(`${name} is larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MiB`);
    return parseBaseline((0,external_node_fs_.readFileSync)(path, 'utf8'), name);
}
/** The set of rule/fingerprint keys of a baseline, for SARIF's baselineState. */
function baselineKeys(baseline) {
    return new Set(baseline.findings.map((e) => key(e.ruleId, e.fingerprint)));
}
function inBaseline(keys, f) {
    return keys.has(key(f.ruleId, f.fingerprint));
}

// EXTERNAL MODULE: ./src/config/find.ts
var find = __nccwpck_require__(5023);
;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * ptrace-doctor [paths...] [options] · ptrace-doctor init [DIR] · ptrace-doctor explain RULE
 * Exit: 0 nothing at or above --fail-on; 1 findings; 2 usage, configuration or internal error.
 */
















const FORMATS = ['text', 'compact', 'json', 'sarif', 'github', 'rdjson', 'codeclimate'];
const USAGE = `Usage: ptrace-doctor [paths...] [options]
       ptrace-doctor init [DIR] [--force]
       ptrace-doctor explain RULE

Finds the container settings that stop Go's debugger (dlv), strace and gdb
from working, and fixes them.

Options:
  -f, --format FORMAT               text (default); compact (path:line:col: severity RULE title);
                                    json; sarif (code scanning); github (workflow annotations);
                                    rdjson (reviewdog -f=rdjson); codeclimate (GitLab Code Quality)
  --fix                             apply the fixes to the files
  --fail-on error|warning|note|never
                                    exit 1 when a finding is at or above this
                                    (default: the config file's fail-on, else error)
  --ignore RULE,...                 rules to skip: ids (PTD010) or slugs (debug-binary-optimized)
  --root DIR                        the repository root (default: the current directory)
  -c, --config FILE                 the configuration file (default: .ptrace-doctor.yaml or .yml
                                    at the root, else above it up to the top of the git work tree)
  --no-config                       do not read a configuration file
  --baseline FILE                   report only findings that FILE does not hold
  --write-baseline FILE             write every current finding to FILE (and report nothing)
  --color, --no-color               force colour on or off (default: on for a terminal)
  --list-rules                      the rules: id, slug, default severity, title
  --explain RULE                    a rule's page (the same as: ptrace-doctor explain RULE)
  -h, --help                        this help
  -v, --version                     the version

Commands:
  init [DIR]                        write a commented .ptrace-doctor.yaml from the current findings
                                    (--force replaces an existing one)
  explain RULE                      show a rule's documentation: what, why, the fix

One directory is the repository to scan. Otherwise paths narrow the report
of the current directory (or --root) and are taken from the current directory:
the whole repository is read, and the findings in those paths are reported.

Suppressing a finding: a comment on the line above it (or at the end of its
line) in the file's own comment syntax,
    # ptrace-doctor-ignore PTD003 -- runs Docker in Docker
    // ptrace-doctor-ignore PTD002        (devcontainer.json)
Above a Compose service, a Kubernetes container, a Makefile target or a
Dockerfile FROM it covers the whole service, container, recipe or stage.

Exit codes:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on
  2  a usage error, a bad configuration or baseline file, or an internal error

Environment:
  NO_COLOR=1                        no colour (https://no-color.org)
  FORCE_COLOR=1                     colour even when not a terminal (0 or false: none);
                                    wins over NO_COLOR, loses to --color/--no-color
  PTRACE_DOCTOR_TIMING=1            print on stderr where the time went
`;
class UsageError extends Error {
}
/** Colour: --color/--no-color, else FORCE_COLOR (0/false: off; anything else: on), else NO_COLOR (off), else a terminal. */
function useColor(flag, env = {}, isTTY = false) {
    if (flag !== undefined)
        return flag;
    const force = env.FORCE_COLOR;
    if (force !== undefined && force !== '')
        return !['0', 'false'].includes(force.toLowerCase());
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    return isTTY;
}
function parseArgs(argv) {
    const a = { command: 'scan', paths: [], format: 'text', fix: false, ignore: [], noConfig: false, force: false };
    let i0 = 0;
    // A first word `init` or `explain` is the command (a directory named so: ./init).
    if (argv[0] === 'init' || argv[0] === 'explain') {
        a.command = argv[0];
        i0 = 1;
    }
    for (let i = i0; i < argv.length; i++) {
        const arg = argv[i];
        const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
        const value = () => {
            const v = inline ?? argv[++i];
            if (v === undefined)
                throw new UsageError(`${name} needs a value`);
            return v;
        };
        switch (name) {
            case '-h':
            case '--help':
                a.command = 'help';
                return a;
            case '-v':
            case '--version':
                a.command = 'version';
                return a;
            case '--list-rules':
                a.command = 'list-rules';
                break;
            case '--explain':
                a.command = 'explain';
                a.rule = value();
                break;
            case '--fix':
                a.fix = true;
                break;
            case '--no-color':
                a.color = false;
                break;
            case '--color':
                a.color = true;
                break;
            case '--format':
            case '-f': {
                const v = value();
                if (!FORMATS.includes(v))
                    throw new UsageError(`--format must be ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)} (got "${v}")`);
                a.format = v;
                break;
            }
            case '--fail-on': {
                const v = value();
                if (!['error', 'warning', 'note', 'never'].includes(v))
                    throw new UsageError(`--fail-on must be error, warning, note or never (got "${v}")`);
                a.failOn = v;
                break;
            }
            case '--ignore':
                a.ignore.push(...value().split(/[\s,]+/).filter(Boolean));
                break;
            case '--root':
                a.root = value();
                break;
            case '--config':
            case '-c':
                a.config = value();
                break;
            case '--no-config':
                a.noConfig = true;
                break;
            case '--force':
                a.force = true;
                break;
            case '--baseline':
                a.baseline = value();
                break;
            case '--write-baseline':
                a.writeBaseline = value();
                break;
            default:
                if (arg.startsWith('-') && arg !== '-')
                    throw new UsageError(`unknown option ${arg}`);
                if (a.command === 'explain' && a.rule === undefined)
                    a.rule = arg;
                else if (a.command === 'explain')
                    throw new UsageError(`explain takes one rule (got "${a.rule}" and "${arg}")`);
                else
                    a.paths.push(arg);
        }
    }
    for (const id of a.ignore)
        if (!(0,rules/* resolveRule */.rj)(id))
            throw new UsageError(`--ignore: unknown rule ${id} (ids such as PTD010 or slugs such as debug-binary-optimized; see --list-rules)`);
    if (a.command === 'explain' && a.rule === undefined)
        throw new UsageError('explain needs a rule, e.g. explain PTD007 or explain delve-api-exposed');
    if (a.config && a.noConfig)
        throw new UsageError('--config and --no-config exclude each other');
    if (a.command === 'init' && a.fix)
        throw new UsageError('init writes a configuration file; it does not take --fix');
    if (a.writeBaseline !== undefined && a.fix)
        throw new UsageError('--write-baseline records the findings as they are; run --fix first, then --write-baseline');
    return a;
}
/** A path relative to root in POSIX form, or undefined when it lies outside root. */
function inside(root, abs) {
    // The common case without path.relative/resolve (each ~20 µs while cold: a hook may name hundreds of files).
    const under = root.endsWith('/') ? root : root + '/';
    if (external_node_path_.sep === '/' && abs.startsWith(under) && (0,discover/* isPlainRelative */.NL)(abs.slice(under.length)))
        return abs.slice(under.length);
    const rel = (0,external_node_path_.relative)(root, abs);
    if (rel === '..' || rel.startsWith('..' + external_node_path_.sep) || (0,external_node_path_.resolve)(root, rel) !== abs)
        return undefined;
    return rel.split(external_node_path_.sep).join('/');
}
/**
 * Decide the root and the sub-paths from the arguments. Paths are taken from
 * the current directory, like any command's; with --root, a path that does not
 * exist there but does under the root is taken from the root (what --root
 * meant before paths were resolved from the current directory). A path that
 * exists in neither place, or lies outside the root, is a usage error: a
 * mistyped name must not pass as "no findings".
 */
function resolveTargets(args, cwd) {
    if (!args.root && args.paths.length === 1 && (0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(cwd, args.paths[0])) && (0,external_node_fs_.statSync)((0,external_node_path_.resolve)(cwd, args.paths[0])).isDirectory()) {
        return { root: (0,external_node_path_.resolve)(cwd, args.paths[0]), paths: [] };
    }
    const root = (0,external_node_path_.resolve)(cwd, args.root ?? '.');
    const base = (0,external_node_path_.resolve)(cwd);
    const paths = args.paths.map((p) => {
        let abs = external_node_path_.sep === '/' && (0,discover/* isPlainRelative */.NL)(p) && !p.endsWith('/') ? `${base === '/' ? '' : base}/${p}` : (0,external_node_path_.resolve)(cwd, p);
        if (!(0,external_node_fs_.existsSync)(abs)) {
            const fromRoot = (0,external_node_path_.resolve)(root, p);
            if (!args.root || !(0,external_node_fs_.existsSync)(fromRoot))
                throw new UsageError(`${p}: no such file or directory`);
            abs = fromRoot;
        }
        const rel = inside(root, abs);
        if (rel === undefined)
            throw new UsageError(`${p} is outside ${root}${args.root ? '' : '; use --root'}`);
        return rel;
    });
    return { root, paths };
}
/** The rule catalogue, one rule a line. */
function listRules() {
    const w = Math.max(...rules/* RULES */.y0.map((r) => r.slug.length));
    const lines = rules/* RULES */.y0.map((r) => `${r.id}  ${r.slug.padEnd(w)}  ${r.defaultSeverity.padEnd(7)}  ${r.title}`);
    return `${lines.join('\n')}\n\nptrace-doctor explain RULE shows a rule's page; --ignore and the config file take ids or slugs.\n`;
}
/** `ptrace-doctor explain RULE`: the rule's page, rendered for the terminal. */
async function explain(name, color, io) {
    const id = (0,rules/* resolveRule */.rj)(name);
    if (!id) {
        io.stderr(`ptrace-doctor: explain: unknown rule ${JSON.stringify(name)} (ids such as PTD007 or slugs such as delve-api-exposed); see --list-rules\n`);
        return 2;
    }
    const [docs, md, marked] = await Promise.all([__nccwpck_require__.e(/* import() */ 768).then(__nccwpck_require__.bind(__nccwpck_require__, 6768)), __nccwpck_require__.e(/* import() */ 291).then(__nccwpck_require__.bind(__nccwpck_require__, 7672)), __nccwpck_require__.e(/* import() */ 22).then(__nccwpck_require__.bind(__nccwpck_require__, 8022))]);
    // The page with absolute links (a path relative to docs/rules/ means nothing in a terminal), rendered now: in colour or not.
    const page = (await docs.loadRuleDocs()).help[id]?.markdown;
    if (page === undefined) {
        io.stderr(`ptrace-doctor: internal error: no documentation for ${id}\n`);
        return 2;
    }
    io.stdout(md.renderTerminal(page, marked.lexer, { color }));
    return 0;
}
/** `ptrace-doctor init`: write a starter .ptrace-doctor.yaml at the root from a scan with the defaults. */
async function init(args, root, paths, io) {
    const target = (0,external_node_path_.join)(root, find/* CONFIG_NAMES */.We[0]);
    // lstat, not exists: a symbolic link (even a dangling one) is never written through.
    const existing = find/* CONFIG_NAMES */.We.map((n) => (0,external_node_path_.join)(root, n)).find((p) => {
        try {
            (0,external_node_fs_.lstatSync)(p);
            return true;
        }
        catch {
            return false;
        }
    });
    if (existing && !args.force) {
        io.stderr(`ptrace-doctor: ${existing} already exists; not overwritten (--force writes a new one over it)\n`);
        return 2;
    }
    const { findings } = await scan({ root, paths, ignore: args.ignore });
    const text = (await __nccwpck_require__.e(/* import() */ 62).then(__nccwpck_require__.bind(__nccwpck_require__, 6062))).starterConfig(findings);
    if (existing)
        (0,external_node_fs_.rmSync)(existing);
    (0,external_node_fs_.writeFileSync)(target, text, { flag: 'wx' });
    io.stdout(`Wrote ${(0,external_node_path_.relative)(io.cwd, target) || target} from ${findings.length} finding${findings.length === 1 ? '' : 's'}: every setting in it is a default; uncomment what you need.\n`);
    return 0;
}
async function main_main(argv, io) {
    (0,timing/* mark */.Gy)('start');
    try {
        return await run(argv, io);
    }
    finally {
        if ((0,timing/* timingOn */.Ig)()) {
            (0,timing/* mark */.Gy)('output');
            io.stderr((0,timing/* timingReport */.XF)());
        }
    }
}
async function run(argv, io) {
    let parsed;
    try {
        parsed = parseArgs(argv);
    }
    catch (e) {
        // One line, as linters do: what is wrong and where to look, not the whole help.
        if (e instanceof UsageError) {
            io.stderr(`ptrace-doctor: ${e.message}; see --help\n`);
            return 2;
        }
        throw e;
    }
    const color = useColor(parsed.color, io.env, io.isTTY === true);
    if (parsed.command === 'help') {
        io.stdout(USAGE);
        return 0;
    }
    if (parsed.command === 'version') {
        io.stdout(`${VERSION}\n`);
        return 0;
    }
    if (parsed.command === 'list-rules') {
        io.stdout(listRules());
        return 0;
    }
    if (parsed.command === 'explain')
        return explain(parsed.rule, color, io);
    const args = parsed;
    try {
        const { root, paths } = resolveTargets(args, io.cwd);
        if (!(0,external_node_fs_.existsSync)(root) || !(0,external_node_fs_.statSync)(root).isDirectory()) {
            io.stderr(`ptrace-doctor: ${root} is not a directory\n`);
            return 2;
        }
        if (args.command === 'init')
            return await init(args, root, paths, io);
        const display = (abs) => {
            const rel = (0,external_node_path_.relative)(io.cwd, abs);
            return rel === '' || rel.startsWith('..') ? abs : rel;
        };
        let config;
        try {
            if (args.config !== undefined && !(0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(io.cwd, args.config)))
                throw new UsageError(`--config ${args.config}: no such file`);
            const path = args.noConfig ? undefined : args.config !== undefined ? (0,external_node_path_.resolve)(io.cwd, args.config) : (0,find/* findConfig */.u0)({ root });
            // The validator, the yaml parser and picomatch are loaded only when there is a file.
            if (path !== undefined)
                config = await (await __nccwpck_require__.e(/* import() */ 672).then(__nccwpck_require__.bind(__nccwpck_require__, 5672))).loadConfigFile(path, root, display);
        }
        catch (e) {
            if (e instanceof find/* ConfigError */.xL) {
                io.stderr(`ptrace-doctor: ${e.message}\n`);
                return 2;
            }
            throw e;
        }
        const failOn = args.failOn ?? config?.failOn ?? 'error';
        let baseline;
        if (args.baseline !== undefined) {
            try {
                baseline = readBaseline((0,external_node_path_.resolve)(io.cwd, args.baseline), args.baseline);
            }
            catch (e) {
                if (e instanceof BaselineError) {
                    io.stderr(`ptrace-doctor: ${e.message}\n`);
                    return 2;
                }
                throw e;
            }
        }
        const scanOpts = { root, paths, ignore: args.ignore, ...(config ? { config } : {}) };
        let findings;
        let suppressed;
        if (args.fix) {
            const out = await applyFixes({ ...scanOpts, write: true });
            for (const s of out.skipped)
                io.stderr(`ptrace-doctor: ${s.path} ${s.reason}\n`);
            if (args.format === 'text') {
                io.stdout(out.changed.length > 0 ? `Fixed ${out.fixed.length} finding${out.fixed.length === 1 ? '' : 's'} in ${out.changed.length} file${out.changed.length === 1 ? '' : 's'}:\n${out.patch}\n` : 'Nothing to fix.\n');
            }
            findings = out.after.findings;
            suppressed = out.after.suppressed;
            if (args.format === 'text' && findings.length > 0)
                io.stdout('Still to do by hand:\n\n');
        }
        else {
            ({ findings, suppressed } = await scan(scanOpts));
        }
        if (args.writeBaseline !== undefined) {
            const target = (0,external_node_path_.resolve)(io.cwd, args.writeBaseline);
            (0,external_node_fs_.writeFileSync)(target, baselineText(findings));
            io.stderr(`ptrace-doctor: wrote ${findings.length} finding${findings.length === 1 ? '' : 's'} to ${args.writeBaseline}; with --baseline ${args.writeBaseline} only findings not in it are reported\n`);
            return 0;
        }
        // With a baseline, what it holds is left out of the report and the exit code (SARIF keeps it, as unchanged).
        const { fresh, known } = partition(findings, baseline);
        const keys = baseline ? baselineKeys(baseline) : undefined;
        switch (args.format) {
            case 'json':
                io.stdout(JSON.stringify(toJson(fresh, VERSION, { suppressed, ...(baseline ? { baseline: known.length } : {}) }), null, 2) + '\n');
                break;
            case 'sarif': {
                const help = await (await __nccwpck_require__.e(/* import() */ 491).then(__nccwpck_require__.bind(__nccwpck_require__, 9491))).ruleHelp();
                io.stdout(JSON.stringify(toSarif(findings, { suppressed, help, ...(keys ? { inBaseline: (f) => inBaseline(keys, f) } : {}) }), null, 2) + '\n');
                break;
            }
            case 'github':
                io.stdout(formatGithub(fresh));
                break;
            case 'compact':
                io.stdout(formatCompact(fresh));
                break;
            // Loaded for this format only: its suggestions come from the review code, which loads node:crypto.
            case 'rdjson':
                io.stdout(JSON.stringify((await __nccwpck_require__.e(/* import() */ 79).then(__nccwpck_require__.bind(__nccwpck_require__, 6079))).toRdjson(fresh), null, 2) + '\n');
                break;
            case 'codeclimate':
                io.stdout(JSON.stringify(toCodeClimate(fresh), null, 2) + '\n');
                break;
            default:
                if (!(args.fix && fresh.length === 0))
                    io.stdout(formatText(fresh, { color, suppressed: suppressed.length, baseline: known.length }));
        }
        return fresh.some((f) => (0,common/* atOrAbove */.kU)(f.severity, failOn)) ? 1 : 0;
    }
    catch (e) {
        if (e instanceof UsageError) {
            io.stderr(`ptrace-doctor: ${e.message}; see --help\n`);
            return 2;
        }
        io.stderr(`ptrace-doctor: internal error: ${e.stack ?? String(e)}\n`);
        return 2;
    }
}

;// CONCATENATED MODULE: ./src/cli/index.ts

main_main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
}).then((code) => {
    process.exitCode = code;
}, (e) => {
    process.stderr.write(`ptrace-doctor: internal error: ${String(e)}\n`);
    process.exitCode = 2;
});

})();

module.exports = __webpack_exports__;
/******/ })()
;