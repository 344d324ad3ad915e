// Command etcd is etcd's own server (go.etcd.io/etcd/server/v3/etcdmain) at the version
// k8s.io/kubernetes v1.37.2 pins, built from the Go module proxy like the two kube commands.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
