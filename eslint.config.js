import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * `kiosk/layers`: DESIGN.md section 2's allow-lists (layers.json), checked on every import,
 * re-export, dynamic import(), require() and new URL(..., import.meta.url). test/unit/layers.test.ts
 * checks the same table with its own scanner: each environment is checked twice.
 */
const layerTable = JSON.parse(readFileSync(new URL('./layers.json', import.meta.url), 'utf8')).layers;
const root = dirname(fileURLToPath(import.meta.url));
const posix = (p) => p.split('\\').join('/');
const layerOf = (rel) => Object.keys(layerTable).find((l) => rel === layerTable[l].dir || rel.startsWith(`${layerTable[l].dir}/`));
const packageOf = (spec) => {
  if (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0])) return 'node:';
  const parts = spec.split('/');
  return (spec.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
};
/** A package is allowed when listed, or when its npm scope is listed as 'scope/*'. */
const packageAllowed = (allowed, pkg) => allowed.some((p) => p === pkg || (p.endsWith('/*') && pkg.startsWith(p.slice(0, -1))));
const layersRule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Imports follow the per-layer allow-lists in layers.json' } },
  create(context) {
    const file = context.filename;
    const layer = layerOf(posix(relative(root, file)));
    if (!layer) return {};
    const rule = layerTable[layer];
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const spec = node.value;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = posix(relative(root, resolve(dirname(file), spec)));
        const targetLayer = layerOf(target);
        const ok = targetLayer ? rule.layers.includes(targetLayer) : (rule.folders ?? []).some((f) => target === f || target.startsWith(`${f}/`));
        if (!ok) context.report({ node, message: `${layer} may import only ${[...rule.layers, ...(rule.folders ?? [])].join(', ')}, not ${targetLayer ?? target} (layers.json)` });
      } else if (!packageAllowed(rule.packages, packageOf(spec))) {
        context.report({ node, message: `${layer} may use only the packages ${rule.packages.join(', ')}, not ${packageOf(spec)} (layers.json)` });
      }
    };
    const isImportMeta = (n) => n?.type === 'MetaProperty' && n.meta.name === 'import' && n.property.name === 'meta';
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      CallExpression(n) {
        const c = n.callee;
        if (c.type === 'Identifier' && c.name === 'require') check(n.arguments[0]);
        if (c.type === 'MemberExpression' && isImportMeta(c.object) && c.property.name === 'glob') check(n.arguments[0]);
      },
      NewExpression(n) {
        const u = n.arguments[1];
        if (n.callee.type === 'Identifier' && n.callee.name === 'URL' && u?.type === 'MemberExpression' && isImportMeta(u.object) && u.property.name === 'url') check(n.arguments[0]);
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**', 'test/fixtures/layers-bad/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { kiosk: { rules: { layers: layersRule } } },
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'kiosk/layers': 'error',
    },
  },
);
