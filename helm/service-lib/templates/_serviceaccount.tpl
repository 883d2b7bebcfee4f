{{/*
service-lib.serviceAccount: a ServiceAccount of the service's own (so RBAC or cloud identity can be
granted to exactly this service) that does not mount an API token: the apps never call the
Kubernetes API.
Usage (templates/serviceaccount.yaml of an app chart): {{ include "service-lib.serviceAccount" . }}
*/}}
{{- define "service-lib.serviceAccount" -}}
{{- if .Values.serviceAccount.create -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "service-lib.serviceAccountName" . }}
  labels: {{- include "service-lib.labels.standard" . | nindent 4 }}
  {{- with .Values.serviceAccount.annotations }}
  annotations: {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: false
{{- end -}}
{{- end -}}
