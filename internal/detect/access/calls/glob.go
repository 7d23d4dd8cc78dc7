package calls

// maxGlob bounds the patterns Overlap compares.
const maxGlob = 2048

// Overlap reports whether some string matches both patterns, where "*"
// in either stands for any run of characters (possibly empty). Patterns
// longer than 2 KiB never overlap.
func Overlap(a, b string) bool {
	if len(a) > maxGlob || len(b) > maxGlob {
		return false
	}
	seen := make([]bool, (len(a)+1)*(len(b)+1))
	// Depth-first search over (i, j) states with an explicit stack.
	type st struct{ i, j int }
	stack := []st{{0, 0}}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		i, j := s.i, s.j
		k := i*(len(b)+1) + j
		if seen[k] {
			continue
		}
		seen[k] = true
		if i == len(a) && j == len(b) {
			return true
		}
		aStar := i < len(a) && a[i] == '*'
		bStar := j < len(b) && b[j] == '*'
		if aStar {
			stack = append(stack, st{i + 1, j}) // a's star matches nothing more
			if j < len(b) {
				stack = append(stack, st{i, j + 1}) // a's star absorbs b[j]
			}
		}
		if bStar {
			stack = append(stack, st{i, j + 1})
			if i < len(a) {
				stack = append(stack, st{i + 1, j})
			}
		}
		if i < len(a) && j < len(b) && !aStar && !bStar && a[i] == b[j] {
			stack = append(stack, st{i + 1, j + 1})
		}
	}
	return false
}
