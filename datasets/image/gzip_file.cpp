#include "datasets/image/gzip_file.h"

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "framework/autodiff/errors.h"

namespace mann {

namespace {

std::vector<std::uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UserError("cannot open '" + path + "' for reading");
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw UserError("reading '" + path + "' failed");
  return bytes;
}

// Owns a z_stream set up for gzip decoding, so every exit path releases it.
class GzipInflater {
 public:
  explicit GzipInflater(const std::string& path) {
    // 16 + MAX_WBITS: a gzip header and trailer are required (plain zlib or raw deflate is refused).
    if (inflateInit2(&stream_, 16 + MAX_WBITS) != Z_OK)
      throw UserError("zlib could not start decompressing '" + path + "'");
  }
  ~GzipInflater() { inflateEnd(&stream_); }
  GzipInflater(const GzipInflater&) = delete;
  GzipInflater& operator=(const GzipInflater&) = delete;

  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
};

}  // namespace

std::vector<std::uint8_t> read_gzip_file(const std::string& path, std::size_t max_bytes) {
  std::vector<std::uint8_t> compressed = read_bytes(path);
  if (compressed.size() < 2 || compressed[0] != 0x1f || compressed[1] != 0x8b)
    throw UserError("'" + path + "' is not a gzip file (it lacks the 1f 8b signature)");

  GzipInflater inflater(path);
  z_stream& z = inflater.stream();
  z.next_in = compressed.data();
  z.avail_in = static_cast<uInt>(compressed.size());  // files over 4 GiB are beyond any dataset read here
  std::vector<std::uint8_t> out(std::min(std::max<std::size_t>(compressed.size() * 4, 1 << 16), max_bytes));
  std::size_t produced = 0;
  for (;;) {
    if (produced == out.size()) {
      if (out.size() >= max_bytes)
        throw UserError("'" + path + "' decompresses to more than " + std::to_string(max_bytes) + " bytes");
      out.resize(std::min(out.size() * 2, max_bytes));
    }
    z.next_out = out.data() + produced;
    z.avail_out = static_cast<uInt>(out.size() - produced);
    const int status = inflate(&z, Z_NO_FLUSH);
    produced = out.size() - z.avail_out;
    if (status == Z_STREAM_END) {
      if (z.avail_in == 0) break;
      // Another gzip member follows (as `cat a.gz b.gz` makes): decode it too.
      if (inflateReset(&z) != Z_OK) throw UserError("zlib could not continue decompressing '" + path + "'");
      continue;
    }
    if (status == Z_BUF_ERROR && z.avail_in == 0)
      throw UserError("'" + path + "' is truncated: the gzip stream ends early (incomplete download?)");
    if (status != Z_OK && status != Z_BUF_ERROR)
      throw UserError("'" + path + "' is corrupt: " + (z.msg != nullptr ? z.msg : "zlib error") +
                      " (not a valid gzip stream)");
  }
  out.resize(produced);
  return out;
}

}  // namespace mann
