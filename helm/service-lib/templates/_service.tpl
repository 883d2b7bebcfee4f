{{/*
service-lib.service: ClusterIP Service with the HTTP port (REST, /metrics, health) and, for services
that have one, the gRPC port. Port names are what the ServiceMonitor and probes refer to.
Usage (templates/service.yaml of an app chart): {{ include "service-lib.service" . }}
*/}}
{{- define "service-lib.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "service-lib.fullname" . }}
  labels: {{- include "service-lib.labels.standard" . | nindent 4 }}
spec:
  type: ClusterIP
  selector: {{- include "service-lib.labels.selector" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.httpPort }}
      targetPort: http
      protocol: TCP
    {{- if .Values.grpcPort }}
    - name: grpc
      port: {{ .Values.grpcPort }}
      targetPort: grpc
      protocol: TCP
    {{- end }}
{{- end -}}
