{{/*
service-lib.labels.standard: the recommended app.kubernetes.io labels, for every object's metadata
and the pod template.
Usage: labels: {{- include "service-lib.labels.standard" . | nindent 4 }}
*/}}
{{- define "service-lib.labels.standard" -}}
{{ include "service-lib.labels.selector" . }}
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/component: {{ .Values.component | quote }}
app.kubernetes.io/part-of: obs-platform
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{/*
service-lib.labels.selector: name + instance only. Selectors are immutable, so nothing that changes
between releases (version, chart) may appear here.
Usage: matchLabels: {{- include "service-lib.labels.selector" . | nindent 6 }}
*/}}
{{- define "service-lib.labels.selector" -}}
app.kubernetes.io/name: {{ include "service-lib.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
