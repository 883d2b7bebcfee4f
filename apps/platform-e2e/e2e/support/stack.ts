// Everything the platform suite runs, started in dependency order and stopped in reverse, whatever
// happens in between: OTLP receiver, webhook sink, Alertmanager, Prometheus, Postgres and the apps.
import { freePort } from '@obs/testing';
import { startAlertmanager, startPrometheus } from './monitoring';
import { renderAlertmanagerConfig, renderPrometheusConfig } from './monitoring-configs';
import { type OtlpReceiver, startOtlpReceiver } from '@obs/testing';
import { allocateApps, type AppName, type AppProcess, APP_NAMES, startPlatform } from './platform';
import { PrometheusApi } from './prometheus-api';
import { startWebhookSink, type WebhookSink } from './webhook-sink';

export interface Stack {
  readonly apps: Readonly<Record<AppName, AppProcess>>;
  readonly receiver: OtlpReceiver;
  readonly sink: WebhookSink;
  readonly prometheus: PrometheusApi;
  /** Output of every process, for failure messages. */
  diagnostics(): string;
  stop(): Promise<void>;
}

export async function startStack({ rps }: { rps: number }): Promise<Stack> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    // Reverse start order: traffic and apps first, the receivers they report to last.
    for (const stop of stops.splice(0).reverse()) await stop().catch((error: unknown) => console.error(error));
  };
  try {
    const receiver = await startOtlpReceiver();
    stops.push(() => receiver.stop());
    const sink = await startWebhookSink();
    stops.push(() => sink.stop());

    const [amPort, promPort] = [await freePort(), await freePort()];
    const alertmanager = await startAlertmanager(renderAlertmanagerConfig(sink.port), amPort);
    stops.push(alertmanager.stop);
    const apps = await allocateApps();
    const targets = APP_NAMES.map((service) => ({ service, port: apps[service].httpPort }));
    const prometheus = await startPrometheus(renderPrometheusConfig({ targets, prometheusPort: promPort, alertmanagerPort: amPort }), promPort);
    stops.push(prometheus.stop);

    const platform = await startPlatform(apps, { otlpEndpoint: receiver.endpoint, rps });
    stops.push(platform.stop);
    const tail = (text: string) => text.slice(-4_000);
    return {
      apps,
      receiver,
      sink,
      prometheus: new PrometheusApi(prometheus.url),
      diagnostics: () =>
        [
          ...APP_NAMES.map((name) => `--- ${name}\n${tail(apps[name].output())}`),
          `--- prometheus\n${tail(prometheus.output())}`,
          `--- alertmanager\n${tail(alertmanager.output())}`,
        ].join('\n'),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
