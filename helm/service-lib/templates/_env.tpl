{{/*
service-lib.env: the container's env list. The pod's own identity comes from the downward API and
feeds OTEL_RESOURCE_ATTRIBUTES through $(VAR) expansion (so those entries must come first);
DATABASE_URL and ADMIN_TOKEN come only from Secrets. Everything else is in the ConfigMap (envFrom).
Usage: env: {{- include "service-lib.env" . | nindent 12 }}
*/}}
{{- define "service-lib.env" -}}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: NODE_NAME
  valueFrom:
    fieldRef:
      fieldPath: spec.nodeName
- name: OTEL_SERVICE_NAME
  value: {{ include "service-lib.name" . | quote }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ printf "http://%s:%d" .Values.otelCollector.host (int .Values.otelCollector.port) | quote }}
- name: OTEL_EXPORTER_OTLP_PROTOCOL
  value: grpc
- name: OTEL_RESOURCE_ATTRIBUTES
  value: {{ printf "k8s.pod.name=$(POD_NAME),k8s.namespace.name=$(POD_NAMESPACE),k8s.node.name=$(NODE_NAME),service.version=%s,deployment.environment.name=%s" .Values.image.tag .Values.deploymentEnvironment | quote }}
{{- if .Values.database.enabled }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret | quote }}
      key: {{ .Values.database.existingSecretKey | quote }}
{{- end }}
{{- if .Values.adminToken.existingSecret }}
- name: ADMIN_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ .Values.adminToken.existingSecret | quote }}
      key: {{ .Values.adminToken.existingSecretKey | quote }}
{{- end }}
{{- end -}}
