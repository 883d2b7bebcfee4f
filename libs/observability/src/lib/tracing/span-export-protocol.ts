// Messages between WorkerSpanExporter (the service's main thread) and span-export-worker.
import type { TransferredBatch } from './span-transfer';

export type ToExportWorker =
  | { readonly type: 'export'; readonly id: number; readonly batch: TransferredBatch }
  | { readonly type: 'flush' | 'shutdown'; readonly id: number };

export type FromExportWorker =
  | { readonly type: 'exported'; readonly id: number; readonly ok: boolean; readonly error?: string }
  | { readonly type: 'done'; readonly id: number; readonly error?: string };
