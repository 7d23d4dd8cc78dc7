package main

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	crand "crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/binary"
	"encoding/pem"
	"math/big"
	"math/rand/v2"
	"strings"
	"time"
)

// keyPool holds generated key pairs: RSA keys are slow to make, so a few
// are made once and reused.
type keyPool struct {
	r   *rand.Rand
	rsa []*rsa.PrivateKey
}

func newKeyPool(r *rand.Rand) *keyPool { return &keyPool{r: r} }

func (k *keyPool) rsaKey() *rsa.PrivateKey {
	if len(k.rsa) < 6 {
		key, err := rsa.GenerateKey(crand.Reader, 2048)
		if err != nil {
			panic(err) // crypto/rand does not fail
		}
		k.rsa = append(k.rsa, key)
		return key
	}
	return k.rsa[k.r.IntN(len(k.rsa))]
}

func pemBlock(kind string, der []byte) string {
	return strings.TrimRight(string(pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der})), "\n")
}

// privateKeyPEM returns a private key block of a random kind.
func (c *corpus) privateKeyPEM() (string, string) {
	switch c.r.IntN(4) {
	case 0:
		return "rsa-private-key", pemBlock("RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(c.keys.rsaKey()))
	case 1:
		der, _ := x509.MarshalPKCS8PrivateKey(c.keys.rsaKey())
		return "pkcs8-private-key", pemBlock("PRIVATE KEY", der)
	case 2:
		key, _ := ecdsa.GenerateKey(elliptic.P256(), crand.Reader)
		der, _ := x509.MarshalECPrivateKey(key)
		return "ec-private-key", pemBlock("EC PRIVATE KEY", der)
	}
	return "openssh-private-key", c.opensshKey()
}

// opensshKey writes an ed25519 key in the openssh-key-v1 format.
func (c *corpus) opensshKey() string {
	priv := ed25519.NewKeyFromSeed(c.bytes(32))
	pub := priv.Public().(ed25519.PublicKey)
	var pubBlob, privBlob []byte
	pubBlob = sshString(sshString(pubBlob, []byte("ssh-ed25519")), pub)
	check := c.bytes(4)
	privBlob = append(append(privBlob, check...), check...)
	privBlob = sshString(privBlob, []byte("ssh-ed25519"))
	privBlob = sshString(privBlob, pub)
	privBlob = sshString(privBlob, priv)
	privBlob = sshString(privBlob, []byte("deploy@ci"))
	for i := byte(1); len(privBlob)%8 != 0; i++ {
		privBlob = append(privBlob, i)
	}
	out := []byte("openssh-key-v1\x00")
	out = sshString(out, []byte("none"))
	out = sshString(out, []byte("none"))
	out = sshString(out, nil)
	out = binary.BigEndian.AppendUint32(out, 1)
	out = sshString(out, pubBlob)
	out = sshString(out, privBlob)
	b64 := base64.StdEncoding.EncodeToString(out)
	var lines []string
	for len(b64) > 70 {
		lines = append(lines, b64[:70])
		b64 = b64[70:]
	}
	lines = append(lines, b64)
	return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + strings.Join(lines, "\n") + "\n-----END OPENSSH PRIVATE KEY-----"
}

func sshString(b, s []byte) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(s)))
	return append(b, s...)
}

// sshPublicKey is an authorized_keys line.
func (c *corpus) sshPublicKey() string {
	pub := ed25519.NewKeyFromSeed(c.bytes(32)).Public().(ed25519.PublicKey)
	blob := sshString(sshString(nil, []byte("ssh-ed25519")), pub)
	return "ssh-ed25519 " + base64.StdEncoding.EncodeToString(blob) + " deploy@ci"
}

// publicKeyPEM is an RSA public key block.
func (c *corpus) publicKeyPEM() string {
	der, _ := x509.MarshalPKIXPublicKey(&c.keys.rsaKey().PublicKey)
	return pemBlock("PUBLIC KEY", der)
}

// certificatePEM is a self-signed certificate.
func (c *corpus) certificatePEM() string {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), crand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(int64(c.r.IntN(1 << 30))),
		Subject:      pkix.Name{CommonName: "api.example.com"},
		NotBefore:    time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2034, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	der, _ := x509.CreateCertificate(crand.Reader, tmpl, tmpl, &key.PublicKey, key)
	return pemBlock("CERTIFICATE", der)
}

// gcpPrivateKeyJSON is a PKCS#8 key as a JSON string value.
func (c *corpus) gcpPrivateKeyJSON() string {
	der, _ := x509.MarshalPKCS8PrivateKey(c.keys.rsaKey())
	return strings.ReplaceAll(pemBlock("PRIVATE KEY", der), "\n", `\n`) + `\n`
}
