#!/bin/sh
# devcontainer Feature "delve": installs the Go debugger dlv, strace (and gdb on
# request) and the ptrace-check command. CAP_SYS_PTRACE itself is granted by
# "capAdd" in devcontainer-feature.json, not here.
#
# Which dlv wins: the dlv this feature installs (or keeps) is linked as
# $PIN_DIR/dlv, and that directory comes first on PATH: through "containerEnv"
# (an ENV line of the image, placed after the ENV lines of the features that
# installed before this one, such as the Go feature's /go/bin), through
# /etc/profile.d for login shells (which rebuild PATH), and for VS Code's Go
# extension through "go.alternateTools" (it looks in GOPATH/bin before PATH).
#
# Runs as root at image build time, POSIX sh, on apt (Debian/Ubuntu), apk
# (Alpine), dnf, microdnf and yum (Fedora/RHEL family). Needs no curl or wget.
# A second run with everything present changes nothing and touches no package
# manager.
set -eu

DELVE_MODULE=github.com/go-delve/delve/cmd/dlv
BIN_DIR=/usr/local/bin              # on every user's PATH
STATE_DIR=/usr/local/share/ptrace-doctor
# Holds only a link named dlv. Keep in step with containerEnv.PATH and
# customizations.vscode.settings["go.alternateTools"].dlv in
# devcontainer-feature.json, and with ptrace-check.sh (features/test/run.sh
# checks that they agree).
PIN_DIR=/usr/local/lib/ptrace-doctor/bin
PROFILE_SCRIPT=/etc/profile.d/zz-ptrace-doctor-dlv.sh
FEATURE_DIR=$(cd "$(dirname "$0")" && pwd)

say() { printf '[delve feature] %s\n' "$*"; }
die() {
  printf '[delve feature] ERROR: %s\n' "$*" >&2
  exit 1
}

# ---------------------------------------------------------------- options ---
# Options arrive as upper-cased environment variables, always strings, and
# nothing checks them before we do.
VERSION=${VERSION:-latest}
INSTALLSTRACE=${INSTALLSTRACE:-true}
INSTALLGDB=${INSTALLGDB:-false}

lower() { printf '%s' "$1" | tr 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' 'abcdefghijklmnopqrstuvwxyz'; }

check_bool() { # name value
  case $(lower "$2") in
    true | false) ;;
    *) die "option $1 must be true or false, not '$2'" ;;
  esac
}
check_bool installStrace "$INSTALLSTRACE"
check_bool installGdb "$INSTALLGDB"
INSTALLSTRACE=$(lower "$INSTALLSTRACE")
INSTALLGDB=$(lower "$INSTALLGDB")

# version: latest | os-provided | X.Y | X.Y.Z (an optional leading v is fine)
VERSION=$(lower "$VERSION")
case $VERSION in
  latest | os-provided) REQ=$VERSION ;;
  "" | *[!0-9.v]*) die "option version must be 'latest', 'os-provided', X.Y or X.Y.Z (a delve release such as 1.25.2), not '$VERSION'" ;;
  *)
    REQ=${VERSION#v}
    if ! printf '%s\n' "$REQ" | grep -Eq '^[0-9]+\.[0-9]+(\.[0-9]+)?$'; then
      die "option version must be 'latest', 'os-provided', X.Y or X.Y.Z (a delve release such as 1.25.2), not '$VERSION'"
    fi
    ;;
esac

[ "$(id -u)" = 0 ] || die "install.sh must run as root (it is run by the dev container build)"

# ------------------------------------------------------- package managers ---
PM=""
for candidate in apt-get apk dnf microdnf yum; do
  if command -v "$candidate" >/dev/null 2>&1; then
    PM=$candidate
    break
  fi
done

PKG_TOUCHED=no
APT_UPDATED=no

pkg_install() { # packages... ; returns non-zero when they cannot be installed
  [ -n "$PM" ] || return 1
  PKG_TOUCHED=yes
  case $PM in
    apt-get)
      if [ "$APT_UPDATED" = no ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -y || return 1
        APT_UPDATED=yes
      fi
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
      ;;
    apk) apk add --no-cache "$@" ;;
    dnf) dnf install -y --setopt=install_weak_deps=False "$@" ;;
    microdnf) microdnf install -y --nodocs "$@" ;;
    yum) yum install -y "$@" ;;
  esac
}

