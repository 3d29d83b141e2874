# Copy of the Dockerfile with a debugger, for the three-node test.
FROM golang:1.20-buster as golang
WORKDIR /go/src/example.com/fred/
RUN apt update && apt install -y ca-certificates git

RUN go get github.com/go-delve/delve/cmd/dlv

COPY go.mod go.sum ./
RUN go mod download
COPY cmd/node cmd/node
COPY pkg pkg
RUN CGO_ENABLED=0 go install -gcflags="all=-N -l" ./cmd/node/

FROM debian:buster
WORKDIR /
COPY --from=golang /go/bin/node node
COPY --from=golang /go/bin/dlv dlv
EXPOSE 443 5555 40000
ENTRYPOINT ["./dlv"]
CMD ["--listen=:40000", "--headless=true", "--api-version=2", "--accept-multiclient", "exec", "./node", "--"]
