{{/*
service-lib.deployment: the service's Deployment. Without a replicas field when the HPA is on, so a
sync (helm upgrade, ArgoCD) never resets what the HPA chose. The config checksum rolls the pods
when the ConfigMap changes.
Usage (templates/deployment.yaml of an app chart): {{ include "service-lib.deployment" . }}
*/}}
{{- define "service-lib.deployment" -}}
{{- include "service-lib.validate" . -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "service-lib.fullname" . }}
  labels: {{- include "service-lib.labels.standard" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels: {{- include "service-lib.labels.selector" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "service-lib.labels.standard" . | nindent 8 }}
        {{- with .Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        checksum/config: {{ include "service-lib.configMap" . | sha256sum }}
        {{- with .Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "service-lib.serviceAccountName" . }}
      automountServiceAccountToken: {{ .Values.serviceAccount.automountToken }}
      # Service links would add *_PORT variables that the apps' config could misread.
      enableServiceLinks: false
      securityContext: {{- include "service-lib.podSecurityContext" . | nindent 8 }}
      terminationGracePeriodSeconds: {{ include "service-lib.terminationGracePeriodSeconds" . }}
      topologySpreadConstraints: {{- include "service-lib.topologySpread" . | trim | nindent 8 }}
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . | quote }}
        {{- end }}
      {{- end }}
      {{- with .Values.nodeSelector }}
      nodeSelector: {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations: {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ include "service-lib.name" . }}
          image: {{ printf "%s:%s" .Values.image.repository .Values.image.tag | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .Values.httpPort }}
              protocol: TCP
            {{- if .Values.grpcPort }}
            - name: grpc
              containerPort: {{ .Values.grpcPort }}
              protocol: TCP
            {{- end }}
          envFrom:
            - configMapRef:
                name: {{ include "service-lib.fullname" . }}
          env: {{- include "service-lib.env" . | nindent 12 }}
          resources: {{- toYaml .Values.resources | nindent 12 }}
          securityContext: {{- include "service-lib.containerSecurityContext" . | nindent 12 }}
          {{- include "service-lib.probes" . | nindent 10 }}
          lifecycle:
            # Keeps serving while the endpoint removal reaches kube-proxy and callers; the native
            # sleep action needs no shell in the image.
            preStop:
              sleep:
                seconds: {{ .Values.preStopSleepSeconds }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ .Values.tmpSizeLimit }}
{{- end -}}
