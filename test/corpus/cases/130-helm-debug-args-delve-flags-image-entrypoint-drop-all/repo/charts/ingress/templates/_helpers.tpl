{{- define "ingress.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 -}}
{{- end -}}

{{/* Flags of the debug image's ENTRYPOINT (/dlv) when controller.debug.enable is set. */}}
{{- define "ingress.args" -}}
{{- if and .Values.controller.debug .Values.controller.debug.enable }}
- --listen=:2345
- --headless=true
- --accept-multiclient
- --api-version=2
- exec
- ./ingress-controller
- --continue
- --
{{- end }}
- -configmap=$(POD_NAMESPACE)/{{ include "ingress.fullname" . }}
{{- end -}}

{{- define "ingress.volumeMounts" -}}
volumeMounts:
{{- if .Values.controller.volumeMounts }}
{{ toYaml .Values.controller.volumeMounts }}
{{- else }}
- name: cache
  mountPath: /var/cache/ingress
{{- end }}
{{- end -}}
