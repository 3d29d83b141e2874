# build, tag for the local registry, push
docker build -t netdebug .
docker tag netdebug localhost:32000/example/netdebug
docker push localhost:32000/example/netdebug
