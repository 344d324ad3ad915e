#!/usr/bin/env bash
# Builds etcd, kube-apiserver, kube-controller-manager and the launcher from this Go module, once,
# into a cache outside the repository keyed by the Kubernetes version and a hash of the module's
# inputs. Prints the cache directory on stdout; everything else goes to stderr.
#
#   control-plane/build.sh            # -> ~/.cache/sts-kit/control-plane/v1.37.2-<hash>
#
# A complete cache makes this a no-op. Two concurrent callers are serialized with flock; the
# binaries are built into a temporary directory and renamed into place, so a cache directory
# either holds all four binaries or does not exist. The directory's hash covers what the three
# Kubernetes binaries are built from (go.mod, go.sum, cmd/etcd, the build flags, the Go version); the
# small launcher (cmd/launcher) is rebuilt in place, in seconds, when its sources change.
# Environment: STS_KIT_CONTROL_PLANE_CACHE overrides the cache root.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

log() { echo "sts-kit control-plane build: $*" >&2; }

if ! command -v go >/dev/null 2>&1; then
  log "no Go toolchain on PATH (go); install Go $(sed -n 's/^go //p' go.mod) or newer"
  exit 3
fi
command -v flock >/dev/null 2>&1 || { log "flock (util-linux) is required"; exit 3; }

k8s_version="$(sed -n 's/^[[:space:]]*k8s.io\/kubernetes \(v[0-9.]*\).*/\1/p' go.mod | head -n1)"
[[ -n "$k8s_version" ]] || { log "cannot read the k8s.io/kubernetes version from go.mod"; exit 1; }
etcd_version="$(sed -n 's/^[[:space:]]*go.etcd.io\/etcd\/server\/v3 \(v[0-9.]*\).*/\1/p' go.mod | head -n1)"

major="${k8s_version#v}"; major="${major%%.*}"
minor="${k8s_version#v*.}"; minor="${minor%%.*}"
# What k8s's hack/lib/version.sh stamps into release binaries, so /version answers v1.37.2 rather
# than v0.0.0-master. The build date stays fixed: same inputs, same binaries.
version_vars=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  version_vars+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor"
  version_vars+=" -X $pkg.gitTreeState=clean"
done
# How the three Kubernetes binaries are built; part of the cache key.
build_env=(CGO_ENABLED=0 GOFLAGS=-mod=readonly)
build_flags=(-trimpath -ldflags "-s -w$version_vars")

# Everything that changes the binaries: the module's requirements, our sources, the build recipe
# and the Go toolchain (not this script's comments or log lines).
go_version="$(go env GOVERSION)"
sources_hash() { find "$@" -name '*.go' -print0 | sort -z | xargs -0 cat; }
inputs_hash="$( { cat go.mod go.sum; sources_hash cmd/etcd; echo "$go_version ${build_env[*]} ${build_flags[*]}"; } \
  | sha256sum | cut -c1-12)"
launcher_hash="$( { cat go.mod go.sum; sources_hash cmd/launcher; echo "$go_version"; } | sha256sum | cut -c1-12)"

cache_root="${STS_KIT_CONTROL_PLANE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sts-kit/control-plane}"
dest="$cache_root/$k8s_version-$inputs_hash"
binaries=(etcd kube-apiserver kube-controller-manager launcher)

is_complete() {
  [[ -f "$dest/.complete" && -f "$dest/.launcher-$launcher_hash" ]] || return 1
  for b in "${binaries[@]}"; do [[ -x "$dest/$b" ]] || return 1; done
}

build_launcher() { # $1: directory to put it in
  CGO_ENABLED=0 GOFLAGS=-mod=readonly go build -trimpath -ldflags "-s -w" -o "$1/launcher" ./cmd/launcher
}

if is_complete; then
  echo "$dest"
  exit 0
fi

mkdir -p "$cache_root"
exec 9>"$cache_root/.lock"
if ! flock -n 9; then
  log "another build holds $cache_root/.lock; waiting for it"
  flock 9
fi
if is_complete; then # the other build made it
  echo "$dest"
  exit 0
fi

if [[ -f "$dest/.complete" ]]; then # only the launcher changed
  log "rebuilding the launcher in $dest"
  tmp="$(mktemp -d "$cache_root/.building-launcher-XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  build_launcher "$tmp"
  mv -f "$tmp/launcher" "$dest/launcher"
  rm -f "$dest"/.launcher-*
  touch "$dest/.launcher-$launcher_hash"
  echo "$dest"
  exit 0
fi

tmp="$(mktemp -d "$cache_root/.building-$k8s_version-XXXXXX")"
trap 'rm -rf "$tmp"' EXIT


log "building Kubernetes $k8s_version (kube-apiserver, kube-controller-manager) and etcd $etcd_version into $dest"
log "the first build downloads the Go modules and compiles for several minutes (see control-plane/README.md)"
start=$(date +%s)
# a line a minute, so a slow first build does not look like a hang (in a terminal or under Maven);
# it holds neither the lock nor stdout, and ends with this script
parent=$$
(
  exec 9>&- >/dev/null
  while sleep 60 && kill -0 "$parent" 2>/dev/null; do
    log "still building ($(( ($(date +%s) - start) / 60 )) min)"
  done
) &
heartbeat=$!
trap 'kill "$heartbeat" 2>/dev/null; rm -rf "$tmp"' EXIT
env "${build_env[@]}" go build "${build_flags[@]}" -o "$tmp/" \
  k8s.io/kubernetes/cmd/kube-apiserver \
  k8s.io/kubernetes/cmd/kube-controller-manager \
  ./cmd/etcd
build_launcher "$tmp"
kill "$heartbeat" 2>/dev/null || true
touch "$tmp/.launcher-$launcher_hash"
for b in "${binaries[@]}"; do [[ -x "$tmp/$b" ]] || { log "build produced no $b"; exit 1; }; done
chmod 755 "$tmp" # mktemp made it 0700
touch "$tmp/.complete"
rm -rf "$dest" # a leftover without .complete
mv "$tmp" "$dest"
trap - EXIT
log "built in $(( $(date +%s) - start )) s"
echo "$dest"
