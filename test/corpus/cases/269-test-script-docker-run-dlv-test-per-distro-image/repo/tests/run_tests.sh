#!/usr/bin/env bash

usage() {
  echo "USAGE: run_tests.sh -B, -D, -o <distro>, -t <testname>"
}

BUILD=false
DELVE=false
DISTROS=("debian" "alpine")
TESTS=( $(grep -Phro "func \K(Test[a-zA-Z0-9_]+)" tests/*_test.go) )

build() {
  if [ "$BUILD" = false ]; then
    return
  fi
  docker build -t boot-"${DISTRO}":latest -f tests/"${DISTRO}".Dockerfile ./..
}

run() {
  docker run --rm -e CGO_ENABLED=0 -v $PWD:/app boot-"${DISTRO}" go test -v --tags=integrated -run "${TEST}" ./tests/
}

runWithDelve() {
  echo "delve session for ${TEST}"
  docker run --rm -e CGO_ENABLED=0 --security-opt="apparmor=unconfined" --cap-add=SYS_PTRACE -p 40000:40000 -v $PWD:/app -it boot-"${DISTRO}" dlv test --listen=:40000 --headless=true --api-version=2 --accept-multiclient ./tests/*.go -- -test.run ^"${TEST}"$
}

runAll() {
  if [[ -n $DISTRO ]]; then
    DISTROS=("$DISTRO")
  fi
  for distro in "${DISTROS[@]}"; do
    DISTRO="${distro}"
    build
    for test in "${TESTS[@]}"; do
      TEST="${test}"
      run
    done
  done
}

while getopts ":BDt:o:h" ARG; do
  case "$ARG" in
    B) BUILD=true;;
    t) TEST=$OPTARG;;
    D) DELVE=true;;
    o) DISTRO=$OPTARG;;
    h) usage ;;
  esac
done
shift "$((OPTIND-1))"

if [ "$DELVE" = true ]; then
  build
  runWithDelve
  exit $?
fi

if [[ -n "$TEST" ]]; then
  build
  run
  exit $?
fi

runAll
