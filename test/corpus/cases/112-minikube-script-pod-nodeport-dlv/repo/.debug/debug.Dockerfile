FROM golang

ENV GOPATH=/opt/go:$GOPATH \
    PATH=/opt/go/bin:$PATH

RUN go get github.com/derekparker/delve/cmd/dlv

ADD . /opt/go/src/local/example/app
WORKDIR /opt/go/src/local/example/app

CMD ["bash"]
