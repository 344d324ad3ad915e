package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"syscall"
	"time"
)

// child is one control-plane process. Its output goes to a log file in the work directory.
type child struct {
	name    string
	logFile string
	cmd     *exec.Cmd
	done    chan struct{} // closed when the process has exited
	err     error         // its exit status, valid once done is closed

	mu       sync.Mutex
	stopping bool // set before a stop the launcher asked for, so the exit is not reported as a crash
}

// startRequest asks the spawner thread to start cmd.
type startRequest struct {
	cmd   *exec.Cmd
	reply chan error
}

var spawnRequests = make(chan startRequest)

// The kernel sends Pdeathsig when the *thread* that forked the child exits, not the process. Go
// may retire threads, so every child is started from this one goroutine, locked to its OS thread
// for the launcher's whole life: when the launcher dies, however it dies, the children get SIGKILL.
func init() {
	go func() {
		runtime.LockOSThread()
		for req := range spawnRequests {
			req.reply <- req.cmd.Start()
		}
	}()
}

// start launches bin with args; the child is killed by the kernel if the launcher dies.
func start(name, bin string, args []string, logFile string) (*child, error) {
	f, err := os.OpenFile(logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout = f
	cmd.Stderr = f
	cmd.Stdin = nil
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Pdeathsig: syscall.SIGKILL,
		// own process group: a terminal's Ctrl-C reaches the launcher only, which stops the
		// children in order (controllers, API server, then etcd)
		Setpgid: true,
	}
	reply := make(chan error)
	spawnRequests <- startRequest{cmd: cmd, reply: reply}
	if err := <-reply; err != nil {
		f.Close()
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	c := &child{name: name, logFile: logFile, cmd: cmd, done: make(chan struct{})}
	go func() {
		c.err = cmd.Wait()
		f.Close()
		close(c.done)
	}()
	return c, nil
}

func (c *child) exited() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

func (c *child) expectedExit() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stopping
}

// stop sends SIGTERM, waits up to grace, then SIGKILLs; it returns once the process is gone.
func (c *child) stop(grace time.Duration) {
	c.mu.Lock()
	c.stopping = true
	c.mu.Unlock()
	if c.exited() {
		return
	}
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
		return
	case <-time.After(grace):
	}
	_ = c.cmd.Process.Kill()
	<-c.done
}

// tail is the end of the child's log, for error messages.
func (c *child) tail(max int) string {
	b, err := os.ReadFile(c.logFile)
	if err != nil {
		return ""
	}
	if len(b) > max {
		b = b[len(b)-max:]
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			b = b[i+1:]
		}
	}
	return string(b)
}
