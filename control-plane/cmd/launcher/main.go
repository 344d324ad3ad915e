// Command launcher starts a throw-away Kubernetes control plane on loopback: etcd,
// kube-apiserver and, on request, kube-controller-manager, all built from this module.
//
// It generates a CA, serving and client certificates, a service-account key and a static admin
// bearer token, picks free ports, writes an admin kubeconfig, waits for /readyz and prints one JSON
// line on stdout ({"event":"ready",...}). SIGINT, SIGTERM or SIGHUP stop everything; children are
// also started with Pdeathsig, so they die with the launcher even when it is killed with SIGKILL.
//
// With -control, stdin carries commands, one a line, each answered by a JSON line on stdout:
//
//	stop-apiserver     stop kube-apiserver only (etcd keeps the data)
//	start-apiserver    start it again on the same port; answers once /readyz is ok
//	start-controllers  start kube-controller-manager on the running control plane
//	stop               stop everything and exit
//
// and end of file on stdin stops everything: a test JVM that dies takes the control plane with it.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

func main() {
	os.Exit(run())
}

type options struct {
	binDir          string
	kubeconfig      string
	withControllers bool
	control         bool
	workDir         string
	keep            bool
	startTimeout    time.Duration
}

func run() int {
	var o options
	flag.StringVar(&o.binDir, "bin", "", "directory holding etcd, kube-apiserver and kube-controller-manager (default: the launcher's own directory)")
	flag.StringVar(&o.kubeconfig, "kubeconfig", "", "write the admin kubeconfig to this file (required)")
	flag.BoolVar(&o.withControllers, "with-controllers", false, "also start kube-controller-manager")
	flag.BoolVar(&o.control, "control", false, "read commands from stdin; end of file stops everything")
	flag.StringVar(&o.workDir, "dir", "", "directory for certificates, etcd data and logs (default: a new temporary directory, removed on exit)")
	flag.BoolVar(&o.keep, "keep", false, "keep the work directory on exit")
	flag.DurationVar(&o.startTimeout, "start-timeout", 2*time.Minute, "how long each component may take to become ready")
	flag.Parse()
	if o.kubeconfig == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: launcher -kubeconfig FILE [-with-controllers] [-control] [-dir DIR] [-keep] [-bin DIR]")
		return 2
	}
	if o.binDir == "" {
		exe, err := os.Executable()
		if err != nil {
			logf("cannot find my own directory: %v", err)
			return 1
		}
		o.binDir = filepath.Dir(exe)
	}
	for _, b := range []string{"etcd", "kube-apiserver", "kube-controller-manager"} {
		if _, err := os.Stat(filepath.Join(o.binDir, b)); err != nil {
			logf("missing binary %s (run control-plane/build.sh): %v", b, err)
			return 1
		}
	}
	removeDir := false
	if o.workDir == "" {
		removeStaleWorkDirs()
		d, err := os.MkdirTemp("", workDirPattern)
		if err != nil {
			logf("%v", err)
			return 1
		}
		if err := os.WriteFile(filepath.Join(d, pidFile), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
			logf("%v", err)
			return 1
		}
		o.workDir = d
		removeDir = !o.keep
	} else if err := os.MkdirAll(o.workDir, 0o700); err != nil {
		logf("%v", err)
		return 1
	}

	l := newLauncher(o)
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)

	stdinClosed := make(chan struct{})
	commands := make(chan string)
	if o.control {
		go func() {
			sc := bufio.NewScanner(os.Stdin)
			for sc.Scan() {
				commands <- strings.TrimSpace(sc.Text())
			}
			close(stdinClosed)
		}()
	}

	started := make(chan error, 1)
	go func() { started <- l.startAll() }()

	code := 0