pkg_clean() {
  [ "$PKG_TOUCHED" = yes ] || return 0
  case $PM in
    apt-get)
      apt-get clean
      rm -rf /var/lib/apt/lists/*
      ;;
    apk) ;; # --no-cache keeps nothing
    dnf | microdnf | yum) "$PM" clean all >/dev/null 2>&1 || true ;;
  esac
}

# ------------------------------------------------------------------- Go ---
GO=""
if command -v go >/dev/null 2>&1; then
  GO=$(command -v go)
elif [ -x /usr/local/go/bin/go ]; then
  GO=/usr/local/go/bin/go
fi

GO_VERSION="" # e.g. go1.22.5
GO_MINOR=""   # e.g. 22
if [ -n "$GO" ]; then
  GO_VERSION=$("$GO" env GOVERSION 2>/dev/null || true)
  case $GO_VERSION in
    go1.*) ;;
    *) GO_VERSION=$("$GO" version 2>/dev/null | sed -n 's/^go version \(go1\.[0-9][^ ]*\).*/\1/p') ;;
  esac
  GO_MINOR=$(printf '%s\n' "$GO_VERSION" | sed -n 's/^go1\.\([0-9][0-9]*\).*/\1/p')
  if [ -z "$GO_MINOR" ]; then
    say "found $GO but could not read its version; treating the image as having no usable Go"
    GO=""
  fi
fi

# The newest delve release (as a go install version query) that a Go 1.N
# toolchain can build. From the delve release notes / go.mod files:
#   v1.20.2 needs go1.16, v1.21.2 go1.17, v1.22.1..v1.25.0 go1.21,
#   v1.25.2 go1.22, v1.26.x go1.24, v1.27.x go1.25.
newest_delve_for_go() { # minor
  if [ "$1" -ge 25 ]; then echo latest
  elif [ "$1" -ge 24 ]; then echo v1.26
  elif [ "$1" -ge 22 ]; then echo v1.25.2
  elif [ "$1" -ge 21 ]; then echo v1.25.0
  elif [ "$1" -ge 17 ]; then echo v1.21.2
  elif [ "$1" -ge 16 ]; then echo v1.20.2
  else echo ""
  fi
}

# The Go minor needed to build delve X.Y[.Z]; empty when not in the table.
go_needed_for_delve() { # X.Y[.Z]
  _maj=$(echo "$1" | cut -d. -f1)
  _min=$(echo "$1" | cut -d. -f2)
  _pat=$(echo "$1" | cut -s -d. -f3)
  [ "$_maj" = 1 ] || { echo ""; return; }
  case $_min in
    20) echo 16 ;;
    21) echo 17 ;;
    22 | 23 | 24) echo 21 ;;
    25) if [ -n "$_pat" ] && [ "$_pat" -lt 2 ]; then echo 21; else echo 22; fi ;;
    26) echo 24 ;;
    27) echo 25 ;;
    *) echo "" ;;
  esac
}

dlv_version_of() { # path -> 1.20.2
  "$1" version 2>/dev/null | sed -n 's/^Version: *//p' | head -n 1
}

# The file a path finally points to (readlink -f exists in GNU coreutils,
# busybox and the BSDs; without it, the path itself).
resolve() {
  readlink -f "$1" 2>/dev/null || printf '%s\n' "$1"
}

# A dlv already reachable by every user: the one this feature linked in
# $PIN_DIR on an earlier run, else the first on PATH (the Go feature installs
# one in /go/bin), else ours in $BIN_DIR. Always the real file, never the link.
EXISTING_DLV=""
if [ -x "$PIN_DIR/dlv" ]; then
  EXISTING_DLV=$(resolve "$PIN_DIR/dlv")
elif command -v dlv >/dev/null 2>&1; then
  EXISTING_DLV=$(resolve "$(command -v dlv)")
elif [ -x "$BIN_DIR/dlv" ]; then
  EXISTING_DLV=$BIN_DIR/dlv
fi

need_dlv=yes
if [ -n "$EXISTING_DLV" ]; then
  have=$(dlv_version_of "$EXISTING_DLV")
  case $REQ in
    latest | os-provided)
      say "dlv ${have:-(unknown version)} is already installed at $EXISTING_DLV; keeping it"
      need_dlv=no
      ;;
    *)
      case $have in
        "$REQ" | "$REQ".*)
          say "dlv $have is already installed at $EXISTING_DLV; keeping it"
          need_dlv=no
          ;;
        *) say "dlv ${have:-(unknown version)} at $EXISTING_DLV is not the requested $REQ; installing $REQ" ;;
      esac
      ;;
  esac
fi

DLV_SOURCE=preexisting
DLV_QUERY=""
CHOSEN_DLV=$EXISTING_DLV # the dlv this feature puts first: the real file

