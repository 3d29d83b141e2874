/** Re-parse edited text in its own format: a fix is only offered when this passes. */
import { parseAllDocuments } from 'yaml';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { DockerfileParser } from 'dockerfile-ast';
import type { FileKind } from '../types.js';

/** An error message when text does not parse as kind, else undefined. */
export function validate(kind: FileKind, text: string): string | undefined {
  switch (kind) {
    case 'compose':
    case 'kubernetes':
    case 'workflow': {
      const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
      for (const d of Array.isArray(docs) ? docs : [docs]) {
        if (d.errors[0]) return d.errors[0].message.split('\n')[0];
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
