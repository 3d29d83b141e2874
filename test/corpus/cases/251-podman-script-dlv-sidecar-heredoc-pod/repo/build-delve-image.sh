#!/bin/bash
set -e

IMAGE=dlv-sidecar
TAG=dev
REGISTRY=quay.io/example
APP_IMAGE=golang:1.21
DELVE_PORT=2345

podman build -t ${IMAGE}:${TAG} .
podman tag ${IMAGE}:${TAG} ${REGISTRY}/${IMAGE}:${TAG}
podman push ${REGISTRY}/${IMAGE}:${TAG}

# write the pod manifest next to this script
cat <<EOL > app-with-dlv.yaml
apiVersion: v1
kind: Pod
metadata:
  name: app-with-dlv
spec:
  containers:
    - name: app
      image: ${APP_IMAGE}
    - name: dlv
      image: ${REGISTRY}/${IMAGE}:${TAG}
      env:
        - name: DELVE_PORT
          value: "${DELVE_PORT}"
      securityContext:
        privileged: true
      ports:
        - containerPort: ${DELVE_PORT}
EOL

# and the client-side helper
cat <<EOL > connect-dlv.sh
#!/bin/bash
kubectl port-forward pod/app-with-dlv ${DELVE_PORT}:${DELVE_PORT} &
sleep 2
dlv connect localhost:${DELVE_PORT}
EOL
chmod +x connect-dlv.sh
