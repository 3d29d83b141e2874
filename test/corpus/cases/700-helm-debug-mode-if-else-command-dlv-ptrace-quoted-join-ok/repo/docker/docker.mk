DOCKERFILE ?= Dockerfile
ifeq ($(DEBUG),1)
DOCKERFILE = Dockerfile-debug
endif
images:
	docker build --build-arg PKG=op -f docker/$(DOCKERFILE) -t $(REGISTRY)/op:$(TAG) dist/
