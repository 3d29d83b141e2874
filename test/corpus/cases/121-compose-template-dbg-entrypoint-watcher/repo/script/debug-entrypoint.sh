#!/usr/bin/env bash
# rebuild and restart the service under delve whenever a .go file changes
SERVICE_ARGS="$@"

build() {
  go mod download
  go build -buildvcs=false -gcflags "all=-N -l" -o /${SERVICE_NAME}
}

start() {
  dlv --listen=:${DELVE_PORT} --headless=true --api-version=2 --accept-multiclient exec /${SERVICE_NAME} -- ${SERVICE_ARGS} &
}

restart() {
  build
  killall dlv
  killall ${SERVICE_NAME}
  start
}

watch() {
  inotifywait -e "MODIFY,DELETE,MOVED_TO,MOVED_FROM" -m -r ${PWD} | while read path action file; do
    if [[ "${file: -3}" == ".go" ]]; then
      restart
    fi
  done
}

build
start
watch