loop:
	for {
		select {
		case err := <-started:
			if err != nil {
				logf("%v", err)
				l.emit(map[string]any{"event": "failed", "message": err.Error()})
				code = 1
				break loop
			}
			l.ready()
		case s := <-signals:
			logf("%s: stopping", s)
			break loop
		case <-stdinClosed:
			logf("stdin closed: stopping")
			break loop
		case c := <-l.crashed:
			logf("%s exited unexpectedly (%v); last lines of %s:\n%s", c.name, c.err, c.logFile, c.tail(4000))
			l.emit(map[string]any{"event": "crashed", "component": c.name, "log": c.logFile})
			code = 1
			break loop
		case cmd := <-commands:
			if cmd == "stop" {
				l.emit(map[string]any{"event": "ok", "command": cmd})
				break loop
			}
			if cmd != "" {
				go l.command(cmd)
			}
		}
	}
	l.stopAll()
	if removeDir {
		_ = os.RemoveAll(o.workDir)
	} else {
		_ = os.Remove(filepath.Join(o.workDir, pidFile)) // kept on purpose: not stale
	}
	return code
}

type launcher struct {
	o   options
	dir string
	pki *pki

	etcdURL   string
	apiPort   int
	serverURL string
	version   string
	startedAt time.Time
	http      *apiClient

	mu               sync.Mutex // guards the three children and serializes commands
	etcd, api, kcm   *child
	shuttingDown     bool
	crashed          chan *child
	outMu            sync.Mutex
	kcmKubeconfig    string
	controllersSince time.Time
}

func newLauncher(o options) *launcher {
	return &launcher{o: o, dir: o.workDir, crashed: make(chan *child, 3), startedAt: time.Now()}
}

// emit writes one JSON line on stdout: the launcher's machine-readable channel.
func (l *launcher) emit(v map[string]any) {
	l.outMu.Lock()
	defer l.outMu.Unlock()
	b, _ := json.Marshal(v)
	os.Stdout.Write(append(b, '\n'))
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "sts-kit control plane: "+format+"\n", args...)
}

func (l *launcher) startAll() error {
	p, err := newPKI(l.dir)
	if err != nil {
		return fmt.Errorf("generating certificates: %w", err)
	}
	l.pki = p
	if err := l.startEtcd(); err != nil {
		return err
	}
	if err := l.startAPIServer(0); err != nil {
		return err
	}
	kc := p.kubeconfig(l.serverURL)
	l.kcmKubeconfig = filepath.Join(l.dir, "admin.kubeconfig")
	if err := os.WriteFile(l.kcmKubeconfig, kc, 0o600); err != nil {
		return err
	}
	if dir := filepath.Dir(l.o.kubeconfig); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	if err := os.WriteFile(l.o.kubeconfig, kc, 0o600); err != nil {
		return fmt.Errorf("writing kubeconfig: %w", err)
	}
	v, err := l.http.version()
	if err != nil {
		return err
	}
	l.version = v
	if l.o.withControllers {
		if err := l.startControllers(); err != nil {
			return err
		}
	} else if err := l.http.ensureDefaultServiceAccount("default", 30*time.Second); err != nil {
		// Without kube-controller-manager nobody creates the "default" ServiceAccount, and the
		// ServiceAccount admission plugin refuses pods that name none; create it in "default".
		return err
	}
	return nil
}

func (l *launcher) ready() {
	elapsed := time.Since(l.startedAt)
	logf("%s ready in %.1f s: %s (kubeconfig %s, controllers %v)", l.version, elapsed.Seconds(), l.serverURL, l.o.kubeconfig, l.controllersRunning())
	l.emit(map[string]any{
		"event":             "ready",
		"kubeconfig":        absPath(l.o.kubeconfig),
		"server":            l.serverURL,
		"token":             l.pki.Token,
		"caFile":            l.pki.CAFile,
		"etcd":              l.etcdURL,
		"dir":               l.dir,
		"kubernetesVersion": l.version,
		"controllers":       l.controllersRunning(),
		"startMillis":       elapsed.Milliseconds(),
	})
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

func (l *launcher) controllersRunning() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.kcm != nil && !l.kcm.exited()
}

// command runs one stdin command and answers it with a JSON line.
func (l *launcher) command(cmd string) {
	var err error
	switch cmd {
	case "stop-apiserver":
		err = l.stopAPIServer()
	case "start-apiserver":
		err = l.restartAPIServer()
	case "start-controllers":
		err = l.startControllers()
	default:
		err = fmt.Errorf("unknown command %q", cmd)
	}
	if err != nil {
		l.emit(map[string]any{"event": "error", "command": cmd, "message": err.Error()})
		return
	}
	l.emit(map[string]any{"event": "ok", "command": cmd, "controllers": l.controllersRunning()})
}

