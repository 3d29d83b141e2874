#!/bin/bash

sudo docker build . --tag trap-box
sudo docker run -d -p 2225:22 --cap-add=SYS_PTRACE -it trap-box

# maintainer shortcut: a root shell in the box just started
box=$(sudo docker ps -q | head -n1)
sudo docker exec -u root -it $box /bin/bash
