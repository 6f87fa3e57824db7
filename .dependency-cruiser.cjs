// The layers of src/. Each rule names a direction that must not be taken; type-only imports count, because a
// layer that needs another's types depends on it. From the bottom up:
//   gateway/   Gateway API helpers and the one table of route kinds: imports nothing else from src
//   core/      model, compile, evaluate, decide, verdicts: imports gateway only
//   rules/     the rule catalog: imports core and gateway only
//   kube/      the one API client and the reflector: imports gateway and the root helpers (errors, metrics, logger)
//   cluster/, policy/   the inputs: never import a door or src/main.ts
//   admission/, server/, status/, cli/   the doors: apart, except server -> admission and cli -> anything
//   src/main.ts   the wiring, imported by cli only

const doors = '^src/(admission|server|status|cli)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'gateway-is-the-bottom',
      comment: 'gateway/ holds the Gateway API helpers and the one table of route kinds; it imports nothing else from src.',
      severity: 'error',
      from: { path: '^src/gateway/' },
      to: { path: '^src/', pathNot: '^src/gateway/' },
    },
    {
      name: 'core-only-gateway',
      comment:
        'core/ (model, compile, evaluate, decide, verdicts, the Rule/Finding/Policy types) imports only gateway/. ' +
        'The rule catalog is passed to compile(), so core never imports rules/.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/(core|gateway)/' },
    },
    {
      name: 'rules-only-core-and-gateway',
      comment: 'rules/ (the rule catalog) imports core/ and gateway/ only.',
      severity: 'error',
      from: { path: '^src/rules/' },
      to: { path: '^src/', pathNot: '^src/(rules|core|gateway)/' },
    },
    {
      name: 'kube-only-gateway-and-root-helpers',
      comment: 'kube/ (the one API client and the reflector) imports gateway/ and the root helpers errors, metrics, logger only.',
      severity: 'error',
      from: { path: '^src/kube/' },
      to: { path: '^src/', pathNot: ['^src/(kube|gateway)/', '^src/(errors|metrics|logger)[.]ts$'] },
    },
    {
      name: 'inputs-not-doors',
      comment: 'The inputs (cluster/, policy/) feed the doors; they never import a door (admission, server, status, cli) or src/main.ts.',
      severity: 'error',
      from: { path: '^src/(cluster|policy)/' },
      to: { path: [doors, '^src/main[.]ts$'] },
    },
    {
      name: 'admission-door-alone',
      comment: 'admission/ is a door: it imports no other door (server hosts it, not the other way round).',
      severity: 'error',
      from: { path: '^src/admission/' },
      to: { path: '^src/(server|status|cli)/' },
    },
    {
      name: 'server-door-hosts-only-admission',
      comment: 'server/ hosts the admission door; it imports no other door.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/(status|cli)/' },
    },
    {
      name: 'status-door-alone',
      comment: 'status/ (the reconciler) is a door: it imports no other door.',
      severity: 'error',
      from: { path: '^src/status/' },
      to: { path: '^src/(admission|server|cli)/' },
    },
    {
      name: 'main-only-from-cli',
      comment: 'src/main.ts wires the process; only cli/ (the entry point) imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/main[.]ts$' },
    },
    {
      name: 'src-not-tests',
      comment: 'Shipped code never imports tests, benchmarks or scripts.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'no-circular',
      comment: 'Modules in src form no cycle: a cycle is two layers pretending to be one.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A module in src that imports nothing and that nothing imports is dead: use it or delete it.',
      severity: 'error',
      from: { orphan: true, path: '^src/' },
      to: {},
    },
    {
      name: 'reachable-from-the-cli',
      comment: 'Every module in src serves the program: one that src/cli/main.ts cannot reach is used only by tests or benchmarks, or by nothing.',
      severity: 'error',
      from: { path: '^src/cli/main[.]ts$' },
      to: { path: '^src/', reachable: false },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Count `import type` too: type dependencies are layer dependencies.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
