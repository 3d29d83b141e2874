#!/usr/bin/env bash
# TEST STAND-IN for the official Go feature (ghcr.io/devcontainers/features/go,
# src/go/install.sh in devcontainers/features), used by the delve feature's
# scenarios go_feature_pinned and go_feature_installed_after. features/test/run.sh
# copies this folder into those scenarios' folders, so the devcontainer CLI
# installs it as the local feature "./fake-go". No image registry (ghcr.io) and
# no Go module proxy are reachable where these tests run, so:
#   - Go itself is not downloaded: the test image ptd-feature-debian-go already
#     has Debian's Go 1.19 and, as /usr/local/go/bin/go, the go stand-in of
#     features/test/images/fake-go.sh; this script links the rest of Debian's
#     Go tree into /usr/local/go so that GOROOT=/usr/local/go (containerEnv,
#     as in the real feature) is a working GOROOT.
#   - dlv@latest is not built: /go/bin/dlv is a small script that answers
#     `dlv version` with "Version: 1.99.0" (a version no real delve has, so a
#     test can tell it from the delve feature's dlv) and refuses everything else.
# What the real feature does and this one copies: containerEnv (GOROOT, GOPATH,
# PATH=/usr/local/go/bin:/go/bin:${PATH}), capAdd SYS_PTRACE and securityOpt
# seccomp=unconfined (devcontainer-feature.json), the login-shell PATH file
# /etc/profile.d/00-restore-env.sh, its tools in /go/bin, and /go owned by the
# remote user.
set -e

# As in the real install.sh: login shells get the PATH that ENV built.
rm -f /etc/profile.d/00-restore-env.sh
echo "export PATH=${PATH//$(sh -lc 'echo $PATH')/\$PATH}" > /etc/profile.d/00-restore-env.sh
chmod +x /etc/profile.d/00-restore-env.sh

# "Install Go" into /usr/local/go (see above).
REAL_GOROOT=/usr/lib/go-1.19
[ -x /usr/local/go/bin/go ] && [ -d "$REAL_GOROOT" ] || {
  echo "fake-go: needs the test image ptd-feature-debian-go (/usr/local/go/bin/go and $REAL_GOROOT)" >&2
  exit 1
}
for f in "$REAL_GOROOT"/*; do
  name=$(basename "$f")
  [ "$name" = bin ] || [ -e "/usr/local/go/$name" ] || ln -s "$f" "/usr/local/go/$name"
done

# The real feature: go install ...dlv@latest into /tmp/gotools/bin, then
# mv /tmp/gotools/bin/* /go/bin/.
mkdir -p /go/bin
cat > /go/bin/dlv <<'DLV'
#!/bin/sh
# TEST STAND-IN installed by the fake-go test feature: not a debugger.
case "${1:-}" in
  version | --version)
    printf 'Delve Debugger\nVersion: 1.99.0\nBuild: fake-go-test-stand-in\n'
    exit 0
    ;;
esac
echo "this is the fake-go test feature's stand-in dlv (1.99.0), not a debugger" >&2
exit 3
DLV
chmod 0755 /go/bin/dlv

# As the real feature: /go belongs to the remote user (group golang there).
if [ -n "${_REMOTE_USER:-}" ] && [ "$_REMOTE_USER" != root ] && id "$_REMOTE_USER" >/dev/null 2>&1; then
  chown -R "$_REMOTE_USER" /go
fi
echo "fake-go: GOROOT /usr/local/go -> $REAL_GOROOT, stand-in dlv 1.99.0 in /go/bin"
