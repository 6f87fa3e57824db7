{{/*
The chart name, overridable with nameOverride. Kubernetes names are limited to 63 characters.
*/}}
{{- define "gamma-webhook.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The prefix of every object name: fullnameOverride, else the release name when it already contains
the chart name, else <release>-<chart>. Suffixed names below leave room for their suffix.
*/}}
{{- define "gamma-webhook.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 50 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "gamma-webhook.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Selector labels: stable for the life of the release (a Deployment's selector is immutable).
*/}}
{{- define "gamma-webhook.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gamma-webhook.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The standard labels on every object, then commonLabels from values.
*/}}
{{- define "gamma-webhook.labels" -}}
helm.sh/chart: {{ include "gamma-webhook.chart" . }}
{{ include "gamma-webhook.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/component: admission-webhook
app.kubernetes.io/part-of: gamma-webhook
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "gamma-webhook.serviceAccountName" -}}
{{- default (include "gamma-webhook.fullname" .) .Values.serviceAccount.name }}
{{- end }}

{{/* The Secret holding tls.crt and tls.key (and ca.crt when the chart or cert-manager made it). */}}
{{- define "gamma-webhook.tlsSecretName" -}}
{{- if eq .Values.certificates.mode "existingSecret" }}
{{- required "certificates.existingSecret.name is required when certificates.mode is existingSecret" .Values.certificates.existingSecret.name }}
{{- else }}
{{- printf "%s-tls" (include "gamma-webhook.fullname" .) }}
{{- end }}
{{- end }}

{{- define "gamma-webhook.policyConfigMapName" -}}
{{- printf "%s-policy" (include "gamma-webhook.fullname" .) }}
{{- end }}

{{- define "gamma-webhook.leaseName" -}}
{{- default (printf "%s-status" (include "gamma-webhook.fullname" .)) .Values.leaderElection.leaseName }}
{{- end }}

{{/* repository:tag, or repository@digest when a digest pins the image. */}}
{{- define "gamma-webhook.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/*
The names the API server may use to reach the Service; the serving certificate covers all of them
(the API server checks <service>.<namespace>.svc).
*/}}
{{- define "gamma-webhook.dnsNames" -}}
{{- $svc := include "gamma-webhook.fullname" . }}
{{- $ns := .Release.Namespace }}
{{- list $svc (printf "%s.%s" $svc $ns) (printf "%s.%s.svc" $svc $ns) (printf "%s.%s.svc.%s" $svc $ns .Values.clusterDomain) | toJson }}
{{- end }}

{{/*
The grace period: the preStop sleep, then the server's drain after SIGTERM, then its shutdown
timeout, plus a margin, unless set explicitly (and then it must still cover all three).
*/}}
{{- define "gamma-webhook.terminationGracePeriodSeconds" -}}
{{- $needed := add .Values.server.drainDelaySeconds .Values.server.drainDelaySeconds .Values.server.shutdownTimeoutSeconds }}
{{- if kindIs "invalid" .Values.terminationGracePeriodSeconds }}
{{- add $needed 5 }}
{{- else if le (int .Values.terminationGracePeriodSeconds) (int $needed) }}
{{- fail (printf "terminationGracePeriodSeconds (%v) must exceed the preStop sleep plus server.drainDelaySeconds plus server.shutdownTimeoutSeconds (%v)" .Values.terminationGracePeriodSeconds $needed) }}
{{- else }}
{{- .Values.terminationGracePeriodSeconds }}
{{- end }}
{{- end }}

{{/* The namespaceSelector shared by both webhook configurations. */}}
{{- define "gamma-webhook.namespaceSelector" -}}
matchExpressions:
  # Never our own namespace (the webhook must not stand in the way of its own recovery) nor
  # kube-system (good practice for admission webhooks).
  - key: kubernetes.io/metadata.name
    operator: NotIn
    values:
      {{- toYaml (concat (list .Release.Namespace "kube-system") .Values.webhook.excludedNamespaces | uniq) | nindent 6 }}
  {{- with .Values.server.watchNamespaces }}
  # The server only sees these namespaces; routes elsewhere would be judged against an empty view.
  - key: kubernetes.io/metadata.name
    operator: In
    values:
      {{- toYaml . | nindent 6 }}
  {{- end }}
{{- end }}
