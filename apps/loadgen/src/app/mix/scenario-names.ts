/** The weighted mix of DESIGN.md "Load generator traffic model"; names are the `scenario` metric label. */
export const SCENARIO_NAMES = [
  'orders_list',
  'orders_create',
  'orders_get',
  'payments_create',
  'payments_list',
  'users_get',
  'users_list',
  'users_auth',
] as const;

export type ScenarioName = (typeof SCENARIO_NAMES)[number];
