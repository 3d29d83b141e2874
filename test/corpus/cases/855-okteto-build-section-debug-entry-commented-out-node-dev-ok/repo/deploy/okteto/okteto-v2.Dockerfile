FROM golang:1.22

EXPOSE 2345
WORKDIR /go/src/example.com/app
RUN go install github.com/go-delve/delve/cmd/dlv@v1.23.1
COPY . .
RUN make build
CMD ["make", "run"]
