package handling

import (
	"net/netip"
	"strings"
)

// plainURL reports whether s is a plaintext (http:// or ws://) URL to a
// remote host, and returns it in a form fit for evidence: credentials
// masked, query and fragment dropped. Loopback, link-local (the instance
// metadata endpoints speak plain HTTP by design), single-label (container
// and local development names), *.local and the reserved example and test
// domains are not remote. So are the namespace hosts of XML and schemas,
// which are identifiers, not endpoints.
func plainURL(s string) (string, bool) {
	s = strings.TrimSpace(s)
	scheme := ""
	for _, sc := range []string{"http://", "ws://"} {
		if len(s) >= len(sc) && strings.EqualFold(s[:len(sc)], sc) {
			scheme = sc
		}
	}
	if scheme == "" {
		return "", false
	}
	rest := s[len(scheme):]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	authority, path := rest[:end], rest[end:]
	userinfo := ""
	if i := strings.LastIndexByte(authority, '@'); i >= 0 {
		userinfo, authority = authority[:i], authority[i+1:]
	}
	host, ok := hostOf(authority)
	if !ok || !remoteHost(host) {
		return "", false
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	if len(path) > 80 {
		path = path[:80] + "…"
	}
	if userinfo != "" {
		authority = "***@" + authority
	}
	return strings.ToLower(scheme) + authority + path, true
}

// hostOf returns the lower-case host of an authority ("host:port",
// "[::1]:80"), refusing anything that is not a literal host name: a
// template placeholder, a format verb, spaces.
func hostOf(authority string) (string, bool) {
	if strings.HasPrefix(authority, "[") {
		i := strings.IndexByte(authority, ']')
		if i < 0 {
			return "", false
		}
		return strings.ToLower(authority[1:i]), true
	}
	host := authority
	if i := strings.IndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	if host == "" {
		return "", false
	}
	for _, r := range host {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
		default:
			return "", false
		}
	}
	return strings.ToLower(strings.TrimSuffix(host, ".")), true
}

// localSuffixes are domains that never leave the machine or the local
// network, or are reserved for documentation and tests (RFC 2606, 6761,
// 6762).
var localSuffixes = []string{".localhost", ".local", ".localdomain", ".example", ".test", ".invalid", ".internal.docker"}

// notEndpoints are hosts whose http:// URLs are names, not addresses:
// documentation examples and XML/schema namespaces.
var notEndpoints = map[string]bool{
	"localhost": true, "example.com": true, "www.example.com": true, "example.org": true, "www.example.org": true,
	"example.net": true, "www.example.net": true, "host.docker.internal": true, "w3.org": true, "www.w3.org": true,
	"schemas.xmlsoap.org": true, "schemas.microsoft.com": true, "schemas.openxmlformats.org": true,
	"schemas.android.com": true, "xmlns.com": true, "purl.org": true, "json-schema.org": true, "ns.adobe.com": true,
	"www.apache.org": true, "java.sun.com": true, "xml.org": true, "www.xml.org": true,
}

// remoteHost reports whether host is a remote endpoint.
func remoteHost(host string) bool {
	if host == "" || notEndpoints[host] || strings.HasPrefix(host, "schemas.") {
		return false
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return !(ip.IsLoopback() || ip.IsLinkLocalUnicast() || ip.IsUnspecified() || ip.IsPrivate() && isMetadataV6(ip))
	}
	if !strings.Contains(host, ".") {
		return false // a single label: a container or local development name
	}
	for _, suf := range localSuffixes {
		if strings.HasSuffix(host, suf) {
			return false
		}
	}
	return true
}

// isMetadataV6 reports the IPv6 instance metadata address (fd00:ec2::254).
func isMetadataV6(ip netip.Addr) bool {
	return ip == netip.MustParseAddr("fd00:ec2::254")
}
