FROM registry.gitlab.com/example/ci-image/go

# dlv plus two wrappers: `exec.sh <binary> [args]` and `debug.sh <package> [args]`
RUN go install github.com/go-delve/delve/cmd/dlv@latest && \
    printf '#!/bin/sh\nexec dlv exec --headless --listen=:2345 --api-version=2 --accept-multiclient "$@"\n' > /usr/local/bin/exec.sh && \
    printf '#!/bin/sh\nexec dlv debug --headless --listen=:2345 --api-version=2 --accept-multiclient "$@"\n' > /usr/local/bin/debug.sh && \
    chmod +x /usr/local/bin/exec.sh /usr/local/bin/debug.sh

WORKDIR /work
COPY go.mod go.sum ./
RUN go mod download
EXPOSE 2345