// watch reports a child that exits without having been asked to.
func (l *launcher) watch(c *child) {
	go func() {
		<-c.done
		if !c.expectedExit() {
			l.crashed <- c
		}
	}()
}

var errAddrInUse = errors.New("address already in use")

// startWithRetry starts a component on freshly picked ports, and tries again with new ones when
// another process took a port between picking and binding.
func startWithRetry(name string, attempt func() (*child, error)) (*child, error) {
	var last error
	for i := 0; i < 5; i++ {
		c, err := attempt()
		if err == nil {
			return c, nil
		}
		last = err
		if !errors.Is(err, errAddrInUse) {
			return nil, err
		}
		logf("%s: a port was taken meanwhile, trying other ports", name)
	}
	return nil, last
}

func (l *launcher) startEtcd() error {
	c, err := startWithRetry("etcd", func() (*child, error) {
		ports, err := freePorts(2)
		if err != nil {
			return nil, err
		}
		if p, ok := tryFirst("etcd"); ok {
			ports[0] = p
		}
		client := fmt.Sprintf("http://127.0.0.1:%d", ports[0])
		peer := fmt.Sprintf("http://127.0.0.1:%d", ports[1])
		args := []string{
			"--name=sts-kit",
			"--data-dir=" + filepath.Join(l.dir, "etcd"),
			"--listen-client-urls=" + client,
			"--advertise-client-urls=" + client,
			"--listen-peer-urls=" + peer,
			"--initial-advertise-peer-urls=" + peer,
			"--initial-cluster=sts-kit=" + peer,
			"--initial-cluster-state=new",
			// throw-away data: no fsync makes writes, and so the tests, much faster
			"--unsafe-no-fsync=true",
			"--log-level=warn",
		}
		c, err := start("etcd", filepath.Join(l.o.binDir, "etcd"), args, filepath.Join(l.dir, "etcd.log"))
		if err != nil {
			return nil, err
		}
		if err := waitHTTP(c, client+"/health", nil, l.o.startTimeout); err != nil {
			return nil, err
		}
		l.etcdURL = client
		return c, nil
	})
	if err != nil {
		return err
	}
	l.mu.Lock()
	l.etcd = c
	l.mu.Unlock()
	l.watch(c)
	return nil
}

// startAPIServer starts kube-apiserver on port, or on a free port when port is 0.
func (l *launcher) startAPIServer(port int) error {
	fixed := port != 0
	attempt := func() (*child, error) {
		p := port
		if !fixed {
			ps, err := freePorts(1)
			if err != nil {
				return nil, err
			}
			p = ps[0]
			if first, ok := tryFirst("kube-apiserver"); ok {
				p = first
			}
		}
		c, err := start("kube-apiserver", filepath.Join(l.o.binDir, "kube-apiserver"), l.apiServerArgs(p), filepath.Join(l.dir, "kube-apiserver.log"))
		if err != nil {
			return nil, err
		}
		url := fmt.Sprintf("https://127.0.0.1:%d", p)
		client, err := newAPIClient(url, l.pki)
		if err != nil {
			c.stop(0)
			return nil, err
		}
		if err := waitHTTP(c, url+"/readyz", client, l.o.startTimeout); err != nil {
			return nil, err
		}
		l.apiPort, l.serverURL, l.http = p, url, client
		return c, nil
	}
	var c *child
	var err error
	if fixed {
		// the same port again: wait for whoever holds it rather than moving
		for i := 0; i < 10; i++ {
			if c, err = attempt(); err == nil || !errors.Is(err, errAddrInUse) {
				break
			}
			time.Sleep(time.Second)
		}
	} else {
		c, err = startWithRetry("kube-apiserver", attempt)
	}
	if err != nil {
		return err
	}
	l.mu.Lock()
	l.api = c
	l.mu.Unlock()
	l.watch(c)
	return nil
}

