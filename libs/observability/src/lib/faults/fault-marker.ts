// Marks a simulated failure as injected, on the active span and on the request's log line, so
// dashboards and trace searches can tell chaos from real incidents (DESIGN.md "Simulated behaviour").
import { Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { PinoLogger } from 'nestjs-pino';

@Injectable()
export class FaultMarker {
  constructor(private readonly logger: PinoLogger) {}

  markInjected(kind: string): void {
    trace.getActiveSpan()?.setAttributes({ 'fault.injected': true, 'fault.kind': kind });
    try {
      // Same keys as the span attributes (DESIGN.md); LogQL's json parser reads them as fault_injected.
      this.logger.assign({ 'fault.injected': true, 'fault.kind': kind });
    } catch {
      // Outside a request (e.g. a timer) there is no request log line to mark; the span still is.
    }
  }
}
