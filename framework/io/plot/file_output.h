#pragma once
// Writes a finished plot file in one go through write_atomically, so a crash or a full disk never leaves a
// half-written image where a good one was.
#include <filesystem>
#include <string_view>

namespace mann::plot {

// Throws UserError (naming `path` and what went wrong) when the file cannot be written.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace mann::plot
