#pragma once
// An attention view saved for the user's own analysis: one HDF5 file, one float32 dataset (rows x cols) per
// panel under its panel name, with the panel's title, axis titles, row and column labels and marked rows as
// attributes, and the view's title plus what it came from (`about`) as attributes of the root.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "framework/views/attention_view.h"

namespace mann {

// Written atomically (temporary file, fsync, rename). UserError naming the file when it cannot be written.
void write_attention_h5(const AttentionView& view,
                        const std::vector<std::pair<std::string, std::string>>& about,
                        const std::filesystem::path& out);

}  // namespace mann
