#!/bin/sh
# ptrace-check: will a ptrace debugger (dlv, strace, gdb) work in this container?
# Installed by the devcontainer Feature "delve" (ptrace-doctor). POSIX sh.
#
# Exit status: 0 launching and attaching both work, 1 something will not work
# (or `dlv` is not the dlv the delve feature installed), 2 usage error.
# --exit-zero always exits 0 (the feature's postStartCommand uses it so that a
# warning never stops the container from starting).
set -u

usage() {
  cat <<'EOF'
usage: ptrace-check [--quiet] [--exit-zero] [--no-probe]

Diagnoses this container for ptrace debuggers: your user, whether
CAP_SYS_PTRACE is effective, the seccomp mode, Yama ptrace_scope, the dlv and
Go versions; then says whether launching (dlv debug/exec/test) and attaching
(dlv attach PID, strace -p PID) will work, and the fix when not. Warns when
another dlv earlier on PATH hides the one the delve feature installed.

  --quiet      print nothing when all is well
  --exit-zero  exit 0 even when something will not work
  --no-probe   do not test ptrace live with strace; infer from the settings
EOF
}

QUIET=no
EXIT_ZERO=no
PROBE=yes
for arg in "$@"; do
  case $arg in
    -q | --quiet) QUIET=yes ;;
    --exit-zero) EXIT_ZERO=yes ;;
    --no-probe) PROBE=no ;;
    -h | --help) usage; exit 0 ;;
    *) echo "ptrace-check: unknown argument '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done

# ------------------------------------------------------------------ facts ---
UID_NOW=$(id -u)
USER_NOW=$(id -un 2>/dev/null || echo "uid $UID_NOW")

status_field() { sed -n "s/^$1:[[:space:]]*//p" /proc/self/status 2>/dev/null | head -n 1; }
CAP_EFF=$(status_field CapEff)
CAP_BND=$(status_field CapBnd)
SECCOMP=$(status_field Seccomp)

has_ptrace_cap() { # hex mask -> CAP_SYS_PTRACE is bit 19
  [ -n "$1" ] || return 1
  [ $(((0x$1 >> 19) & 1)) -eq 1 ]
}
CAP=no
has_ptrace_cap "$CAP_EFF" && CAP=yes
BND=no
has_ptrace_cap "$CAP_BND" && BND=yes

YAMA=absent
if [ -r /proc/sys/kernel/yama/ptrace_scope ]; then
  YAMA=$(cat /proc/sys/kernel/yama/ptrace_scope)
fi

KERNEL=$(uname -r)
kernel_before_4_8() {
  _k_maj=$(echo "$KERNEL" | cut -d. -f1)
  _k_min=$(echo "$KERNEL" | cut -d. -f2 | sed 's/[^0-9].*//')
  [ "$_k_maj" -lt 4 ] 2>/dev/null && return 0
  [ "$_k_maj" -eq 4 ] 2>/dev/null && [ "${_k_min:-0}" -lt 8 ] && return 0
  return 1
}

resolve() { readlink -f "$1" 2>/dev/null || printf '%s\n' "$1"; }
dlv_version_of() { "$1" version 2>/dev/null | sed -n 's/^Version: *//p' | head -n 1; }

DLV=$(command -v dlv 2>/dev/null || true)
DLV_VERSION=""
[ -n "$DLV" ] && DLV_VERSION=$(dlv_version_of "$DLV")

# The dlv the delve feature installed (or kept): a link in PIN_DIR, which the
# feature puts first on PATH. Keep PIN_DIR in step with install.sh.
PIN_DIR=/usr/local/lib/ptrace-doctor/bin
STATE_FILE=/usr/local/share/ptrace-doctor/delve-feature.env
FEATURE_DLV=""
FEATURE_DLV_REAL=""
FEATURE_DLV_VERSION=""
if [ -x "$PIN_DIR/dlv" ]; then
  FEATURE_DLV=$PIN_DIR/dlv
  FEATURE_DLV_REAL=$(resolve "$FEATURE_DLV")
  FEATURE_DLV_VERSION=$(dlv_version_of "$FEATURE_DLV")
fi
REQUESTED=""
[ -r "$STATE_FILE" ] && REQUESTED=$(sed -n 's/^DLV_REQUESTED=//p' "$STATE_FILE" | head -n 1)
# Hidden ("shadowed"): `dlv` finds another file before the feature's.
SHADOWED=no
if [ -n "$FEATURE_DLV" ] && [ -n "$DLV" ] && [ "$(resolve "$DLV")" != "$FEATURE_DLV_REAL" ]; then
  SHADOWED=yes
