# Checks shared by test.sh, duplicate.sh and the scenario scripts of the delve
# feature. Sourced (bash) inside the test container, after
# dev-container-features-test-lib. Each check prints what it saw, so a failed
# `check` in the CLI's log explains itself.

# Images whose Go lives only in /usr/local/go/bin (the Go feature's layout).
export PATH="$PATH:/usr/local/go/bin"

ptd_go() { command -v go 2>/dev/null; }

# Yama ptrace_scope of the host kernel, or "absent".
ptd_yama() { cat /proc/sys/kernel/yama/ptrace_scope 2>/dev/null || echo absent; }

ptd_is_root() { [ "$(id -u)" = 0 ]; }

# Does the capability mask in /proc/self/status field $1 hold CAP_SYS_PTRACE (bit 19)?
ptd_cap_has_ptrace() {
  local hex
  hex=$(sed -n "s/^$1:[[:space:]]*//p" /proc/self/status)
  echo "$1=$hex (user $(id -un))"
  [ -n "$hex" ] && (((16#$hex >> 19) & 1))
}

# Should attaching to one's own (non-descendant) process work here?
# Root gets CAP_SYS_PTRACE from the feature; a non-root user gets no effective
# capabilities, so Yama ptrace_scope >= 1 on the host stops it.
ptd_expect_attach() {
  local yama
  yama=$(ptd_yama)
  [ "$yama" = 3 ] && { echo fail; return; }
  if ptd_is_root; then echo ok; return; fi
  case $yama in absent | 0) echo ok ;; *) echo fail ;; esac
}
ptd_expect_launch() {
  case $(ptd_yama) in
    3) echo fail ;;
    2) if ptd_is_root; then echo ok; else echo fail; fi ;;
    *) echo ok ;;
  esac
}

# Prints a directory holding debug builds (-N -l) of hello and spin: the test
# images carry them in /opt/ptd-fixtures; otherwise they are built with Go.
ptd_fixtures() {
  if [ -x /opt/ptd-fixtures/hello ] && [ -x /opt/ptd-fixtures/spin ]; then
    echo /opt/ptd-fixtures
    return 0
  fi
  local go dir
  go=$(ptd_go) || return 1
  dir=$(mktemp -d)
  ptd_write_sources "$dir"
  (cd "$dir" && "$go" build -gcflags=all='-N -l' -o hello ./hello && "$go" build -gcflags=all='-N -l' -o spin ./spin) >&2 || return 1
  echo "$dir"
}

# A Go module with two commands: hello (break on main.greet) and spin (a
# long-running process; break on main.tick).
ptd_write_sources() {
  mkdir -p "$1/hello" "$1/spin"
  printf 'module ptdfixture\n\ngo 1.16\n' >"$1/go.mod"
  cat >"$1/hello/main.go" <<'EOF'
package main

import "fmt"

func greet(name string) string {
	return "hello, " + name
}

func main() {
	fmt.Println(greet("delve"))
}
EOF
  cat >"$1/spin/main.go" <<'EOF'
package main

import (
	"fmt"
	"os"
	"time"
)

//go:noinline
func tick(n int) int {
	return n + 1
}

func main() {
	fmt.Println(os.Getpid())
	n := 0
	for {
		n = tick(n)
		time.Sleep(50 * time.Millisecond)
	}
}
EOF
}

DLV_FLAGS=(--allow-non-terminal-interactive=true)

# dlv debug builds and launches a program and stops at a breakpoint.
ptd_dlv_debug_breakpoint() {
  local go dir out
  go=$(ptd_go) || { echo "no Go toolchain"; return 1; }
  dir=$(mktemp -d)
  ptd_write_sources "$dir"
  out=$(cd "$dir/hello" && printf 'break main.greet\ncontinue\nexit\n' | timeout 300 dlv debug "${DLV_FLAGS[@]}" . 2>&1)
  echo "$out" | tail -n 5
  echo "$out" | grep -q 'main.greet() .*hits goroutine'
}

# dlv exec launches a prebuilt debug binary and stops at a breakpoint.
ptd_dlv_exec_breakpoint() {
  local dir out
  dir=$(ptd_fixtures) || { echo "no fixtures and no Go"; return 1; }
  out=$(cd /tmp && printf 'break main.greet\ncontinue\nexit\n' | timeout 120 dlv exec "${DLV_FLAGS[@]}" "$dir/hello" 2>&1)
  echo "$out" | tail -n 5
  echo "$out" | grep -q 'main.greet() .*hits goroutine'
}