func (l *launcher) apiServerArgs(port int) []string {
	p := l.pki
	return []string{
		"--etcd-servers=" + l.etcdURL,
		"--bind-address=127.0.0.1",
		"--advertise-address=127.0.0.1",
		fmt.Sprintf("--secure-port=%d", port),
		"--cert-dir=" + filepath.Join(l.dir, "apiserver-certs"),
		"--tls-cert-file=" + p.ServingCertFile,
		"--tls-private-key-file=" + p.ServingKeyFile,
		"--client-ca-file=" + p.CAFile,
		"--token-auth-file=" + p.TokenFile,
		"--authorization-mode=Node,RBAC",
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file=" + p.SAPubFile,
		"--service-account-signing-key-file=" + p.SAKeyFile,
		"--service-cluster-ip-range=" + serviceCIDR,
		// as kubeadm and most clusters set it; the default (false) refuses privileged containers
		"--allow-privileged=true",
		// the default (lease) reconciler refuses a loopback advertise address; with none, the
		// "kubernetes" Service simply has no endpoints, which nothing here needs
		"--endpoint-reconciler-type=none",
		"--profiling=false",
	}
}

const (
	serviceCIDR    = "10.0.0.0/24"
	firstServiceIP = "10.0.0.1"
)

func (l *launcher) stopAPIServer() error {
	l.mu.Lock()
	c := l.api
	l.mu.Unlock()
	if c == nil || c.exited() {
		return errors.New("kube-apiserver is not running")
	}
	c.stop(30 * time.Second)
	return nil
}

func (l *launcher) restartAPIServer() error {
	l.mu.Lock()
	c := l.api
	l.mu.Unlock()
	if c != nil && !c.exited() {
		return errors.New("kube-apiserver is already running")
	}
	return l.startAPIServer(l.apiPort)
}

func (l *launcher) startControllers() error {
	l.mu.Lock()
	if l.kcm != nil && !l.kcm.exited() {
		l.mu.Unlock()
		return nil
	}
	l.mu.Unlock()
	c, err := startWithRetry("kube-controller-manager", func() (*child, error) {
		ps, err := freePorts(1)
		if err != nil {
			return nil, err
		}
		args := []string{
			"--kubeconfig=" + l.kcmKubeconfig,
			"--authentication-kubeconfig=" + l.kcmKubeconfig,
			"--authorization-kubeconfig=" + l.kcmKubeconfig,
			"--leader-elect=false",
			"--bind-address=127.0.0.1",
			fmt.Sprintf("--secure-port=%d", ps[0]),
			"--cert-dir=" + filepath.Join(l.dir, "kcm-certs"),
			"--service-account-private-key-file=" + l.pki.SAKeyFile,
			"--root-ca-file=" + l.pki.CAFile,
			"--use-service-account-credentials=false",
			"--service-cluster-ip-range=" + serviceCIDR,
			"--controllers=*",
			"--profiling=false",
		}
		c, err := start("kube-controller-manager", filepath.Join(l.o.binDir, "kube-controller-manager"), args, filepath.Join(l.dir, "kube-controller-manager.log"))
		if err != nil {
			return nil, err
		}
		if err := waitHTTP(c, fmt.Sprintf("https://127.0.0.1:%d/healthz", ps[0]), insecureClient(), l.o.startTimeout); err != nil {
			return nil, err
		}
		return c, nil
	})
	if err != nil {
		return err
	}
	l.mu.Lock()
	l.kcm = c
	l.mu.Unlock()
	l.watch(c)
	return nil
}

// stopAll stops the controllers, the API server, then etcd.
func (l *launcher) stopAll() {
	l.mu.Lock()
	l.shuttingDown = true
	kcm, api, etcd := l.kcm, l.api, l.etcd
	l.mu.Unlock()
	for _, c := range []*child{kcm, api, etcd} {
		if c != nil {
			c.stop(10 * time.Second)
		}
	}
}

const (
	workDirPattern = "sts-kit-control-plane-"
	pidFile        = "launcher.pid"
)

// removeStaleWorkDirs removes the temporary work directories of launchers that were killed
// before they could remove their own (kill -9 leaves ~120 MB of etcd data behind). A directory
// is stale when the launcher its pid file names is gone; kept (-keep) directories have no pid
// file and are left alone.
func removeStaleWorkDirs() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), workDirPattern+"*"))
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, pidFile))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || pid <= 0 {
			continue
		}
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			logf("removing %s, left by launcher %d which is gone", d, pid)
			_ = os.RemoveAll(d)
		}
	}
}
