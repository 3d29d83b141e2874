FROM golang:1.25
WORKDIR /
COPY ./bin/manager /manager

RUN go install github.com/go-delve/delve/cmd/dlv@latest
RUN mv /go/bin/dlv /

EXPOSE 30000
ENTRYPOINT ["/dlv", "--listen=:30000", "--api-version=2", "--headless=true", "exec", "/manager", "--"]
