require "google/protobuf"
