// Bench-only preload for variant (a) "no observability": the observability lib has no switch to turn
// metrics off, so this makes prom-client's recording calls no-ops. Fastify hooks, route lookup and
// default runtime metrics still run, so (a) measured this way is a slight under-estimate of the gap.
const { Counter, Gauge, Histogram } = require('prom-client');

const noop = function noop() {
  return undefined;
};
Histogram.prototype.observe = noop;
Counter.prototype.inc = noop;
Gauge.prototype.inc = noop;
Gauge.prototype.dec = noop;
Gauge.prototype.set = noop;
