#!/bin/sh
docker run --rm --name logit -v "$PWD"/results:/app/results --net host registry.example.com/models/logit-main &
