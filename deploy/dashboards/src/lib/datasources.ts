// Datasource references by the fixed uids of deploy/grafana/provisioning/datasources/datasources.yaml,
// so the same JSON works in the local Grafana and in the cluster's.
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';

export const PROMETHEUS: DataSourceRef = { type: 'prometheus', uid: 'prometheus' };
export const LOKI: DataSourceRef = { type: 'loki', uid: 'loki' };
export const TEMPO: DataSourceRef = { type: 'tempo', uid: 'tempo' };
