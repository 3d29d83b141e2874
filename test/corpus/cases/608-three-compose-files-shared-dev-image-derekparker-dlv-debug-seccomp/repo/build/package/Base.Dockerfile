FROM golang:1.12-alpine

RUN apk --update add alpine-sdk

RUN go get github.com/derekparker/delve/cmd/dlv
RUN go get github.com/jstemmer/go-junit-report

WORKDIR /go/src/example.invalid/ledger/cmd/svc
