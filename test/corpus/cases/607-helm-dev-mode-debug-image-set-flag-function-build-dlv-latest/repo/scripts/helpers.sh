#!/bin/bash

function build_dev_image() {
  local image_name=$1
  local dockerfile=$2
  local registry=$3
  docker build -f "../${dockerfile}" -t "${registry}/${image_name}" ../.
  docker push "${registry}/${image_name}"
}
