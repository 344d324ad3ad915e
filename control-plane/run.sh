#!/usr/bin/env bash
# Starts a throw-away Kubernetes control plane in the foreground, on 127.0.0.1 with free ports:
# etcd + kube-apiserver, and kube-controller-manager with --with-controllers. Writes an admin
# kubeconfig to FILE, waits for /readyz, prints where it listens. Ctrl-C or SIGTERM stops
# everything; its data lives in a temporary directory removed on exit.
#
#   control-plane/run.sh --kubeconfig FILE [--with-controllers] [--keep]
#
# Builds the binaries first when the cache is empty (control-plane/build.sh).
set -euo pipefail

usage() {
  echo "usage: $0 --kubeconfig FILE [--with-controllers] [--keep]" >&2
  echo "  --kubeconfig FILE     write the admin kubeconfig (client certificate, O=system:masters) here" >&2
  echo "  --with-controllers    also run kube-controller-manager (StatefulSet, ServiceAccount, GC … controllers)" >&2
  echo "  --keep                keep the work directory (certificates, etcd data, component logs) on exit" >&2
  exit 2
}

kubeconfig=""
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --kubeconfig) [[ $# -ge 2 ]] || usage; kubeconfig="$2"; shift 2 ;;
    --kubeconfig=*) kubeconfig="${1#*=}"; shift ;;
    --with-controllers) args+=(-with-controllers); shift ;;
    --keep) args+=(-keep); shift ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done
[[ -n "$kubeconfig" ]] || usage

bin="$("$(dirname "${BASH_SOURCE[0]}")/build.sh")"
# exec: the launcher gets Ctrl-C and SIGTERM itself and stops its children in order
exec "$bin/launcher" -kubeconfig "$kubeconfig" "${args[@]}"
