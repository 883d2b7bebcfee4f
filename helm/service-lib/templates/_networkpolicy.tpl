{{/*
service-lib.networkPolicy: default deny both ways for the service's pods, then exactly the calls of
DESIGN.md: REST from the named client apps and the ingress namespace, gRPC from the named callers,
scrapes from Prometheus in the monitoring namespace; egress to DNS, the OpenTelemetry Collector, the named peer
apps and (when on) the database. A rule is only written when it has peers: a rule without `from`
or `to` would allow everyone.
Usage (templates/networkpolicy.yaml of an app chart): {{ include "service-lib.networkPolicy" . }}
*/}}
{{- define "service-lib.networkPolicy" -}}
{{- if .Values.networkPolicy.enabled -}}
{{- $np := .Values.networkPolicy -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "service-lib.fullname" . }}
  labels: {{- include "service-lib.labels.standard" . | nindent 4 }}
spec:
  podSelector:
    matchLabels: {{- include "service-lib.labels.selector" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    {{- if or $np.restClients $np.ingressNamespace }}
    # REST API
    - from:
        {{- range $np.restClients }}
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ . }}
        {{- end }}
        {{- with $np.ingressNamespace }}
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ . }}
        {{- end }}
      ports:
        - port: http
          protocol: TCP
    {{- end }}
    {{- if $np.monitoringNamespace }}
    # Prometheus scraping /metrics
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $np.monitoringNamespace }}
          {{- with $np.scraperPodLabels }}
          podSelector:
            matchLabels: {{- toYaml . | nindent 14 }}
          {{- end }}
      ports:
        - port: http
          protocol: TCP
    {{- end }}
    {{- if and .Values.grpcPort $np.grpcClients }}
    # gRPC from the services that call this one
    - from:
        {{- range $np.grpcClients }}
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ . }}
        {{- end }}
      ports:
        - port: grpc
          protocol: TCP
    {{- end }}
  egress:
    # DNS
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    # OTLP to the OpenTelemetry Collector
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ .Values.otelCollector.namespace }}
          podSelector:
            matchLabels: {{- toYaml .Values.otelCollector.podLabels | nindent 14 }}
      ports:
        - port: {{ .Values.otelCollector.port }}
          protocol: TCP
    {{- range $np.egressTo }}
    # Calls to {{ .app }}
    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ .app }}
      ports:
        - port: {{ .port }}
          protocol: TCP
    {{- end }}
    {{- if .Values.database.enabled }}
    # Postgres
    - to: {{- toYaml .Values.database.egressTo | nindent 8 }}
      ports:
        - port: {{ .Values.database.port }}
          protocol: TCP
    {{- end }}
{{- end -}}
{{- end -}}
