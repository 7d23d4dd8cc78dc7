package azure

import (
	"errors"
	"strconv"
	"strings"
)

// maxDays bounds the days of a time span (.NET TimeSpan.MaxValue).
const maxDays = 10_675_199

var errTimeSpan = errors.New(`want a time span such as "00:05:00"`)

// parseTimeSpan reads a .NET time span as host.json's functionTimeout is
// written: "[d.]hh:mm[:ss[.fraction]]", a bare day count, or "-1" for no
// limit. It returns whole seconds (fractions are dropped).
func parseTimeSpan(s string) (secs int, unlimited bool, err error) {
	s = strings.TrimSpace(s)
	if s == "-1" {
		return 0, true, nil
	}
	if !strings.Contains(s, ":") {
		days, err := bounded(s, maxDays)
		return days * 86400, false, err
	}
	days := 0
	if d, rest, ok := strings.Cut(s, "."); ok && !strings.Contains(d, ":") {
		if days, err = bounded(d, maxDays); err != nil {
			return 0, false, err
		}
		s = rest
	}
	s, _, _ = strings.Cut(s, ".") // fraction of a second
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return 0, false, errTimeSpan
	}
	limits := []int{23, 59, 59}
	total := days * 86400
	for i, unit := range []int{3600, 60, 1} {
		if i >= len(parts) {
			break
		}
		v, err := bounded(parts[i], limits[i])
		if err != nil {
			return 0, false, err
		}
		total += v * unit
	}
	return total, false, nil
}

// bounded parses a non-negative decimal no greater than hi.
func bounded(s string, hi int) (int, error) {
	if s == "" || len(s) > 8 || strings.TrimLeft(s, "0123456789") != "" {
		return 0, errTimeSpan
	}
	v, err := strconv.Atoi(s)
	if err != nil || v > hi {
		return 0, errTimeSpan
	}
	return v, nil
}
