FROM ubuntu:20.04

# same uid/gid as the process under investigation
ARG USERID=1001
ARG GROUPID=1001
RUN addgroup --system --gid $GROUPID appuser
RUN adduser --system --uid $USERID --gid $GROUPID appuser

RUN apt-get update && apt-get install -y --no-install-recommends htop lsof strace tcpdump iproute2 dnsutils curl
