FROM golang:bullseye

EXPOSE 40000

WORKDIR /
RUN go install github.com/go-delve/delve/cmd/dlv@latest

COPY tests/run_integration_tests.sh /run_integration_tests.sh

# mount the project at /app when running
ENTRYPOINT ["/run_integration_tests.sh"]
