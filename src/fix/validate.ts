/** Re-parse edited text in its own format: a fix is only offered when this passes. */
import { isScalar, parseAllDocuments, visit, type Document } from 'yaml';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { DockerfileParser } from 'dockerfile-ast';
import type { FileKind } from '../types.js';

/** An error message when text does not parse as kind, else undefined. */
export function validate(kind: FileKind, text: string): string | undefined {
  switch (kind) {
    case 'compose':
    case 'kubernetes':
    case 'workflow': {
      // Duplicate keys are checked below: the parser's own check (uniqueKeys: true)
      // is quadratic in a map's size, minutes for a map of 30,000 keys.
      const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
      const list = Array.isArray(docs) ? docs : [docs];
      for (const d of list) {
        if (d.errors[0]) return d.errors[0].message.split('\n')[0];
      }
      for (const d of list) {
        const dup = duplicateKey(d as Document);
        if (dup) return dup;
      }
      return undefined;
    }
    case 'devcontainer':
    case 'vscode-launch':
    case 'seccomp': {
      const errors: ParseError[] = [];
      parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: kind === 'seccomp' });
      return errors.length > 0 ? `JSON error ${errors[0]!.error} at offset ${errors[0]!.offset}` : undefined;
    }
    case 'dockerfile': {
      const df = DockerfileParser.parse(text);
      return df.getInstructions().length === 0 && text.trim() !== '' ? 'no instructions' : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The first duplicate key of a map in the document, with the equality the
 * `yaml` parser uses for uniqueKeys: true (same node, or scalars whose values
 * are ===), in linear time.
 */
function duplicateKey(doc: Document): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Map(_key, map) {
      const values = new Set<unknown>();
      const nodes = new Set<unknown>();
      for (const p of map.items) {
        const k = p.key;
        if (isScalar(k)) {
          const v = k.value;
          if (typeof v === 'number' && Number.isNaN(v)) continue;
          if (values.has(v)) {
            found = 'Map keys must be unique';
            return visit.BREAK;
          }
          values.add(v);
        } else {
          if (nodes.has(k)) {
            found = 'Map keys must be unique';
            return visit.BREAK;
          }
          nodes.add(k);
        }
      }
      return undefined;
    },
  });
  return found;
}
