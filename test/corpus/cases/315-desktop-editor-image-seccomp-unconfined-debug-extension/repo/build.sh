#!/bin/sh
docker build -t acme/rust-desktop .
