FROM golang:1.24-alpine AS builder
WORKDIR /src
COPY . .
RUN go install github.com/go-delve/delve/cmd/dlv@latest
RUN make debug

FROM alpine:3.20
COPY --from=builder /go/bin/dlv /
COPY --from=builder /src/bin/agent /
ENTRYPOINT ["/dlv", "--listen=:2345", "--headless=true", "--api-version=2", "exec", "/agent"]
