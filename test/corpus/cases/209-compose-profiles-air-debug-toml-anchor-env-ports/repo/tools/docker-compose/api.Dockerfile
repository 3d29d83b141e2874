FROM docker.io/library/alpine:3.21 AS assets
RUN mkdir -p /opt/collectors && echo placeholder > /opt/collectors/README

FROM docker.io/library/golang:1.23
ENV GOFLAGS="-buildvcs=false"
WORKDIR /workspace
VOLUME [ "/go/pkg/mod" ]

RUN go install github.com/go-delve/delve/cmd/dlv@v1.23.0
RUN go install github.com/air-verse/air@v1.52.3
COPY --from=assets /opt/collectors /opt/collectors

ENTRYPOINT ["air"]
