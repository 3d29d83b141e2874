{{- define "kubectl-debug.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "kubectl-debug.fullname" -}}
{{- printf "%s-%s" .Release.Name (include "kubectl-debug.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
