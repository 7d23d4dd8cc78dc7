package gitscan

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

// readBlobs reads the blobs ids with one "git cat-file --batch" process
// and calls fn with each one's content, in order. Blobs larger than the
// size limit, and missing objects, come with nil content.
func (r *Repo) readBlobs(ctx context.Context, ids []string, fn func(id string, data []byte)) error {
	if len(ids) == 0 {
		return nil
	}
	for _, id := range ids {
		if !isHex(id) {
			return fmt.Errorf("git cat-file: bad object id %q", id)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, r.opts.Timeout)
	defer cancel()
	cmd := r.command(ctx, r.Root, "cat-file", "--batch")
	cmd.Stdin = strings.NewReader(strings.Join(ids, "\n") + "\n")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("cannot run git: %w", err)
	}
	rerr := r.readBatch(bufio.NewReaderSize(out, 64<<10), ids, fn)
	if rerr != nil {
		cancel()
		_, _ = io.Copy(io.Discard, out)
	}
	werr := cmd.Wait()
	if rerr != nil {
		return rerr
	}
	if werr != nil {
		return fmt.Errorf("git cat-file: %w", werr)
	}
	return nil
}

// readBatch parses "<id> blob <size>\n<content>\n" records.
func (r *Repo) readBatch(br *bufio.Reader, ids []string, fn func(string, []byte)) error {
	for _, id := range ids {
		head, err := br.ReadString('\n')
		if err != nil {
			return fmt.Errorf("git cat-file: short output: %w", err)
		}
		fields := strings.Fields(head)
		if len(fields) != 3 {
			fn(id, nil) // "<id> missing"
			continue
		}
		size, err := strconv.ParseInt(fields[2], 10, 64)
		if err != nil || size < 0 {
			return fmt.Errorf("git cat-file: bad header %q", strings.TrimSpace(head))
		}
		var data []byte
		if fields[1] == "blob" && size <= int64(r.opts.MaxFileBytes) {
			data = make([]byte, size)
			if _, err := io.ReadFull(br, data); err != nil {
				return fmt.Errorf("git cat-file: %w", err)
			}
		} else if _, err := io.CopyN(io.Discard, br, size); err != nil {
			return fmt.Errorf("git cat-file: %w", err)
		}
		if _, err := br.Discard(1); err != nil { // the newline after the content
			return fmt.Errorf("git cat-file: %w", err)
		}
		fn(id, data)
	}
	return nil
}

// batch is a running "git cat-file --batch" process that answers one
// object at a time, for the history walk.
type batch struct {
	r      *Repo
	cancel context.CancelFunc
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
}

// get returns the content of blob id, nil when it is missing, not a blob
// or over the size limit.
func (b *batch) get(ctx context.Context, id string) ([]byte, error) {
	if !isHex(id) {
		return nil, nil
	}
	if b.cmd == nil {
		if err := b.start(ctx); err != nil {
			return nil, err
		}
	}
	if _, err := io.WriteString(b.in, id+"\n"); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	var data []byte
	err := b.r.readBatch(b.out, []string{id}, func(_ string, d []byte) { data = d })
	return data, err
}

func (b *batch) start(ctx context.Context) error {
	ctx, b.cancel = context.WithCancel(ctx)
	b.cmd = b.r.command(ctx, b.r.Root, "cat-file", "--batch")
	in, err := b.cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	out, err := b.cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	if err := b.cmd.Start(); err != nil {
		return fmt.Errorf("cannot run git: %w", err)
	}
	b.in, b.out = in, bufio.NewReaderSize(out, 64<<10)
	return nil
}

// close ends the process.
func (b *batch) close() {
	if b.cmd == nil {
		return
	}
	b.in.Close()
	b.cancel()
	_ = b.cmd.Wait()
}

// textual reports whether data looks like text: no NUL byte in its first
// 8 KiB (git's own test).
func textual(data []byte) bool {
	n := min(len(data), 8<<10)
	return data != nil && bytes.IndexByte(data[:n], 0) < 0
}

func isHex(s string) bool {
	if len(s) < 4 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
