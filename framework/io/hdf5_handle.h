#pragma once
// Owning wrapper for HDF5 identifiers: every hid_t is closed exactly once, also when an exception unwinds
// a half-written checkpoint (an open dataset would otherwise keep the file open after H5Fclose).
#include <hdf5.h>

#include <stdexcept>
#include <string>
#include <utility>

namespace mann::h5 {

// Any HDF5-level failure or schema violation. The checkpoint reader/writer prefix it with the file path and
// rethrow it as CheckpointError, so this type never reaches the user.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The innermost message of HDF5's current error stack (e.g. "truncated file: eof = ..."), or "".
std::string last_error_message();

class Handle {
 public:
  Handle() = default;
  // `what` names the failed operation for the error thrown when `id` is negative (HDF5's failure value).
  Handle(hid_t id, const std::string& what) : id_(id) {
    if (id_ < 0) {
      const std::string detail = last_error_message();
      throw Error(what + (detail.empty() ? "" : " (" + detail + ")"));
    }
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }
  ~Handle() { reset(); }

  hid_t get() const { return id_; }
  operator hid_t() const { return id_; }  // NOLINT: lets handles go straight into H5* calls
  void reset() {
    // H5Idec_ref closes files, groups, datasets, types, spaces and property lists alike.
    if (id_ >= 0) H5Idec_ref(id_);
    id_ = H5I_INVALID_HID;
  }
  // Like reset(), but reports a failed close: closing a file flushes it, and that can fail (disk full).
  void close(const std::string& what);

 private:
  hid_t id_ = H5I_INVALID_HID;
};

// Throws Error(what + HDF5 detail) when an herr_t/htri_t call failed (negative); returns the value otherwise.
inline long check(long status, const std::string& what) {
  if (status < 0) {
    const std::string detail = last_error_message();
    throw Error(what + (detail.empty() ? "" : " (" + detail + ")"));
  }
  return status;
}

// Turns off HDF5's printing of its error stack to stderr for the scope: failures become our exceptions with
// one readable message instead of a screenful of library internals. Restores the previous handler.
class QuietErrors {
 public:
  QuietErrors() {
    H5Eget_auto2(H5E_DEFAULT, &func_, &data_);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;
  ~QuietErrors() { H5Eset_auto2(H5E_DEFAULT, func_, data_); }

 private:
  H5E_auto2_t func_ = nullptr;
  void* data_ = nullptr;
};

}  // namespace mann::h5
