FROM alpine:3.19
COPY ./bin/app /app
ENTRYPOINT ["/app"]
