FROM cosmtrek/air:latest

WORKDIR /go/src/example.com/node

# the air config, under the name air looks for
COPY ./config/air.node.toml /go/src/example.com/node/.air.toml

RUN go install github.com/go-delve/delve/cmd/dlv@latest

COPY ./go.mod /go/src/example.com/node/go.mod
RUN go mod download

EXPOSE 3000
EXPOSE 4000

CMD [ "air" ]
