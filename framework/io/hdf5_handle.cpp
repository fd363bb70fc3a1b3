#include "framework/io/hdf5_handle.h"

namespace mann::h5 {

namespace {

herr_t take_innermost(unsigned n, const H5E_error2_t* err, void* out) {
  // Walking upward, entry 0 is where the library detected the problem: the most telling description.
  if (n == 0 && err->desc != nullptr) *static_cast<std::string*>(out) = err->desc;
  return 0;
}

}  // namespace

std::string last_error_message() {
  std::string message;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, take_innermost, &message);
  return message;
}

void Handle::close(const std::string& what) {
  if (id_ < 0) return;
  const int status = H5Idec_ref(std::exchange(id_, H5I_INVALID_HID));
  check(status, what);
}

}  // namespace mann::h5
