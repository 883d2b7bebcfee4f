import { histogramSumCount, meanBetween, parseSamples } from './prom-text';

const scrape = (sum: number, count: number) => `# HELP rpc_client_call_duration_seconds x
# TYPE rpc_client_call_duration_seconds histogram
rpc_client_call_duration_seconds_bucket{le="0.005",rpc_system="grpc",rpc_service="users.v1.UsersService",rpc_method="ValidateUser",rpc_grpc_status_code="0"} 3
rpc_client_call_duration_seconds_sum{rpc_system="grpc",rpc_service="users.v1.UsersService",rpc_method="ValidateUser",rpc_grpc_status_code="0"} ${sum}
rpc_client_call_duration_seconds_count{rpc_system="grpc",rpc_service="users.v1.UsersService",rpc_method="ValidateUser",rpc_grpc_status_code="0"} ${count}
rpc_client_call_duration_seconds_sum{rpc_system="grpc",rpc_service="users.v1.UsersService",rpc_method="ValidateUser",rpc_grpc_status_code="5"} 1
rpc_client_call_duration_seconds_count{rpc_system="grpc",rpc_service="users.v1.UsersService",rpc_method="ValidateUser",rpc_grpc_status_code="5"} 10
rpc_client_call_duration_seconds_sum{rpc_system="grpc",rpc_service="payments.v1.PaymentsService",rpc_method="Charge",rpc_grpc_status_code="0"} 99
process_start_time_seconds 1700000000
`;

describe('prom-text', () => {
  it('parses names, labels (with escapes) and values', () => {
    const samples = parseSamples('a_total{path="/x\\"y",n="1"} 3.5\n# comment\nb 2\n');
    expect(samples).toEqual([
      { name: 'a_total', labels: { path: '/x"y', n: '1' }, value: 3.5 },
      { name: 'b', labels: {}, value: 2 },
    ]);
  });

  it('sums a histogram over matching series and takes the mean between two scrapes', () => {
    const filter = { rpc_method: 'ValidateUser' };
    const before = histogramSumCount(parseSamples(scrape(0.5, 100)), 'rpc_client_call_duration_seconds', filter);
    const after = histogramSumCount(parseSamples(scrape(1.5, 300)), 'rpc_client_call_duration_seconds', filter);
    expect(before).toEqual({ sum: 1.5, count: 110 });
    expect(meanBetween(before, after)).toBeCloseTo(1 / 200);
    expect(meanBetween(after, after)).toBeUndefined();
  });
});