fi

GO=$(command -v go 2>/dev/null || true)
[ -z "$GO" ] && [ -x /usr/local/go/bin/go ] && GO=/usr/local/go/bin/go
GO_VERSION=""
if [ -n "$GO" ]; then
  GO_VERSION=$("$GO" env GOVERSION 2>/dev/null || true)
  case $GO_VERSION in go1.*) ;; *) GO_VERSION=$("$GO" version 2>/dev/null | sed -n 's/^go version \(go1\.[0-9][^ ]*\).*/\1/p') ;; esac
fi
DLV_BUILT_WITH=""
if [ -n "$GO" ] && [ -n "$DLV" ]; then
  DLV_BUILT_WITH=$("$GO" version "$DLV" 2>/dev/null | sed -n 's/^.*: \(go1\.[0-9][^ ]*\).*/\1/p')
fi

STRACE=$(command -v strace 2>/dev/null || true)

# ------------------------------------------------------- dlv/go versions ---
minor_of() { echo "$1" | sed -n 's/^\(go\)\{0,1\}1\.\([0-9][0-9]*\).*/\2/p'; }
patch_of() { echo "$1" | cut -s -d. -f3 | sed 's/[^0-9].*//'; }

# Which Go versions a delve release debugs: prints "LOW HIGH" (Go minors).
delve_go_range() { # 1.25.2
  _min=$(minor_of "$1")
  _pat=$(patch_of "$1")
  case $_min in
    20) echo "18 20" ;;
    21) echo "19 21" ;;
    22) echo "19 22" ;;
    24) echo "21 24" ;;
    25) if [ "${_pat:-0}" -lt 2 ]; then echo "21 24"; else echo "22 25"; fi ;;
    26) echo "24 26" ;;
    27) echo "25 27" ;;
    *) echo "" ;;
  esac
}
newest_delve_for_go() { # go minor -> install hint
  if [ "$1" -ge 25 ]; then echo latest
  elif [ "$1" -ge 24 ]; then echo v1.26
  elif [ "$1" -ge 22 ]; then echo v1.25.2
  elif [ "$1" -ge 21 ]; then echo v1.25.0
  elif [ "$1" -ge 17 ]; then echo v1.21.2
  else echo v1.20.2
  fi
}

