package source

/*
#include <stddef.h>

// Declared by tree-sitter's api.h, compiled into go-tree-sitter.
extern void ts_set_allocator(
	void *(*new_malloc)(size_t),
	void *(*new_calloc)(size_t, size_t),
	void *(*new_realloc)(void *, size_t),
	void (*new_free)(void *));

static void clad_ts_default_allocator(void) { ts_set_allocator(NULL, NULL, NULL, NULL); }
*/
import "C"

import "sync"

// The go-tree-sitter bindings route every allocation of the C library
// through exported Go functions that call back into C's malloc: two cgo
// transitions per allocation, which made parsing about ten times slower.
// Tree-sitter's own default allocator is the same libc malloc (with an
// out-of-memory check), so memory from either side may be freed by the
// other. Switching is process wide and done once, before the first parse.
var allocOnce sync.Once

func useDefaultAllocator() { allocOnce.Do(func() { C.clad_ts_default_allocator() }) }