go_install_dlv() { # version query (latest, v1.25.2, v1.26)
  _tmp=$(mktemp -d)
  say "building dlv with: go install $DELVE_MODULE@$1 ($GO_VERSION, GOBIN=$BIN_DIR)"
  # A private GOPATH and cache keep the image clean and avoid the permission
  # trouble of a shared /go/pkg; GOTOOLCHAIN=local stops Go >= 1.21 from
  # downloading a newer toolchain behind our back; CGO is not needed.
  if env GOPATH="$_tmp/gopath" GOMODCACHE="$_tmp/gopath/pkg/mod" GOCACHE="$_tmp/cache" \
    GOBIN="$BIN_DIR" CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-modcacherw \
    "$GO" install "$DELVE_MODULE@$1" >"$_tmp/log" 2>&1; then
    cat "$_tmp/log"
    rm -rf "$_tmp"
    return 0
  fi
  cat "$_tmp/log" >&2
  GO_INSTALL_LOG=$(cat "$_tmp/log")
  rm -rf "$_tmp"
  return 1
}

install_dlv_with_go() {
  if [ "$GO_MINOR" -lt 16 ]; then
    die "$GO_VERSION is too old to build delve (go install needs Go 1.16 or later). Add or upgrade Go with the Go feature: \"ghcr.io/devcontainers/features/go:1\": {}"
  fi
  case $REQ in
    latest)
      query=$(newest_delve_for_go "$GO_MINOR")
      if [ "$query" != latest ]; then
        say "the latest delve needs a newer Go than $GO_VERSION; installing $query instead, the newest delve release that builds with Go 1.$GO_MINOR"
        say "(for the latest delve, use Go 1.25 or later, e.g. the Go feature with \"version\": \"latest\")"
      fi
      if ! go_install_dlv "$query"; then
        if [ "$query" = latest ] && printf '%s' "$GO_INSTALL_LOG" | grep -q 'requires go'; then
          say "the latest delve needs a newer Go than $GO_VERSION; falling back to v1.27, the newest release known to build with Go 1.25"
          query=v1.27
          go_install_dlv "$query" || die "go install $DELVE_MODULE@$query failed (output above)"
        else
          die "go install $DELVE_MODULE@$query failed (output above). It needs the Go module proxy (or GOPROXY) to be reachable during the build."
        fi
      fi
      ;;
    *)
      need=$(go_needed_for_delve "$REQ")
      if [ -n "$need" ] && [ "$GO_MINOR" -lt "$need" ]; then
        die "delve $REQ needs Go 1.$need or later to build, but this image has $GO_VERSION. Use version \"latest\" (it picks $(newest_delve_for_go "$GO_MINOR")), or a newer Go."
      fi
      query=v$REQ
      if ! go_install_dlv "$query"; then
        if printf '%s' "$GO_INSTALL_LOG" | grep -q 'requires go'; then
          die "delve $REQ needs a newer Go than $GO_VERSION (see above). Use version \"latest\" or a newer Go."
        fi
        die "go install $DELVE_MODULE@$query failed (output above)"
      fi
      ;;
  esac
  chmod 0755 "$BIN_DIR/dlv"
  DLV_SOURCE=go-install
  DLV_QUERY=$query
  CHOSEN_DLV=$BIN_DIR/dlv
}

install_dlv_from_packages() {
  if ! pkg_install delve; then
    die "no Go toolchain was found and this distribution${PM:+ ($PM)} has no delve package. Add the Go feature before this one: \"ghcr.io/devcontainers/features/go:1\": {} (this feature installs after it and builds dlv with go install)."
  fi
  DLV_SOURCE=package
  # Distribution packages put dlv in /usr/bin; PATH may hold another one first.
  CHOSEN_DLV=""
  for _p in /usr/bin/dlv /bin/dlv /usr/local/bin/dlv; do
    if [ -x "$_p" ]; then CHOSEN_DLV=$_p; break; fi
  done
  [ -n "$CHOSEN_DLV" ] || die "the delve package was installed, but no dlv was found in /usr/bin"
}

if [ "$need_dlv" = yes ]; then
  case $REQ in
    os-provided) install_dlv_from_packages ;;
    latest)
      if [ -n "$GO" ]; then
        install_dlv_with_go
      else
        say "no Go toolchain found (PATH, /usr/local/go/bin): using the distribution's delve package"
        install_dlv_from_packages
      fi
      ;;
    *)
      [ -n "$GO" ] || die "delve $REQ is built with go install, and no Go toolchain was found (PATH, /usr/local/go/bin). Add the Go feature before this one: \"ghcr.io/devcontainers/features/go:1\": {}, or set version to \"latest\" or \"os-provided\" to use the distribution's delve package."
      install_dlv_with_go
      ;;
  esac
