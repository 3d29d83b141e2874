# Installed by the devcontainer Feature "delve" (ptrace-doctor) as
# /etc/profile.d/zz-ptrace-doctor-dlv.sh. Sourced by login shells (sh, bash)
# after /etc/profile has rebuilt PATH and after the other profile.d scripts
# (the Go feature's 00-restore-env.sh puts /go/bin first): puts the directory
# holding the dlv the delve feature installed back in front, so that `dlv` is
# that one in login shells too (and in VS Code, whose environment comes from a
# login shell).
if [ -d /usr/local/lib/ptrace-doctor/bin ]; then
  case ":${PATH}:" in
    :/usr/local/lib/ptrace-doctor/bin:*) ;;
    *) PATH="/usr/local/lib/ptrace-doctor/bin:${PATH}"; export PATH ;;
  esac
fi
