// What the engine reports as it runs. The server backs it with Prometheus metrics from the catalog;
// the CLI needs none of it (its numbers come from RunStats).
import { SpanIds } from '../http/traced-http-client';
import { DropReason } from '../scheduler/open-loop-scheduler';

export interface RequestOutcome {
  scenario: string;
  method: string;
  serverAddress: string;
  status: number;
  /** From the intended send time (what a user would have waited). */
  latencySeconds: number;
  /** From the actual send time (the client's view of the exchange). */
  clientSeconds: number;
  /** The request's root span, attached to histogram samples as an exemplar. */
  span?: SpanIds;
}

export interface LoadgenTelemetry {
  requestCompleted(outcome: RequestOutcome): void;
  sent(scheduleLagSeconds: number): void;
  dropped(reason: DropReason): void;
  rates(offeredRps: number, achievedRps: number): void;
}

export const noopTelemetry: LoadgenTelemetry = {
  requestCompleted: () => undefined,
  sent: () => undefined,
  dropped: () => undefined,
  rates: () => undefined,
};
