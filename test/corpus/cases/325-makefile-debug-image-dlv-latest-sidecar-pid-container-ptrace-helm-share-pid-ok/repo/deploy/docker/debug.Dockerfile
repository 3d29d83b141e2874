FROM golang:1.20.0-alpine

RUN go install github.com/go-delve/delve/cmd/dlv@latest

ENV SRC=/go/src/example.com/banner/
COPY . $SRC

ENTRYPOINT ["sh"]
