// ESLint flat config: typescript-eslint, React hooks, and the layer rules of
// docs/architecture.md ("Les règles des couches"). Run by `npm run check` with --max-warnings 0.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Which layer may not import which (src/<layer>/…). The patterns are regexes on
 * the import specifier: a relative path climbing out of the layer folder into a
 * forbidden sibling (`../store/x`, `../../ui/x`), so that a subfolder with the
 * same name inside a layer (src/ui/embed/) is not mistaken for the layer.
 */
const LAYERS = {
  domain: { forbidden: ['store', 'map', 'ui', 'embed'], packages: ['react', 'react-dom', 'maplibre-gl', 'zustand'] },
  map: { forbidden: ['ui'], packages: [] },
  store: { forbidden: ['ui', 'map'], packages: [] },
  ui: { forbidden: ['embed'], packages: [] },
};
const MAX_DEPTH = 4;

function layerRules() {
  const configs = [];
  for (const [layer, { forbidden, packages }] of Object.entries(LAYERS)) {
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      const up = '(\\.\\./)'.repeat(depth + 1);
      configs.push({
        files: [`src/${layer}/${'*/'.repeat(depth)}*.{ts,tsx}`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              paths: packages.map((name) => ({ name, message: `src/${layer} is pure: no ${name} (docs/architecture.md, règles des couches).` })),
              patterns: [
                {
                  regex: `^${up}(${forbidden.join('|')})(/|$)`,
                  caseSensitive: true,
                  message: `src/${layer} may not import from src/{${forbidden.join(',')}} (docs/architecture.md, règles des couches).`,
                },
                ...packages.map((name) => ({ regex: `^${name}/`, caseSensitive: true, message: `src/${layer} is pure: no ${name}.` })),
              ],
            },
          ],
          // no-restricted-imports does not see import(): the same rule for dynamic imports.
          'no-restricted-syntax': [
            'error',
            {
              selector: `ImportExpression[source.value=/^${up.replaceAll('/', '\\/')}(${forbidden.join('|')})(\\/|$)/]`,
              message: `src/${layer} may not import from src/{${forbidden.join(',')}} (docs/architecture.md, règles des couches).`,
            },
          ],
        },
      });
    }
  }
  return configs;
}

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-*/', '.e2e-build/', 'public/data/', '.cache/', 'test-results/', 'coverage/', 'test/fixtures/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // `_name` marks a parameter kept for the signature; `{ drop, ...rest }` omits keys.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['scripts/**/*.{ts,js}', 'test/**/*.{ts,tsx}', '*.config.{ts,js}', 'vite.*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  ...layerRules(),
);
