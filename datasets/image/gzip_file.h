#pragma once
// Reading a whole gzip-compressed file into memory with zlib. Only gzip is accepted: zlib's gzread would
// pass an uncompressed file through unchanged, which would hide a wrong or damaged download.
#include <cstdint>
#include <string>
#include <vector>

namespace mann {

// The decompressed contents of the gzip file at `path` (concatenated gzip members are joined, as gunzip
// does). Throws UserError naming the file when it cannot be read, is not gzip (no 1f 8b signature), is
// cut short or corrupt, or would decompress to more than `max_bytes`.
std::vector<std::uint8_t> read_gzip_file(const std::string& path,
                                         std::size_t max_bytes = std::size_t{1} << 30);

}  // namespace mann
