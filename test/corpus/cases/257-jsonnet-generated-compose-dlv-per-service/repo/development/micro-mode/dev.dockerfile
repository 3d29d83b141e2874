ARG BUILD_IMAGE # compose-up.sh passes the toolchain image
FROM $BUILD_IMAGE
ENV CGO_ENABLED=0
RUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1

FROM alpine:3.19.1
RUN mkdir /svc
WORKDIR /svc
COPY ./tsdb ./
COPY --from=0 /go/bin/dlv ./
