{{- define "gadget.image.tag" -}}
{{- .Values.image.tag | default .Chart.AppVersion -}}
{{- end -}}