fi

# ---------------------------------------------------------- strace, gdb ---
extra=""
if [ "$INSTALLSTRACE" = true ]; then
  if command -v strace >/dev/null 2>&1; then say "strace is already installed"; else extra="$extra strace"; fi
fi
if [ "$INSTALLGDB" = true ]; then
  if command -v gdb >/dev/null 2>&1; then say "gdb is already installed"; else extra="$extra gdb"; fi
fi
if [ -n "$extra" ]; then
  # shellcheck disable=SC2086 # word splitting of the package list is intended
  pkg_install $extra || die "could not install:$extra (package manager: ${PM:-none found})"
fi

pkg_clean

# --------------------------------------------------------- ptrace-check ---
if ! cmp -s "$FEATURE_DIR/ptrace-check.sh" "$BIN_DIR/ptrace-check" 2>/dev/null; then
  mkdir -p "$BIN_DIR"
  cp "$FEATURE_DIR/ptrace-check.sh" "$BIN_DIR/ptrace-check"
  chmod 0755 "$BIN_DIR/ptrace-check"
fi

# ------------------------------------------------- our dlv first on PATH ---
if [ -z "$CHOSEN_DLV" ] || [ ! -x "$CHOSEN_DLV" ]; then die "dlv is not on PATH after installation"; fi
CHOSEN_DLV=$(resolve "$CHOSEN_DLV")
case $CHOSEN_DLV in "$PIN_DIR"/*) die "internal error: $PIN_DIR/dlv points to itself" ;; esac
if [ "$(readlink "$PIN_DIR/dlv" 2>/dev/null)" != "$CHOSEN_DLV" ]; then
  mkdir -p "$PIN_DIR"
  rm -f "$PIN_DIR/dlv"
  ln -s "$CHOSEN_DLV" "$PIN_DIR/dlv"
fi
if ! cmp -s "$FEATURE_DIR/dlv-first.profile.sh" "$PROFILE_SCRIPT" 2>/dev/null; then
  mkdir -p "$(dirname "$PROFILE_SCRIPT")"
  cp "$FEATURE_DIR/dlv-first.profile.sh" "$PROFILE_SCRIPT"
  chmod 0644 "$PROFILE_SCRIPT"
fi

if [ "$DLV_SOURCE" != preexisting ] || [ ! -f "$STATE_DIR/delve-feature.env" ]; then
  mkdir -p "$STATE_DIR"
  {
    echo "DLV_SOURCE=$DLV_SOURCE"
    echo "DLV_QUERY=$DLV_QUERY"
    echo "DLV_REQUESTED=$REQ"
    echo "DLV_PATH=$CHOSEN_DLV"
    echo "GO_AT_BUILD=$GO_VERSION"
  } >"$STATE_DIR/delve-feature.env"
  chmod 0644 "$STATE_DIR/delve-feature.env"
fi

DLV_VERSION=$(dlv_version_of "$CHOSEN_DLV")
say "dlv ${DLV_VERSION:-(unknown version)} at $CHOSEN_DLV ($DLV_SOURCE)"
say "$PIN_DIR/dlv links to it and comes first on PATH (containerEnv PATH; $PROFILE_SCRIPT for login shells); VS Code's Go extension uses it through go.alternateTools"
# A dlv earlier on this build's PATH: features that install after this one
# are reported by ptrace-check in the container.
FIRST_DLV=$(command -v dlv 2>/dev/null || true)
if [ -n "$FIRST_DLV" ] && [ "$(resolve "$FIRST_DLV")" != "$CHOSEN_DLV" ]; then
  say "warning: on this build's PATH another dlv comes first: $FIRST_DLV ($(dlv_version_of "$FIRST_DLV")); the dev container puts $PIN_DIR first. Run ptrace-check in the container to see which dlv you get."
fi
if command -v strace >/dev/null 2>&1; then say "strace at $(command -v strace)"; fi
if command -v gdb >/dev/null 2>&1; then say "gdb at $(command -v gdb)"; fi
say "the container gets CAP_SYS_PTRACE from this feature; run ptrace-check inside it to see whether launching and attaching work"
# _REMOTE_USER is set by the dev container tooling.
if [ -n "${_REMOTE_USER:-}" ] && [ "$_REMOTE_USER" != root ]; then
  say "note: the remote user '$_REMOTE_USER' is not root, and capabilities reach root only: dlv debug/exec/test work as '$_REMOTE_USER'; attaching (dlv attach, strace -p) may need sudo on hosts with Yama ptrace_scope >= 1"
fi
