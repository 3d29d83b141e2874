docker run -it \
    --rm \
    --cap-add=SYS_PTRACE \
    --security-opt seccomp=unconfined \
    -e PYTHON_VERSION=3.11 \
    -e CPP=17 \
    -e COMPILER=gcc-12 \
    -e DEBUG=true \
    -e VALGRIND=true \
    -e PYTHON_PREFIX_PATH=/usr/ \
    armapy_valgrind:0.1
