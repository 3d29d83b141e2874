/**
 * Unit tests call the parsers and model builders directly, without a scan to
 * load the yaml package first (see src/parse/yaml-lib.ts): load it once here.
 * The CLI tests run dist/ in processes of their own, where it is not preloaded.
 */
import { loadYaml } from '../src/parse/yaml-lib.js';

await loadYaml();
