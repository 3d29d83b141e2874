FROM golang:1.16
ENV PATH /go/bin:/usr/local/go/bin:$PATH
RUN go get github.com/go-delve/delve/cmd/dlv
ENTRYPOINT ["dlv"]
