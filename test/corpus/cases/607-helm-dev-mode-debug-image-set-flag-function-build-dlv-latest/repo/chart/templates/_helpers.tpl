{{- define "chart.selectorLabels" -}}
app.kubernetes.io/name: disk-metrics
{{- end }}
