ARG VARIANT=1.19-bullseye
FROM golang:${VARIANT}

COPY library-scripts/*.sh /tmp/library-scripts/
ARG USERNAME=dev
RUN bash /tmp/library-scripts/common-debian.sh "${USERNAME}" \
    && bash /tmp/library-scripts/go-debian.sh "none" "/usr/local/go" "/go" "${USERNAME}" "false" \
    && rm -rf /tmp/library-scripts
