#!/bin/bash
docker_rm()
{
	docker stop "$1" >/dev/null 2>&1
	docker rm -f "$1" >/dev/null 2>&1
}
