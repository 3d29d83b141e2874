FROM golang:1.21.8-bookworm AS builder
WORKDIR /app/images/vm-route-forge
RUN go install github.com/go-delve/delve/cmd/dlv@latest

COPY ./images/vm-route-forge/go.mod ./images/vm-route-forge/go.sum /app/images/vm-route-forge/
RUN go mod download
COPY ./images/vm-route-forge/cmd /app/images/vm-route-forge/cmd
COPY ./images/vm-route-forge/internal /app/images/vm-route-forge/internal

ENV GOOS=linux GOARCH=amd64 CGO_ENABLED=0
RUN go build -gcflags "all=-N -l" -v -a -o vm-route-forge cmd/vm-route-forge/main.go

FROM busybox

COPY --from=builder /go/bin/dlv /app/dlv
COPY --from=builder /app/images/vm-route-forge/vm-route-forge /app/vm-route-forge
USER 65532:65532
WORKDIR /app

ENTRYPOINT ["./dlv", "--listen=:2345", "--headless=true", "--continue", "--accept-multiclient", "--api-version=2", "exec", "./vm-route-forge", "--"]
