// Jest runs CommonJS and resolves packages with the `require` condition, but kubernetes-models,
// @kubernetes-models/* and their small dependencies publish only `import` entry points. For those
// packages (and requests made from inside them) this adds the `import` condition; jest.config.js
// lets SWC transpile them. Everything else resolves exactly as with the Nx resolver.
const nxResolver = require('@nx/jest/plugins/resolver');

const ESM_ONLY =
  /(^|\/node_modules\/)(kubernetes-models|@kubernetes-models\/[^/]+|is-cidr|cidr-regex|ip-regex)(\/|$)/;

module.exports = (request, options) => {
  const esmOnly = ESM_ONLY.test(request) || ESM_ONLY.test(options.basedir);
  return nxResolver(
    request,
    esmOnly ? { ...options, conditions: [...(options.conditions ?? []), 'import'] } : options,
  );
};
