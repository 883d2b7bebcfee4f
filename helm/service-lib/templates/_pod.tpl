{{/*
service-lib.podSecurityContext: the restricted Pod Security Standard at pod level, with a numeric
uid so the kubelet can verify runAsNonRoot without reading the image.
Usage: securityContext: {{- include "service-lib.podSecurityContext" . | nindent 8 }}
*/}}
{{- define "service-lib.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.runAsUser }}
runAsGroup: {{ .Values.runAsUser }}
fsGroup: {{ .Values.runAsUser }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/*
service-lib.containerSecurityContext: the restricted Pod Security Standard at container level; the
root filesystem is read-only, so /tmp is an emptyDir (see service-lib.deployment).
Usage: securityContext: {{- include "service-lib.containerSecurityContext" . | nindent 12 }}
*/}}
{{- define "service-lib.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.runAsUser }}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/*
service-lib.terminationGracePeriodSeconds: long enough for the preStop pause (endpoints removal
propagating to callers), the app's own drain (SHUTDOWN_TIMEOUT_MS, rounded up) and a 5 s margin for
process exit, so the kubelet never SIGKILLs a draining pod. Computed, not set, so it cannot drift
below the drain time.
Usage: terminationGracePeriodSeconds: {{ include "service-lib.terminationGracePeriodSeconds" . }}
*/}}
{{- define "service-lib.terminationGracePeriodSeconds" -}}
{{- add (int .Values.preStopSleepSeconds) (div (add (int .Values.shutdownTimeoutMs) 999) 1000) 5 -}}
{{- end -}}

{{/*
service-lib.probes: liveness on /healthz, readiness on /readyz, and a startup probe that gives a
slow first boot (migrations, cold caches) a minute before liveness may restart the container.
Usage: {{- include "service-lib.probes" . | nindent 10 }}
*/}}
{{- define "service-lib.probes" -}}
startupProbe:
  httpGet:
    path: /healthz
    port: http
  periodSeconds: 2
  failureThreshold: 30
livenessProbe:
  httpGet:
    path: /healthz
    port: http
  periodSeconds: 10
  timeoutSeconds: 2
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /readyz
    port: http
  periodSeconds: 5
  timeoutSeconds: 2
  failureThreshold: 2
{{- end -}}

{{/*
service-lib.topologySpread: spread replicas over nodes and zones. ScheduleAnyway, so a small or
single-zone cluster still schedules every replica; matchLabelKeys keeps a rollout's old and new
ReplicaSets from skewing each other.
Usage: topologySpreadConstraints: {{- include "service-lib.topologySpread" . | nindent 8 }}
*/}}
{{- define "service-lib.topologySpread" -}}
{{- range list "kubernetes.io/hostname" "topology.kubernetes.io/zone" }}
- maxSkew: 1
  topologyKey: {{ . }}
  whenUnsatisfiable: ScheduleAnyway
  labelSelector:
    matchLabels: {{- include "service-lib.labels.selector" $ | nindent 6 }}
  matchLabelKeys:
    - pod-template-hash
{{- end }}
{{- end -}}
