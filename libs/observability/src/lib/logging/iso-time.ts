// pino's `time` field as ISO 8601 UTC with milliseconds, the same text as stdTimeFunctions.isoTime.
// That one formats a Date for every line (about 0.9 µs); within one second only the milliseconds
// change, so the rest of the text is built once per second (about 0.1 µs a line, docs/performance.md).

export type Clock = () => number;

/** A pino `timestamp` function: returns `,"time":"YYYY-MM-DDTHH:MM:SS.mmmZ"`. */
export function isoTimeCachedPerSecond(now: Clock = Date.now): () => string {
  let second = Number.NaN;
  let prefix = '';
  return () => {
    const ms = now();
    const thisSecond = Math.floor(ms / 1000);
    if (thisSecond !== second) {
      second = thisSecond;
      // "…T09:20:05." — everything up to the milliseconds.
      prefix = `,"time":"${new Date(thisSecond * 1000).toISOString().slice(0, 20)}`;
    }
    const millis = ms - thisSecond * 1000;
    return `${prefix}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z"`;
  };
}
