FROM golang:1.22.1
WORKDIR /
COPY ./bin/app /app
RUN go install github.com/go-delve/delve/cmd/dlv@v1.22.0 && mv /go/bin/dlv /
EXPOSE 30000
ENTRYPOINT ["/dlv", "--listen=:30000", "--api-version=2", "--headless=true", "--continue=true", "--accept-multiclient=true", "exec", "/app", "--"]
