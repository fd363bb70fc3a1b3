#include "tools/checkpoint_rotation.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace mann {

std::string step_checkpoint_name(int64_t step) {
  char name[48];
  std::snprintf(name, sizeof name, "step-%08lld.h5", static_cast<long long>(step));
  return name;
}

void keep_step_checkpoint(const std::filesystem::path& last, int64_t step, int keep) {
  if (keep <= 0) return;
  const std::filesystem::path dir = last.parent_path();
  std::filesystem::copy_file(last, dir / step_checkpoint_name(step),
                             std::filesystem::copy_options::overwrite_existing);
  std::vector<std::pair<int64_t, std::filesystem::path>> kept;  // by step, oldest first
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    long long number = 0;
    char rest = 0;
    if (std::sscanf(name.c_str(), "step-%lld.h%c", &number, &rest) == 2 && name.ends_with(".h5"))
      kept.emplace_back(number, entry.path());
  }
  std::sort(kept.begin(), kept.end());
  for (size_t i = 0; i + static_cast<size_t>(keep) < kept.size(); ++i)
    std::filesystem::remove(kept[i].second);
}

}  // namespace mann