# dlv attach PID (a running process that is not dlv's child) stops at a
# breakpoint, then detaches leaving the process running. $1 = "ok" or "fail"
# (what is expected), $2 = optional command prefix such as "sudo".
ptd_dlv_attach() {
  local expect=${1:-ok} prefix=${2:-} dir pid out rc=0
  dir=$(ptd_fixtures) || { echo "no fixtures and no Go"; return 1; }
  "$dir/spin" >/dev/null &
  pid=$!
  sleep 0.5
  out=$(cd /tmp && printf 'break main.tick\ncontinue\nexit\nn\n' | timeout 120 $prefix dlv attach "${DLV_FLAGS[@]}" "$pid" 2>&1)
  echo "$out" | tail -n 5
  if [ "$expect" = ok ]; then
    echo "$out" | grep -q 'main.tick() .*hits goroutine' || rc=1
    kill -0 "$pid" 2>/dev/null || { echo "the process did not survive detaching"; rc=1; }
  else
    # dlv words the refusal in several ways (EPERM, a hint about Yama).
    echo "$out" | grep -q 'hits goroutine' && rc=1
    echo "$out" | grep -Eqi 'not permitted|could not attach|ptrace_scope' || rc=1
  fi
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return $rc
}

# strace -p PID attaches to a running process. $1 = ok|fail, $2 = prefix.
ptd_strace_attach() {
  local expect=${1:-ok} prefix=${2:-} pid out rc=0
  sleep 30 &
  pid=$!
  out=$(timeout -s INT 2 $prefix strace -o /dev/null -p "$pid" 2>&1)
  echo "$out"
  if [ "$expect" = ok ]; then
    echo "$out" | grep -q "Process $pid attached" || rc=1
  else
    echo "$out" | grep -qi 'operation not permitted' || rc=1
  fi
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return $rc
}

# ptrace-check's verdict lines match what this user/host should get.
ptd_ptrace_check_verdict() {
  local out launch attach
  out=$(ptrace-check "$@")
  echo "$out"
  launch=$(ptd_expect_launch)
  attach=$(ptd_expect_attach)
  echo "expected: launch $launch, attach $attach"
  echo "$out" | grep -q "^launch: $launch " && echo "$out" | grep -q "^attach: $attach "
}

# --quiet prints nothing (and exits 0) when all is well; otherwise it prints
# the report.
ptd_ptrace_check_quiet() {
  local out rc
  out=$(ptrace-check --quiet)
  rc=$?
  echo "rc=$rc output: $out"
  if [ "$(ptd_expect_launch)" = ok ] && [ "$(ptd_expect_attach)" = ok ]; then
    [ $rc = 0 ] && [ -z "$out" ]
  else
    [ $rc = 1 ] && [ -n "$out" ] && ptrace-check --quiet --exit-zero >/dev/null
  fi
}

ptd_installed_for_everyone() {
  local f
  for f in "$(command -v dlv)" /usr/local/bin/ptrace-check; do
    ls -lL "$f"
    [ -n "$f" ] && [ -x "$f" ] && [ "$(stat -L -c %a "$f" | cut -c3)" -ge 5 ] || return 1
  done
}

# --- which dlv wins ---------------------------------------------------------
# The directory the delve feature puts first on PATH; it holds one link, dlv,
# to the dlv the feature installed (install.sh PIN_DIR).
PTD_PIN_DIR=/usr/local/lib/ptrace-doctor/bin

# `dlv` is the feature's link, and the link points to $1.
ptd_dlv_is_feature_link_to() {
  local first
  first=$(command -v dlv)
  echo "command -v dlv: $first -> $(readlink -f "$first")"
  [ "$first" = "$PTD_PIN_DIR/dlv" ] && [ "$(readlink -f "$first")" = "$1" ]
}

ptd_root() { if ptd_is_root; then "$@"; else sudo "$@"; fi; }

# The PATH a process started with `docker exec` gets (the image's ENV lines,
# which hold every feature's containerEnv, plus devcontainer.json's
# containerEnv): that of PID 1.
ptd_container_path() {
  ptd_root cat /proc/1/environ | tr '\0' '\n' | sed -n 's/^PATH=//p'
}

