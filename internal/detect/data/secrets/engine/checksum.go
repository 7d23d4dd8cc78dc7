package engine

import "hash/crc32"

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// base62CRC is the 6-character checksum GitHub and npm append to their
// tokens: the CRC-32 (IEEE) of the random part, base62 (0-9A-Za-z),
// most significant digit first, left-padded with '0'.
func base62CRC(body string) string {
	n := crc32.ChecksumIEEE([]byte(body))
	var out [6]byte
	for i := 5; i >= 0; i-- {
		out[i] = base62[n%62]
		n /= 62
	}
	return string(out[:])
}

// checksummed reports whether a prefixed token (ghp_…, npm_…) of 30
// random characters and 6 checksum characters after the prefix carries a
// valid checksum.
func checksummed(tok string, prefixLen int) bool {
	body := tok[prefixLen:]
	if len(body) != 36 {
		return false
	}
	return base62CRC(body[:30]) == body[30:]
}
