{{- define "nfs.labels" -}}
labels:
  app.kubernetes.io/instance: "{{ .Release.Name }}"
  app.kubernetes.io/name: "{{ .Chart.Name }}"
{{- end -}}
