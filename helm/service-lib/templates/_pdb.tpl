{{/*
service-lib.minReplicas: the fewest replicas the service runs with (the HPA's floor when it is on).
Usage: {{ include "service-lib.minReplicas" . }}
*/}}
{{- define "service-lib.minReplicas" -}}
{{- if .Values.autoscaling.enabled -}}
{{- .Values.autoscaling.minReplicas | int -}}
{{- else -}}
{{- .Values.replicas | int -}}
{{- end -}}
{{- end -}}

{{/*
service-lib.pdb: PodDisruptionBudget allowing one voluntary disruption at a time, only with two or
more replicas: with one, any PDB either blocks node drains forever or protects nothing.
Usage (templates/pdb.yaml of an app chart): {{ include "service-lib.pdb" . }}
*/}}
{{- define "service-lib.pdb" -}}
{{- if ge (int (include "service-lib.minReplicas" .)) 2 -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "service-lib.fullname" . }}
  labels: {{- include "service-lib.labels.standard" . | nindent 4 }}
spec:
  maxUnavailable: 1
  # Lets a drain evict a pod that is not ready anyway instead of waiting on it.
  unhealthyPodEvictionPolicy: AlwaysAllow
  selector:
    matchLabels: {{- include "service-lib.labels.selector" . | nindent 6 }}
{{- end -}}
{{- end -}}
