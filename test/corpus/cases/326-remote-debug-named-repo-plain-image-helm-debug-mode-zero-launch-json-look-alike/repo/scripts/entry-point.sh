#!/bin/sh

./demo
