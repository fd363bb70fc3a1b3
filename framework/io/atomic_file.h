#pragma once
// Replace a file so that a crash at any moment leaves either the old complete file or the new complete file,
// never a mix: write a temporary file in the same directory (rename is only atomic within one file system),
// make it durable with fsync, rename it over the target, then fsync the directory so the rename itself
// survives a power cut.
#include <filesystem>
#include <functional>

namespace mann {

// "<target>.tmp-<pid>": unique per process, so two runs saving the same target never share a temporary.
std::filesystem::path atomic_temp_path(const std::filesystem::path& target);

// Calls write(temp) to produce and close the temporary file, then fsyncs and renames it over `target`.
// If write throws, the temporary is removed and the exception propagates unchanged; `target` is untouched.
// Filesystem failures (fsync, rename) throw std::system_error.
void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path& temp)>& write);

}  // namespace mann
