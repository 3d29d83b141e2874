#!/bin/bash
echo 'Run: go run main.go'
bash
