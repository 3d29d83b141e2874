/**
 * Unit tests call the parsers and model builders directly, without a scan to
 * load the yaml and jsonc-parser packages first (see src/parse/yaml-lib.ts and
 * jsonc-lib.ts): load them once here.
 * The CLI tests run dist/ in processes of their own, where it is not preloaded.
 */
import { loadYaml } from '../src/parse/yaml-lib.js';
import { loadJsonc } from '../src/parse/jsonc-lib.js';

await loadYaml();
await loadJsonc();
