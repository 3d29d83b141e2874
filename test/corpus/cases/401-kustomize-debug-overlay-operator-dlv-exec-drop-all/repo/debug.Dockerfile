FROM golang:1.22 AS builder
WORKDIR /src
RUN go install github.com/go-delve/delve/cmd/dlv@latest
COPY . .
RUN CGO_ENABLED=0 go build -gcflags "all=-N -l" -o manager cmd/main.go

FROM golang:1.22
COPY --from=builder /src/manager /manager
COPY --from=builder /go/bin/dlv /usr/local/bin/dlv
RUN useradd -r -u 1001 manager
USER manager
ENTRYPOINT ["dlv", "exec", "/manager", "--headless=true", "--listen=:40000", "--api-version=2", "--"]
