// A Context that adds one value to a parent without copying it. @opentelemetry/api's BaseContext
// copies its parent's Map on every setValue (a Map, three closures and an iteration); the server
// span hook adds the span to the incoming context once per request, and reads through the layer
// cost one comparison more than a Map lookup.
import { Context, createContextKey, Span } from '@opentelemetry/api';

/** The key trace.setSpan uses: createContextKey is Symbol.for, so every copy of the api shares it. */
const SPAN_KEY = createContextKey('OpenTelemetry Context Key SPAN');

/** What trace.setSpan(parent, span) gives, as a layer over `parent`. */
export function contextWithSpan(parent: Context, span: Span): Context {
  return new ContextLayer(parent, SPAN_KEY, span);
}

export class ContextLayer implements Context {
  constructor(
    private readonly parent: Context,
    private readonly key: symbol,
    private readonly value: unknown,
  ) {}

  getValue(key: symbol): unknown {
    return key === this.key ? this.value : this.parent.getValue(key);
  }

  setValue(key: symbol, value: unknown): Context {
    return new ContextLayer(this, key, value);
  }

  /** A layer whose value is undefined hides the parent's: getValue answers undefined, as after a delete. */
  deleteValue(key: symbol): Context {
    return new ContextLayer(this, key, undefined);
  }
}
