// Layering rules from DESIGN.md, checked in `npm run lint` (and so in `npm test`):
//   shared/        imports nothing of ours (only shared/ itself and zod), no node: builtins
//   renderer/      imports shared/ only (of ours)
//   main/features  never imports main/hub or main/electron
//   'electron'     only from main/electron
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-imports-only-shared',
      severity: 'error',
      comment: 'shared/ is pure TypeScript both sides use: it imports nothing of ours outside shared/.',
      from: { path: '^shared/' },
      to: { path: '^(main|renderer|test|scripts|bin|resources)/' },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      comment: 'shared/ runs in the browser too: no node: builtins.',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-only-zod',
      severity: 'error',
      comment: 'shared/ may use zod and nothing else from npm.',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: '(^|/)node_modules/zod/' },
    },
    {
      name: 'renderer-imports-only-shared',
      severity: 'error',
      comment: 'renderer/ talks to the hub over the protocol only: of our code it imports shared/ alone.',
      from: { path: '^renderer/' },
      to: { path: '^(main|test|scripts|bin)/' },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      comment: 'renderer/ runs in browsers: no node: builtins.',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'features-not-hub-or-electron',
      severity: 'error',
      comment: 'main/features/ are plain capabilities: they never import the hub or the Electron shell.',
      from: { path: '^main/features/' },
      to: { path: '^main/(hub|electron)/' },
    },
    {
      name: 'only-shell-imports-electron',
      severity: 'error',
      comment: "Only main/electron/ imports 'electron'; the hub is plain Node.",
      from: { pathNot: '^main/electron/' },
      to: { path: '(^|/)node_modules/electron/' },
    },
    {
      name: 'nothing-imports-the-shell',
      severity: 'error',
      comment: 'The Electron shell is a leaf: nothing outside main/electron/ imports it.',
      from: { pathNot: '^main/electron/' },
      to: { path: '^main/electron/' },
    },
    {
      name: 'no-circular',
      severity: 'warn',
      comment: 'Circular dependencies make modules hard to reason about.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that cannot be resolved.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|native|\\.tmp|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