# ptd_dlv_in MODE USER: which dlv a fresh shell finds and the version it
# reports, started as USER with nothing but the container's own environment
# (env -i, PATH of PID 1). MODE: login (bash -l), login-sh (sh -l, dash),
# interactive-login (bash -li, how the tools probe the user's environment),
# nonlogin (bash -c: docker exec, scripts). The last line is the version.
ptd_dlv_in() {
  local mode=$1 user=$2 path home
  local -a shell
  path=$(ptd_container_path)
  home=$(getent passwd "$user" | cut -d: -f6)
  case $mode in
    login) shell=(bash -lc) ;;
    login-sh) shell=(sh -lc) ;;
    interactive-login) shell=(bash -lic) ;;
    nonlogin) shell=(bash -c) ;;
    *) echo "ptd_dlv_in: unknown mode $mode" >&2; return 2 ;;
  esac
  local -a as_user=()
  [ "$user" = "$(id -un)" ] || as_user=(sudo -u "$user")
  "${as_user[@]}" env -i HOME="$home" USER="$user" LOGNAME="$user" PATH="$path" \
    "${shell[@]}" 'echo "PATH=$PATH"; echo "dlv=$(command -v dlv)"; dlv version 2>&1 | sed -n "s/^Version: *//p"' 2>/dev/null
}

# ptd_dlv_version_is VERSION MODE USER: `dlv version` in that shell reports VERSION.
ptd_dlv_version_is() {
  local out
  out=$(ptd_dlv_in "$2" "$3")
  echo "$out"
  echo "expected: $1"
  [ "$(echo "$out" | tail -n 1)" = "$1" ]
}

# `dlv version` in this very environment (the test scripts run through
# `devcontainer exec`, which, like VS Code, uses the environment of the remote
# user's login shell) reports $1.
ptd_dlv_here_is() {
  local v
  v=$(dlv version | sed -n 's/^Version: *//p')
  echo "PATH=$PATH"
  echo "dlv=$(command -v dlv): $v (expected $1)"
  [ "$v" = "$1" ]
}

# ptrace-check with $1 put first on PATH warns that another dlv hides the
# feature's, naming it, its version ($2) and the fix, and exits 1 (also with
# --quiet, so the container's postStartCommand shows it).
ptd_ptrace_check_warns_shadow() {
  local dir=$1 version=$2 out rc quiet
  out=$(PATH="$dir:$PATH" ptrace-check 2>&1)
  rc=$?
  echo "$out"
  quiet=$(PATH="$dir:$PATH" ptrace-check --quiet 2>&1)
  [ $rc = 1 ] || { echo "exit $rc, expected 1"; return 1; }
  echo "$out" | grep -q '^warning:' &&
    echo "$out" | grep -Fq "Another dlv hides the one the delve feature installed. Typing dlv (and any tool that looks it up on PATH) runs $dir/dlv (delve $version)" &&
    echo "$out" | grep -Fq "because $dir comes before $PTD_PIN_DIR on PATH" &&
    echo "$out" | grep -Fq '"overrideFeatureInstallOrder"' &&
    echo "$out" | grep -Fq "export PATH=$PTD_PIN_DIR:\$PATH" &&
    echo "$quiet" | grep -q '^warning:'
}

# No shadow warning in this environment.
ptd_ptrace_check_no_shadow() {
  local out
  out=$(ptrace-check 2>&1)
  echo "$out" | grep -E '^  dlv |^warning:' || true
  ! echo "$out" | grep -q '^warning:' && echo "$out" | grep -q '^  dlv  .*installed by the delve feature)'
}

# The checks every image should pass with the feature's default options.
ptd_standard_checks() {
  check "dlv is on PATH and runs" dlv version
  check "ptrace-check and dlv are executable by every user" ptd_installed_for_everyone
  if ptd_is_root; then
    check "CapEff holds CAP_SYS_PTRACE" ptd_cap_has_ptrace CapEff
  else
    check "CapBnd holds CAP_SYS_PTRACE (granted to the container)" ptd_cap_has_ptrace CapBnd
  fi
  check "ptrace-check verdict matches this host" ptd_ptrace_check_verdict
  check "ptrace-check --no-probe infers the same verdict" ptd_ptrace_check_verdict --no-probe
  check "ptrace-check --quiet is quiet when all is well" ptd_ptrace_check_quiet
  if ptd_fixtures >/dev/null; then
    check "dlv exec stops at a breakpoint" ptd_dlv_exec_breakpoint
    check "dlv attach PID stops at a breakpoint and detaches" ptd_dlv_attach "$(ptd_expect_attach)"
  else
    echo "SKIP dlv exec/attach: no prebuilt fixtures and no Go toolchain in this image"
  fi
  if ptd_go >/dev/null; then
    check "dlv debug stops at a breakpoint" ptd_dlv_debug_breakpoint
  else
    echo "SKIP dlv debug: no Go toolchain in this image"
  fi
}
