package snapshot

import (
	"encoding/binary"
	"hash/crc32"
)

// resign returns head and body with a valid checksum.
func resign(head, body []byte) []byte {
	out := append(append([]byte(nil), head...), body...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, castagnoli))
}
