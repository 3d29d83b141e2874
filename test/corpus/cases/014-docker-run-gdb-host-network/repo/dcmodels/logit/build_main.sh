#!/bin/sh
docker build -t registry.example.com/models/logit-main -f dockerfiles/logit-main.df .
