FROM golang:1.19.3

RUN apt update && apt install -y git make

# the source is mounted here at run time
WORKDIR /inventory

ADD go.mod go.sum /inventory/
RUN go mod download

RUN go install github.com/cosmtrek/air@latest

RUN go install github.com/go-delve/delve/cmd/dlv@latest

COPY entrypoint.sh /entrypoint.sh
RUN chmod +x /entrypoint.sh

CMD ["/entrypoint.sh"]
