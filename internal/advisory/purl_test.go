package advisory

import "testing"

func TestFromPURL(t *testing.T) {
	tests := []struct{ purl, eco, name, version string }{
		{"pkg:npm/lodash@4.17.20", NPM, "lodash", "4.17.20"},
		{"pkg:npm/%40azure/identity@4.2.0", NPM, "@azure/identity", "4.2.0"},
		{"pkg:pypi/Jinja2@2.10", PyPI, "jinja2", "2.10"},
		{"pkg:golang/github.com/Azure/azure-sdk-for-go/sdk/azidentity@v1.5.2", Go, "github.com/Azure/azure-sdk-for-go/sdk/azidentity", "v1.5.2"},
		{"pkg:maven/org.springframework/spring-beans@5.2.19.RELEASE", Maven, "org.springframework:spring-beans", "5.2.19.RELEASE"},
		{"pkg:gem/rails@6.0.0", RubyGems, "rails", "6.0.0"},
		{"pkg:nuget/Newtonsoft.Json@12.0.3", NuGet, "Newtonsoft.Json", "12.0.3"},
		{"pkg:cargo/openssl@0.10.70", CratesIO, "openssl", "0.10.70"},
		{"pkg:composer/symfony/http-kernel@5.0.0", Packagist, "symfony/http-kernel", "5.0.0"},
	}
	for _, tt := range tests {
		eco, name, version, err := FromPURL(tt.purl)
		if err != nil || eco != tt.eco || name != tt.name || version != tt.version {
			t.Errorf("FromPURL(%q) = %q %q %q %v, want %q %q %q", tt.purl, eco, name, version, err, tt.eco, tt.name, tt.version)
		}
	}
	for _, bad := range []string{"", "lodash", "pkg:docker/alpine@3", "pkg:"} {
		if _, _, _, err := FromPURL(bad); err == nil {
			t.Errorf("FromPURL(%q) should fail", bad)
		}
	}
}
