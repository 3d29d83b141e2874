#!/bin/bash

dlv debug example.com/api \
  --listen=:40000 \
  --headless=true \
  --accept-multiclient \
  --api-version=2 &&\
  reflex -c /reflex.conf
