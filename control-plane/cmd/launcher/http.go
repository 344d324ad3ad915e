package main

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// apiClient talks to kube-apiserver as the admin, trusting only the generated CA.
type apiClient struct {
	base  string
	token string
	c     *http.Client
}

func newAPIClient(base string, p *pki) (*apiClient, error) {
	pool := x509.NewCertPool()
	ca, err := os.ReadFile(p.CAFile)
	if err != nil {
		return nil, err
	}
	if !pool.AppendCertsFromPEM(ca) {
		return nil, fmt.Errorf("no certificate in %s", p.CAFile)
	}
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}
	return &apiClient{base: base, token: p.Token, c: &http.Client{Transport: tr, Timeout: 10 * time.Second}}, nil
}

func (a *apiClient) do(method, path string, body []byte) (int, []byte, error) {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, a.base+path, r)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+a.token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := a.c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

func (a *apiClient) get(url string) (int, error) {
	code, _, err := a.do(http.MethodGet, strings.TrimPrefix(url, a.base), nil)
	return code, err
}

// version is kube-apiserver's gitVersion, e.g. v1.37.2 (set at build time by build.sh).
func (a *apiClient) version() (string, error) {
	code, b, err := a.do(http.MethodGet, "/version", nil)
	if err != nil {
		return "", err
	}
	if code != http.StatusOK {
		return "", fmt.Errorf("GET /version: HTTP %d: %s", code, b)
	}
	var v struct {
		GitVersion string `json:"gitVersion"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return "", fmt.Errorf("GET /version: %w", err)
	}
	return v.GitVersion, nil
}

// ensureDefaultServiceAccount creates ServiceAccount "default" in ns unless it exists. The
// namespace "default" itself appears shortly after /readyz, so a 404 is retried until timeout.
func (a *apiClient) ensureDefaultServiceAccount(ns string, timeout time.Duration) error {
	body := []byte(`{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"default"}}`)
	deadline := time.Now().Add(timeout)
	for {
		code, b, err := a.do(http.MethodPost, "/api/v1/namespaces/"+ns+"/serviceaccounts", body)
		if err == nil && (code == http.StatusCreated || code == http.StatusConflict) {
			return nil
		}
		if time.Now().After(deadline) {
			if err != nil {
				return fmt.Errorf("creating ServiceAccount %s/default: %w", ns, err)
			}
			return fmt.Errorf("creating ServiceAccount %s/default: HTTP %d: %s", ns, code, b)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

type getter interface {
	get(url string) (int, error)
}

type plainGetter struct{ c *http.Client }

func (p plainGetter) get(url string) (int, error) {
	resp, err := p.c.Get(url)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}

// insecureClient is for kube-controller-manager's /healthz only, served with a certificate it
// makes up itself; nothing but an HTTP status is read from it.
func insecureClient() getter {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} //nolint:gosec // loopback health probe
	return plainGetter{&http.Client{Transport: tr, Timeout: 5 * time.Second}}
}

// waitHTTP polls url until it answers 200. If the process exits first, the error carries the end
// of its log, and wraps errAddrInUse when it lost a race for its port.
func waitHTTP(c *child, url string, g getter, timeout time.Duration) error {
	if g == nil {
		g = plainGetter{&http.Client{Timeout: 5 * time.Second}}
	}
	deadline := time.Now().Add(timeout)
	for {
		code, err := g.get(url)
		if err == nil && code == http.StatusOK {
			return nil
		}
		select {
		case <-c.done:
			tail := c.tail(4000)
			if strings.Contains(tail, "address already in use") {
				return fmt.Errorf("%s: %w", c.name, errAddrInUse)
			}
			return fmt.Errorf("%s exited before it was ready (%v); last lines of %s:\n%s", c.name, c.err, c.logFile, tail)
		case <-time.After(150 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			c.stop(5 * time.Second)
			return fmt.Errorf("%s not ready after %s (%s: last answer %d, %v); last lines of %s:\n%s",
				c.name, timeout, url, code, err, c.logFile, c.tail(4000))
		}
	}
}

// freePorts asks the kernel for n distinct free loopback ports. Another process may take one
// before the component binds it; callers retry (startWithRetry).
func freePorts(n int) ([]int, error) {
	ls := make([]net.Listener, 0, n)
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	ports := make([]int, 0, n)
	for i := 0; i < n; i++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

// tryFirstEnv names ports a component's first start attempt must use, e.g.
// "etcd=2379,kube-apiserver=6443": a test hook that makes the port-collision retry testable by
// pointing a component at a port the test holds.
const tryFirstEnv = "STS_KIT_LAUNCHER_TRY_FIRST"

var (
	tryFirstMu    sync.Mutex
	tryFirstPorts map[string]int
)

// tryFirst returns, once, the port tryFirstEnv names for component.
func tryFirst(component string) (int, bool) {
	tryFirstMu.Lock()
	defer tryFirstMu.Unlock()
	if tryFirstPorts == nil {
		tryFirstPorts = map[string]int{}
		for _, kv := range strings.Split(os.Getenv(tryFirstEnv), ",") {
			name, port, ok := strings.Cut(strings.TrimSpace(kv), "=")
			if n, err := strconv.Atoi(port); ok && err == nil && n > 0 {
				tryFirstPorts[name] = n
			}
		}
	}
	p, ok := tryFirstPorts[component]
	delete(tryFirstPorts, component)
	return p, ok
}
