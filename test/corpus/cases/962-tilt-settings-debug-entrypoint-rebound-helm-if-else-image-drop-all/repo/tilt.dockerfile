FROM gcr.io/distroless/base:debug
WORKDIR /
COPY ./bin/manager /manager
ENTRYPOINT ["/manager"]
