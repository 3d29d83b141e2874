#!/bin/bash
# fresh volume for the traced programs
docker volume rm traced_vol >/dev/null 2>&1
docker run -it --rm --cap-add=SYS_PTRACE \
	--mount type=bind,source=$(pwd)/out,target=/out \
	--mount source=traced_vol,destination=/traced \
	--name=tracer painbox
