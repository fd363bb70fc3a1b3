#pragma once
// An HDF5 file built entirely in memory (the core driver, no backing file), whose bytes are handed over
// when it is closed. Writing the bytes to disk is then the caller's own, checked I/O: HDF5 never meets a
// failing disk, from which its close cannot recover (a failed flush leaves a half-destroyed file open that
// crashes the process at exit). H5Fget_file_image cannot replace this: in HDF5 1.10 the images it returns
// of files in the newest format fail their own superblock checksum.
#include <cstdlib>
#include <functional>
#include <memory>
#include <span>

#include "framework/io/hdf5_handle.h"

namespace mann::h5 {

// The bytes of a closed in-memory file, in the buffer HDF5 built them in (no copy: a checkpoint can be
// large).
class MemoryFileImage {
 public:
  MemoryFileImage(void* buffer, size_t size) : buffer_(static_cast<unsigned char*>(buffer)), size_(size) {}
  std::span<unsigned char> bytes() const { return {buffer_.get(), size_}; }

 private:
  struct Free {
    void operator()(unsigned char* p) const { std::free(p); }
  };
  std::unique_ptr<unsigned char, Free> buffer_;
  size_t size_;
};

// Creates the file with `create_plist` (e.g. a user block) and access settings `configure` adds to the
// in-memory ones (e.g. the format version), lets `write` fill it, closes it and returns all its bytes,
// user block included. Throws Error on failure.
MemoryFileImage build_in_memory(hid_t create_plist, const std::function<void(hid_t fapl)>& configure,
                                const std::function<void(hid_t file)>& write);

}  // namespace mann::h5
