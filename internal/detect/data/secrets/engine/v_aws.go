package engine

// awsKeyID validates an access key id (AKIA… long-term, ASIA… temporary,
// ABIA/ACCA service ids): 4 letters and 16 base32 characters. A 40-character
// secret access key within four lines makes it a pair.
func awsKeyID(sc *scan, at int) {
	d := sc.data
	if at+20 > len(d) || !boundaryBefore(d, at, csAlnum) || !boundaryAfter(d, at+20, csAlnum) {
		return
	}
	p := string(d[at : at+4])
	if p != "AKIA" && p != "ASIA" && p != "ABIA" && p != "ACCA" {
		return
	}
	if !allIn(string(d[at+4:at+20]), csBase32U) {
		return
	}
	c := cand{rule: RuleAWSAccessKey, start: at, end: at + 20, conf: Medium,
		why: "access key id (" + p + "…) without its secret access key nearby"}
	if p == "ASIA" {
		c.conf, c.why = Low, "temporary (STS) access key id; useless without its secret and session token"
	}
	if s, e, ok := awsSecretNear(d, at); ok {
		c.partner = &cand{rule: RuleAWSSecretKey, start: s, end: e, conf: High, why: "secret access key next to its key id",
			key: keyBefore(d, s)}
		c.conf, c.why = High, "access key id with its secret access key"
		sc.partnerSpan(s, e)
	}
	sc.add(c)
}

// awsSecretNear finds the 40-character secret access key closest to i,
// within four lines.
func awsSecretNear(d []byte, i int) (int, int, bool) {
	ws, we := window(d, i, 4, 1200)
	best, bs, be := -1, 0, 0
	for j := ws; j < we; {
		if !csB64[d[j]] {
			j++
			continue
		}
		e := runEnd(d, j, csB64, 64)
		if e-j == 40 && boundaryAfter(d, e, csB64Pad) && boundaryBefore(d, j, csB64) && awsSecretShape(string(d[j:e])) {
			dist := j - i
			if dist < 0 {
				dist = -dist
			}
			if best < 0 || dist < best {
				best, bs, be = dist, j, e
			}
		}
		j = e
	}
	return bs, be, best >= 0
}

// awsSecretShape: 40 base64 characters that look random (upper, lower and
// digits, high entropy): not a SHA-1, not a word.
func awsSecretShape(v string) bool {
	return len(v) == 40 && allIn(v, csB64) && classes(v) >= 3 && entropy(v) >= 4.0 && !fakeToken(v)
}

func (sc *scan) partnerSpan(s, e int) {
	if sc.partners == nil {
		sc.partners = map[[2]int]bool{}
	}
	sc.partners[[2]int{s, e}] = true
}
