// Finished spans cross to the export worker as plain data. Structured cloning drops methods and
// class identity (spanContext(), TraceState, Resource), and the OTLP serializer groups spans by
// resource and scope *object*, so a batch carries each resource and scope once and the worker
// rebuilds ReadableSpans that share them.
import type { Attributes, Link, SpanContext } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import type { InstrumentationScope } from '@opentelemetry/core';
import { Resource, resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';

interface TransferredContext {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceFlags: number;
  readonly isRemote?: boolean;
  readonly traceState?: string;
}

export interface TransferredSpan extends Omit<ReadableSpan, 'spanContext' | 'parentSpanContext' | 'links' | 'resource' | 'instrumentationScope'> {
  readonly context: TransferredContext;
  readonly parent?: TransferredContext;
  readonly links: (Omit<Link, 'context'> & { context: TransferredContext })[];
  /** Indexes into the batch's resources and scopes. */
  readonly resource: number;
  readonly scope: number;
}

export interface TransferredBatch {
  readonly resources: { attributes: Attributes; schemaUrl?: string }[];
  readonly scopes: InstrumentationScope[];
  readonly spans: TransferredSpan[];
}

function flatContext(context: SpanContext): TransferredContext {
  const { traceId, spanId, traceFlags, isRemote, traceState } = context;
  return { traceId, spanId, traceFlags, isRemote, traceState: traceState?.serialize() };
}

function liveContext(context: TransferredContext): SpanContext {
  const { traceState, ...rest } = context;
  return traceState ? { ...rest, traceState: new TraceState(traceState) } : rest;
}

/** Index of `item` in `list`, adding it the first time it is seen (by identity). */
function indexIn<T, U>(seen: Map<T, number>, list: U[], item: T, flat: (item: T) => U): number {
  let index = seen.get(item);
  if (index === undefined) {
    index = list.push(flat(item)) - 1;
    seen.set(item, index);
  }
  return index;
}

export function toTransferredBatch(spans: readonly ReadableSpan[]): TransferredBatch {
  const batch: TransferredBatch = { resources: [], scopes: [], spans: [] };
  const resources = new Map<Resource, number>();
  const scopes = new Map<InstrumentationScope, number>();
  for (const span of spans) {
    batch.spans.push({
      name: span.name,
      kind: span.kind,
      context: flatContext(span.spanContext()),
      parent: span.parentSpanContext ? flatContext(span.parentSpanContext) : undefined,
      startTime: span.startTime,
      endTime: span.endTime,
      duration: span.duration,
      ended: span.ended,
      status: span.status,
      attributes: span.attributes,
      links: span.links.map((link) => ({ ...link, context: flatContext(link.context) })),
      events: span.events,
      droppedAttributesCount: span.droppedAttributesCount,
      droppedEventsCount: span.droppedEventsCount,
      droppedLinksCount: span.droppedLinksCount,
      resource: indexIn(resources, batch.resources, span.resource, (r) => ({ attributes: r.attributes, schemaUrl: r.schemaUrl })),
      scope: indexIn(scopes, batch.scopes, span.instrumentationScope, (s) => ({ name: s.name, version: s.version, schemaUrl: s.schemaUrl })),
    });
  }
  return batch;
}

export function fromTransferredBatch(batch: TransferredBatch): ReadableSpan[] {
  const resources = batch.resources.map(({ attributes, schemaUrl }) => resourceFromAttributes(attributes, { schemaUrl }));
  return batch.spans.map(({ context, parent, links, resource, scope, events, ...rest }) => {
    const spanContext = liveContext(context);
    return {
      ...rest,
      spanContext: () => spanContext,
      parentSpanContext: parent ? liveContext(parent) : undefined,
      links: links.map((link) => ({ ...link, context: liveContext(link.context) })),
      events: events as TimedEvent[],
      resource: resources[resource],
      instrumentationScope: batch.scopes[scope],
    };
  });
}
