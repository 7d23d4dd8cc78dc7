package handling

import "testing"

func TestPlainURL(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"http://api.partner-shop.io/v1/orders", "http://api.partner-shop.io/v1/orders", true},
		{"HTTP://API.partner-shop.io", "http://API.partner-shop.io", true},
		{"ws://stream.partner-shop.io/events", "ws://stream.partner-shop.io/events", true},
		{"http://mail-relay.shop-internal.example.com:8025/v1/messages", "http://mail-relay.shop-internal.example.com:8025/v1/messages", true},
		{"http://user:s3cret@api.partner-shop.io/x?key=abc#frag", "http://***@api.partner-shop.io/x", true},
		{"http://10.0.3.7:8080/internal", "http://10.0.3.7:8080/internal", true},
		{"  http://api.partner-shop.io  ", "http://api.partner-shop.io", true},
		{"https://api.partner-shop.io", "", false},
		{"wss://stream.partner-shop.io", "", false},
		{"http://localhost:3000", "", false},
		{"http://api.localhost", "", false},
		{"http://127.0.0.1:8080/x", "", false},
		{"http://[::1]:80/", "", false},
		{"http://0.0.0.0:9000", "", false},
		{"http://169.254.169.254/latest/meta-data/", "", false},
		{"http://169.254.170.2/v2/credentials", "", false},
		{"http://[fd00:ec2::254]/latest", "", false},
		{"http://printer.local/status", "", false},
		{"http://host.docker.internal:4566", "", false},
		{"http://backend:8080/api", "", false},
		{"http://example.com/test", "", false},
		{"http://www.example.org", "", false},
		{"http://shop.example/", "", false},
		{"http://api.test/", "", false},
		{"http://www.w3.org/2000/svg", "", false},
		{"http://schemas.xmlsoap.org/soap/envelope/", "", false},
		{"http://schemas.acme-corp.io/order", "", false},
		{"http://json-schema.org/draft-07/schema#", "", false},
		{"http://", "", false},
		{"http:///path", "", false},
		{"http://${HOST}/x", "", false},
		{"http://%s/x", "", false},
		{"http://{host}/x", "", false},
		{"http://api.", "", false},
		{"http://[::1", "", false},
		{"ftp://files.partner-shop.io", "", false},
		{"see http://api.partner-shop.io", "", false},
	}
	for _, tc := range cases {
		got, ok := plainURL(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("plainURL(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func FuzzPlainURL(f *testing.F) {
	for _, s := range []string{"http://a.b/c", "http://u:p@[::1]:80/x?y", "ws://x.y", "http://", "HTTP://é.com"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, ok := plainURL(s)
		if ok && u == "" {
			t.Errorf("plainURL(%q) ok with empty evidence", s)
		}
	})
}