COMPAT=""     # one line for the report
COMPAT_OK=yes
if [ -n "$DLV_VERSION" ] && [ -n "$GO_VERSION" ]; then
  gm=$(minor_of "$GO_VERSION")
  range=$(delve_go_range "$DLV_VERSION")
  if [ -z "$range" ] || [ -z "$gm" ]; then
    COMPAT="unknown: delve $DLV_VERSION is not in ptrace-check's table (dlv itself warns if $GO_VERSION is unsupported)"
  else
    lo=${range% *}
    hi=${range#* }
    if [ "$gm" -lt "$lo" ] || [ "$gm" -gt "$hi" ]; then
      COMPAT_OK=no
      COMPAT="MISMATCH: delve $DLV_VERSION debugs Go 1.$lo to 1.$hi, this is $GO_VERSION. Fix: go install github.com/go-delve/delve/cmd/dlv@$(newest_delve_for_go "$gm")"
    else
      COMPAT="ok: delve $DLV_VERSION debugs Go 1.$lo to 1.$hi"
    fi
    # Since 1.24.2 dlv refuses DWARFv5 binaries (Go >= 1.25's default) unless
    # dlv itself was built with Go >= 1.25.
    bm=$(minor_of "$DLV_BUILT_WITH")
    dm=$(minor_of "$DLV_VERSION")
    if [ -n "$bm" ] && [ "$gm" -ge 25 ] && [ "$bm" -lt 25 ] && [ "$dm" -ge 24 ]; then
      COMPAT_OK=no
      COMPAT="MISMATCH: dlv was built with $DLV_BUILT_WITH and cannot read the DWARFv5 debug info $GO_VERSION writes. Fix: rebuild dlv with this Go: go install github.com/go-delve/delve/cmd/dlv@latest"
    fi
  fi
elif [ -n "$DLV_VERSION" ]; then
  COMPAT="no Go toolchain found; dlv exec and dlv attach work on binaries built by a Go that delve $DLV_VERSION supports"
fi

# ----------------------------------------------------------------- probes ---
# strace traces a child it starts (what dlv debug/exec/test do), and attaches
# to a sibling process of the same user (what dlv attach PID does: under Yama
# ptrace_scope=1 a sibling is not a descendant, exactly like a real target).
LAUNCH_PROBE=""  # ok | fail | "" (not probed)
ATTACH_PROBE=""
PROBE_ERR=""
if [ "$PROBE" = yes ] && [ -n "$STRACE" ]; then
  tmp=$(mktemp 2>/dev/null || echo "/tmp/ptrace-check.$$")
  if "$STRACE" -o /dev/null true >"$tmp" 2>&1; then LAUNCH_PROBE=ok; else
    LAUNCH_PROBE=fail
    PROBE_ERR=$(head -n 2 "$tmp")
  fi
  sleep 1 &
  target=$!
  if "$STRACE" -o /dev/null -p "$target" >"$tmp" 2>&1; then ATTACH_PROBE=ok; else
    ATTACH_PROBE=fail
    [ -n "$PROBE_ERR" ] || PROBE_ERR=$(head -n 2 "$tmp")
  fi
  kill "$target" 2>/dev/null
  wait "$target" 2>/dev/null
  rm -f "$tmp"
fi

# ---------------------------------------------------------------- verdict ---
# Inference, used when no probe ran (and to explain a failed probe).
infer_launch() {
  case $YAMA in 3) echo fail; return ;; 2) [ "$CAP" = yes ] || { echo fail; return; } ;; esac
  if [ "$SECCOMP" = 2 ] && [ "$CAP" = no ] && kernel_before_4_8; then echo fail; return; fi
  echo ok
}
infer_attach() {
  case $YAMA in 3) echo fail; return ;; esac
  [ "$CAP" = yes ] && { echo ok; return; }
  case $YAMA in 1 | 2) echo fail; return ;; esac
  if [ "$SECCOMP" = 2 ] && kernel_before_4_8; then echo fail; return; fi
  echo ok
}
LAUNCH=${LAUNCH_PROBE:-$(infer_launch)}
ATTACH=${ATTACH_PROBE:-$(infer_attach)}
if [ -n "$LAUNCH_PROBE" ]; then LAUNCH_HOW="tested live with strace"; else LAUNCH_HOW="inferred from the settings above"; fi
if [ -n "$ATTACH_PROBE" ]; then ATTACH_HOW="tested live with strace -p"; else ATTACH_HOW="inferred from the settings above"; fi

