package main

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// pki is everything the control plane authenticates with, written as files into one directory.
type pki struct {
	CAFile           string // PEM CA certificate: signs the serving and the admin client certificate
	ServingCertFile  string // kube-apiserver's serving certificate (127.0.0.1, localhost, kubernetes.default…)
	ServingKeyFile   string
	AdminCertFile    string // client certificate CN=sts-kit-admin, O=system:masters
	AdminKeyFile     string
	SAKeyFile        string // RSA private key that signs service-account tokens
	SAPubFile        string // its public key, which verifies them
	TokenFile        string // --token-auth-file: one static admin bearer token
	Token            string
	caPEM, adminCert []byte
	adminKey         []byte
}

const adminUser = "sts-kit-admin"

// newPKI generates a fresh CA and all certificates and keys under dir. Nothing is reused between
// runs: every control plane has its own trust root, valid for a day.
func newPKI(dir string) (*pki, error) {
	p := &pki{
		CAFile:          filepath.Join(dir, "ca.crt"),
		ServingCertFile: filepath.Join(dir, "apiserver.crt"),
		ServingKeyFile:  filepath.Join(dir, "apiserver.key"),
		AdminCertFile:   filepath.Join(dir, "admin.crt"),
		AdminKeyFile:    filepath.Join(dir, "admin.key"),
		SAKeyFile:       filepath.Join(dir, "sa.key"),
		SAPubFile:       filepath.Join(dir, "sa.pub"),
		TokenFile:       filepath.Join(dir, "tokens.csv"),
	}
	now := time.Now().Add(-time.Hour)
	notAfter := now.Add(25 * time.Hour)

	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	caTmpl := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: "sts-kit control-plane CA"},
		NotBefore:             now,
		NotAfter:              notAfter,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return nil, err
	}
	caCert, err := x509.ParseCertificate(caDER)
	if err != nil {
		return nil, err
	}
	p.caPEM = pemBlock("CERTIFICATE", caDER)
	if err := os.WriteFile(p.CAFile, p.caPEM, 0o644); err != nil {
		return nil, err
	}

	// Serving certificate: every name a client inside or outside the cluster may use.
	servingKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	servingTmpl := &x509.Certificate{
		SerialNumber: serial(),
		Subject:      pkix.Name{CommonName: "kube-apiserver"},
		NotBefore:    now,
		NotAfter:     notAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames: []string{"localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc",
			"kubernetes.default.svc.cluster.local"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP(firstServiceIP)},
	}
	if err := p.issue(servingTmpl, caCert, caKey, servingKey, p.ServingCertFile, p.ServingKeyFile); err != nil {
		return nil, err
	}

	// Admin client certificate, RSA in PKCS#1 form: the form every kubeconfig reader accepts.
	adminKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	adminTmpl := &x509.Certificate{
		SerialNumber: serial(),
		Subject:      pkix.Name{CommonName: adminUser, Organization: []string{"system:masters"}},
		NotBefore:    now,
		NotAfter:     notAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	if err := p.issue(adminTmpl, caCert, caKey, adminKey, p.AdminCertFile, p.AdminKeyFile); err != nil {
		return nil, err
	}
	if p.adminCert, err = os.ReadFile(p.AdminCertFile); err != nil {
		return nil, err
	}
	if p.adminKey, err = os.ReadFile(p.AdminKeyFile); err != nil {
		return nil, err
	}

	// Service-account signing key.
	saKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(p.SAKeyFile, pemBlock("RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(saKey)), 0o600); err != nil {
		return nil, err
	}
	pubDER, err := x509.MarshalPKIXPublicKey(&saKey.PublicKey)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(p.SAPubFile, pemBlock("PUBLIC KEY", pubDER), 0o644); err != nil {
		return nil, err
	}

	// Static bearer token: token,user,uid,"groups" (kube-apiserver --token-auth-file).
	tok := make([]byte, 24)
	if _, err := rand.Read(tok); err != nil {
		return nil, err
	}
	p.Token = hex.EncodeToString(tok)
	line := fmt.Sprintf("%s,%s,%s,\"system:masters\"\n", p.Token, adminUser, adminUser)
	if err := os.WriteFile(p.TokenFile, []byte(line), 0o600); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *pki) issue(tmpl, ca *x509.Certificate, caKey crypto.Signer, key crypto.Signer, certFile, keyFile string) error {
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, key.Public(), caKey)
	if err != nil {
		return err
	}
	var keyPEM []byte
	switch k := key.(type) {
	case *rsa.PrivateKey:
		keyPEM = pemBlock("RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(k))
	case *ecdsa.PrivateKey:
		b, err := x509.MarshalECPrivateKey(k)
		if err != nil {
			return err
		}
		keyPEM = pemBlock("EC PRIVATE KEY", b)
	default:
		return fmt.Errorf("unsupported key type %T", key)
	}
	if err := os.WriteFile(certFile, pemBlock("CERTIFICATE", der), 0o644); err != nil {
		return err
	}
	return os.WriteFile(keyFile, keyPEM, 0o600)
}

// kubeconfig is an admin kubeconfig that embeds the CA and the admin client certificate.
func (p *pki) kubeconfig(server string) []byte {
	b64 := base64.StdEncoding.EncodeToString
	return []byte(fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: sts-kit
  cluster:
    server: %s
    certificate-authority-data: %s
users:
- name: %s
  user:
    client-certificate-data: %s
    client-key-data: %s
contexts:
- name: sts-kit
  context:
    cluster: sts-kit
    user: %s
current-context: sts-kit
`, server, b64(p.caPEM), adminUser, b64(p.adminCert), b64(p.adminKey), adminUser))
}

func pemBlock(typ string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
}

func serial() *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	if err != nil {
		panic(err)
	}
	return n
}
