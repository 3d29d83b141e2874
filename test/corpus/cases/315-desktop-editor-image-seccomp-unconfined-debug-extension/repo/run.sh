#!/bin/sh
docker run --name=desktop -itd -p 2222:22 --security-opt seccomp=unconfined acme/rust-desktop
sleep 3
docker logs desktop
