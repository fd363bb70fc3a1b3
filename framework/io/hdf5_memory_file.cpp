#include "framework/io/hdf5_memory_file.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

namespace mann::h5 {

namespace {

// The core driver's buffer, kept when the file closes instead of freed (and freed here, also when an
// exception unwinds the write).
struct Capture {
  void* buffer = nullptr;
  size_t size = 0;
  Capture() = default;
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;
  ~Capture() { std::free(buffer); }
};

void* image_malloc(size_t size, H5FD_file_image_op_t, void* udata) {
  static_cast<Capture*>(udata)->size = size;
  return std::calloc(size, 1);
}

void* image_memcpy(void* dest, const void* src, size_t size, H5FD_file_image_op_t, void*) {
  return std::memcpy(dest, src, size);
}

void* image_realloc(void* buffer, size_t size, H5FD_file_image_op_t, void* udata) {
  void* grown = std::realloc(buffer, size);
  if (grown != nullptr) static_cast<Capture*>(udata)->size = size;
  return grown;
}

herr_t image_free(void* buffer, H5FD_file_image_op_t op, void* udata) {
  if (op == H5FD_FILE_IMAGE_OP_FILE_CLOSE) {
    static_cast<Capture*>(udata)->buffer = buffer;
  } else {
    std::free(buffer);
  }
  return 0;
}

// The property list copies share the one Capture, which outlives them all.
void* udata_copy(void* udata) {
  return udata;
}
herr_t udata_free(void*) {
  return 0;
}

// The core driver allocates in increments: the file proper ends where its superblock (version 2 or newer,
// which the newest format uses) says, at the end-of-file address 28 bytes into it. HDF5 counts that address
// from the start of the file, user block included (it truncates a file it reopens for writing there).
size_t hdf5_end(const unsigned char* bytes, size_t size) {
  for (size_t base = 0; base + 36 <= size; base = base == 0 ? 512 : base * 2) {
    if (std::memcmp(bytes + base, "\x89HDF\r\n\x1a\n", 8) != 0) continue;
    if (bytes[base + 8] < 2) return size;
    uint64_t end = 0;
    for (int i = 0; i < 8; ++i) end |= static_cast<uint64_t>(bytes[base + 28 + i]) << (8 * i);
    return end > base && end <= size ? static_cast<size_t>(end) : size;
  }
  return size;
}

}  // namespace

MemoryFileImage build_in_memory(hid_t create_plist, const std::function<void(hid_t fapl)>& configure,
                                const std::function<void(hid_t file)>& write) {
  Capture capture;
  Handle fapl(H5Pcreate(H5P_FILE_ACCESS), "cannot create file access property list");
  check(H5Pset_fapl_core(fapl, size_t{1} << 16, /*backing_store=*/0), "cannot select in-memory files");
  H5FD_file_image_callbacks_t callbacks{image_malloc, image_memcpy, image_realloc, image_free,
                                        udata_copy,   udata_free,   &capture};
  check(H5Pset_file_image_callbacks(fapl, &callbacks), "cannot set in-memory file callbacks");
  configure(fapl);
  // The name only identifies the file among open ones; nothing is created under it.
  static int serial = 0;
  const std::string name = "mann-in-memory-" + std::to_string(serial++) + ".h5";
  {
    Handle file(H5Fcreate(name.c_str(), H5F_ACC_TRUNC, create_plist, fapl),
                "cannot create an in-memory file");
    write(file);
    file.close("cannot close the in-memory file");
  }
  if (capture.buffer == nullptr) throw Error("the in-memory file left no bytes");
  const size_t size = hdf5_end(static_cast<const unsigned char*>(capture.buffer), capture.size);
  return MemoryFileImage(std::exchange(capture.buffer, nullptr), size);
}

}  // namespace mann::h5
