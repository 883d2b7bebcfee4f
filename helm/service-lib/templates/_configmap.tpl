{{/*
service-lib.configMap: the non-secret configuration, read by the container through envFrom. Ports
here are the same values the Service, probes and NetworkPolicy use, so they cannot disagree.
Usage (templates/configmap.yaml of an app chart): {{ include "service-lib.configMap" . }}
*/}}
{{- define "service-lib.configMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "service-lib.fullname" . }}
  labels: {{- include "service-lib.labels.standard" . | nindent 4 }}
data:
  PORT: {{ .Values.httpPort | quote }}
  {{- if .Values.grpcPort }}
  GRPC_PORT: {{ .Values.grpcPort | quote }}
  {{- end }}
  SHUTDOWN_TIMEOUT_MS: {{ .Values.shutdownTimeoutMs | quote }}
  LOG_LEVEL: {{ .Values.logLevel | quote }}
  LOG_FORMAT: json
  DEPLOYMENT_ENVIRONMENT: {{ .Values.deploymentEnvironment | quote }}
  {{- range $name, $value := .Values.env }}
  {{ $name }}: {{ $value | quote }}
  {{- end }}
{{- end -}}
