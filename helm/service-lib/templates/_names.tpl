{{/*
service-lib.name: the service's name, used for OTEL_SERVICE_NAME, the `service` metric label and
the app.kubernetes.io/name label. It is the app chart's name, so a generated chart needs no setting.
Usage: {{ include "service-lib.name" . }}
*/}}
{{- define "service-lib.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
service-lib.fullname: the name of every object of the release. The release name alone when it
already contains the service name (ArgoCD installs `orders` as release `orders`, giving the stable
DNS name orders:9081 that the callers use); otherwise <release>-<service>.
Usage: {{ include "service-lib.fullname" . }}
*/}}
{{- define "service-lib.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains (include "service-lib.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "service-lib.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/*
service-lib.serviceAccountName: the ServiceAccount the pods run as.
Usage: {{ include "service-lib.serviceAccountName" . }}
*/}}
{{- define "service-lib.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- include "service-lib.fullname" . -}}
{{- else -}}
{{- .Values.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end -}}