FIXES=""
add_fix() { FIXES="$FIXES
  - $*"; }

if [ "$LAUNCH" = fail ] || [ "$ATTACH" = fail ]; then
  if [ "$YAMA" = 3 ]; then
    add_fix "The host kernel forbids ptrace entirely (kernel.yama.ptrace_scope=3). Nothing inside a container can change that; the host needs a lower setting (it can only be lowered by rebooting)."
  elif [ "$BND" = no ]; then
    add_fix "The container was started without CAP_SYS_PTRACE. The delve feature adds it (\"capAdd\": [\"SYS_PTRACE\"]): rebuild the dev container. Elsewhere: docker run --cap-add=SYS_PTRACE, Compose cap_add: [SYS_PTRACE], Kubernetes securityContext.capabilities.add: [SYS_PTRACE]."
  elif [ "$CAP" = no ] && [ "$UID_NOW" != 0 ]; then
    add_fix "The container has CAP_SYS_PTRACE, but a non-root user ($USER_NOW) gets no effective capabilities. Attach as root (sudo dlv attach PID, sudo strace -p PID), or launch under the debugger instead (dlv debug, dlv exec, dlv test)."
  fi
  if [ "$ATTACH" = fail ] && [ "$YAMA" = 1 ] && [ "$CAP" = no ]; then
    add_fix "Yama ptrace_scope=1 on the host lets a process attach only to its own descendants without CAP_SYS_PTRACE; dlv debug/exec/test are unaffected."
  fi
  if [ "$LAUNCH" = fail ] && [ "$YAMA" != 3 ] && [ "$BND" = yes ] && [ "$SECCOMP" = 2 ]; then
    add_fix "The seccomp profile seems to deny ptrace even with the capability (an engine older than Docker 19.03, or a custom profile). Upgrade the engine or allow ptrace in the profile; --security-opt seccomp=unconfined works too but turns off all syscall filtering."
  fi
fi
if [ -z "$DLV" ] && [ -n "$FEATURE_DLV" ]; then
  add_fix "dlv is not on PATH, but the delve feature installed one: $FEATURE_DLV. Put its directory first on PATH: export PATH=$PIN_DIR:\$PATH"
elif [ -z "$DLV" ]; then
  add_fix "dlv is not on PATH: rebuild the dev container with the delve feature, or: go install github.com/go-delve/delve/cmd/dlv@latest"
fi
if [ "$COMPAT_OK" = no ]; then
  add_fix "${COMPAT#MISMATCH: }"
fi

# Does this look like the official Go feature? It sets these two (containerEnv).
GO_FEATURE=no
[ "${GOROOT:-}" = /usr/local/go ] && [ "${GOPATH:-}" = /go ] && GO_FEATURE=yes

WARNINGS=""
add_warning() { WARNINGS="$WARNINGS
  - $*"; }
if [ "$SHADOWED" = yes ]; then
  shadow_dir=$(dirname "$DLV")
  case $REQUESTED in
    "" ) wanted="" ;;
    latest | os-provided) wanted=", version option \"$REQUESTED\"" ;;
    *) wanted=", the version you pinned with \"version\": \"$REQUESTED\"" ;;
  esac
  if [ "$(resolve "$DLV")" != "$DLV" ]; then shadow_text="$DLV -> $(resolve "$DLV")"; else shadow_text=$DLV; fi
  add_warning "Another dlv hides the one the delve feature installed. Typing dlv (and any tool that looks it up on PATH) runs $shadow_text (delve ${DLV_VERSION:-of unknown version}), not $FEATURE_DLV -> $FEATURE_DLV_REAL (delve ${FEATURE_DLV_VERSION:-of unknown version}$wanted), because $shadow_dir comes before $PIN_DIR on PATH."
  if [ "$shadow_dir" = /go/bin ] || { [ -n "${GOPATH:-}" ] && [ "$shadow_dir" = "${GOPATH%/}/bin" ]; } || [ "$GO_FEATURE" = yes ]; then
    add_warning "$shadow_dir is where the official Go feature (ghcr.io/devcontainers/features/go) installs its own dlv (dlv@latest), and that feature puts $shadow_dir first on PATH. The delve feature's dlv comes first only when the delve feature is installed after the Go feature. The delve feature asks for that order (installsAfter), but \"overrideFeatureInstallOrder\" in devcontainer.json, or a Go feature from another source, can change it."
  fi
  add_warning "Fix it for good: rebuild the dev container with the delve feature installed last, e.g. in devcontainer.json \"overrideFeatureInstallOrder\": [\"ghcr.io/devcontainers/features/go\", \"ghcr.io/ptrace-doctor/ptrace-doctor/delve\"]; if you set PATH yourself (containerEnv or remoteEnv in devcontainer.json, a Dockerfile ENV, ~/.bashrc, ~/.profile), put $PIN_DIR first there. For this shell only: export PATH=$PIN_DIR:\$PATH (or remove the other one: sudo rm $DLV)."
  add_warning "VS Code's Go extension still uses the delve feature's dlv: the feature sets \"go.alternateTools\": {\"dlv\": \"$PIN_DIR/dlv\"} (if you set go.alternateTools yourself, add that dlv entry to yours)."
fi

