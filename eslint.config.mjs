import js from '@eslint/js'
import jest from 'eslint-plugin-jest'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'node_modules/**',
      'out/**',
      'coverage/**',
      '*.config.js',
      'bin/**',
      '.scratch/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.mjs', 'scripts/*.js'] }
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error'
    }
  },
  { files: ['test/**/*.ts'], ...jest.configs['flat/recommended'] },
  {
    files: ['src/**/*.ts'],
    rules: {
      // src/ is the logic both front ends share; logging and outputs belong to actions/ and the CLI.
      'no-restricted-imports': ['error', { paths: ['@actions/core'] }]
    }
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  prettier
)
