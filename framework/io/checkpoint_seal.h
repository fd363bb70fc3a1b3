#pragma once
// A checksum over every byte of a checkpoint, checked before HDF5 sees the file. HDF5 trusts its own
// metadata: one flipped byte can make it read wild pointers and crash the process. So a checkpoint reserves
// an HDF5 user block (bytes HDF5 skips) and, once the file is complete and closed, a seal is written into it:
//
//   offset  size  field
//        0     8  magic "MANNSEAL"
//        8     4  seal version (1), little-endian like every field
//       12     4  chunk size in bytes (a multiple of 4096)
//       16     8  payload length: the bytes after the user block
//       24     4  CRC-32 of the user block's other 508 bytes (header, chunk table and the zero padding)
//       28     4  chunk count
//       32   4*n  CRC-32 (zlib) of each payload chunk, so a mismatch can name the damaged byte range
//
// Every byte of the file is covered, so any change to a sealed file is refused before HDF5 opens it.
#include <cstdint>
#include <filesystem>
#include <span>

namespace mann {

inline constexpr uint64_t kCheckpointUserBlockSize = 512;

enum class SealStatus {
  verified,  // the seal matches every byte
  unsealed,  // an HDF5 file without a user block: a checkpoint from before seals existed
};

// Throws CheckpointError ("<path>: ...") when the file is sealed but does not match its seal (truncated,
// bytes appended, corrupted range, damaged seal) or is no HDF5 file at all. Reads in bounded chunks.
SealStatus verify_checkpoint_seal(const std::filesystem::path& path);

// Writes the seal into the first kCheckpointUserBlockSize bytes of a complete HDF5 file image held in
// memory (created with such a user block). Throws std::system_error when the image has no user block.
void seal_image(std::span<unsigned char> image);

// Writes the seal into the user block of a closed HDF5 file created with a kCheckpointUserBlockSize user
// block. Throws std::system_error on I/O failure. Also the maintenance tool's way to re-seal an edited file.
void seal_checkpoint(const std::filesystem::path& path);

}  // namespace mann
