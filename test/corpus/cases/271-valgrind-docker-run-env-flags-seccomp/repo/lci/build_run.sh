#!/bin/bash
set -e
cd /armapy
cmake -S . -B build -DCMAKE_BUILD_TYPE=$([ "$DEBUG" = true ] && echo Debug || echo Release) -DCMAKE_CXX_STANDARD=${CPP}
cmake --build build -j
if [ "$VALGRIND" = true ]; then
  valgrind --leak-check=full ${PYTHON_PREFIX_PATH}bin/python${PYTHON_VERSION} -m pytest tests
else
  ${PYTHON_PREFIX_PATH}bin/python${PYTHON_VERSION} -m pytest tests
fi
