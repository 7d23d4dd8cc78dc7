package golang

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"testing"
)

// fakeGoELF builds the smallest ELF file debug/buildinfo accepts: one
// writable PT_LOAD segment holding a Go 1.18+ build information blob
// (magic, inline flag, then the varint-prefixed version and module
// strings framed by their 16-byte sentinels).
func fakeGoELF(t *testing.T, goVersion, modinfo string) []byte {
	t.Helper()
	sentinel := bytes.Repeat([]byte{0x30}, 16)
	var blob bytes.Buffer
	blob.WriteString("\xff Go buildinf:")
	blob.WriteByte(8)   // pointer size
	blob.WriteByte(0x2) // flagsVersionInl, little endian
	blob.Write(make([]byte, 16))
	writeVarString(&blob, []byte(goVersion))
	writeVarString(&blob, append(append(append([]byte(nil), sentinel...), modinfo...), sentinel...))

	const dataOff, vaddr = 128, 0x10000
	hdr := elf.Header64{
		Type: uint16(elf.ET_EXEC), Machine: uint16(elf.EM_X86_64), Version: uint32(elf.EV_CURRENT),
		Phoff: 64, Ehsize: 64, Phentsize: 56, Phnum: 1, Shentsize: 64,
	}
	copy(hdr.Ident[:], "\x7fELF")
	hdr.Ident[elf.EI_CLASS] = byte(elf.ELFCLASS64)
	hdr.Ident[elf.EI_DATA] = byte(elf.ELFDATA2LSB)
	hdr.Ident[elf.EI_VERSION] = byte(elf.EV_CURRENT)
	prog := elf.Prog64{
		Type: uint32(elf.PT_LOAD), Flags: uint32(elf.PF_R | elf.PF_W), Off: dataOff,
		Vaddr: vaddr, Paddr: vaddr, Filesz: uint64(blob.Len()), Memsz: uint64(blob.Len()), Align: 0x1000,
	}
	var out bytes.Buffer
	if err := binary.Write(&out, binary.LittleEndian, hdr); err != nil {
		t.Fatal(err)
	}
	if err := binary.Write(&out, binary.LittleEndian, prog); err != nil {
		t.Fatal(err)
	}
	out.Write(make([]byte, dataOff-out.Len()))
	out.Write(blob.Bytes())
	return out.Bytes()
}

func writeVarString(b *bytes.Buffer, s []byte) {
	var n [binary.MaxVarintLen64]byte
	b.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
	b.Write(s)
}
