FROM golang:1.23 AS debug
WORKDIR /workspace
RUN go install github.com/go-delve/delve/cmd/dlv@v1.24.0
COPY go.mod go.sum ./
RUN go mod download
COPY cmd/ cmd/
COPY pkg/ pkg/
COPY Makefile Makefile
RUN CGO_ENABLED=0 GOOS=linux \
    make build.operator.debug && \
    mv ./bin/manager /go/bin/manager
ENTRYPOINT [ "dlv" ]
CMD [ "--continue", "--accept-multiclient", "--listen=:40000", "--headless=true", "--api-version=2", "exec", "/go/bin/manager", "--" ]
