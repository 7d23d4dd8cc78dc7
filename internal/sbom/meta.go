package sbom

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Meta is what an SBOM document says about itself.
type Meta struct {
	// Name names the project (usually the base name of the scanned path).
	Name string
	// ToolVersion is clad's version.
	ToolVersion string
	// Time is the creation time; callers fix it (SOURCE_DATE_EPOCH) for
	// reproducible output.
	Time time.Time
}

func (m Meta) name() string {
	if strings.TrimSpace(m.Name) == "" {
		return "project"
	}
	return m.Name
}

func (m Meta) version() string {
	if m.ToolVersion == "" {
		return "dev"
	}
	return m.ToolVersion
}

func (m Meta) timestamp() string { return m.Time.UTC().Format(time.RFC3339) }

// contentHash is the SHA-256 of the inventory's JSON form, in hex.
func contentHash(inv *Inventory) string {
	var b bytes.Buffer
	if err := WriteJSON(&b, inv); err != nil {
		// Encoding plain structs and strings cannot fail; hash the name
		// rather than nothing should it ever happen.
		b.WriteString(inv.Root)
	}
	sum := sha256.Sum256(b.Bytes())
	return hex.EncodeToString(sum[:])
}

// hashUUID shapes the first 16 bytes of a hex SHA-256 as a name-based
// (version 5 layout) UUID.
func hashUUID(hexSum string) string {
	raw, err := hex.DecodeString(hexSum)
	if err != nil || len(raw) < 16 {
		raw = make([]byte, 16)
	}
	u := raw[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
