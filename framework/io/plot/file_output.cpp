#include "framework/io/plot/file_output.h"

#include <fstream>
#include <string>
#include <system_error>

#include "framework/autodiff/errors.h"
#include "framework/io/atomic_file.h"

namespace mann::plot {

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  try {
    write_atomically(path, [&](const std::filesystem::path& temp) {
      std::ofstream out(temp, std::ios::binary | std::ios::trunc);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      out.close();
      if (!out) throw UserError("cannot write plot file " + path.string());
    });
  } catch (const std::system_error& e) {
    // fsync or rename failed: still a problem the user fixes (permissions, disk), so report it as such.
    throw UserError("cannot write plot file " + path.string() + ": " + e.what());
  }
}

}  // namespace mann::plot
