{{/* The registry in front of every image, when one is set. */}}
{{- define "registry-prefix" -}}
{{if .Values.registry}}{{.Values.registry}}/{{end}}
{{- end -}}

{{- define "chaos-mesh.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}
