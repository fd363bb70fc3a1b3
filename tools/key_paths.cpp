#include "tools/key_paths.h"

#include "framework/config/experiment.h"
#include "framework/config/suggest.h"

namespace mann {
namespace {

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', start)) {
    parts.push_back(path.substr(start, dot - start));
    start = dot + 1;
  }
  parts.push_back(path.substr(start));
  return parts;
}

// The spec a component option's value selects: its own `type:`, else the default's.
const ComponentSpec* chosen_component(const ComponentSpec& spec, const OptionSpec& option,
                                      const ConfigNode* value, const Registry& registry) {
  const std::string kind = option.type.substr(kComponentTypePrefix.size());
  const ConfigNode* type = value && value->is_map() ? value->find("type") : nullptr;
  if (type && type->is_scalar()) return registry.find(kind, type->text());
  const ConfigNode fallback = parse_default(spec, option);
  const ConfigNode* default_type = fallback.is_map() ? fallback.find("type") : nullptr;
  return default_type && default_type->is_scalar() ? registry.find(kind, default_type->text()) : nullptr;
}

void collect(const ConfigNode* node, const ComponentSpec& spec, const std::string& prefix, bool top_level,
             const Registry& registry, std::vector<std::string>& out) {
  for (const OptionSpec& option : spec.options) {
    const std::string path = prefix.empty() ? option.name : prefix + "." + option.name;
    out.push_back(path);
    const ConfigNode* value = node && node->is_map() ? node->find(option.name) : nullptr;
    const ComponentSpec* child = nullptr;
    if (option.type.starts_with(kComponentTypePrefix))
      child = chosen_component(spec, option, value, registry);
    else if (top_level)
      child = registry.find("section", option.name);  // train, eval, output
    if (child) collect(value, *child, path, false, registry, out);
  }
}

}  // namespace

std::vector<std::string> known_key_paths(const ConfigNode& root, const Registry& registry) {
  std::vector<std::string> paths;
  collect(&root, experiment_spec(), "", true, registry, paths);
  return paths;
}

std::string nearest_key_path(const std::string& wrong, const std::vector<std::string>& known) {
  const std::vector<std::string> wrong_parts = segments(wrong);
  std::string best;
  size_t best_shared = 0, best_length = 0;
  for (const std::string& path : known) {
    const std::vector<std::string> parts = segments(path);
    if (parts.back() != wrong_parts.back() || path == wrong) continue;
    size_t shared = 0;
    while (shared < parts.size() && shared < wrong_parts.size() && parts[shared] == wrong_parts[shared])
      ++shared;
    // The longest shared lead wins; then the shortest path (`train.seed` -> `seed`, not `eval.seed`).
    if (best.empty() || shared > best_shared || (shared == best_shared && parts.size() < best_length)) {
      best = path;
      best_shared = shared;
      best_length = parts.size();
    }
  }
  return best.empty() ? nearest_match(wrong, known) : best;
}

}  // namespace mann