NOTES=""
add_note() { NOTES="$NOTES
  - $*"; }
if [ "$SECCOMP" = 0 ]; then
  add_note "seccomp is off in this container (seccomp=unconfined, or a privileged container): no system call is filtered. Debuggers do not need that: CAP_SYS_PTRACE, which the delve feature adds, is enough. The one thing seccomp=unconfined adds for delve is turning off address randomization (ASLR) in the programs it starts."
  if [ "$GO_FEATURE" = yes ]; then
    add_note "This container looks like it uses the official Go feature (GOROOT=/usr/local/go, GOPATH=/go). That feature always adds \"securityOpt\": [\"seccomp=unconfined\"] to the container, and neither devcontainer.json nor another feature can take it away (these settings are added together, never removed). To keep seccomp on, get Go another way and keep the delve feature, which builds dlv with that Go: an image that already has Go (e.g. \"image\": \"golang:1.22-bookworm\"), or Go installed in your Dockerfile (e.g. COPY --from=golang:1.22-bookworm /usr/local/go /usr/local/go, and /usr/local/go/bin on PATH). Images built with the Go feature, such as mcr.microsoft.com/devcontainers/go, carry the same setting. Or keep the Go feature and accept that seccomp is off."
  fi
fi

PROBLEM=no
{ [ "$LAUNCH" = fail ] || [ "$ATTACH" = fail ] || [ "$COMPAT_OK" = no ] || [ -z "$DLV" ] || [ "$SHADOWED" = yes ]; } && PROBLEM=yes

# ----------------------------------------------------------------- report ---
if [ "$QUIET" = no ] || [ "$PROBLEM" = yes ]; then
  case $SECCOMP in
    0) seccomp_text="disabled (seccomp=unconfined or privileged)" ;;
    1) seccomp_text="strict (mode 1)" ;;
    2) seccomp_text="filtered (the engine's profile; Docker's default allows ptrace on kernels >= 4.8 or with CAP_SYS_PTRACE)" ;;
    *) seccomp_text="unknown" ;;
  esac
  case $YAMA in
    absent) yama_text="not present (no Yama LSM: only user ids and capabilities decide)" ;;
    0) yama_text="0 (classic: attach to any process of your user)" ;;
    1) yama_text="1 (restricted: attach only to descendants unless CAP_SYS_PTRACE is effective)" ;;
    2) yama_text="2 (admin-only: ptrace needs CAP_SYS_PTRACE)" ;;
    3) yama_text="3 (no attach: ptrace is disabled on this host)" ;;
    *) yama_text="$YAMA" ;;
  esac
  if [ "$CAP" = yes ]; then cap_text="effective"
  elif [ "$BND" = yes ]; then cap_text="granted to the container, not effective for $USER_NOW (non-root users get no capabilities)"
  else cap_text="not granted to this container"
  fi
  if [ "$UID_NOW" = 0 ]; then other_users="yes (root with CAP_SYS_PTRACE)"; [ "$CAP" = yes ] || other_users="no (needs CAP_SYS_PTRACE)"
  else other_users="no: processes of other users (such as root) need root: sudo dlv attach PID"
  fi
  [ "$YAMA" = 3 ] && other_users="no"

  echo "ptrace-check: can delve, strace and gdb use ptrace in this container?"
  printf '  %-15s %s\n' "user" "$USER_NOW (uid $UID_NOW)"
  printf '  %-15s %s\n' "CAP_SYS_PTRACE" "$cap_text"
  printf '  %-15s %s\n' "seccomp" "$seccomp_text"
  printf '  %-15s %s\n' "yama" "$yama_text"
  printf '  %-15s %s\n' "kernel" "$KERNEL"
  if [ -n "$DLV" ]; then
    dlv_text="${DLV_VERSION:-unknown version} ($DLV"
    [ "$(resolve "$DLV")" != "$DLV" ] && dlv_text="$dlv_text -> $(resolve "$DLV")"
    if [ -n "$FEATURE_DLV" ] && [ "$SHADOWED" = no ]; then dlv_text="$dlv_text, installed by the delve feature)"
    elif [ "$SHADOWED" = yes ]; then dlv_text="$dlv_text, NOT the one the delve feature installed: see warning)"
    else dlv_text="$dlv_text)"
    fi
  else dlv_text="not found"; fi
  if [ -n "$GO" ]; then go_text="${GO_VERSION:-unknown version} ($GO)"; else go_text="not found"; fi
  printf '  %-15s %s\n' "dlv" "$dlv_text"
  printf '  %-15s %s\n' "go" "$go_text"
  [ -n "$COMPAT" ] && printf '  %-15s %s\n' "dlv and go" "$COMPAT"
  [ -n "$PROBE_ERR" ] && printf '  %-15s %s\n' "probe error" "$(echo "$PROBE_ERR" | tr '\n' ' ')"
  echo
  echo "launch: $LAUNCH  (dlv debug, dlv exec, dlv test; $LAUNCH_HOW)"
  echo "attach: $ATTACH  (dlv attach PID, strace -p PID to your own processes; $ATTACH_HOW)"
  echo "attach to other users' processes: $other_users"
  if [ -n "$WARNINGS" ]; then
    echo
    echo "warning:$WARNINGS"
  fi
  if [ -n "$FIXES" ]; then
    echo
    echo "fix:$FIXES"
  fi
  if [ -n "$NOTES" ]; then
    echo
    echo "note:$NOTES"
  fi
fi

if [ "$PROBLEM" = yes ] && [ "$EXIT_ZERO" = no ]; then exit 1; fi
exit 0
