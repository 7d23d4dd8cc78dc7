package engine

import (
	"math"
	"strings"
)

// entropy is the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	h := 0.0
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// classes counts the character classes (lower, upper, digit, other) in s.
func classes(s string) int {
	var lo, up, di, ot int
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= 'a' && b <= 'z':
			lo = 1
		case b >= 'A' && b <= 'Z':
			up = 1
		case b >= '0' && b <= '9':
			di = 1
		default:
			ot = 1
		}
	}
	return lo + up + di + ot
}

func hasDigit(s string) bool { return strings.ContainsAny(s, digits) }

func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		switch i {
		case 8, 13, 18, 23:
			if s[i] != '-' {
				return false
			}
		default:
			if !csHex[s[i]] {
				return false
			}
		}
	}
	return true
}

// wordLike reports whether s reads as words or an identifier (a name, a
// constant, a host name, a path) rather than random characters: it splits
// s into words at separators, case changes and digits, and asks whether
// pronounceable words of three letters or more make up most of it.
func wordLike(s string) bool {
	letters := 0
	for _, w := range splitWords(s, 64) {
		if len(w) >= 3 && pronounceable(w) {
			letters += len(w)
		}
	}
	n := alnumCount(s)
	return n == 0 || letters*10 >= n*7
}

func alnumCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if csAlnum[s[i]] {
			n++
		}
	}
	return n
}

// pronounceable: letters only, with a vowel, no long consonant clusters.
func pronounceable(w string) bool {
	vowels, run := 0, 0
	for i := 0; i < len(w); i++ {
		b := w[i]
		if b < 'a' || b > 'z' {
			return false
		}
		if strings.IndexByte("aeiouy", b) >= 0 {
			vowels++
			run = 0
			continue
		}
		run++
		if run > 4 {
			return false
		}
	}
	return vowels > 0 && vowels*6 >= len(w)
}

// splitWords splits an identifier or value into lower-case words: at
// non-alphanumeric bytes, lower-to-upper changes, acronym ends (APIKey:
// api, key) and letter/digit changes.
func splitWords(s string, max int) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start && len(out) < max {
			out = append(out, strings.ToLower(s[start:end]))
		}
		start = -1
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !csAlnum[b] {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		p := s[i-1]
		isUp, pUp := b >= 'A' && b <= 'Z', p >= 'A' && p <= 'Z'
		pLow := p >= 'a' && p <= 'z'
		isDigit, pDigit := csDigits[b], csDigits[p]
		switch {
		case isUp && pLow,
			isDigit != pDigit,
			isUp && pUp && i+1 < len(s) && s[i+1] >= 'a' && s[i+1] <= 'z':
			flush(i)
			start = i
		}
	}
	flush(len(s))
	return out
}

// longRun reports a run of n or more identical bytes.
func longRun(s string, n int) bool {
	run := 1
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1] {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 1
		}
	}
	return n <= 1 && len(s) > 0
}

// sequence reports an ascending or descending run of n or more bytes
// (123456, abcdef, 987654).
func sequence(s string, n int) bool {
	up, down := 1, 1
	for i := 1; i < len(s); i++ {
		d := int(s[i]) - int(s[i-1])
		if d == 1 && csAlnum[s[i]] {
			up++
		} else {
			up = 1
		}
		if d == -1 && csAlnum[s[i]] {
			down++
		} else {
			down = 1
		}
		if up >= n || down >= n {
			return true
		}
	}
	return false
}

// dominant reports whether one byte makes up more than half of s.
func dominant(s string) bool {
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
		if counts[s[i]]*2 > len(s) && len(s) >= 4 {
			return true
		}
	}
	return false
}
